import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { Decimal, roundMoney } from '../../shared/money';
import { defineDocumentType } from '../ledger/document-type';
import { balancesAt } from '../ledger/register-store';
import { StockCount, StockCountLine } from './stock-count.entity';
import { checkLines, checkWarehouse, requireLines } from './stock-lines';
import { costPerLine } from './stock-consumption';
import { receiveIntoLots } from './stock-lots';
import { StockCostChanged } from './stock.events';
import { expenseRegister, stockRegister } from './stock.registers';

export const STOCK_COUNT = 'StockCount';

/** The last known unit cost per product: its newest lot in the warehouse, else its newest lot anywhere. */
const LAST_COST_SQL = `select distinct on (product_id) product_id, unit_cost::text as unit_cost
  from stock_lot where product_id in (?)
  order by product_id, (warehouse_id = ?) desc, date desc, sequence desc`;

/**
 * On the books at the end of `date` (the stock register's month totals + that month's
 * movements), per product with a non-zero quantity, in SKU order: all of the
 * warehouse's, a group's, or the listed ones.
 */
export async function bookQuantities(ctx: Context, warehouseId: string, date: string, products: { ids: string[] } | { groupId: string | null }): Promise<Map<string, string>> {
  if ('ids' in products && !products.ids.length) return new Map();
  const source = balancesAt(stockRegister, date);
  const selection = ctx.services.products.selection('groupId' in products ? { groupId: products.groupId } : {});
  const [filter, params] = 'ids' in products ? ['and s.product_id in (?)', [products.ids]] : ['', []];
  const rows: { product_id: string; on_hand: string }[] = await ctx.em.execute(
    `select s.product_id, s.on_hand::text as on_hand from (${source.sql}) s join (${selection.sql}) p on p.id = s.product_id
     where s.warehouse_id = ? and s.on_hand <> 0 ${filter} order by p.sku`,
    [...source.params, ...selection.params, warehouseId, ...params],
  );
  return new Map(rows.map((r) => [r.product_id, new Decimal(r.on_hand).toFixed()]));
}

/**
 * Posting a stock count (SC-YYYY-NNNNNN) brings the books to the count: the balances of
 * the counted products are locked, read again as of the count's date, and the
 * differences posted. A shortage leaves the FIFO lots like a write-off (expense, reason
 * SHORTAGE; refused like one where it would make a later balance negative); a surplus
 * comes in as a lot at the product's last known cost (its newest lot in the warehouse,
 * else anywhere, else 0), booked as a negative expense (income), reason SURPLUS. The
 * book quantity and the cost of the difference are kept on the lines. Either changes the
 * average cost of the products' stock: StockCostChanged for the products with a
 * difference, on posting and on taking the count back.
 */
export const stockCountType = defineDocumentType<StockCount>({
  type: STOCK_COUNT,
  entity: StockCount,
  prefix: 'SC',
  label: 'Stock count',
  registers: [stockRegister, expenseRegister],
  async post(ctx, doc, posting) {
    const saved = await ctx.em.find(StockCountLine, { stockCount: doc.id }, { orderBy: { lineNo: 'asc' } });
    requireLines(posting, saved);
    const lines = saved.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.countedQuantity }));
    const fields: FieldMessages = {};
    await checkLines(ctx, lines, fields, { allowZero: true, quantityField: 'countedQuantity' });
    await checkWarehouse(ctx.em, doc.warehouse.id, 'warehouseId', fields);
    if (Object.keys(fields).length) throw badInput(fields);

    const warehouseId = doc.warehouse.id;
    const productIds = [...new Set(lines.map((l) => l.productId))].sort();
    // the books cannot move while they are compared
    await posting.lock(stockRegister, productIds.map((productId) => ({ warehouseId, productId })));
    const book = await bookQuantities(ctx, warehouseId, doc.date, { ids: productIds });
    const differences = lines.map((l) => ({ ...l, book: book.get(l.productId) ?? '0', difference: new Decimal(l.quantity).minus(book.get(l.productId) ?? '0') }));
    const shortages = differences.filter((d) => d.difference.lt(0)).map((d) => ({ lineNo: d.lineNo, productId: d.productId, quantity: d.difference.neg().toFixed() }));
    const surpluses = differences.filter((d) => d.difference.gt(0));

    const parts = await ctx.services.stock.takeOut(posting, warehouseId, shortages);
    const lastCost = new Map<string, string>();
    if (surpluses.length) {
      const rows: { product_id: string; unit_cost: string }[] = await ctx.em.execute(LAST_COST_SQL, [surpluses.map((s) => s.productId), warehouseId]);
      for (const r of rows) lastCost.set(r.product_id, new Decimal(r.unit_cost).toFixed());
    }
    const lots = await receiveIntoLots(
      posting,
      warehouseId,
      surpluses.map((s) => {
        const unitCost = lastCost.get(s.productId) ?? '0';
        return { line: s.lineNo, productId: s.productId, quantity: s.difference.toFixed(), unitCost, value: roundMoney(s.difference.mul(unitCost)) };
      }),
    );
    const shortageCost = costPerLine(parts);
    await posting.write(expenseRegister, [
      ...shortageCost.map((s) => ({ date: doc.date, line: s.lineNo, warehouseId, productId: s.productId, reason: 'SHORTAGE', amount: s.cost })),
      ...lots.map((l) => ({ date: doc.date, line: l.line, warehouseId, productId: l.productId, reason: 'SURPLUS', amount: new Decimal(l.value).neg().toFixed() })),
    ]);

    // what the count found, kept on its lines
    const costByLine = new Map<number, string>([...shortageCost.map((s) => [s.lineNo, new Decimal(s.cost).neg().toFixed()] as const), ...lots.map((l) => [l.line, new Decimal(l.value).toFixed()] as const)]);
    for (const line of saved) {
      line.bookQuantity = differences.find((d) => d.lineNo === line.lineNo)!.book;
      line.differenceCost = costByLine.get(line.lineNo) ?? '0';
    }
    const changed = [...new Set([...shortages.map((s) => s.productId), ...surpluses.map((s) => s.productId)])];
    if (changed.length) await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: changed });
  },
  async afterRetract(ctx, doc) {
    const lines = await ctx.em.find(StockCountLine, { stockCount: doc.id });
    const changed = [...new Set(lines.filter((l) => !new Decimal(l.bookQuantity).eq(l.countedQuantity)).map((l) => l.product.id))];
    for (const line of lines) line.differenceCost = null;
    if (changed.length) await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: changed });
  },
});
