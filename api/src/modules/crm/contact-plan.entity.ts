import { Check, Entity, Enum, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { ActivityType } from './activity.entity';
import type { ClientReference } from './client-reference.entity';
import type { Counterparty } from './counterparty.entity';

export const MAX_PLAN_DAYS = 365;

/**
 * How often a client is to be contacted (issue 13 §5): every `everyDays` days by an activity of
 * one of `activityTypes`. Either a client's own plan or the default of a segment, never both;
 * a client's own plan (active or not) stands in for its segment's default.
 */
@ObjectType()
@Entity({ tableName: 'contact_plan' })
@Check({ name: 'contact_plan_one_target', expression: '(client_id is null) <> (segment_id is null)' })
@Check({ name: 'contact_plan_every_days_range', expression: `every_days >= 1 and every_days <= ${MAX_PLAN_DAYS}` })
@Check({ name: 'contact_plan_has_types', expression: 'cardinality(activity_types) > 0' })
@Unique({ name: 'contact_plan_client_unique', properties: ['client'] })
@Unique({ name: 'contact_plan_segment_unique', properties: ['segment'] })
export class ContactPlan extends BaseEntity {
  @ManyToOne({ entity: 'Counterparty', ref: true, nullable: true, deleteRule: 'cascade' })
  client?: Ref<Counterparty> | null;

  @ManyToOne({ entity: 'ClientReference', ref: true, nullable: true, deleteRule: 'cascade' })
  segment?: Ref<ClientReference> | null;

  @Field(() => Int, { description: `Contact the client at least every this many days (1 to ${MAX_PLAN_DAYS})` })
  @Property({ type: 'integer' })
  everyDays: number;

  @Field(() => [ActivityType], { description: 'Which activities count as a contact; the first is the one the daily job plans' })
  @Enum({ items: () => ActivityType, array: true, nativeEnumName: undefined })
  activityTypes: ActivityType[];

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
