import type { FilterQuery } from '@mikro-orm/postgresql';
import { IsEnum, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { BaseFilter, baseConditions } from '../../shared/crud';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { DocumentStatus } from './document-status';

/** What every document list filters on besides its own fields: a date range and the status. */
@InputType()
export class DocumentFilter extends BaseFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Documents dated on or after this date' })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Documents dated on or before this date' })
  dateTo?: string | null;

  @Field(() => DocumentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DocumentStatus)
  status?: DocumentStatus | null;
}

/** The conditions of DocumentFilter (and BaseFilter's q, ids, updatedSince); the list adds its own. */
export function documentConditions<T>(filter: DocumentFilter | undefined | null, searchIn: readonly string[]): FilterQuery<T>[] {
  const conditions = baseConditions<T>(filter, searchIn) as Record<string, unknown>[];
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.dateFrom) conditions.push({ date: { $gte: filter.dateFrom } });
  if (filter?.dateTo) conditions.push({ date: { $lte: filter.dateTo } });
  return conditions as FilterQuery<T>[];
}
