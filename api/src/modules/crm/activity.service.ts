import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { baseConditions, findForChange, isUuid, listPage } from '../../shared/crud';
import { badInput, forbidden, invalidState, notFound } from '../../shared/errors';
import { FieldReason, noSuch, problem, required, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import { emitActivityAssigned, emitActivityChanged } from './activity.events';
import { Activity, ActivityStatus } from './activity.entity';
import type { ActivityCalendarArgs, ActivityDetailsInput, ActivityListArgs, CreateActivityInput, UpdateActivityInput } from './activity.inputs';
import { agendaRange, calendarRange, daysInclusive, MAX_CALENDAR_DAYS, reminderAt, type AgendaPeriod, type TimeRange } from './activity-schedule';
import { Contact } from './contact.entity';
import { Counterparty } from './counterparty.entity';
import { counterpartyScope, isHeadOfSales } from './counterparty.scope';

const SORTABLE = ['dueAt', 'type', 'status', 'subject', 'completedAt', 'createdAt', 'updatedAt', 'client.name', 'assignee.name'] as const;

/** Blank text is stored as null. */
const clean = (text: string | null | undefined) => text?.trim() || null;

/** Who plans and reads the activities of others: the calendar and the overdue list of anyone. */

/** What the agenda and the calendar show: what is planned and what was done, not what was called off. */
const ON_THE_CALENDAR = [ActivityStatus.PLANNED, ActivityStatus.DONE];

/**
 * Calls, meetings, tasks and emails with clients (issue 13 §4). A user sees the activities
 * they wrote or are assigned, and every activity of the clients they may see (the
 * counterparty record rule); anything else is as if it did not exist. Only a PLANNED
 * activity changes; completing or cancelling it ends it.
 */
export class ActivityService {
  list(ctx: Context, args: ActivityListArgs): Promise<Page<Activity>> {
    const f = args.filter;
    const conditions = baseConditions<Activity>(f, ['subject', 'location', 'result']);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.assigneeId) conditions.push({ assignee: f.assigneeId });
    if (f?.status) conditions.push({ status: f.status });
    if (f?.type) conditions.push({ type: f.type });
    if (f?.dueFrom) conditions.push({ dueAt: { $gte: f.dueFrom } });
    if (f?.dueTo) conditions.push({ dueAt: { $lt: f.dueTo } });
    if (f?.overdue === true) conditions.push(this.overdueNow());
    if (f?.overdue === false) conditions.push({ $not: this.overdueNow() } as FilterQuery<Activity>);
    this.pushVisible(ctx, conditions);
    return listPage(ctx.em, Activity, conditions, args, SORTABLE, 'dueAt');
  }

  /** One activity, or null when it is missing or out of the caller's sight. */
  get(ctx: Context, id: string): Promise<Activity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const conditions: FilterQuery<Activity>[] = [{ id }];
    this.pushVisible(ctx, conditions);
    return ctx.em.findOne(Activity, { $and: conditions });
  }

  /**
   * A client's latest activities, the newest due first, for Counterparty.activities: one
   * statement for all the clients of a list (the client itself was already in the caller's sight).
   */
  latestOfClient(ctx: Context, clientId: string, limit: number): Promise<Activity[]> {
    const loader = ctx.loaders.custom<string, Activity[]>(`activity.latestOfClient:${limit}`, async (clientIds) => {
      const rows: Record<string, unknown>[] = await ctx.em.getConnection().execute(
        `select a.* from (select *, row_number() over (partition by client_id order by due_at desc, id) as place from activity where client_id in (?)) a where a.place <= ? order by a.due_at desc, a.id`,
        [[...clientIds], limit],
      );
      const byClient = new Map<string, Activity[]>(clientIds.map((id) => [id, []]));
      for (const { place: _place, ...row } of rows) byClient.get(row.client_id as string)?.push(ctx.em.map(Activity, row));
      return clientIds.map((id) => byClient.get(id)!);
    });
    return loader.load(clientId);
  }

  /** The caller's planned and done activities of the day or ISO week (server calendar) holding `date`, by due time, with those of whom the caller stands in for. */
  myAgenda(ctx: Context, period: AgendaPeriod, date: string): Promise<Activity[]> {
    return this.onCalendar(ctx, [ctx.user!.id, ...(ctx.user!.standsInFor ?? [])], agendaRange(period, date));
  }

  /** The activities of the given people (the caller when none) due on the dates from..to; anyone's only for a head. */
  calendar(ctx: Context, args: ActivityCalendarArgs): Promise<Activity[]> {
    const days = daysInclusive(args.from, args.to);
    if (days < 1) throw badInput({ to: problem(FieldReason.NOT_BEFORE, `must not be before from (${args.from})`, { field: 'from', value: args.from }) });
    if (days > MAX_CALENDAR_DAYS) throw badInput({ to: problem(FieldReason.RANGE_TOO_LONG, `the calendar shows at most ${MAX_CALENDAR_DAYS} days; this asks for ${days}`, { max: MAX_CALENDAR_DAYS }) });
    const assignees = args.assigneeIds?.length ? [...new Set(args.assigneeIds)] : [ctx.user!.id];
    this.mayFollow(ctx, assignees);
    return this.onCalendar(ctx, assignees, calendarRange(args.from, args.to));
  }

  /** PLANNED activities already past due, the oldest first: the caller's, or (for a head) anyone's. */
  overdue(ctx: Context, assigneeId: string | null | undefined): Promise<Activity[]> {
    const assignee = assigneeId ?? ctx.user!.id;
    this.mayFollow(ctx, [assignee]);
    const conditions: FilterQuery<Activity>[] = [{ assignee }, this.overdueNow()];
    this.pushVisible(ctx, conditions);
    return ctx.em.find(Activity, { $and: conditions }, { orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] });
  }

  async create(ctx: Context, input: CreateActivityInput): Promise<Activity> {
    const fields: FieldMessages = {};
    const subject = input.subject.trim();
    if (!subject) fields.subject = required('must not be blank');
    const client = await ctx.services.counterparties.get(ctx, input.clientId);
    if (!client) fields.clientId = noSuch('Counterparty', 'no such client');
    if (client && input.contactId) await this.checkContact(ctx, input.contactId, client.id, fields);
    const assigneeId = input.assigneeId ?? ctx.user!.id;
    await this.checkAssignee(ctx, assigneeId, fields);
    this.checkReminder(input.dueAt, input.reminderOffsetMinutes, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const activity = ctx.em.create(Activity, {
      type: input.type,
      subject,
      client: input.clientId,
      contact: input.contactId ?? null,
      assignee: assigneeId,
      author: ctx.user!.id,
      dueAt: input.dueAt,
      durationMinutes: input.durationMinutes ?? null,
      location: clean(input.location),
      reminderOffsetMinutes: input.reminderOffsetMinutes ?? null,
    });
    await ctx.em.flush();
    await this.syncReminder(ctx, activity);
    if (assigneeId !== ctx.user!.id) await emitActivityAssigned(ctx, activity, client!.name);
    emitActivityChanged(ctx, activity, 'CREATED');
    return activity;
  }

  async update(ctx: Context, id: string, input: UpdateActivityInput): Promise<Activity> {
    const activity = await this.forChange(ctx, id, input.version);
    const fields: FieldMessages = {};
    if (input.subject !== undefined && input.subject !== null && !input.subject.trim()) fields.subject = required('must not be blank');
    let clientName: string | undefined;
    const clientId = input.clientId ?? activity.client.id;
    if (input.clientId && input.clientId !== activity.client.id) {
      const client = await ctx.services.counterparties.get(ctx, input.clientId);
      if (!client) fields.clientId = noSuch('Counterparty', 'no such client');
      clientName = client?.name;
    }
    // a contact sent is checked against the client it will have; one kept, against a new client (and dropped when it is not theirs)
    const contactId = input.contactId !== undefined ? input.contactId : (activity.contact?.id ?? null);
    let keepContact = true;
    if (contactId && input.contactId !== undefined && !fields.clientId) await this.checkContact(ctx, contactId, clientId, fields);
    else if (contactId && clientId !== activity.client.id) keepContact = !!(await ctx.em.findOne(Contact, { id: contactId, counterparty: clientId }));
    const assigneeId = input.assigneeId ?? activity.assignee.id;
    if (assigneeId !== activity.assignee.id) await this.checkAssignee(ctx, assigneeId, fields);
    const dueAt = input.dueAt ?? activity.dueAt;
    const offset = input.reminderOffsetMinutes !== undefined ? input.reminderOffsetMinutes : (activity.reminderOffsetMinutes ?? null);
    const reminderChanged = input.reminderOffsetMinutes !== undefined || (input.dueAt !== undefined && input.dueAt.getTime() !== activity.dueAt.getTime());
    if (reminderChanged) this.checkReminder(dueAt, offset, fields);
    if (Object.keys(fields).length) throw badInput(fields);

    if (input.type) activity.type = input.type;
    if (input.subject) activity.subject = input.subject.trim();
    activity.client = ctx.em.getReference(Counterparty, clientId, { wrapped: true });
    activity.contact = contactId && keepContact ? ctx.em.getReference(Contact, contactId, { wrapped: true }) : null;
    const reassigned = assigneeId !== activity.assignee.id;
    activity.assignee = ctx.em.getReference(User, assigneeId, { wrapped: true });
    activity.dueAt = dueAt;
    if (input.durationMinutes !== undefined) activity.durationMinutes = input.durationMinutes;
    if (input.location !== undefined) activity.location = clean(input.location);
    activity.reminderOffsetMinutes = offset;
    activity.updatedAt = new Date();
    await ctx.em.flush();
    await this.syncReminder(ctx, activity);
    if (reassigned && assigneeId !== ctx.user!.id) {
      await emitActivityAssigned(ctx, activity, clientName ?? (await ctx.em.findOneOrFail(Counterparty, { id: clientId })).name);
    }
    return activity;
  }

  /** DONE with what came of it; the moment it was completed is kept. */
  async complete(ctx: Context, id: string, result: string | null | undefined): Promise<Activity> {
    const activity = await this.forChange(ctx, id);
    activity.status = ActivityStatus.DONE;
    activity.result = clean(result);
    activity.completedAt = new Date();
    await ctx.em.flush();
    await this.syncReminder(ctx, activity);
    emitActivityChanged(ctx, activity, 'COMPLETED');
    return activity;
  }

  async cancel(ctx: Context, id: string): Promise<Activity> {
    const activity = await this.forChange(ctx, id);
    activity.status = ActivityStatus.CANCELLED;
    await ctx.em.flush();
    await this.syncReminder(ctx, activity);
    emitActivityChanged(ctx, activity, 'CANCELLED');
    return activity;
  }

  /** Its author or a head of sales only, whatever its status. */
  async delete(ctx: Context, id: string): Promise<Activity> {
    const seen = await this.get(ctx, id);
    if (!seen) throw notFound(Activity.name, id);
    if (seen.author.id !== ctx.user!.id && !isHeadOfSales(ctx.user)) throw forbidden('Only the author of an activity (or a head of sales) can delete it');
    const activity = await findForChange(ctx.em, Activity, id);
    ctx.em.remove(activity);
    await ctx.em.flush();
    return activity;
  }

  /**
   * The assignee's reminder of a planned activity with a reminder offset, at due − offset
   * (replacing a pending one: moved, reassigned, or gone once done or cancelled). One
   * whose moment has passed has fired already and stays as it is.
   */
  private async syncReminder(ctx: Context, activity: Activity): Promise<void> {
    const offset = activity.reminderOffsetMinutes;
    const at = activity.status === ActivityStatus.PLANNED && offset !== null && offset !== undefined ? reminderAt(activity.dueAt, offset) : null;
    if (at && at.getTime() <= Date.now()) return;
    await ctx.services.reminders.replaceForActivity(ctx, activity.id, at ? { userId: activity.assignee.id, title: activity.subject, remindAt: at } : null);
  }

  /** A PLANNED activity the caller sees, to change: NOT_FOUND out of sight, INVALID_STATE once done or cancelled. */
  private async forChange(ctx: Context, id: string, version?: number): Promise<Activity> {
    if (!(await this.get(ctx, id))) throw notFound(Activity.name, id);
    const activity = await findForChange(ctx.em, Activity, id, version);
    if (activity.status !== ActivityStatus.PLANNED) {
      throw invalidState(`Activity ${id} is ${activity.status}; only a PLANNED activity can change`, { status: activity.status });
    }
    return activity;
  }

  private onCalendar(ctx: Context, assignees: string[], range: TimeRange): Promise<Activity[]> {
    const conditions: FilterQuery<Activity>[] = [{ assignee: { $in: assignees } }, { status: { $in: ON_THE_CALENDAR } }, { dueAt: { $gte: range.from, $lt: range.to } }];
    this.pushVisible(ctx, conditions);
    return ctx.em.find(Activity, { $and: conditions }, { orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] });
  }

  /** A sales manager (and anyone but a head) follows only their own activities. */
  /** A head follows anyone; others themselves and whom they stand in for (a deputy). */
  private mayFollow(ctx: Context, assignees: string[]): void {
    const own = new Set([ctx.user!.id, ...(ctx.user!.standsInFor ?? [])]);
    if (!isHeadOfSales(ctx.user) && assignees.some((id) => !own.has(id))) throw forbidden('Only a head of sales, or a deputy for the absent, can look at the activities of others');
  }

  private overdueNow(): FilterQuery<Activity> {
    return { status: ActivityStatus.PLANNED, dueAt: { $lt: new Date() } };
  }

  /** The record rule as a condition: one's own (written or assigned, or assigned to whom one stands in for) and those of the clients one sees. */
  private pushVisible(ctx: Context, conditions: FilterQuery<Activity>[]): void {
    const scope = counterpartyScope(ctx.user);
    if (!scope) return;
    const me = ctx.user!.id;
    conditions.push({ $or: [{ author: me }, { assignee: { $in: [me, ...(ctx.user!.standsInFor ?? [])] } }, { client: scope }] } as FilterQuery<Activity>);
  }

  private async checkContact(ctx: Context, contactId: string, clientId: string, fields: FieldMessages): Promise<void> {
    const contact = await ctx.em.findOne(Contact, { id: contactId });
    if (!contact) fields.contactId = noSuch('Contact', 'no such contact');
    else if (contact.counterparty.id !== clientId) fields.contactId = problem(FieldReason.CONTACT_OF_ANOTHER_CLIENT, `${contact.name} is a contact of another client`, { name: contact.name });
  }

  /** Anyone active may be given an activity: a colleague as well as oneself. */
  private async checkAssignee(ctx: Context, assigneeId: string, fields: FieldMessages): Promise<void> {
    const user = await ctx.services.users.get(ctx, assigneeId);
    if (!user) fields.assigneeId = noSuch('User', 'no such user');
    else if (!user.active) fields.assigneeId = problem(FieldReason.INACTIVE, `${user.name} is not active`, { entity: 'User', name: user.name });
  }

  /** A reminder set or moved must still be ahead (a reminder of the past could never fire). */
  private checkReminder(dueAt: Date, offset: number | null | undefined, fields: FieldMessages): void {
    if (offset === null || offset === undefined) return;
    const at = reminderAt(dueAt, offset);
    if (at.getTime() < Date.now()) fields.reminderOffsetMinutes = problem(FieldReason.REMINDER_IN_THE_PAST, `the reminder would be at ${at.toISOString()}, already past`, { at: at.toISOString() });
  }
}
