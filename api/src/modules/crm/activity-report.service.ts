import type { Context } from '../../server/context';
import { badInput, forbidden } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { Role } from '../identity/permissions';
import { ActivityStatus } from './activity.entity';
import { isHeadOfSales } from './counterparty.scope';
import { activityReportFigures, type ActivityCountRow, type ActivityReportFigures, type OwnerSums } from './activity-report';
import { calendarRange, daysInclusive } from './activity-schedule';


/** The longest period the report covers, in days (a little over a year). */
export const MAX_REPORT_DAYS = 400;

/**
 * Activity control (issue 13 §11): per manager, over the dates from..to (server calendar),
 * the activities planned, done and overdue by type, the clients they took on, the deals they
 * won and lost, the orders they shipped and the revenue without VAT. No cost figures.
 */
export class ActivityReportService {
  async report(ctx: Context, from: string, to: string, ownerIds: string[] | null | undefined): Promise<ActivityReportFigures[]> {
    const days = daysInclusive(from, to);
    if (days < 1) throw badInput({ to: problem(FieldReason.NOT_BEFORE, `must not be before from (${from})`, { field: 'from', value: from }) });
    if (days > MAX_REPORT_DAYS) throw badInput({ to: problem(FieldReason.RANGE_TOO_LONG, `the report covers at most ${MAX_REPORT_DAYS} days; this asks for ${days}`, { max: MAX_REPORT_DAYS }) });
    const owners = ownerIds?.length ? [...new Set(ownerIds)] : isHeadOfSales(ctx.user) ? await this.salesPeople(ctx) : [ctx.user!.id];
    if (!isHeadOfSales(ctx.user) && owners.some((id) => id !== ctx.user!.id)) throw forbidden('Only a head of sales can look at the activities of others');
    if (!owners.length) return [];
    const range = calendarRange(from, to);
    const db = ctx.em.getConnection();
    const now = new Date();
    const counts: { owner_id: string; type: ActivityCountRow['type']; planned: string; done: string; overdue: string }[] = await db.execute(
      `select assignee_id as owner_id, type,
              count(*) filter (where status <> ? and due_at >= ? and due_at < ?) as planned,
              count(*) filter (where status = ? and completed_at >= ? and completed_at < ?) as done,
              count(*) filter (where status = ? and due_at >= ? and due_at < ? and due_at < ?) as overdue
         from activity where assignee_id in (?) group by assignee_id, type`,
      [ActivityStatus.CANCELLED, range.from, range.to, ActivityStatus.DONE, range.from, range.to, ActivityStatus.PLANNED, range.from, range.to, now, owners],
    );
    const sums = new Map<string, OwnerSums>(owners.map((id) => [id, {}]));
    const clients: { owner_id: string; n: string }[] = await db.execute(
      `select owner_id, count(*) as n from counterparty where owner_id in (?) and created_at >= ? and created_at < ? group by owner_id`,
      [owners, range.from, range.to],
    );
    for (const r of clients) sums.get(r.owner_id)!.newClients = Number(r.n);
    const deals: { owner_id: string; kind: string; n: string; amount: string }[] = await db.execute(
      `select d.owner_id, s.kind, count(*) as n, sum(d.amount) as amount from deal d join deal_stage s on s.id = d.stage_id
        where d.owner_id in (?) and s.kind in ('WON', 'LOST') and d.closed_at >= ? and d.closed_at < ? group by d.owner_id, s.kind`,
      [owners, range.from, range.to],
    );
    for (const r of deals) {
      const s = sums.get(r.owner_id)!;
      if (r.kind === 'WON') (s.dealsWon = Number(r.n)), (s.dealsWonAmount = r.amount);
      else (s.dealsLost = Number(r.n)), (s.dealsLostAmount = r.amount);
    }
    // shipments and service acts less customer returns; an order counts once, when something of it was sold in the period
    const sales: { manager_id: string; orders: string; revenue: string }[] = await db.execute(
      `select manager_id, count(distinct order_id) filter (where kind = 'SALE') as orders, sum(revenue) as revenue
         from sales_register where manager_id in (?) and kind in ('SALE', 'RETURN') and date >= ? and date <= ? group by manager_id`,
      [owners, from, to],
    );
    for (const r of sales) Object.assign(sums.get(r.manager_id)!, { orders: Number(r.orders), revenue: r.revenue });
    const countRows = counts.map((r) => ({ ownerId: r.owner_id, type: r.type, planned: Number(r.planned), done: Number(r.done), overdue: Number(r.overdue) }));
    return activityReportFigures(owners, countRows, sums);
  }

  /** Whom a head sees without naming anyone: the active sales managers and heads, by name. */
  private async salesPeople(ctx: Context): Promise<string[]> {
    const rows: { id: string }[] = await ctx.em.getConnection().execute(
      `select id from app_user where active and (? = any(roles) or ? = any(roles)) order by name, id`,
      [Role.SALES_MANAGER, Role.SALES_HEAD],
    );
    return rows.map((r) => r.id);
  }
}
