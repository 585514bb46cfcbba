import type { Context } from '../../server/context';
import { AppError, ErrorCode } from '../../shared/errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal } from '../../shared/money';
import { ProductKind } from '../catalog/product.entity';
import type { ProductAvailability } from '../inventory/stock.types';
import type { BalanceKey } from '../ledger/register-store';
import { Posting } from '../ledger/posting';
import type { RegisterRow } from '../ledger/register';
import type { CustomerOrder, CustomerOrderLine } from './order.entity';
import { allocateReservation, type ReservedPart } from './reservation-allocation';
import { reservationRegister } from './reservation.register';

/** The recorder type of an order's reservation rows. */
export const CUSTOMER_ORDER = 'CustomerOrder';

/** One product the stock could not cover, and where it looked. */
export interface Shortage {
  productId: string;
  /** The order's warehouse. */
  warehouseId: string;
  line: number;
  requested: string;
  available: string;
  warehouses: { warehouseId: string; available: string }[];
}

const insufficient = (shortages: Shortage[]) =>
  new AppError(
    ErrorCode.INSUFFICIENT_STOCK,
    `Not enough stock to reserve: ${shortages.map((s) => `line ${s.line}: ${s.requested} requested, ${s.available} available`).join('; ')}`,
    { productId: shortages[0].productId, warehouseId: shortages[0].warehouseId, requested: shortages[0].requested, available: shortages[0].available, shortages },
  );

/**
 * An order's reservations (issue 12, DESIGN §4 and §6): movements of the reservation
 * register, recorder = the order, kept in stock_balance.reserved. Every change locks
 * the balance rows it may touch in (warehouse, product) order — the lock every stock
 * posting takes first — and only then reads what is free, so nothing can take the same
 * goods in between; the balance moves by SQL (reserved = reserved + Δ) with the
 * database's CHECK as the last word. Only the difference between what a line holds and
 * what it should hold is written.
 */
export class OrderReservationService {
  /**
   * Brings what each line holds reserved to `targets` (per product; missing: 0), drawing
   * from the order's warehouse and then the configured priority (allocateReservation).
   * What no warehouse can give fails with INSUFFICIENT_STOCK for every such line, or with
   * `allowBackorder` is kept on the line as backordered.
   */
  async reconcile(ctx: Context, order: CustomerOrder, lines: readonly CustomerOrderLine[], goodsAndServices: ReadonlyMap<string, string>, allowBackorder: boolean): Promise<void> {
    // services are acted, not reserved
    const facts = await ctx.services.products.facts(ctx.em, [...goodsAndServices.keys()]);
    const targets = new Map([...goodsAndServices].filter(([productId]) => facts.get(productId)?.kind !== ProductKind.SERVICE));
    const priority = await this.priorityOf(ctx, order.warehouse.id);
    // only verbs holding the order's row lock change its reservations: what it holds cannot move under us
    const held = await this.heldBy(ctx, order.id);
    const products = [...new Set([...targets.keys(), ...held.keys()])];
    const growing = products.filter((p) => new Decimal(targets.get(p) ?? 0).gt(sumParts(held.get(p))));

    // lock every balance row a change may touch, in key order, before reading what is free
    const keys: BalanceKey[] = products.flatMap((productId) => {
      const warehouses = new Set((held.get(productId) ?? []).map((part) => part.warehouseId));
      if (growing.includes(productId)) for (const w of priority) warehouses.add(w);
      return [...warehouses].map((warehouseId) => ({ warehouseId, productId }));
    });
    const lineOf = new Map(lines.map((line) => [line.product.id, line]));
    const plan = (free: Map<string, ProductAvailability[]>, date: string) => {
      const rows: RegisterRow[] = [];
      const shortages: Shortage[] = [];
      const backordered = new Map<string, string>();
      for (const productId of products) {
        const target = targets.get(productId) ?? '0';
        const stock = priority.map((warehouseId) => ({ warehouseId, available: free.get(productId)?.find((a) => a.warehouseId === warehouseId)?.available ?? '0' }));
        const { changes, uncovered } = allocateReservation(target, held.get(productId) ?? [], stock);
        const lineNo = lineOf.get(productId)?.lineNo ?? 0;
        for (const change of changes) rows.push({ date, line: lineNo, warehouseId: change.warehouseId, productId, quantity: change.quantity, orderId: order.id });
        if (new Decimal(uncovered).gt(0) && !allowBackorder) {
          const requested = new Decimal(target).minus(sumParts(held.get(productId)));
          shortages.push({ productId, warehouseId: order.warehouse.id, line: lineNo, requested: requested.toFixed(), available: requested.minus(uncovered).toFixed(), warehouses: stock });
        }
        backordered.set(productId, uncovered);
      }
      if (shortages.length) throw insufficient(shortages.sort((a, b) => a.line - b.line));
      return { rows, backordered };
    };

    // what committed stock cannot cover now is refused before queueing for the locks: in a rush
    // for one product the orders left without goods are told at once instead of in turn
    const date = localToday();
    if (growing.length && !allowBackorder) plan(await ctx.services.stock.availableNow(ctx, growing, priority), date);

    const posting = new Posting(ctx, { type: CUSTOMER_ORDER, id: order.id }, date, `Order ${order.number}`);
    await posting.lock(reservationRegister, keys);
    // under the locks the same plan decides: nothing can take these goods in between
    const { rows, backordered } = plan(await ctx.services.stock.availableNow(ctx, growing, priority), posting.date);
    for (const [productId, uncovered] of backordered) {
      const line = lineOf.get(productId);
      if (line) line.backordered = uncovered;
    }
    await posting.write(reservationRegister, rows);
    await ctx.em.flush();
    posting.finish();
  }

