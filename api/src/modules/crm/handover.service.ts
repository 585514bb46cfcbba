import { LockMode, raw } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, noSuch, problem, required, type FieldMessages } from '../../shared/field-errors';
import { Activity, ActivityStatus } from './activity.entity';
import { assignmentRecipients, emitActivityAssigned } from './activity.events';
import { CLIENT_OWNER_CHANGED, emitClientFact, type ClientOwnerChanged } from './client.events';
import { Counterparty } from './counterparty.entity';
import { CounterpartyTeamMember } from './counterparty-team-member.entity';
import { Handover } from './handover.entity';
import type { HandOverInput, HandoverPreviewInput, HandoverReport } from './handover.inputs';

/**
 * Handing a user's work to another (issue 13 §7), when a manager leaves: the clients they
 * own (and their places in client teams), their PLANNED activities with the pending
 * reminders, their open deals — in the mutation's one transaction, each kind by one
 * statement. Done and cancelled activities and closed deals stay with who did them.
 * The new assignee hears of each moved activity through activityAssigned; each client's
 * timeline shows the handover, with its reason.
 * A Handover row keeps from, to, the reason and the report, so the audit log has it.
 * Contact plans join here once they exist (the owner's plans move with the clients).
 */
export class HandoverService {
  /** The report of what handOver would move; nothing is written. */
  async preview(ctx: Context, input: HandoverPreviewInput): Promise<HandoverReport> {
    return (await this.gather(ctx, input, false)).report;
  }

  async handOver(ctx: Context, input: HandOverInput): Promise<HandoverReport> {
    const reason = input.reason.trim();
    const { report, clientIds, activityIds, dealIds } = await this.gather(ctx, input, true, reason ? {} : { reason: required('say why the work moves') });
    const { fromUserId: from, toUserId: to } = input;
    if (clientIds.length) await ctx.em.nativeUpdate(Counterparty, { id: { $in: clientIds }, owner: from }, { owner: to, version: raw('version + 1'), updatedAt: new Date() });
    for (const clientId of clientIds) emitClientFact<ClientOwnerChanged>(ctx, CLIENT_OWNER_CHANGED, { clientId, fromOwnerId: from, toOwnerId: to, via: 'HANDOVER', reason });
    if (input.clients && report.teamMemberships) {
      // the new user takes each place (unless already in that team), the old one leaves every team
      await ctx.em.execute(
        'insert into counterparty_team_member (counterparty_id, user_id) select counterparty_id, ? from counterparty_team_member where user_id = ? on conflict do nothing',
        [to, from],
      );
      await ctx.em.nativeDelete(CounterpartyTeamMember, { user: from });
    }
    if (activityIds.length) {
      await ctx.em.nativeUpdate(Activity, { id: { $in: activityIds }, assignee: from, status: ActivityStatus.PLANNED }, { assignee: to, version: raw('version + 1'), updatedAt: new Date() });
      await ctx.services.reminders.moveForActivities(ctx, activityIds, to);
      // the new assignee (and their deputies) hear of each, as of any activity given to them
      if (to !== ctx.user!.id) {
        const recipients = await assignmentRecipients(ctx, to);
        const moved = await ctx.em.find(Activity, { id: { $in: activityIds } }, { populate: ['client'], orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], refresh: true });
        for (const activity of moved) await emitActivityAssigned(ctx, activity, activity.client.$.name, recipients);
      }
    }
    await ctx.services.deals.reassignOwner(ctx, dealIds, from, to);
    // contact plans: when they exist, the plans of the clients moved above follow their new owner here
    const { id: _id, fromUserName: _f, toUserName: _t, ...moved } = report;
    const handover = ctx.em.create(Handover, { fromUser: from, toUser: to, reason, moved });
    await ctx.em.flush();
    return { ...report, id: handover.id };
  }

  /** The users checked, and what is theirs to move, locked when it is to be written. */
  private async gather(ctx: Context, input: HandoverPreviewInput, lock: boolean, fields: FieldMessages = {}) {
    const from = await ctx.services.users.get(ctx, input.fromUserId);
    if (!from) fields.fromUserId = noSuch('User', 'no such user');
    const to = await ctx.services.users.get(ctx, input.toUserId);
    if (!to) fields.toUserId = noSuch('User', 'no such user');
    else if (input.toUserId === input.fromUserId) fields.toUserId = problem(FieldReason.SAME_USER, 'hand the work to someone else', { field: 'fromUserId' });
    else if (!to.active) fields.toUserId = problem(FieldReason.INACTIVE, `${to.name} is not active`, { entity: 'User', name: to.name });
    if (Object.keys(fields).length) throw badInput(fields);

    const lockMode = lock ? LockMode.PESSIMISTIC_WRITE : undefined;
    const clients = input.clients ? await ctx.em.find(Counterparty, { owner: from!.id }, { fields: ['id', 'name'], orderBy: [{ name: 'asc' }, { id: 'asc' }], lockMode }) : [];
    const teamMemberships = input.clients ? await ctx.em.count(CounterpartyTeamMember, { user: from!.id }) : 0;
    const activities = input.activities
      ? await ctx.em.find(Activity, { assignee: from!.id, status: ActivityStatus.PLANNED }, { fields: ['id', 'subject'], orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], lockMode })
      : [];
    const deals = input.deals ? await ctx.services.deals.openOwnedBy(ctx, from!.id) : [];
    const activityIds = activities.map((a) => a.id);
    const report: HandoverReport = {
      id: null,
      fromUserId: from!.id,
      fromUserName: from!.name,
      toUserId: to!.id,
      toUserName: to!.name,
      clients: clients.length,
      clientNames: clients.map((c) => c.name),
      teamMemberships,
      activities: activities.length,
      activitySubjects: activities.map((a) => a.subject),
      reminders: await ctx.services.reminders.pendingForActivities(ctx, activityIds),
      deals: deals.length,
      dealTitles: deals.map((d) => d.title),
    };
    return { report, clientIds: clients.map((c) => c.id), activityIds, dealIds: deals.map((d) => d.id) };
  }
}
