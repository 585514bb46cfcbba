import type { Context } from '../../server/context';
import { defineEventHandler, type DispatchedEvent, type JobDefinition } from '../../shared/jobs';
import { DOCUMENT_POSTED, type DocumentPosted } from '../ledger/document.events';
import { ORDER_STATUS_CHANGED, OrderChange, type OrderStatusChange } from '../sales/order.events';
import { ACTIVITY_CHANGED, CLIENT_NOTE_ADDED, CLIENT_OWNER_CHANGED, CLIENT_STATUS_CHANGED, DEAL_CHANGED, type ActivityChanged, type ClientNoteAdded, type ClientOwnerChanged, type ClientStatusChanged, type DealChanged } from './client.events';
import { TimelineKind } from './timeline-entry.entity';

/** What an event puts on its client's timeline (null: nothing). */
export interface TimelineFact {
  clientId: string;
  kind: TimelineKind;
  action: string;
  title: string;
  detail?: string | null;
  amount?: string | null;
  subjectType: string;
  subjectId: string;
  subjectNumber?: string | null;
  actorId: string | null;
  occurredAt: string;
  costData?: boolean;
}

/**
 * Writes the entry of one event, once: the event id is unique, so a job tried again (or
 * run twice) inserts nothing the second time. The actor is kept only while such a user exists.
 */
export async function writeTimelineEntry(ctx: Context, event: DispatchedEvent, fact: TimelineFact): Promise<void> {
  await ctx.em.execute(
    `insert into timeline_entry (id, event_id, client_id, kind, action, title, detail, amount, subject_type, subject_id, subject_number, actor_id, occurred_at, cost_data, payload)
     select gen_random_uuid(), ?, c.id, ?, ?, ?, ?, ?, ?, ?, ?, (select u.id from app_user u where u.id = ?::uuid), ?, ?, ?::jsonb
       from counterparty c where c.id = ?
     on conflict (event_id) do nothing`,
    [
      event.eventId,
      fact.kind,
      fact.action,
      fact.title,
      fact.detail ?? null,
      fact.amount ?? null,
      fact.subjectType,
      fact.subjectId,
      fact.subjectNumber ?? null,
      fact.actorId,
      fact.occurredAt,
      fact.costData ?? false,
      JSON.stringify(event.payload),
      fact.clientId,
    ],
  );
}

/**
 * A note's entry follows the note, in the note's transaction: an edit shows there (in the
 * title and the kept payload), a deletion takes the entry away with its text.
 */
export async function noteChangedOnTimeline(ctx: Context, noteId: string, text: string | null): Promise<void> {
  if (text === null) await ctx.em.execute(`delete from timeline_entry where subject_type = 'ClientNote' and subject_id = ?`, [noteId]);
  else await ctx.em.execute(`update timeline_entry set title = ?, payload = jsonb_set(payload, '{text}', to_jsonb(?::text)) where subject_type = 'ClientNote' and subject_id = ?`, [clip(text), text, noteId]);
}

/** A handler of one topic that puts what `fact` makes of its event on the timeline. */
export function timelineHandler<P extends Record<string, unknown>>(topic: string, fact: (payload: P) => TimelineFact | null): JobDefinition {
  return defineEventHandler<P>(topic, `timeline.${topic.toLowerCase()}`, async (ctx, event) => {
    const made = fact(event.payload);
    if (made) await writeTimelineEntry(ctx, event, made);
  });
}

const clip = (text: string, length = 300) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Order changes a client's history keeps; reservation moves and edits are left out. */
const ORDER_CHANGES: ReadonlySet<string> = new Set([OrderChange.CONFIRMED, OrderChange.CANCELLED, OrderChange.CLOSED, OrderChange.STATUS_CHANGED, OrderChange.RESERVATION_EXPIRED]);

const DOCUMENT_KINDS: Readonly<Record<string, TimelineKind>> = {
  Shipment: TimelineKind.SHIPMENT,
  CustomerReturn: TimelineKind.RETURN,
  Invoice: TimelineKind.INVOICE,
  IncomingPayment: TimelineKind.PAYMENT,
  OutgoingPayment: TimelineKind.PAYMENT,
};

