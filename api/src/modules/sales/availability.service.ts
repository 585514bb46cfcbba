import type { Context } from '../../server/context';
import { Decimal } from '../../shared/money';
import type { StockAvailability } from './order.inputs';
import { OrderStatus } from './order-status';

/**
 * `availability`: the inventory module's availability now (on hand, reserved, available, on
 * order, with its partner and stock:read rules) and, beside it, what confirmed orders of each
 * warehouse wait for (backordered, with stock:read). Two statements for any number of products.
 */
export class AvailabilityService {
  async availability(ctx: Context, productIds: readonly string[], warehouseIds: readonly string[] | null): Promise<StockAvailability[]> {
    const unique = [...new Set(productIds)];
    const stock = await ctx.services.stock.availableNow(ctx, unique, warehouseIds ? [...new Set(warehouseIds)] : null);
    // what other clients' orders wait for is staff's business, like on hand and reserved (DESIGN §8)
    const seesStock = !!ctx.user?.permissions.has('stock:read');
    const backorders = seesStock ? await this.backordered(ctx, unique) : null;
    return unique.flatMap((productId) =>
      (stock.get(productId) ?? []).map((row) => ({
        productId,
        warehouseId: row.warehouseId,
        onHand: row.onHand,
        reserved: row.reserved,
        available: row.available,
        backordered: backorders ? (backorders.get(`${row.warehouseId}:${productId}`) ?? '0') : null,
        onOrder: row.onOrder,
      })),
    );
  }

  /** Σ backordered of confirmed orders' lines per warehouse × product. */
  async backordered(ctx: Context, productIds: readonly string[]): Promise<Map<string, string>> {
    if (!productIds.length) return new Map();
    const rows: { warehouse_id: string; product_id: string; backordered: string }[] = await ctx.em.execute(
      `select o.warehouse_id, l.product_id, sum(l.backordered)::text as backordered
       from customer_order_line l join customer_order o on o.id = l.order_id
       where o.status = ? and l.backordered > 0 and l.product_id in (?)
       group by o.warehouse_id, l.product_id`,
      [OrderStatus.CONFIRMED, [...productIds]],
    );
    return new Map(rows.map((r) => [`${r.warehouse_id}:${r.product_id}`, new Decimal(r.backordered).toFixed()]));
  }
}
