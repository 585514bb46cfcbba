import type { Context } from '../../server/context';
import { emitAfterCommit } from '../../shared/event-bus';
import { actorOf } from '../crm/client.events';
import type { DocumentEntity } from './document.entity';
import type { DocumentType } from './document-type';

/**
 * After commit, whenever the ledger engine posts, unposts, reposts or cancels a document of
 * a type scoped by a counterparty (DESIGN §9 `DocumentPosted`): one event for every such
 * document type, so whatever follows a counterparty's documents (its timeline) needs no
 * hook in each of them. The events of one document keep their order.
 */
export const DOCUMENT_POSTED = 'DOCUMENT_POSTED';

export type DocumentAction = 'POSTED' | 'UNPOSTED' | 'REPOSTED' | 'CANCELLED';

export interface DocumentPosted extends Record<string, unknown> {
  documentType: string;
  documentId: string;
  number: string;
  date: string;
  action: DocumentAction;
  counterpartyId: string;
  /** The reference the type is scoped by: `client` (a sale) or `supplier` (a purchase, whose amounts are cost). */
  counterpartyRole: string;
  /** The document's total (or amount) as it stood, a decimal string; null when it has none. */
  amount: string | null;
  actorId: string | null;
  occurredAt: string;
}

/** The document's header total: `total` (with VAT) where it has one, else `amount`. */
function amountOf(doc: DocumentEntity): string | null {
  const value = (doc as unknown as { total?: unknown; amount?: unknown }).total ?? (doc as unknown as { amount?: unknown }).amount;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

export function emitDocumentPosted(ctx: Context, type: DocumentType, doc: DocumentEntity, action: DocumentAction): void {
  if (!type.scopedBy) return;
  const ref = (doc as unknown as Record<string, { id?: string } | null | undefined>)[type.scopedBy];
  if (!ref?.id) return;
  const payload: DocumentPosted = {
    documentType: type.type,
    documentId: doc.id,
    number: doc.number,
    date: doc.date,
    action,
    counterpartyId: ref.id,
    counterpartyRole: type.scopedBy,
    amount: amountOf(doc),
    actorId: actorOf(ctx),
    occurredAt: new Date().toISOString(),
  };
  emitAfterCommit(ctx, DOCUMENT_POSTED, payload, `document:${doc.id}`);
}
