import { Check, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import type { User } from '../identity/user.entity';
import type { Contact } from './contact.entity';
import type { Counterparty } from './counterparty.entity';

export enum ActivityType {
  CALL = 'CALL',
  MEETING = 'MEETING',
  TASK = 'TASK',
  EMAIL = 'EMAIL',
}
registerEnumType(ActivityType, { name: 'ActivityType', description: 'What kind of contact with the client is planned' });

export enum ActivityStatus {
  PLANNED = 'PLANNED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActivityStatus, { name: 'ActivityStatus', description: 'PLANNED → DONE (with its result) or CANCELLED' });

/** The longest activity: a whole day, in minutes. */
export const MAX_DURATION_MINUTES = 1440;
export const MAX_SUBJECT_LENGTH = 500;

/** A call, meeting, task or email with a client, planned for oneself or a colleague (issue 13 §4). */
@ObjectType()
@Entity({ tableName: 'activity' })
@Check({ name: 'activity_duration_range', expression: `duration_minutes is null or (duration_minutes >= 0 and duration_minutes <= ${MAX_DURATION_MINUTES})` })
@Check({ name: 'activity_reminder_offset_range', expression: 'reminder_offset_minutes is null or reminder_offset_minutes >= 0' })
@Check({ name: 'activity_completed_when_done', expression: "(status = 'DONE') = (completed_at is not null)" })
@Index({ name: 'activity_assignee_due_index', properties: ['assignee', 'dueAt'] })
@Index({ name: 'activity_client_due_index', properties: ['client', 'dueAt'] })
export class Activity extends BaseEntity {
  @Field(() => ActivityType)
  @Enum({ items: () => ActivityType })
  type: ActivityType;

  @Field()
  @Property({ type: 'text' })
  subject: string;

  @ManyToOne({ entity: 'Counterparty', ref: true, deleteRule: 'cascade' })
  client: Ref<Counterparty>;

  @ManyToOne({ entity: 'Contact', ref: true, nullable: true, deleteRule: 'set null', index: true })
  contact?: Ref<Contact> | null;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict' })
  assignee: Ref<User>;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict', index: true })
  author: Ref<User>;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  dueAt: Date;

  @Field(() => Int, { nullable: true, description: 'How long it takes, 0 to 1440 minutes' })
  @Property({ type: 'integer', nullable: true })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Field(() => ActivityStatus)
  @Enum({ items: () => ActivityStatus, default: ActivityStatus.PLANNED })
  status: Opt<ActivityStatus> = ActivityStatus.PLANNED;

  @Field(() => String, { nullable: true, description: 'What came of it, written when it is completed' })
  @Property({ type: 'text', nullable: true })
  result?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was completed (DONE only)' })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Remind this many minutes before dueAt (the reminder itself is another piece of work)' })
  @Property({ type: 'integer', nullable: true })
  reminderOffsetMinutes?: number | null;
}
