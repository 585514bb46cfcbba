import type { Context } from '../../server/context';
import { Decimal } from '../../shared/money';
import type { Posting } from '../ledger/posting';
import type { Recorder } from '../ledger/recorder';
import { snake, type RegisterDefinition, type RegisterRow } from '../ledger/register';
import { consumeAdvances, laterOf, type OpenItem } from './settlement-allocation';

/**
 * A settlements register as the settlement ledger reads it: clients (what they owe us) or
 * suppliers (what we owe them). Both keep + for a debt of the document's maker, − for what
 * settles it, each row against one open document; a payment's advance is open against
 * the payment itself.
 */
export interface SettlementBook {
  register: RegisterDefinition;
  /** The party dimension (clientId, supplierId), the register's balance key. */
  party: string;
  /** The recorder type of the book's payments (IncomingPayment, OutgoingPayment). */
  payment: string;
  /** Our side of a statement: +1 when + means the party owes us (clients), −1 when + means we owe it (suppliers). */
  sign: 1 | -1;
}

/** An amount a posting opens (a debt) or settles (a return, a payment) against one document. */
export interface SettlementEntry {
  /** The client or the supplier. */
  partyId: string;
  /** The document the amount is open against (a debt's own type and id; a return names the document it reduces). */
  documentType: string;
  documentId: string;
  /** + the debt grows, − it shrinks. */
  amount: string;
  /** When a debt falls due; null for what settles. */
  dueDate?: string | null;
  /** Clients only: the order and the contract the amount belongs to. */
  orderId?: string | null;
  contractId?: string | null;
  /** The line of the posting document the row belongs to (0: the document as a whole). */
  line?: number;
}

/** An open item of a party, as the settlements hold it. */
export interface PartyOpenItem extends OpenItem {
  partyId: string;
  /** What the document opened: a debt's amount, an advance's (negative). */
  original: string;
  orderId: string | null;
}

/**
 * Writes and reads one settlements register: every document that changes what a party
 * owes (or is owed) writes it through the caller's posting (recorder = that document),
 * so unposting takes it back. The party's balance row is the lock that orders one party's
 * settlements: it is taken before anything is read.
 */
export class SettlementLedger {
  constructor(readonly book: SettlementBook) {}

  protected get table(): string {
    return this.book.register.table;
  }

  protected get partyColumn(): string {
    return snake(this.book.party);
  }

  /**
   * Writes the entries (a debt's row against itself; a return's against the document it
   * reduces). A new debt first takes what the party's open advances hold, oldest first:
   * a row + against the advance's payment, − against the debt, dated when both exist.
   */
  async record(posting: Posting, entries: readonly SettlementEntry[]): Promise<void> {
    const parties = [...new Set(entries.map((e) => e.partyId))];
    await this.lock(posting, parties);
    const rows: RegisterRow[] = entries.map((e) => this.row(posting, e, e.amount));
    const debts = entries.filter((e) => new Decimal(e.amount).gt(0));
    if (debts.length) {
      const open = await this.openItems(posting.ctx, parties, undefined, this.book.payment);
      for (const partyId of parties) {
        const own = debts.filter((d) => d.partyId === partyId);
        const advances = open.filter((i) => i.partyId === partyId && new Decimal(i.open).lt(0));
        consumeAdvances(own.map((d) => d.amount), advances).forEach((parts, i) => {
          for (const part of parts) {
            const date = laterOf(posting.date, part.item.date);
            rows.push({ ...this.row(posting, { ...own[i], documentType: part.item.documentType, documentId: part.item.documentId, dueDate: null }, part.amount), date });
            rows.push({ ...this.row(posting, { ...own[i], dueDate: null }, new Decimal(part.amount).neg().toFixed()), date });
          }
        });
      }
    }
    await posting.write(this.book.register, rows);
  }

  /** Locks the parties' balance rows (in key order): nothing of their settlements changes until the transaction ends. */
  lock(posting: Posting, partyIds: readonly string[]): Promise<void> {
    return posting.lock(this.book.register, partyIds.map((id) => ({ [this.book.party]: id })));
  }

  /** Rows as given, no advances applied (a payment's own settlement). */
  write(posting: Posting, entries: readonly (SettlementEntry & { date?: string })[]): Promise<void> {
    return posting.write(this.book.register, entries.map((e) => ({ ...this.row(posting, e, e.amount), date: e.date ?? posting.date })));
  }

  private row(posting: Posting, e: SettlementEntry, amount: string): RegisterRow {
    const row: RegisterRow = { date: posting.date, line: e.line ?? 0, [this.book.party]: e.partyId, documentType: e.documentType, documentId: e.documentId, amount, dueDate: e.dueDate ?? null };
    // the attributes only clients' settlements keep
    for (const attribute of ['orderId', 'contractId'] as const) if (attribute in (this.book.register.attributes ?? {})) row[attribute] = e[attribute] ?? null;
    return row;
  }

