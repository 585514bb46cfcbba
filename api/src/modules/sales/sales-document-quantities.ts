import type { Context } from '../../server/context';
import type { CoarserProducts, FinerQuantities } from '../catalog/unit.events';

/** The line tables of service acts and invoices (any status), each with its quantity. */
const LINE_TABLES = ['service_act_line', 'invoice_line'] as const;

/**
 * What service acts and invoices hold of the products in quantities with more than
 * `places` decimal places: the lines, and the products with such a line. One statement.
 */
export async function finerSalesDocumentQuantities(ctx: Context, of: CoarserProducts, places: number): Promise<FinerQuantities> {
  const products = ctx.services.products.selection(of);
  const lines = LINE_TABLES.map((table) => `select product_id from ${table} where product_id in (select id from p) and quantity <> round(quantity, ?)`);
  const [row]: { lines: number; products: number }[] = await ctx.em.execute(
    `with p as (${products.sql}), l as (${lines.join(' union all ')})
     select (select count(*) from l)::int as lines, (select count(distinct product_id) from l)::int as products`,
    [...products.params, ...LINE_TABLES.map(() => places)],
  );
  return { lines: row.lines, products: row.products };
}
