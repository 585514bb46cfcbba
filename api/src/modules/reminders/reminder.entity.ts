import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import type { Activity } from '../crm/activity.entity';
import type { User } from '../identity/user.entity';

/** A reminder's life: PENDING until its time, DUE (delivered, unread) from then, READ once its user marks it; a snooze makes it PENDING again. */
export enum ReminderStatus {
  PENDING = 'PENDING',
  DUE = 'DUE',
  READ = 'READ',
}
registerEnumType(ReminderStatus, { name: 'ReminderStatus' });

/**
 * A reminder for one user at a moment (issue 13, item 6): kept here, fired by a pg-boss job
 * at its time (once, whatever the number of instances), delivered live through
 * `reminderDue` to the user's connections on every instance, and waiting in `myReminders`
 * for a user who was offline. An activity's reminder names it.
 */
@ObjectType()
@Entity({ tableName: 'reminder' })
@Index({ properties: ['user', 'status', 'remindAt'] })
export class Reminder extends BaseEntity {
  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Field()
  @Property({ type: 'text' })
  title: string;

  @Field(() => GraphQLISODateTime, { description: 'When it is (or was) due; a snooze moves it' })
  @Property({ type: 'timestamptz' })
  remindAt: Date;

  @Field(() => ReminderStatus)
  @Enum({ items: () => ReminderStatus, default: ReminderStatus.PENDING })
  status: Opt<ReminderStatus> = ReminderStatus.PENDING;

  /** The activity it reminds of (gone with it). */
  @ManyToOne({ entity: 'Activity', ref: true, nullable: true, deleteRule: 'cascade', index: true })
  activity?: Ref<Activity> | null;

  @Field(() => ID, { nullable: true, description: 'The activity it reminds of' })
  get activityId(): string | null {
    return this.activity?.id ?? null;
  }


  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it last fell due and was delivered' })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}
