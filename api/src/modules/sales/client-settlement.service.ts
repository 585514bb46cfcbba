import type { Context } from '../../server/context';
import { Decimal } from '../../shared/money';
import type { Posting } from '../ledger/posting';
import type { Recorder } from '../ledger/recorder';
import type { RegisterRow } from '../ledger/register';
import { consumeAdvances, laterOf, type OpenItem } from './settlement-allocation';
import { clientSettlementRegister } from './sales.registers';

/** An amount a posting opens (a debt: shipment, service act) or settles (a return) against one document. */
export interface SettlementEntry {
  clientId: string;
  /** The document the amount is open against (a debt's own type and id; a return names the shipment it reduces). */
  documentType: string;
  documentId: string;
  /** + the client owes more, − it owes less. */
  amount: string;
  /** When a debt falls due; null for what settles. */
  dueDate?: string | null;
  orderId?: string | null;
  contractId?: string | null;
  /** The line of the posting document the row belongs to (0: the document as a whole). */
  line?: number;
}

/** The recorder type of incoming payments: their advances are open against the payment itself. */
export const INCOMING_PAYMENT = 'IncomingPayment';

/** An open item of a client, as the settlements hold it. */
export interface ClientOpenItem extends OpenItem {
  clientId: string;
  /** What the document opened: a debt's amount, an advance's (negative). */
  original: string;
  orderId: string | null;
}

/**
 * Settlements with clients (issue 12 §5): every document that changes what a client owes
 * writes it here, through the caller's posting (recorder = that document), so unposting
 * takes it back. The client's balance row is the lock that orders one client's
 * settlements: it is taken before anything is read.
 */
export class ClientSettlementService {
  /**
   * Writes the entries (a debt's row against itself; a return's against the shipment it
   * reduces). A new debt first takes what the client's open advances hold, oldest
   * first: a row + against the advance's payment, − against the debt, dated when both exist.
   */
  async record(posting: Posting, entries: readonly SettlementEntry[]): Promise<void> {
    const clients = [...new Set(entries.map((e) => e.clientId))];
    await this.lock(posting, clients);
    const rows: RegisterRow[] = entries.map((e) => this.row(posting, e, e.amount));
    const debts = entries.filter((e) => new Decimal(e.amount).gt(0));
    if (debts.length) {
      const open = await this.openItems(posting.ctx, clients, undefined, INCOMING_PAYMENT);
      for (const clientId of clients) {
        const own = debts.filter((d) => d.clientId === clientId);
        const advances = open.filter((i) => i.clientId === clientId && i.documentType === INCOMING_PAYMENT && new Decimal(i.open).lt(0));
        consumeAdvances(own.map((d) => d.amount), advances).forEach((parts, i) => {
          for (const part of parts) {
            const date = laterOf(posting.date, part.item.date);
            rows.push({ ...this.row(posting, { ...own[i], documentType: part.item.documentType, documentId: part.item.documentId, dueDate: null }, part.amount), date });
            rows.push({ ...this.row(posting, { ...own[i], dueDate: null }, new Decimal(part.amount).neg().toFixed()), date });
          }
        });
      }
    }
    await posting.write(clientSettlementRegister, rows);
  }

  /** Locks the clients' balance rows (in key order): nothing of their settlements changes until the transaction ends. */
  lock(posting: Posting, clientIds: readonly string[]): Promise<void> {
    return posting.lock(clientSettlementRegister, clientIds.map((clientId) => ({ clientId })));
  }

  /** Rows as given, no advances applied (a payment's own settlement). */
  write(posting: Posting, entries: readonly (SettlementEntry & { date?: string })[]): Promise<void> {
    return posting.write(clientSettlementRegister, entries.map((e) => ({ ...this.row(posting, e, e.amount), date: e.date ?? posting.date })));
  }

  private row(posting: Posting, e: SettlementEntry, amount: string): RegisterRow {
    return {
      date: posting.date,
      line: e.line ?? 0,
      clientId: e.clientId,
      documentType: e.documentType,
      documentId: e.documentId,
      amount,
      dueDate: e.dueDate ?? null,
      orderId: e.orderId ?? null,
      contractId: e.contractId ?? null,
    };
  }

  /**
   * What is open per document for the clients (as of a date, or now; of one document type, or all): Σ of its rows ≠ 0,
   * its date and due date (from its own rows), the amount it opened and its number.
   */
  async openItems(ctx: Context, clientIds: readonly string[], asOf?: string, documentType?: string): Promise<ClientOpenItem[]> {
    if (!clientIds.length) return [];
    const rows: { client_id: string; document_type: string; document_id: string; open: string; original: string | null; date: string; due_date: string | null; order_id: string | null }[] = await ctx.em.execute(
      `select client_id, document_type, document_id, sum(amount)::text as open,
         case when sum(amount) > 0 then sum(amount) filter (where recorder_id = document_id and amount > 0) else sum(amount) filter (where recorder_id = document_id and amount < 0) end::text as original,
         coalesce(min(date) filter (where recorder_id = document_id), min(date))::text as date, max(due_date)::text as due_date, max(order_id::text) as order_id
       from client_settlement where client_id in (?) ${asOf ? 'and date <= ?' : ''} ${documentType ? 'and document_type = ?' : ''}
       group by client_id, document_type, document_id having sum(amount) <> 0`,
      [[...clientIds], ...(asOf ? [asOf] : []), ...(documentType ? [documentType] : [])],
    );
    const numbers = await documentNumbers(ctx, rows.map((r) => ({ type: r.document_type, id: r.document_id })));
    return rows.map((r) => ({
      clientId: r.client_id,
      documentType: r.document_type,
      documentId: r.document_id,
      number: numbers.get(r.document_id) ?? r.document_id,
      date: r.date,
      dueDate: r.due_date,
      open: new Decimal(r.open).toFixed(),
      original: new Decimal(r.original ?? r.open).toFixed(),
      orderId: r.order_id,
    }));
  }
}

/** The numbers of settlement documents by id (whatever their type), read through the ledger's document types. */
export async function documentNumbers(ctx: Context, docs: readonly Recorder[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const typeName of new Set(docs.map((d) => d.type))) {
    const type = ctx.services.ledger.documentType(typeName);
    if (!type) continue;
    const ids = [...new Set(docs.filter((d) => d.type === typeName).map((d) => d.id))];
    // plain rows, not entities: a partly loaded document must not sit in the request's identity map
    const rows: { id: string; number: string }[] = await ctx.em.createQueryBuilder(type.entity, 'd').select(['d.id', 'd.number']).where({ id: { $in: ids } } as never).execute('all', false);
    for (const row of rows) found.set(row.id, row.number);
  }
  return found;
}
