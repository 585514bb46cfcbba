import type { Context } from '../../server/context';
import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import { checkWarehouse, requireLines } from '../inventory/stock-lines';
import { costPerLine } from '../inventory/stock-consumption';
import { StockCostChanged } from '../inventory/stock.events';
import { stockRegister } from '../inventory/stock.registers';
import { defineDocumentType } from '../ledger/document-type';
import type { RegisterRow } from '../ledger/register';
import { OrderStatus } from './order-status';
import { CustomerOrderLine, type CustomerOrder } from './order.entity';
import { reservationRegister } from './reservation.register';
import { perVatRate } from './sale-shares';
import { clientSettlementRegister, salesRegister, salesVatBookRegister, SalesRowKind } from './sales.registers';
import { Shipment, ShipmentLine } from './shipment.entity';
import { checkShippedGoods, orderLines } from './shipment-lines';
import { releasesFor, type Release } from './shipment-release';

export const SHIPMENT = 'Shipment';

/** The day `days` after an ISO date. */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const SHIPPABLE = [OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED];

/** The shipment's order, locked (the order's lock comes before the balance rows', as when it reserves), in a state to ship from. */
async function lockOrder(ctx: Context, doc: Shipment, name: string): Promise<CustomerOrder | null> {
  if (!doc.order) return null;
  const order = await ctx.services.orders.lock(ctx, doc.order.id);
  if (!SHIPPABLE.includes(order.status)) throw invalidState(`${name}: order ${order.number} is ${order.status}; only a confirmed or partially shipped order ships`, { status: order.status, orderId: order.id });
  return order;
}

/**
 * Posting a shipment (SH-YYYY-NNNNNN), under the order's lock and then the balance rows of
 * every product in the warehouse (stock and reservations share them) and of the order's
 * other warehouses it releases, in key order: the order's reservation there is released
 * for the shipped quantity, and elsewhere what it would hold past what is left to ship
 * (releasesFor; rows recorded by the shipment naming the order, so the order's holding is
 * Σ by order); the goods go out at
 * FIFO cost, the released goods counting as free by then; then per line the sale (kind
 * SALE), the receivable (total with VAT, due after the payment terms) and the sales VAT
 * book per rate. The order moves to PARTIALLY_SHIPPED or SHIPPED. Unposting gives it all
 * back (the order's reservation comes back with the goods), refused while a posted
 * return stands on it or its order is cancelled.
 */
