import { Enum, Property, type Opt } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { DocumentStatus } from './document-status';

/**
 * What every document has (DESIGN §4): a number per type and year, a date, a status
 * (DRAFT → POSTED → unposted back to DRAFT, or CANCELLED) and when it was posted.
 * Each document adds its own header fields and lines.
 */
@ObjectType()
export abstract class DocumentEntity extends BaseEntity {
  @Field({ description: 'Prefix, year and sequence, e.g. RC-2026-000017' })
  @Property({ type: 'text', unique: true })
  number: string;

  @Field(() => LocalDateScalar, { description: 'The document date; its registers are dated by it' })
  @Property({ type: 'date' })
  date: string;

  @Field(() => DocumentStatus)
  @Enum({ items: () => DocumentStatus, default: DocumentStatus.DRAFT })
  status: Opt<DocumentStatus> = DocumentStatus.DRAFT;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  postedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}
