import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal, sumOf } from '../../shared/money';
import { Counterparty } from '../crm/counterparty.entity';
import { balancesOn } from '../ledger/register-store';
import { documentNumbers } from './client-settlement.service';
import { addDays, daysBetween } from './sales-document-lines';
import { clientSettlementRegister } from './sales.registers';
import type { AgeingArgs, AgeingRow, ClientBalanceView, OpenItemView, ReceivablesAgeing, ReconciliationStatement } from './settlement.types';

const BUCKETS = ['notDue', 'overdue1to30', 'overdue31to60', 'overdue61to90', 'overdueOver90'] as const;

/**
 * What clients owe, read from the settlement register (issue 12 §5): a client's balance
 * and open items, the receivables ageing on a date, the reconciliation statement. Under
 * the record rules: a client outside them reads as missing (null), and is never in a list.
 */
export class SettlementViewService {
  async clientBalance(ctx: Context, clientId: string): Promise<ClientBalanceView | null> {
    const client = await ctx.services.counterparties.get(ctx, clientId);
    if (!client) return null;
    const items = await this.openItems(ctx, clientId, localToday());
    const debts = items!.filter((i) => new Decimal(i.open).gt(0));
    const overdue = debts.filter((i) => i.daysOverdue > 0);
    const receivable = sumOf(debts.map((i) => i.open));
    const advances = sumOf(items!.filter((i) => new Decimal(i.open).lt(0)).map((i) => i.open)).neg();
    return {
      client,
      balance: receivable.minus(advances).toFixed(2),
      receivable: receivable.toFixed(2),
      overdue: sumOf(overdue.map((i) => i.open)).toFixed(2),
      overdueDays: Math.max(0, ...overdue.map((i) => i.daysOverdue)),
      advances: advances.toFixed(2),
      creditLimit: client.creditLimit ?? null,
    };
  }