  /**
   * What is open per document for the parties (as of a date, or now; of one document type, or all): Σ of its rows ≠ 0,
   * its date and due date (from its own rows), the amount it opened and its number.
   */
  async openItems(ctx: Context, partyIds: readonly string[], asOf?: string, documentType?: string): Promise<PartyOpenItem[]> {
    if (!partyIds.length) return [];
    const order = 'orderId' in (this.book.register.attributes ?? {}) ? 'max(order_id::text)' : 'null';
    const rows: { party_id: string; document_type: string; document_id: string; open: string; original: string | null; date: string; due_date: string | null; order_id: string | null }[] = await ctx.em.execute(
      `select ${this.partyColumn} as party_id, document_type, document_id, sum(amount)::text as open,
         case when sum(amount) > 0 then sum(amount) filter (where recorder_id = document_id and amount > 0) else sum(amount) filter (where recorder_id = document_id and amount < 0) end::text as original,
         coalesce(min(date) filter (where recorder_id = document_id), min(date))::text as date, max(due_date)::text as due_date, ${order} as order_id
       from ${this.table} where ${this.partyColumn} in (?) ${asOf ? 'and date <= ?' : ''} ${documentType ? 'and document_type = ?' : ''}
       group by ${this.partyColumn}, document_type, document_id having sum(amount) <> 0`,
      [[...partyIds], ...(asOf ? [asOf] : []), ...(documentType ? [documentType] : [])],
    );
    const numbers = await documentNumbers(ctx, rows.map((r) => ({ type: r.document_type, id: r.document_id })));
    return rows.map((r) => ({
      partyId: r.party_id,
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

  /** What each posted payment settled (debts, not its own advance), per payment: the documents and amounts. */
  async applications(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, { documentType: string; documentId: string; number: string | null; amount: string }[]>> {
    const rows: { recorder_id: string; document_type: string; document_id: string; amount: string }[] = paymentIds.length
      ? await ctx.em.execute(
          `select recorder_id, document_type, document_id, (-sum(amount))::text as amount from ${this.table}
           where recorder_type = ? and recorder_id in (?) and document_id <> recorder_id
           group by recorder_id, document_type, document_id having sum(amount) <> 0`,
          [this.book.payment, [...paymentIds]],
        )
      : [];
    const numbers = await documentNumbers(ctx, rows.map((r) => ({ type: r.document_type, id: r.document_id })));
    const byPayment = new Map<string, { documentType: string; documentId: string; number: string | null; amount: string }[]>();
    for (const r of rows) byPayment.set(r.recorder_id, [...(byPayment.get(r.recorder_id) ?? []), { documentType: r.document_type, documentId: r.document_id, number: numbers.get(r.document_id) ?? null, amount: r.amount }]);
    for (const list of byPayment.values()) list.sort((a, b) => (a.number ?? a.documentId).localeCompare(b.number ?? b.documentId));
    return byPayment;
  }

  /** What is still open of each payment's advance (later debts consume it). */
  async advances(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { document_id: string; open: string }[] = paymentIds.length
      ? await ctx.em.execute(`select document_id, (-sum(amount))::text as open from ${this.table} where document_type = ? and document_id in (?) group by document_id`, [this.book.payment, [...paymentIds]])
      : [];
    return new Map(rows.map((r) => [r.document_id, r.open]));
  }

  /** Per document and day of [from, to], the net of the rows it recorded for the party (≠ 0), by the book's sign. */
  async movements(ctx: Context, partyId: string, from: string, to: string): Promise<{ date: string; recorderType: string; recorderId: string; net: string }[]> {
    const rows: { date: string; recorder_type: string; recorder_id: string; net: string }[] = await ctx.em.execute(
      `select date::text as date, recorder_type, recorder_id, sum(amount)::text as net from ${this.table}
       where ${this.partyColumn} = ? and date >= ? and date <= ?
       group by date, recorder_type, recorder_id having sum(amount) <> 0`,
      [partyId, from, to],
    );
    return rows.map((r) => ({ date: r.date, recorderType: r.recorder_type, recorderId: r.recorder_id, net: new Decimal(r.net).times(this.book.sign).toFixed() }));
  }

  /**
   * Per party on `asOf` (of those the subquery `parties` selects), what open debts owe by days
   * past their due date and the advances apart: one statement for a page, one for the totals.
   */
  async ageing(ctx: Context, parties: string, asOf: string, page: { page: number; perPage: number }): Promise<{ rows: Record<string, string>[]; sums: Record<string, string> }> {
    const p = this.partyColumn;
    const per = `with open as (
         select ${p} as party_id, sum(amount) as open, coalesce(max(due_date), min(date)) as due from ${this.table}
         where date <= ?::date and ${p} in (${parties})
         group by ${p}, document_type, document_id having sum(amount) <> 0),
       per as (
         select party_id,
           coalesce(sum(open) filter (where open > 0 and due >= ?::date), 0) as not_due,
           coalesce(sum(open) filter (where open > 0 and ?::date - due between 1 and 30), 0) as overdue1to30,
           coalesce(sum(open) filter (where open > 0 and ?::date - due between 31 and 60), 0) as overdue31to60,
           coalesce(sum(open) filter (where open > 0 and ?::date - due between 61 and 90), 0) as overdue61to90,
           coalesce(sum(open) filter (where open > 0 and ?::date - due > 90), 0) as overdue_over90,
           coalesce(sum(-open) filter (where open < 0), 0) as advances
         from open group by party_id)`;
    const dates = [asOf, asOf, asOf, asOf, asOf, asOf];
    const columns = ['not_due', 'overdue1to30', 'overdue31to60', 'overdue61to90', 'overdue_over90', 'advances'];
    const rows: Record<string, string>[] = await ctx.em.execute(
      `${per} select party_id, ${columns.map((c) => `${c}::text`).join(', ')} from per
       order by not_due + overdue1to30 + overdue31to60 + overdue61to90 + overdue_over90 - advances desc, party_id limit ? offset ?`,
      [...dates, page.perPage, (page.page - 1) * page.perPage],
    );
    const [sums]: Record<string, string>[] = await ctx.em.execute(`${per} select count(*)::int as total, ${columns.map((c) => `coalesce(sum(${c}), 0)::text as ${c}`).join(', ')} from per`, dates);
    return { rows, sums };
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
