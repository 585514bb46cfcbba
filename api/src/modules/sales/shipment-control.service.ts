import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { baseConditions, listPage } from '../../shared/crud';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { OrderChange, emitOrderChanged } from './order.events';
import { OrderStatus } from './order-status';
import { CustomerOrder, CustomerOrderLine } from './order.entity';
import type { OrdersToShipArgs } from './shipment.inputs';

/** Per order line: what posted shipments took and what posted returns brought back of it. */
export interface LineShipping {
  orderLineId: string;
  shipped: string;
  returned: string;
}

// a service line is "shipped" by the posted service acts of its order (one line per product)
const SHIPPED_SQL = `select order_line_id, sum(quantity)::text as shipped from (
    select sl.order_line_id, sl.quantity
    from shipment_line sl join shipment s on s.id = sl.shipment_id
    where s.status = 'POSTED' and s.order_id in (?) and s.id <> ? and sl.order_line_id is not null
    union all
    select l.id, al.quantity
    from service_act_line al join service_act a on a.id = al.service_act_id
    join customer_order_line l on l.order_id = a.order_id and l.product_id = al.product_id
    where a.status = 'POSTED' and a.order_id in (?) and a.id <> ?
  ) x group by order_line_id`;

const RETURNED_SQL = `select sl.order_line_id, sum(rl.quantity)::text as returned
  from customer_return r
  join customer_return_line rl on rl.customer_return_id = r.id
  join shipment s on s.id = r.shipment_id
  join shipment_line sl on sl.shipment_id = s.id and sl.line_no = rl.shipment_line_no
  where r.status = 'POSTED' and s.order_id in (?) and sl.order_line_id is not null
  group by sl.order_line_id`;

/** An order line with something left to ship: its quantity over what posted shipments took. */
// goods left to ship: a service line is acted, not shipped
const LEFT_TO_SHIP_SQL = (alias: string) => `exists (select 1 from customer_order_line l where l.order_id = ${alias}.id
  and exists (select 1 from product p where p.id = l.product_id and p.kind = 'GOODS')
  and l.quantity > coalesce((select sum(sl.quantity) from shipment_line sl join shipment s on s.id = sl.shipment_id
                             where sl.order_line_id = l.id and s.status = 'POSTED'), 0))`;

const NO_SHIPMENT = '00000000-0000-0000-0000-000000000000';

/**
 * Shipment control (issue 12 §3): per order line ordered, shipped, returned and what is
 * left (ordered − shipped: a return does not reopen the order), the order's status
 * following its shipments, and the orders with something left to ship.
 */
export class ShipmentControlService {
  /** Per order line of the orders, in two statements; `excluding` leaves one shipment out (the one being unposted or posted). */
  async shippingOf(ctx: Context, orderIds: readonly string[], excluding = NO_SHIPMENT): Promise<Map<string, LineShipping>> {
    const out = new Map<string, LineShipping>();
    if (!orderIds.length) return out;
    const shipped: { order_line_id: string; shipped: string }[] = await ctx.em.execute(SHIPPED_SQL, [[...orderIds], excluding, [...orderIds], excluding]);
    const returned: { order_line_id: string; returned: string }[] = await ctx.em.execute(RETURNED_SQL, [[...orderIds]]);
    for (const r of shipped) out.set(r.order_line_id, { orderLineId: r.order_line_id, shipped: new Decimal(r.shipped).toFixed(), returned: '0' });
    for (const r of returned) out.set(r.order_line_id, { ...(out.get(r.order_line_id) ?? { orderLineId: r.order_line_id, shipped: '0' }), returned: new Decimal(r.returned).toFixed() });
    return out;
  }

  /** The lines' shipping through the request's loader: a page of orders costs two statements. */
  lineShipping(ctx: Context, line: CustomerOrderLine): Promise<LineShipping> {
    return ctx.loaders
      .custom<string, Map<string, LineShipping>>('sales:shipping', async (orderIds) => {
        const all = await this.shippingOf(ctx, orderIds);
        return orderIds.map(() => all);
      })
      .load(line.order.id)
      .then((all) => all.get(line.id) ?? { orderLineId: line.id, shipped: '0', returned: '0' });
  }

  /**
   * Moves a confirmed or shipping order to CONFIRMED, PARTIALLY_SHIPPED or SHIPPED from
   * what its posted shipments took (`excluding` left out: the one being unposted), and
   * waits for no more than is left to ship beyond what it holds reserved (a shipment
   * that took free stock for a backordered line ends the wait). The caller holds the
   * order's lock.
   */
  async follow(ctx: Context, order: CustomerOrder, excluding = NO_SHIPMENT): Promise<void> {
    if (![OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED].includes(order.status)) return;
    const lines = await ctx.em.find(CustomerOrderLine, { order: order.id });
    const shipping = await this.shippingOf(ctx, [order.id], excluding);
    const shipped = lines.map((l) => new Decimal(shipping.get(l.id)?.shipped ?? 0));
    const all = lines.every((l, i) => shipped[i].gte(l.quantity));
    const some = shipped.some((s) => s.gt(0));
    const before = order.status;
    order.status = all ? OrderStatus.SHIPPED : some ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.CONFIRMED;
    if (order.status !== before) emitOrderChanged(ctx, order, OrderChange.STATUS_CHANGED);
    const held = await ctx.services.orderReservations.heldBy(ctx, order.id);
    lines.forEach((line, i) => {
      const reserved = (held.get(line.product.id) ?? []).reduce((sum, p) => sum.plus(p.quantity), new Decimal(0));
      const waits = Decimal.max(0, Decimal.min(line.backordered, new Decimal(line.quantity).minus(shipped[i]).minus(reserved)));
      if (!waits.eq(line.backordered)) line.backordered = waits.toFixed();
    });
    await ctx.em.flush();
  }

  /** Confirmed or partially shipped orders the user may see with something left to ship, overdue by promised date first (then the rest by promised date, then those without one). */
  ordersToShip(ctx: Context, args: OrdersToShipArgs): Promise<Page<CustomerOrder>> {
    const f = args.filter;
    const conditions = baseConditions<CustomerOrder>(f, ['number']);
    conditions.push({ status: { $in: [OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED] } });
    conditions.push({ [raw((alias: string) => LEFT_TO_SHIP_SQL(alias))]: [] } as FilterQuery<CustomerOrder>);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    const scope = ctx.services.orders.scope(ctx);
    if (scope) conditions.push(scope);
    // the earliest promised dates are the overdue ones: ascending puts them first, orders without a date last
    return listPage(ctx.em, CustomerOrder, conditions, { ...args, sort: args.sort?.length ? args.sort : [{ field: 'promisedDate', order: 'ASC' as never }, { field: 'number', order: 'ASC' as never }] }, ['promisedDate', 'number', 'date'], 'promisedDate');
  }
}
