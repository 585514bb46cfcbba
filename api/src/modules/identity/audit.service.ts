import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import type { Context } from '../../server/context';
import { listPage } from '../../shared/crud';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { PageArgs, type Page } from '../../shared/pagination';
import { AuditAction, AuditEntry } from './audit-entry.entity';

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Entity name, e.g. Product' })
  @IsOptional()
  @MaxLength(100)
  entity?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  userId?: string | null;

  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'At or after' })
  @IsOptional()
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Before' })
  @IsOptional()
  to?: Date | null;
}

@ArgsType()
export class AuditListArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true })
  filter?: AuditFilter;
}

/** Reads the audit log; nothing ever writes it but the audit subscriber. */
export class AuditService {
  list(ctx: Context, args: AuditListArgs): Promise<Page<AuditEntry>> {
    const f = args.filter;
    const conditions: FilterQuery<AuditEntry>[] = [];
    if (f?.entity) conditions.push({ entity: f.entity });
    if (f?.entityId) conditions.push({ entityId: f.entityId });
    if (f?.userId) conditions.push({ userId: f.userId });
    if (f?.action) conditions.push({ action: f.action });
    if (f?.from) conditions.push({ at: { $gte: f.from } });
    if (f?.to) conditions.push({ at: { $lt: f.to } });
    const sorted = { ...args, sort: args.sort?.length ? args.sort : [{ field: 'at', order: 'DESC' as never }] };
    return listPage(ctx.em, AuditEntry, conditions, sorted, ['at', 'entity', 'entityId', 'action'], 'at');
  }
}
