import type { Context } from '../../server/context';
import { defineJob } from '../../shared/jobs';
import { Decimal } from '../../shared/money';
import { OrderStatus } from './order-status';

declare module '../../shared/jobs' {
  interface JobPayloads {
    'sales.backorders.reserve': { warehouseId: string; step?: number };
  }
}

/** A chain stops after this many orders even if it still finds some (a guard; each step makes progress, so it is never reached in practice). */
const MAX_STEPS = 10_000;

/**
 * Backorders reserved when goods arrive (issue 12, item 2). A receipt or transfer posting
 * raises StockArrived in its transaction; if confirmed orders wait for any of those
 * products there, a job for the warehouse is created in that same transaction (durable:
 * it exists exactly when the goods do). The job reserves for one order — the one waiting
 * longest by promised date, then confirmation time — in its own transaction under the
 * order's row lock (as reserveOrder, backorders still allowed), then enqueues itself for
 * the next order, until no waiting order can get anything from what is free there.
 *
 * One job per warehouse is waiting and one running at a time, on any number of instances
 * (pg-boss's stately policy keyed by the warehouse): arrivals meanwhile fold into the
 * waiting job, which reads everything afresh. Reserving brings a line to its quantity,
 * never past it, under the order's lock and the balance rows' locks, so a second pass
 * over an order reserves nothing twice.
 */
export class OrderBackorderService {
  /** In the posting transaction: a job for the warehouse when some confirmed order waits for these products (whatever their warehouse may draw from). */
  async goodsArrived(ctx: Context, warehouseId: string, productIds: readonly string[]): Promise<void> {
    if (!productIds.length || !(await this.waitingProducts(ctx, warehouseId, productIds)).length) return;
    await ctx.services.jobs.enqueue(ctx, 'sales.backorders.reserve', { warehouseId }, { singletonKey: warehouseId });
  }

  /** The job's step: one order's backorders reserved; true when it found one (and queued the next step). */
  async reserveNext(ctx: Context, warehouseId: string, step = 0): Promise<boolean> {
    const waiting = await this.waitingProducts(ctx, warehouseId, null);
    if (!waiting.length) return false;
    const free = await ctx.services.stock.availableNow(ctx, waiting, [warehouseId]);
    const coverable = waiting.filter((p) => new Decimal(free.get(p)?.[0]?.available ?? 0).gt(0));
    if (!coverable.length) return false;
    const orderId = await this.firstWaiting(ctx, warehouseId, coverable);
    if (!orderId) return false;
    await ctx.services.orders.reserveBackorders(ctx, orderId);
    if (step + 1 < MAX_STEPS) await ctx.services.jobs.enqueue(ctx, 'sales.backorders.reserve', { warehouseId, step: step + 1 }, { singletonKey: warehouseId });
    return true;
  }

  /** Products (of `among`, or any) that confirmed orders able to draw from the warehouse wait for. */
  private async waitingProducts(ctx: Context, warehouseId: string, among: readonly string[] | null): Promise<string[]> {
    const [draws, params] = await this.drawsFrom(ctx, warehouseId);
    const rows: { product_id: string }[] = await ctx.em.execute(
      `select distinct l.product_id from customer_order_line l join customer_order o on o.id = l.order_id
       where l.backordered > 0 and o.status = ? and ${draws}${among ? ' and l.product_id in (?)' : ''}`,
      [OrderStatus.CONFIRMED, ...params, ...(among ? [[...among]] : [])],
    );
    return rows.map((r) => r.product_id);
  }

  /** The order waiting longest (promised date, then confirmation) for any of the products. */
  private async firstWaiting(ctx: Context, warehouseId: string, productIds: readonly string[]): Promise<string | null> {
    const [draws, params] = await this.drawsFrom(ctx, warehouseId);
    const [row]: { id: string }[] = await ctx.em.execute(
      `select o.id from customer_order o
       where o.status = ? and ${draws}
         and exists (select 1 from customer_order_line l where l.order_id = o.id and l.backordered > 0 and l.product_id in (?))
       order by o.promised_date asc nulls last, o.confirmed_at asc, o.id asc limit 1`,
      [OrderStatus.CONFIRMED, ...params, [...productIds]],
    );
    return row?.id ?? null;
  }

  /** Orders reserve from their own warehouse, then the priority list: a warehouse on the list serves every order. */
  private async drawsFrom(ctx: Context, warehouseId: string): Promise<[string, unknown[]]> {
    const { reservationPriority } = await ctx.services.salesSettings.get(ctx);
    return reservationPriority.includes(warehouseId) ? ['true', []] : ['o.warehouse_id = ?', [warehouseId]];
  }
}

export const backorderJobs = [
  defineJob('sales.backorders.reserve', async (ctx, { warehouseId, step }) => void (await ctx.services.orderBackorders.reserveNext(ctx, warehouseId, step ?? 0)), { policy: 'stately', retryDelaySeconds: 1 }),
];
