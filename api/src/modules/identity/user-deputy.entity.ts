import { Check, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import type { User } from './user.entity';

/**
 * Who stands in for an absent user, and when (issue 13 §7): from..to inclusive on the
 * server's calendar, unless ended early. While it lasts the deputy sees the user's clients,
 * activities and deals and receives their reminders and assigned activities.
 */
@ObjectType({ description: 'A deputy period: who stands in for whom, from..to inclusive (the server\'s calendar)' })
@Entity({ tableName: 'user_deputy' })
@Check({ name: 'user_deputy_period_order', expression: 'to_date >= from_date' })
@Check({ name: 'user_deputy_not_self', expression: 'user_id <> deputy_id' })
@Index({ name: 'user_deputy_deputy_period_index', properties: ['deputy', 'fromDate', 'toDate'] })
export class UserDeputy extends BaseEntity {
  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'cascade', index: true })
  user: Ref<User>;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'cascade' })
  deputy: Ref<User>;

  @Field(() => LocalDateScalar, { name: 'from' })
  @Property({ type: 'date', fieldName: 'from_date' })
  fromDate: string;

  @Field(() => LocalDateScalar, { name: 'to' })
  @Property({ type: 'date', fieldName: 'to_date' })
  toDate: string;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict' })
  createdBy: Ref<User>;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when the period was ended early (endDeputy): it no longer applies' })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;
}
