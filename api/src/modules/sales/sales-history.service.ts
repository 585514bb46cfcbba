import type { Context } from '../../server/context';
import { Decimal } from '../../shared/money';

/** Per window of N days: the client's revenue without VAT over the N days up to and including the date (sales less returns). */
const PURCHASES_SQL = `select d.days, coalesce(sum(r.revenue), 0)::text as amount
  from unnest(?::int[]) as d(days)
  left join sales_register r on r.client_id = ? and r.date > ?::date - d.days and r.date <= ?::date
  group by d.days`;

/** What clients bought, read from the sales register for other modules (the quote's PURCHASE_HISTORY rules). */
export class SalesHistoryService {
  /** Per window of days asked: what the client bought without VAT over the last N days up to `date` (returns netted), in one statement. */
  async purchasesByDays(ctx: Context, clientId: string, date: string, days: readonly number[]): Promise<Record<number, string>> {
    if (!days.length) return {};
    const rows: { days: number; amount: string }[] = await ctx.em.execute(PURCHASES_SQL, [`{${[...new Set(days)].join(',')}}`, clientId, date, date]);
    return Object.fromEntries(rows.map((r) => [Number(r.days), Decimal.max(0, r.amount).toFixed(2)]));
  }
}
