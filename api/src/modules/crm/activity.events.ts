import type { Context } from '../../server/context';
import { emitAfterCommit } from '../../shared/event-bus';
import type { Activity, ActivityType } from './activity.entity';
import { ACTIVITY_CHANGED, emitClientFact, type ActivityChanged } from './client.events';

/** After commit, when an activity is given to someone other than who gave it (the activityAssigned subscription). */
export const ACTIVITY_ASSIGNED = 'ACTIVITY_ASSIGNED';

export interface ActivityAssignment extends Record<string, unknown> {
  activityId: string;
  assigneeId: string;
  /** The assignee and whoever stands in for them now (deputies). */
  recipients: string[];
  assignedById: string;
  assignedByName: string;
  type: ActivityType;
  subject: string;
  /** ISO 8601: the payload travels through the outbox as JSON. */
  dueAt: string;
  clientId: string;
  clientName: string;
}

/** The assignee and whoever stands in for them now: whom activityAssigned reaches. */
export async function assignmentRecipients(ctx: Context, assigneeId: string): Promise<string[]> {
  return [assigneeId, ...(await ctx.services.deputies.deputiesOf(ctx, assigneeId))];
}

/** Tells the assignee's connections (and their deputies') after commit; the events of one activity keep their order. */
export async function emitActivityAssigned(ctx: Context, activity: Activity, clientName: string, recipients?: string[]): Promise<void> {
  const payload: ActivityAssignment = {
    activityId: activity.id,
    assigneeId: activity.assignee.id,
    recipients: recipients ?? (await assignmentRecipients(ctx, activity.assignee.id)),
    assignedById: ctx.user!.id,
    assignedByName: ctx.user!.name,
    type: activity.type,
    subject: activity.subject,
    dueAt: activity.dueAt.toISOString(),
    clientId: activity.client.id,
    clientName,
  };
  emitAfterCommit(ctx, ACTIVITY_ASSIGNED, payload, `activity:${activity.id}`);
}

/** After commit, when an activity is created, completed or cancelled (the client's timeline). */
export function emitActivityChanged(ctx: Context, activity: Activity, change: ActivityChanged['change']): void {
  emitClientFact<ActivityChanged>(ctx, ACTIVITY_CHANGED, {
    clientId: activity.client.id,
    activityId: activity.id,
    change,
    type: activity.type,
    subject: activity.subject,
    dueAt: activity.dueAt.toISOString(),
    assigneeId: activity.assignee.id,
    result: activity.result ?? null,
  });
}
