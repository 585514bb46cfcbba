import type { Context } from '../../server/context';
import type { CoarserProducts, FinerQuantities } from '../catalog/unit.events';

/** Every quantity column of the stock documents' lines; a new line table adds itself here. */
const LINE_QUANTITIES: readonly [table: string, columns: readonly string[]][] = [
  ['goods_receipt_line', ['quantity']],
  ['stock_transfer_line', ['quantity']],
  ['write_off_line', ['quantity']],
  ['stock_count_line', ['counted_quantity', 'book_quantity']],
];
const BALANCE_QUANTITIES = ['on_hand', 'reserved'];

const finer = (columns: readonly string[]) => columns.map((c) => `${c} <> round(${c}, ?)`).join(' or ');

/**
 * What the stock documents (drafts, posted and cancelled alike) and the stock balances
 * hold of the products in quantities with more than `places` decimal places: the
 * lines, and the products with such a line or balance. One statement.
 */
export async function finerStockQuantities(ctx: Context, of: CoarserProducts, places: number): Promise<FinerQuantities> {
  const products = ctx.services.products.selection(of);
  const lines = LINE_QUANTITIES.map(([table, columns]) => `select product_id from ${table} where product_id in (select id from p) and (${finer(columns)})`);
  const balances = `select product_id from stock_balance where product_id in (select id from p) and (${finer(BALANCE_QUANTITIES)})`;
  const [row]: { lines: number; products: number }[] = await ctx.em.execute(
    `with p as (${products.sql}), l as (${lines.join(' union all ')})
     select (select count(*) from l)::int as lines, (select count(*) from (select product_id from l union select product_id from (${balances}) b) x)::int as products`,
    [...products.params, ...LINE_QUANTITIES.flatMap(([, columns]) => columns.map(() => places)), ...BALANCE_QUANTITIES.map(() => places)],
  );
  return { lines: row.lines, products: row.products };
}