  /**
   * Takes back every reservation the order still holds (cancel), nothing backordered:
   * compensating rows recorded by the order, since shipments' rows (which released what
   * they shipped) stand against the order's own and stay.
   */
  async releaseAll(ctx: Context, order: CustomerOrder, lines: readonly CustomerOrderLine[]): Promise<void> {
    const posting = new Posting(ctx, { type: CUSTOMER_ORDER, id: order.id }, localToday(), `Order ${order.number}`);
    const keys: BalanceKey[] = (await this.reservationsOf(ctx, [order.id])).map((r) => ({ warehouseId: r.warehouseId, productId: r.productId }));
    await posting.lock(reservationRegister, keys);
    // read again under the locks: only verbs holding the order's lock change what it holds
    const held = await this.reservationsOf(ctx, [order.id]);
    const lineOf = new Map(lines.map((line) => [line.product.id, line.lineNo]));
    await posting.write(
      reservationRegister,
      held.map((r) => ({ date: posting.date, line: lineOf.get(r.productId) ?? 0, warehouseId: r.warehouseId, productId: r.productId, quantity: new Decimal(r.quantity).neg().toFixed(), orderId: order.id })),
    );
    for (const line of lines) line.backordered = '0';
    await ctx.em.flush();
    posting.finish();
  }

  /** What the order holds reserved now, per product and warehouse (no zero parts). */
  async heldBy(ctx: Context, orderId: string): Promise<Map<string, ReservedPart[]>> {
    const rows = await this.reservationsOf(ctx, [orderId]);
    const byProduct = new Map<string, ReservedPart[]>();
    for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), { warehouseId: row.warehouseId, quantity: row.quantity }]);
    return byProduct;
  }

  /** The open reservations of orders, per order × product × warehouse, in one statement. */
  async reservationsOf(ctx: Context, orderIds: readonly string[]): Promise<{ orderId: string; productId: string; warehouseId: string; quantity: string }[]> {
    if (!orderIds.length) return [];
    const rows: { recorder_id: string; product_id: string; warehouse_id: string; quantity: string }[] = await ctx.em.execute(
      `select r.order_id as recorder_id, r.product_id, r.warehouse_id, sum(r.quantity)::text as quantity
       from stock_reservation r join warehouse w on w.id = r.warehouse_id
       where r.order_id in (?)
       group by r.order_id, r.product_id, r.warehouse_id, w.code having sum(r.quantity) <> 0
       order by r.order_id, r.product_id, w.code`,
      [[...orderIds]],
    );
    return rows.map((r) => ({ orderId: r.recorder_id, productId: r.product_id, warehouseId: r.warehouse_id, quantity: new Decimal(r.quantity).toFixed() }));
  }

  /** The order's warehouse, then the others of the configured priority. */
  private async priorityOf(ctx: Context, warehouseId: string): Promise<string[]> {
    const { reservationPriority } = await ctx.services.salesSettings.get(ctx);
    return [warehouseId, ...reservationPriority.filter((id) => id !== warehouseId)];
  }
}

const sumParts = (parts: readonly ReservedPart[] | undefined) => (parts ?? []).reduce((sum, p) => sum.plus(p.quantity), new Decimal(0));