  /** The client's open documents on a date (today unless given), the oldest due first. */
  async openItems(ctx: Context, clientId: string, asOf?: string | null): Promise<OpenItemView[] | null> {
    if (!(await ctx.services.counterparties.get(ctx, clientId))) return null;
    const day = asOf ?? localToday();
    const items = await ctx.services.clientSettlements.openItems(ctx, [clientId], day);
    return items
      .map((i) => ({ documentType: i.documentType, documentId: i.documentId, number: i.number, date: i.date, dueDate: i.dueDate, amount: i.original, open: i.open, daysOverdue: new Decimal(i.open).gt(0) ? Math.max(0, daysBetween(i.dueDate ?? i.date, day)) : 0 }))
      .sort((a, b) => (a.dueDate ?? a.date).localeCompare(b.dueDate ?? b.date) || a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  }

  /**
   * Per client, what open debts owe on `asOf` by days past their due date (not due, 1–30,
   * 31–60, 61–90, over 90) and the advances apart; one statement over the settlements
   * dated up to the day, the clients narrowed by the record rules and the filter.
   */
  async ageing(ctx: Context, args: AgeingArgs): Promise<ReceivablesAgeing> {
    const f = args.filter;
    const scope = ctx.services.counterparties.scope(ctx.user);
    const conditions: FilterQuery<Counterparty>[] = [];
    if (scope) conditions.push(scope);
    if (f?.clientId) conditions.push({ id: f.clientId });
    if (f?.ownerId) conditions.push({ owner: f.ownerId });
    if (f?.q?.trim()) conditions.push({ name: { $ilike: `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    const clients = ctx.em.createQueryBuilder(Counterparty, 'c').select('c.id').where((conditions.length ? { $and: conditions } : {}) as never).getFormattedQuery();
    const d = args.asOf;
    const per = `with open as (
         select client_id, sum(amount) as open, coalesce(max(due_date), min(date)) as due from client_settlement
         where date <= ?::date and client_id in (${clients})
         group by client_id, document_type, document_id having sum(amount) <> 0),
       per as (
         select client_id,
           coalesce(sum(open) filter (where open > 0 and due >= ?::date), 0) as not_due,
           coalesce(sum(open) filter (where open > 0 and ?::date - due between 1 and 30), 0) as overdue1to30,
           coalesce(sum(open) filter (where open > 0 and ?::date - due between 31 and 60), 0) as overdue31to60,
           coalesce(sum(open) filter (where open > 0 and ?::date - due between 61 and 90), 0) as overdue61to90,
           coalesce(sum(open) filter (where open > 0 and ?::date - due > 90), 0) as overdue_over90,
           coalesce(sum(-open) filter (where open < 0), 0) as advances
         from open group by client_id)`;
    const dates = [d, d, d, d, d, d];
    const columns = 'not_due, overdue1to30, overdue31to60, overdue61to90, overdue_over90, advances';
    const rows: Record<string, string>[] = await ctx.em.execute(
      `${per} select client_id, ${columns.split(', ').map((c) => `${c}::text`).join(', ')} from per
       order by not_due + overdue1to30 + overdue31to60 + overdue61to90 + overdue_over90 - advances desc, client_id limit ? offset ?`,
      [...dates, args.perPage, (args.page - 1) * args.perPage],
    );
    const [sums]: Record<string, string>[] = await ctx.em.execute(`${per} select count(*)::int as total, ${columns.split(', ').map((c) => `coalesce(sum(${c}), 0)::text as ${c}`).join(', ')} from per`, dates);
    const counterparties = await ctx.loaders.byId(Counterparty).loadMany(rows.map((r) => r.client_id));
    return {
      asOf: d,
      items: rows.map((r, i) => ageingRow(r, counterparties[i] instanceof Counterparty ? (counterparties[i] as Counterparty) : null)),
      total: Number(sums.total),
      totals: ageingRow(sums, null),
    };
  }

  /**
   * Акт сверки for [from, to]: the balance at the start (the month totals' closing before
   * `from`'s month plus that month's movements up to the day before), one line per
   * document and day of the period with its net debit or credit, and the balance at the end.
   */
  async reconciliation(ctx: Context, clientId: string, from: string, to: string): Promise<ReconciliationStatement | null> {
    if (to < from) throw badInput({ to: problem(FieldReason.NOT_BEFORE, `must not be before from (${from})`, { field: 'from', value: from }) });
    const client = await ctx.services.counterparties.get(ctx, clientId);
    if (!client) return null;
    const [opening] = await balancesOn(ctx.em, clientSettlementRegister, addDays(from, -1), [{ clientId }]);
    const rows: { date: string; recorder_type: string; recorder_id: string; net: string }[] = await ctx.em.execute(
      `select date::text as date, recorder_type, recorder_id, sum(amount)::text as net from client_settlement
       where client_id = ? and date >= ? and date <= ?
       group by date, recorder_type, recorder_id having sum(amount) <> 0`,
      [clientId, from, to],
    );
    const numbers = await documentNumbers(ctx, rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id })));
    const lines = rows
      .map((r) => {
        const net = new Decimal(r.net);
        return { date: r.date, documentType: r.recorder_type, documentId: r.recorder_id, number: numbers.get(r.recorder_id) ?? r.recorder_id, debit: Decimal.max(net, 0).toFixed(2), credit: Decimal.max(net.neg(), 0).toFixed(2) };
      })
      .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
    const open = new Decimal(opening?.resources.amount ?? 0);
    const debit = sumOf(lines.map((l) => l.debit));
    const credit = sumOf(lines.map((l) => l.credit));
    return { client, from, to, opening: open.toFixed(2), lines, debit: debit.toFixed(2), credit: credit.toFixed(2), closing: open.plus(debit).minus(credit).toFixed(2) };
  }
}

/** A row of the ageing query as the API shows it: the buckets, their sum, the advances apart and the balance. */
function ageingRow(r: Record<string, string>, client: Counterparty | null): AgeingRow {
  const figures = { notDue: r.not_due, overdue1to30: r.overdue1to30, overdue31to60: r.overdue31to60, overdue61to90: r.overdue61to90, overdueOver90: r.overdue_over90 };
  const receivable = sumOf(BUCKETS.map((b) => figures[b]));
  return { client, ...figures, receivable: receivable.toFixed(2), advances: r.advances, balance: receivable.minus(r.advances).toFixed(2) };
}
