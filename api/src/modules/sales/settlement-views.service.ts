import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal, sumOf } from '../../shared/money';
import { Counterparty } from '../crm/counterparty.entity';
import { balancesOn } from '../ledger/register-store';
import { addDays, daysBetween } from './sales-document-lines';
import { documentNumbers, type SettlementLedger } from './settlement-ledger';
import type { AgeingRow, ClientBalanceView, OpenItemView, ReceivablesAgeing, ReconciliationStatement, SupplierBalanceView } from './settlement.types';

/** Who the ageing covers: one party, a manager's, a name, of a page. */
export interface AgeingQuery {
  asOf: string;
  partyId?: string | null;
  ownerId?: string | null;
  q?: string | null;
  page: number;
  perPage: number;
}

const BUCKETS = ['notDue', 'overdue1to30', 'overdue31to60', 'overdue61to90', 'overdueOver90'] as const;

/**
 * One settlements register as people read it (issue 12 §5, issue 14 §7): what clients owe
 * us, or what we owe suppliers — a party's balance and open items, the ageing on a date,
 * the reconciliation statement. Under the record rules: a counterparty outside them reads
 * as missing (null), and is never in a list.
 */
export class SettlementViewService {
  constructor(private readonly ledgerOf: (ctx: Context) => SettlementLedger) {}

  /** The party's balance now: as a client's (receivable, credit limit) and as a supplier's (payable) view. */
  async balance(ctx: Context, partyId: string): Promise<(ClientBalanceView & SupplierBalanceView) | null> {
    const client = await ctx.services.counterparties.get(ctx, partyId);
    if (!client) return null;
    const items = await this.openItems(ctx, partyId, localToday());
    const debts = items!.filter((i) => new Decimal(i.open).gt(0));
    const overdue = debts.filter((i) => i.daysOverdue > 0);
    const receivable = sumOf(debts.map((i) => i.open));
    const advances = sumOf(items!.filter((i) => new Decimal(i.open).lt(0)).map((i) => i.open)).neg();
    return {
      client,
      supplier: client,
      balance: receivable.minus(advances).toFixed(2),
      receivable: receivable.toFixed(2),
      payable: receivable.toFixed(2),
      overdue: sumOf(overdue.map((i) => i.open)).toFixed(2),
      overdueDays: Math.max(0, ...overdue.map((i) => i.daysOverdue)),
      advances: advances.toFixed(2),
      creditLimit: client.creditLimit ?? null,
    };
  }

  /** The party's open documents on a date (today unless given), the oldest due first. */
  async openItems(ctx: Context, partyId: string, asOf?: string | null): Promise<OpenItemView[] | null> {
    if (!(await ctx.services.counterparties.get(ctx, partyId))) return null;
    const day = asOf ?? localToday();
    const items = await this.ledgerOf(ctx).openItems(ctx, [partyId], day);
    return items
      .map((i) => ({ documentType: i.documentType, documentId: i.documentId, number: i.number, date: i.date, dueDate: i.dueDate, amount: i.original, open: i.open, daysOverdue: new Decimal(i.open).gt(0) ? Math.max(0, daysBetween(i.dueDate ?? i.date, day)) : 0 }))
      .sort((a, b) => (a.dueDate ?? a.date).localeCompare(b.dueDate ?? b.date) || a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  }

  /**
   * Per party, what open debts owe on `asOf` by days past their due date (not due, 1–30,
   * 31–60, 61–90, over 90) and the advances apart; one statement over the settlements
   * dated up to the day, the parties narrowed by the record rules and the filter.
   */
  async ageing(ctx: Context, args: AgeingQuery): Promise<ReceivablesAgeing> {
    const scope = ctx.services.counterparties.scope(ctx.user);
    const conditions: FilterQuery<Counterparty>[] = [];
    if (scope) conditions.push(scope);
    if (args.partyId) conditions.push({ id: args.partyId });
    if (args.ownerId) conditions.push({ owner: args.ownerId });
    if (args.q?.trim()) conditions.push({ name: { $ilike: `%${args.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    const parties = ctx.em.createQueryBuilder(Counterparty, 'c').select('c.id').where((conditions.length ? { $and: conditions } : {}) as never).getFormattedQuery();
    const { rows, sums } = await this.ledgerOf(ctx).ageing(ctx, parties, args.asOf, args);
    const counterparties = await ctx.loaders.byId(Counterparty).loadMany(rows.map((r) => r.party_id));
    return {
      asOf: args.asOf,
      items: rows.map((r, i) => ageingRow(r, counterparties[i] instanceof Counterparty ? (counterparties[i] as Counterparty) : null)),
      total: Number(sums.total),
      totals: ageingRow(sums, null),
    };
  }

  /**
   * Акт сверки for [from, to]: the balance at the start (the month totals' closing before
   * `from`'s month plus that month's movements up to the day before), one line per
   * document and day of the period with its net debit or credit, and the balance at the end.
   * Our side of the books: debit − credit, + in our favour — a client's shipments and a
   * supplier's payments are debits, the client's payments and the supplier's receipts credits.
   */
  async reconciliation(ctx: Context, partyId: string, from: string, to: string): Promise<ReconciliationStatement | null> {
    if (to < from) throw badInput({ to: problem(FieldReason.NOT_BEFORE, `must not be before from (${from})`, { field: 'from', value: from }) });
    const client = await ctx.services.counterparties.get(ctx, partyId);
    if (!client) return null;
    const { book } = this.ledgerOf(ctx);
    const [opening] = await balancesOn(ctx.em, book.register, addDays(from, -1), [{ [book.party]: partyId }]);
    const rows = await this.ledgerOf(ctx).movements(ctx, partyId, from, to);
    const numbers = await documentNumbers(ctx, rows.map((r) => ({ type: r.recorderType, id: r.recorderId })));
    const lines = rows
      .map((r) => {
        const net = new Decimal(r.net);
        return { date: r.date, documentType: r.recorderType, documentId: r.recorderId, number: numbers.get(r.recorderId) ?? r.recorderId, debit: Decimal.max(net, 0).toFixed(2), credit: Decimal.max(net.neg(), 0).toFixed(2) };
      })
      .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
    const open = new Decimal(opening?.resources.amount ?? 0).times(book.sign);
    const debit = sumOf(lines.map((l) => l.debit));
    const credit = sumOf(lines.map((l) => l.credit));
    return { client, counterparty: client, from, to, opening: open.toFixed(2), lines, debit: debit.toFixed(2), credit: credit.toFixed(2), closing: open.plus(debit).minus(credit).toFixed(2) };
  }
}

/** A row of the ageing query as the API shows it: the buckets, their sum, the advances apart and the balance. */
function ageingRow(r: Record<string, string>, client: Counterparty | null): AgeingRow {
  const figures = { notDue: r.not_due, overdue1to30: r.overdue1to30, overdue31to60: r.overdue31to60, overdue61to90: r.overdue61to90, overdueOver90: r.overdue_over90 };
  const receivable = sumOf(BUCKETS.map((b) => figures[b]));
  return { client, counterparty: client, ...figures, receivable: receivable.toFixed(2), advances: r.advances, balance: receivable.minus(r.advances).toFixed(2) };
}
