import { LockMode } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { isUuid, listPage } from '../../shared/crud';
import { badInput, notFound } from '../../shared/errors';
import { emitAfterCommit } from '../../shared/event-bus';
import { FieldReason, noSuch, problem, required, type FieldMessages } from '../../shared/field-errors';
import { defineJob } from '../../shared/jobs';
import { SortOrder, type Page } from '../../shared/pagination';
import { Reminder, ReminderStatus } from './reminder.entity';
import type { MyRemindersArgs, ReminderDue } from './reminder.inputs';

declare module '../../shared/jobs' {
  interface JobPayloads {
    'reminders.fire': { reminderId: string; remindAt: string };
  }
}

/** After commit, per reminder that fell due: its user's connections (and their deputies') on every instance receive it. */
export const REMINDER_DUE = 'REMINDER_DUE';

/** The event: the reminder as delivered, and everyone it goes to. */
export interface ReminderDueEvent extends Record<string, unknown> {
  reminderId: string;
  userId: string;
  recipients: string[];
  title: string;
  remindAt: string;
  activityId: string | null;
  deliveredAt: string;
}

const SORTABLE = ['remindAt', 'createdAt', 'status'] as const;

/**
 * Reminders (issue 13, item 6). Setting one (for oneself, or for another user by the
 * activities that assign work) enqueues a pg-boss job for its moment in the same
 * transaction, so the job exists exactly when the reminder does; the job, taken by one
 * process of all, marks it DUE and raises REMINDER_DUE, which the event bus hands to the
 * subscribers of every instance. A snooze sets a new moment and a new job; a job whose
 * moment is no longer the reminder's does nothing (so a snoozed reminder never fires early
 * or twice).
 */
export class ReminderService {
  /** The caller's reminders, newest moment first; `status: DUE` lists the unread ones. */
  mine(ctx: Context, args: MyRemindersArgs): Promise<Page<Reminder>> {
    const conditions = [{ user: ctx.user!.id }, ...(args.status ? [{ status: args.status }] : [])];
    return listPage(ctx.em, Reminder, conditions, { ...args, sort: args.sort?.length ? args.sort : [{ field: 'remindAt', order: SortOrder.DESC }] }, SORTABLE, 'remindAt');
  }

  /** How many of the caller's reminders are due and unread (the bell's number). */
  unread(ctx: Context): Promise<number> {
    return ctx.em.count(Reminder, { user: ctx.user!.id, status: ReminderStatus.DUE });
  }

  /**
   * A reminder for `userId` at `remindAt` (BAD_USER_INPUT on remindAt when not in the
   * future, on title when blank); `fields` names the caller's input fields.
   */
  async create(ctx: Context, input: { userId: string; title: string; remindAt: Date; activityId?: string | null }, fields: { title: string; remindAt: string } = { title: 'title', remindAt: 'remindAt' }): Promise<Reminder> {
    const problems: FieldMessages = {};
    const title = input.title?.trim();
    if (!title) problems[fields.title] = required();
    if (!(input.remindAt instanceof Date) || Number.isNaN(input.remindAt.getTime())) problems[fields.remindAt] = required();
    else if (input.remindAt.getTime() <= Date.now()) problems[fields.remindAt] = problem(FieldReason.IN_THE_PAST, 'must be in the future', { now: new Date().toISOString() });
    if (input.activityId && !(await ctx.services.activities.get(ctx, input.activityId))) problems.activityId = noSuch('Activity', 'no such activity');
    if (Object.keys(problems).length) throw badInput(problems);
    const reminder = ctx.em.create(Reminder, { user: input.userId, title: title!, remindAt: input.remindAt, activity: input.activityId ?? null });
    await ctx.em.flush();
    await this.schedule(ctx, reminder);
    return reminder;
  }

  /** The activity's pending reminders are replaced by this one (or removed when `remindAt` is null): what an edited activity calls. */
  async replaceForActivity(ctx: Context, activityId: string, next: { userId: string; title: string; remindAt: Date } | null): Promise<Reminder | null> {
    await ctx.em.nativeDelete(Reminder, { activity: activityId, status: ReminderStatus.PENDING });
    return next ? this.create(ctx, { ...next, activityId }) : null;
  }

