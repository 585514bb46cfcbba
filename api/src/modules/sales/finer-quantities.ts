import type { Context } from '../../server/context';
import type { CoarserProducts, FinerQuantities } from '../catalog/unit.events';

/**
 * What orders (of any status) and their reservations hold of the products in quantities
 * with more than `places` decimal places: the order lines with such a quantity or
 * backorder, and the products with such a line or reservation movement. One statement.
 */
export async function finerOrderQuantities(ctx: Context, of: CoarserProducts, places: number): Promise<FinerQuantities> {
  const products = ctx.services.products.selection(of);
  const [row]: { lines: number; products: number }[] = await ctx.em.execute(
    `with p as (${products.sql}),
       l as (select product_id from customer_order_line where product_id in (select id from p) and (quantity <> round(quantity, ?) or backordered <> round(backordered, ?))),
       r as (select product_id from stock_reservation where product_id in (select id from p) and quantity <> round(quantity, ?))
     select (select count(*) from l)::int as lines, (select count(*) from (select product_id from l union select product_id from r) x)::int as products`,
    [...products.params, places, places, places],
  );
  return { lines: row.lines, products: row.products };
}