export const shipmentType = defineDocumentType<Shipment>({
  type: SHIPMENT,
  entity: Shipment,
  prefix: 'SH',
  label: 'Shipment',
  // stock first: unposting brings goods back before the reservation that covers them
  registers: [stockRegister, reservationRegister, salesRegister, clientSettlementRegister, salesVatBookRegister],
  scopedBy: 'client',
  async post(ctx, doc, posting) {
    const lines = await ctx.em.find(ShipmentLine, { shipment: doc.id }, { orderBy: { lineNo: 'asc' } });
    requireLines(posting, lines);
    const order = await lockOrder(ctx, doc, posting.name);
    const fields: FieldMessages = {};
    await checkWarehouse(ctx.em, doc.warehouse.id, 'warehouseId', fields);
    await checkShippedGoods(ctx, lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })), fields);
    if (order) {
      // other shipments may have taken from the order since the draft was written
      const asked = lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity }));
      await orderLines(ctx, order, asked, fields, { excluding: doc.id });
    }
    if (Object.keys(fields).length) throw badInput(fields);

    const warehouseId = doc.warehouse.id;
    const keys = [...new Set(lines.map((l) => l.product.id))].map((productId) => ({ warehouseId, productId }));
    // what the order holds cannot move under us (we hold its lock): the releases are known before the balance rows are locked
    const releases = order ? await releasesOf(ctx, order, doc, warehouseId, lines) : [];
    const locked = [...keys, ...releases.map((r) => ({ warehouseId: r.warehouseId, productId: r.productId }))];
    await posting.lock(stockRegister, locked);
    posting.markLocked(reservationRegister, locked);
    await posting.write(reservationRegister, releases.map((r): RegisterRow => ({ date: posting.date, line: r.lineNo, warehouseId: r.warehouseId, productId: r.productId, quantity: new Decimal(r.quantity).neg().toFixed(), orderId: order!.id })));
    const parts = await ctx.services.stock.takeOut(posting, warehouseId, lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity })));
    const cost = new Map(costPerLine(parts).map((c) => [c.lineNo, c.cost]));

    const dims = { clientId: doc.client.id, warehouseId, managerId: doc.managerId ?? null, orderId: order?.id ?? null, contractId: doc.contractId ?? null };
    await posting.write(
      salesRegister,
      lines.map((l): RegisterRow => ({ date: doc.date, line: l.lineNo, ...dims, productId: l.product.id, quantity: l.quantity, revenue: l.amount, vat: l.vat, discount: l.discount, cost: cost.get(l.lineNo) ?? '0', kind: SalesRowKind.SALE })),
    );
    await ctx.services.clientSettlements.record(posting, [
      { partyId: doc.client.id, documentType: SHIPMENT, documentId: doc.id, amount: doc.total, dueDate: addDays(doc.date, doc.paymentTermsDays), orderId: order?.id ?? null, contractId: doc.contractId ?? null },
    ]);
    await posting.write(
      salesVatBookRegister,
      perVatRate(lines).map((r, i): RegisterRow => ({ date: doc.date, line: i + 1, clientId: doc.client.id, rate: r.rate, amount: r.amount, vat: r.vat })),
    );
    if (order) await ctx.services.shipmentControl.follow(ctx, order);
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: keys.map((k) => k.productId) });
  },
  async guardRetract(ctx, doc, posting) {
    const [standing]: { number: string }[] = await ctx.em.execute(`select number from customer_return where shipment_id = ? and status = 'POSTED' order by number limit 1`, [doc.id]);
    if (standing) throw invalidState(`${posting.name} cannot be unposted: return ${standing.number} stands on it; unpost that first`, { reason: 'RETURNED', returnNumber: standing.number });
    if (!doc.order) return;
    // the order's lock before the balance rows', as when posting
    const order = await ctx.services.orders.lock(ctx, doc.order.id);
    if (![...SHIPPABLE, OrderStatus.SHIPPED].includes(order.status)) throw invalidState(`${posting.name} cannot be unposted: order ${order.number} is ${order.status}`, { status: order.status, orderId: order.id });
  },
  async afterRetract(ctx, doc) {
    if (doc.order) await ctx.services.shipmentControl.follow(ctx, await ctx.services.orders.lock(ctx, doc.order.id), doc.id);
    const lines = await ctx.em.find(ShipmentLine, { shipment: doc.id });
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: [...new Set(lines.map((l) => l.product.id))] });
  },
});

/** The order's reservation this shipment releases (releasesFor): what it ships from there, and whatever the order would hold past what is left to ship. */
async function releasesOf(ctx: Context, order: CustomerOrder, doc: Shipment, warehouseId: string, lines: readonly ShipmentLine[]): Promise<Release[]> {
  const held = await ctx.services.orderReservations.heldBy(ctx, order.id);
  const others = await ctx.services.shipmentControl.shippingOf(ctx, [order.id], doc.id);
  const ordered = await ctx.em.find(CustomerOrderLine, { order: order.id });
  const here = new Map<string, Decimal>();
  for (const line of lines) here.set(line.orderLineId ?? '', (here.get(line.orderLineId ?? '') ?? new Decimal(0)).plus(line.quantity));
  const leftAfter = new Map(ordered.map((l) => [l.product.id, new Decimal(l.quantity).minus(others.get(l.id)?.shipped ?? 0).minus(here.get(l.id) ?? 0).toFixed()]));
  return releasesFor(warehouseId, lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity })), held, leftAfter);
}