  async markRead(ctx: Context, id: string): Promise<Reminder> {
    const reminder = await this.lockOwn(ctx, id);
    reminder.status = ReminderStatus.READ;
    reminder.readAt = new Date();
    await ctx.em.flush();
    return reminder;
  }

  /** Remind again in `minutes`: PENDING with a new moment and a new job. */
  async snooze(ctx: Context, id: string, minutes: number): Promise<Reminder> {
    const reminder = await this.lockOwn(ctx, id);
    reminder.remindAt = new Date(Date.now() + minutes * 60_000);
    reminder.status = ReminderStatus.PENDING;
    reminder.readAt = null;
    await ctx.em.flush();
    await this.schedule(ctx, reminder);
    return reminder;
  }

  /**
   * The job: the reminder, locked, falls due when this job's moment is still its moment
   * and it is pending; false when it was snoozed, read or deleted meanwhile.
   */
  async fire(ctx: Context, reminderId: string, remindAt: string): Promise<boolean> {
    const reminder = await ctx.em.findOne(Reminder, { id: reminderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!reminder || reminder.status !== ReminderStatus.PENDING || reminder.remindAt.toISOString() !== remindAt) return false;
    reminder.status = ReminderStatus.DUE;
    reminder.deliveredAt = new Date();
    await ctx.em.flush();
    const userId = reminder.user.id;
    const event: ReminderDueEvent = {
      reminderId: reminder.id, userId, recipients: await this.recipientsOf(ctx, userId), title: reminder.title,
      remindAt: reminder.remindAt.toISOString(), activityId: reminder.activityId, deliveredAt: reminder.deliveredAt.toISOString(),
    };
    emitAfterCommit(ctx, REMINDER_DUE, event, `reminder:${reminder.id}`);
    return true;
  }

  /** Who receives a user's reminders: the user, and whoever stands in for them now (deputies). */
  protected async recipientsOf(ctx: Context, userId: string): Promise<string[]> {
    return [userId, ...(await ctx.services.deputies.deputiesOf(ctx, userId))];
  }

  /** How many reminders of these activities are still to fire. */
  pendingForActivities(ctx: Context, activityIds: readonly string[]): Promise<number> {
    return activityIds.length ? ctx.em.count(Reminder, { activity: { $in: [...activityIds] }, status: ReminderStatus.PENDING }) : Promise.resolve(0);
  }

  /** The pending reminders of these activities go to `userId` (a handover); how many moved. */
  async moveForActivities(ctx: Context, activityIds: readonly string[], userId: string): Promise<number> {
    if (!activityIds.length) return 0;
    return ctx.em.nativeUpdate(Reminder, { activity: { $in: [...activityIds] }, status: ReminderStatus.PENDING }, { user: userId });
  }

  /** The subscriber's view of a delivered reminder. */
  static asDue(event: ReminderDueEvent): ReminderDue {
    return { reminderId: event.reminderId, userId: event.userId, title: event.title, remindAt: new Date(event.remindAt), activityId: event.activityId, deliveredAt: new Date(event.deliveredAt) };
  }

  private async schedule(ctx: Context, reminder: Reminder): Promise<void> {
    await ctx.services.jobs.enqueue(ctx, 'reminders.fire', { reminderId: reminder.id, remindAt: reminder.remindAt.toISOString() }, { startAfter: reminder.remindAt });
  }

  /** The caller's own reminder, locked; NOT_FOUND for anyone else's. */
  private async lockOwn(ctx: Context, id: string): Promise<Reminder> {
    const reminder = isUuid(id) ? await ctx.em.findOne(Reminder, { id, user: ctx.user!.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!reminder) throw notFound('Reminder', id);
    return reminder;
  }
}

export const reminderJobs = [defineJob('reminders.fire', async (ctx, { reminderId, remindAt }) => void (await ctx.services.reminders.fire(ctx, reminderId, remindAt)), { retryDelaySeconds: 2 })];
