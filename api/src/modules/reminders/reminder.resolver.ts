import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context';
import { forbidden } from '../../shared/errors';
import { PageType } from '../../shared/pagination';
import { Reminder } from './reminder.entity';
import { CreateReminderInput, MyRemindersArgs, ReminderDue, SnoozeArgs } from './reminder.inputs';
import { REMINDER_DUE, ReminderService, type ReminderDueEvent } from './reminder.service';

export const ReminderPage = PageType(Reminder);

/** A user's own reminders: each sees, reads and snoozes only theirs (another's is NOT_FOUND). */
@Resolver(() => Reminder)
export class ReminderResolver {
  @Authorized('reminder:read')
  @Query(() => ReminderPage, { description: "The caller's reminders, the latest moment first; status DUE lists the unread ones" })
  myReminders(@Args(() => MyRemindersArgs) args: MyRemindersArgs, @Ctx() ctx: Context) {
    return ctx.services.reminders.mine(ctx, args);
  }

  @Authorized('reminder:read')
  @Query(() => Int, { description: 'How many of them are due and unread' })
  myUnreadReminderCount(@Ctx() ctx: Context) {
    return ctx.services.reminders.unread(ctx);
  }

  @Authorized('reminder:create')
  @Mutation(() => Reminder, { description: 'A reminder for the caller at remindAt: BAD_USER_INPUT on remindAt when it is not in the future (IN_THE_PAST), on title when blank' })
  createReminder(@Arg('input', () => CreateReminderInput) input: CreateReminderInput, @Ctx() ctx: Context) {
    return ctx.services.reminders.create(ctx, { userId: ctx.user!.id, title: input.title, remindAt: input.remindAt, activityId: input.activityId });
  }

  @Authorized('reminder:update')
  @Mutation(() => Reminder)
  markReminderRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.reminders.markRead(ctx, id);
  }

  @Authorized('reminder:update')
  @Mutation(() => Reminder, { description: 'Remind again in `minutes` (1…10080)' })
  snoozeReminder(@Args(() => SnoozeArgs) { id, minutes }: SnoozeArgs, @Ctx() ctx: Context) {
    return ctx.services.reminders.snooze(ctx, id, minutes);
  }

  @Subscription(() => ReminderDue, {
    description: "The caller's reminders as they fall due, on whichever instance the connection is (and the reminders of those the caller stands in for)",
    subscribe: ({ context }) => {
      const ctx = context as Context;
      if (!ctx.user?.permissions.has('reminder:read')) throw forbidden('Your roles do not allow reminder:read');
      const userId = ctx.user.id;
      return ctx.services.events.subscribe<ReminderDueEvent>(REMINDER_DUE, (event) => event.recipients.includes(userId));
    },
  })
  reminderDue(@Root() event: ReminderDueEvent): ReminderDue {
    return ReminderService.asDue(event);
  }
}