export const timelineHandlers: readonly JobDefinition[] = [
  // a note as it reads now, and none once deleted: its share lock makes a deletion wait, and then take this entry too
  defineEventHandler<ClientNoteAdded>(CLIENT_NOTE_ADDED, `timeline.${CLIENT_NOTE_ADDED.toLowerCase()}`, async (ctx, event) => {
    const [note] = await ctx.em.execute<{ text: string }[]>('select text from client_note where id = ? for share', [event.payload.noteId]);
    if (!note) return;
    const p = { ...event.payload, text: note.text };
    await writeTimelineEntry(ctx, { ...event, payload: p }, { ...p, kind: TimelineKind.NOTE, action: 'ADDED', title: clip(p.text), subjectType: 'ClientNote', subjectId: p.noteId });
  }),
  timelineHandler<ClientStatusChanged>(CLIENT_STATUS_CHANGED, (p) => ({
    ...p,
    kind: TimelineKind.STATUS,
    action: p.from ? 'CHANGED' : 'CREATED',
    title: p.to,
    detail: [p.from ? `${p.from} → ${p.to}` : p.to, p.lostReason].filter(Boolean).join(': '),
    subjectType: 'Counterparty',
    subjectId: p.clientId,
  })),
  // the owners by their names as they are when the entry is written ('—' for none, or a user since deleted)
  defineEventHandler<ClientOwnerChanged>(CLIENT_OWNER_CHANGED, `timeline.${CLIENT_OWNER_CHANGED.toLowerCase()}`, async (ctx, event) => {
    const p = event.payload;
    const users = await ctx.em.execute<{ id: string; name: string }[]>('select id, name from app_user where id = ? or id = ?', [p.fromOwnerId, p.toOwnerId]);
    const name = (id: string | null) => users.find((u) => u.id === id)?.name ?? '—';
    await writeTimelineEntry(ctx, event, {
      ...p,
      kind: TimelineKind.OWNER,
      action: p.via === 'HANDOVER' ? 'HANDED_OVER' : 'CHANGED',
      title: name(p.toOwnerId),
      detail: [`${name(p.fromOwnerId)} → ${name(p.toOwnerId)}`, p.reason].filter(Boolean).join(': '),
      subjectType: 'Counterparty',
      subjectId: p.clientId,
    });
  }),
  timelineHandler<ActivityChanged>(ACTIVITY_CHANGED, (p) => ({ ...p, kind: TimelineKind.ACTIVITY, action: p.change, title: p.subject, detail: p.change === 'COMPLETED' ? p.result : p.type, subjectType: 'Activity', subjectId: p.activityId })),
  timelineHandler<DealChanged>(DEAL_CHANGED, (p) => ({
    ...p,
    kind: TimelineKind.DEAL,
    action: p.change === 'CREATED' ? 'CREATED' : p.stageKind === 'OPEN' ? 'STAGE_CHANGED' : p.stageKind,
    title: p.title,
    detail: [p.fromStage ? `${p.fromStage} → ${p.toStage}` : p.toStage, p.lostReason].filter(Boolean).join(': '),
    subjectType: 'Deal',
    subjectId: p.dealId,
  })),
  timelineHandler<OrderStatusChange>(ORDER_STATUS_CHANGED, (p) =>
    ORDER_CHANGES.has(p.change)
      ? {
          clientId: p.clientId,
          kind: TimelineKind.ORDER,
          action: p.change === OrderChange.STATUS_CHANGED ? p.status : p.change,
          title: p.number,
          detail: p.status,
          amount: p.total ?? null,
          subjectType: 'CustomerOrder',
          subjectId: p.orderId,
          subjectNumber: p.number,
          // events raised before orders told who and when (none in a new database) count as the system's, now
          actorId: p.actorId ?? null,
          occurredAt: p.occurredAt ?? new Date().toISOString(),
        }
      : null,
  ),
  timelineHandler<DocumentPosted>(DOCUMENT_POSTED, (p) => ({
    clientId: p.counterpartyId,
    kind: DOCUMENT_KINDS[p.documentType] ?? TimelineKind.DOCUMENT,
    action: p.action,
    title: p.number,
    detail: p.date,
    amount: p.amount,
    subjectType: p.documentType,
    subjectId: p.documentId,
    subjectNumber: p.number,
    actorId: p.actorId,
    occurredAt: p.occurredAt,
    costData: p.counterpartyRole !== 'client',
  })),
];
