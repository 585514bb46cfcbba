import type { Context } from '../../server/context';
import { AppError, badInput, ErrorCode, forbidden } from '../../shared/errors';
import { required } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal, sumOf } from '../../shared/money';
import { Counterparty } from '../crm/counterparty.entity';
import { OrderStatus } from './order-status';
import type { CustomerOrder } from './order.entity';
import type { CreditOverrideInput } from './credit-control.inputs';
import { CreditOverride } from './credit-override.entity';
import { daysBetween } from './sales-document-lines';
import { SalesRowKind } from './sales.registers';

/** What credit control weighed for one order. */
export interface CreditFigures {
  limit: string | null;
  /** What the client owes now (less its open advances). */
  receivable: string;
  /** What its other confirmed orders have not shipped (or acted) yet, with VAT. */
  openOrders: string;
  /** This order's total. */
  order: string;
  /** receivable + openOrders + order. */
  exposure: string;
  /** Debt past due by more than overdueBlockDays. */
  overdue: { amount: string; days: number; blockDays: number | null };
  reasons: ('CREDIT_LIMIT' | 'OVERDUE_DEBT')[];
}

/**
 * Credit control (issue 12 §6): confirming an order may not take the client's
 * receivable + its open orders' unshipped totals + the order past its credit limit, nor
 * go through while the client has debt overdue more than overdueBlockDays — unless a
 * user with credit:override (a head of sales) says why, which is kept (CreditOverride,
 * audited). One client's confirmations take turns on an advisory lock, so two orders
 * cannot both pass on the same headroom.
 */
export class CreditControlService {
  async checkConfirmation(ctx: Context, order: CustomerOrder, override: CreditOverrideInput | null): Promise<void> {
    if (override && !ctx.user?.permissions.has('credit:override')) throw forbidden('Only a head of sales (credit:override) can let an order past credit control');
    if (override && !override.reason.trim()) throw badInput({ 'creditOverride.reason': required('say why the order goes through') });
    const client = await ctx.em.findOneOrFail(Counterparty, order.client.id);
    const { overdueBlockDays } = await ctx.services.salesSettings.get(ctx);
    // nothing to control: no limit and no overdue block
    if ((client.creditLimit ?? null) === null && overdueBlockDays === null) return;
    await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`credit:${client.id}`]);
    const figures = await this.figures(ctx, client, order, overdueBlockDays);
    if (!figures.reasons.length) return;
    if (!override) {
      const why = figures.reasons.map((r) => (r === 'CREDIT_LIMIT' ? `${figures.receivable} owed + ${figures.openOrders} on open orders + ${figures.order} this order = ${figures.exposure}, over the limit of ${figures.limit}` : `${figures.overdue.amount} overdue by ${figures.overdue.days} days (more than ${figures.overdue.blockDays})`));
      throw new AppError(ErrorCode.CREDIT_LIMIT_EXCEEDED, `Order ${order.number} exceeds ${client.name}'s credit: ${why.join('; ')}`, { clientId: client.id, ...figures });
    }
    ctx.em.create(CreditOverride, { orderId: order.id, client: client.id, reason: override.reason.trim(), figures: { ...figures } });
    await ctx.em.flush();
  }

  /** The figures for an order of the client, as of today. */
  async figures(ctx: Context, client: Counterparty, order: CustomerOrder, overdueBlockDays: number | null): Promise<CreditFigures> {
    const today = localToday();
    const items = await ctx.services.clientSettlements.openItems(ctx, [client.id]);
    const receivable = sumOf(items.map((i) => i.open));
    const [{ open }]: { open: string }[] = await ctx.em.execute(
      `select coalesce(sum(greatest(o.total - coalesce(s.shipped, 0), 0)), 0)::text as open
       from customer_order o
       left join (select order_id, sum(revenue + vat) as shipped from sales_register where client_id = ? and kind = ? group by order_id) s on s.order_id = o.id
       where o.client_id = ? and o.status in (?, ?) and o.id <> ?`,
      [client.id, SalesRowKind.SALE, client.id, OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED, order.id],
    );
    const overdue = items.filter((i) => new Decimal(i.open).gt(0)).map((i) => ({ open: i.open, days: daysBetween(i.dueDate ?? i.date, today) }));
    const blocking = overdueBlockDays === null ? [] : overdue.filter((i) => i.days > overdueBlockDays);
    const exposure = receivable.plus(open).plus(order.total);
    const limit = client.creditLimit ?? null;
    const reasons: CreditFigures['reasons'] = [];
    if (limit !== null && exposure.gt(limit)) reasons.push('CREDIT_LIMIT');
    if (blocking.length) reasons.push('OVERDUE_DEBT');
    return {
      limit: limit === null ? null : new Decimal(limit).toFixed(2),
      receivable: receivable.toFixed(2),
      openOrders: new Decimal(open).toFixed(2),
      order: new Decimal(order.total).toFixed(2),
      exposure: exposure.toFixed(2),
      overdue: { amount: sumOf(blocking.map((i) => i.open)).toFixed(2), days: Math.max(0, ...blocking.map((i) => i.days)), blockDays: overdueBlockDays },
      reasons,
    };
  }
}
