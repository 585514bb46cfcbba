import type { Context } from '../../server/context';
import { SYSTEM_USER_ID } from '../../server/context';
import { emitAfterCommit } from '../../shared/event-bus';

/**
 * Facts about a client that other parts listen to after commit (the client's timeline
 * first of all). Each payload names the client, who did it (`actorId`, null for the
 * system) and when (`occurredAt`, ISO 8601: payloads travel through the outbox as JSON);
 * the events of one client keep their order (aggregate `client:<id>`).
 */
export const CLIENT_NOTE_ADDED = 'CLIENT_NOTE_ADDED';
export const CLIENT_STATUS_CHANGED = 'CLIENT_STATUS_CHANGED';
export const CLIENT_OWNER_CHANGED = 'CLIENT_OWNER_CHANGED';
export const ACTIVITY_CHANGED = 'ACTIVITY_CHANGED';
export const DEAL_CHANGED = 'DEAL_CHANGED';

export interface ClientFact extends Record<string, unknown> {
  clientId: string;
  actorId: string | null;
  occurredAt: string;
}

export interface ClientNoteAdded extends ClientFact {
  noteId: string;
  text: string;
}

export interface ClientStatusChanged extends ClientFact {
  from: string | null;
  to: string;
  lostReason: string | null;
}

export interface ClientOwnerChanged extends ClientFact {
  /** null: the client had no owner (or has none now). */
  fromOwnerId: string | null;
  toOwnerId: string | null;
  /** How: a head's edit, a handover (with its reason) or an import. */
  via: 'EDIT' | 'HANDOVER' | 'IMPORT';
  reason: string | null;
}

export interface ActivityChanged extends ClientFact {
  activityId: string;
  change: 'CREATED' | 'COMPLETED' | 'CANCELLED';
  type: string;
  subject: string;
  dueAt: string;
  assigneeId: string;
  result: string | null;
}

export interface DealChanged extends ClientFact {
  dealId: string;
  change: 'CREATED' | 'STAGE_CHANGED';
  title: string;
  amount: string | null;
  fromStage: string | null;
  toStage: string;
  /** OPEN, WON or LOST: the kind of the stage entered. */
  stageKind: string;
  lostReason: string | null;
}

/** The user who did it: null for the system and for an API key (neither is a user). */
export const actorOf = (ctx: Pick<Context, 'user'>): string | null => (ctx.user && !ctx.user.apiKey && ctx.user.id !== SYSTEM_USER_ID ? ctx.user.id : null);

type Fact<P extends ClientFact> = Omit<P, 'actorId' | 'occurredAt'>;

/** Queues a client fact of the current transaction, stamped with the caller and the time. */
export function emitClientFact<P extends ClientFact>(ctx: Context, topic: string, fact: Fact<P>): void {
  const payload = { ...fact, actorId: actorOf(ctx), occurredAt: new Date().toISOString() };
  emitAfterCommit(ctx, topic, payload, `client:${fact.clientId}`);
}
