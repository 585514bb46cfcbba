import { Decimal } from '../../shared/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { findForChange, listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { SUBTREE_IDS_SQL } from '../catalog/product-group.service';
import { nextDocumentNumber } from '../ledger/document-number';
import { documentConditions } from '../ledger/document.filter';
import type { Recorder } from '../ledger/recorder';
import { bookExpenses, type ExpenseInput } from './expense-register';
import { checkLines, checkWarehouse, costPerLine, DOCUMENT_SORTABLE, StockDocumentService, type CheckedLine, type PostedLine } from './stock-document.service';
import { consumeStock, outgoingMovements } from './stock-consumption';
import { balancesAt } from './stock.service';
import { StockCount, StockCountLine } from './stock-count.entity';
import type { CreateStockCountInput, StockCountLineInput, StockCountListArgs, UpdateStockCountInput } from './stock-count.inputs';
import { writeStockMovements, type StockKey } from './stock-register';
import { Warehouse } from './warehouse.entity';
import { jsonParam } from '../../shared/json-param';

export const STOCK_COUNT = 'StockCount';


/** The last known unit cost per product: its newest lot in the warehouse, else its newest lot anywhere. */
const LAST_COST_SQL = `select distinct on (product_id) product_id, unit_cost::text as unit_cost
  from stock_lot where product_id in (?)
  order by product_id, (warehouse_id = ?) desc, date desc, sequence desc`;

/** One lot per surplus line at the last known cost, valued round2(quantity × unit cost). */
const SURPLUS_LOTS_SQL = `insert into stock_lot (id, warehouse_id, product_id, date, sequence, recorder_type, recorder_id, recorder_line, origin_lot_id, qty_in, qty_remaining, unit_cost, value_remaining)
  select gen_random_uuid(), ?, s.product_id, ?, nextval('stock_lot_sequence'), ?, ?, s.line_no, null, s.quantity, s.quantity, s.unit_cost, round(s.quantity * s.unit_cost, 2)
  from (select * from jsonb_to_recordset(?::jsonb) as x(product_id uuid, line_no int, quantity numeric, unit_cost numeric) order by line_no) s
  returning id, product_id, recorder_line, qty_in::text as qty_in, value_remaining::text as value_remaining`;

/** Locks the lots, then the balance rows, of the counted products — the order every posting takes them in — so the books cannot move while they are compared. */
const LOCK_SQL = [
  'select id from stock_lot where warehouse_id = ? and product_id in (?) and qty_remaining > 0 order by product_id, date, sequence for update',
  'select product_id from stock_balance where warehouse_id = ? and product_id in (?) order by product_id for update',
];

/** On the books at the end of `date` (balancesAt: month totals + that month's movements), per product with a non-zero quantity: all the warehouse's, a group's, or the listed ones. */
async function bookQuantities(em: EntityManager, warehouseId: string, date: string, products: { ids: string[] } | { groupId: string | null }): Promise<Map<string, string>> {
  if ('ids' in products && !products.ids.length) return new Map();
  const [filter, params] = 'ids' in products ? ['s.product_id in (?)', [products.ids]] : products.groupId ? [`p.group_id in ${SUBTREE_IDS_SQL}`, [products.groupId]] : ['true', []];
  const source = balancesAt(date);
  const rows: { product_id: string; on_hand: string }[] = await em.execute(
    `select s.product_id, s.on_hand::text as on_hand from (${source.sql}) s join product p on p.id = s.product_id
     where s.warehouse_id = ? and s.on_hand <> 0 and ${filter} order by p.sku`,
    [...source.params, warehouseId, ...params],
  );
  return new Map(rows.map((r) => [r.product_id, new Decimal(r.on_hand).toFixed()]));
}

/**
 * Stock counts (SC-YYYY-NNNNNN). A draft holds per product the book quantity at the end
 * of its date and the counted one (prefilled with the book). Posting reads the books
 * again under lock and posts the differences: a shortage leaves the FIFO lots like a
 * write-off (expense, reason SHORTAGE); a surplus comes in as a lot at the product's
 * last known cost (its newest lot in the warehouse, else anywhere, else 0), booked in
 * the expense register as a negative expense (income), reason SURPLUS. Unposting takes
 * it all back, like the other stock documents.
 */
export class StockCountService extends StockDocumentService<StockCount> {
  protected readonly entity = StockCount;
  protected readonly type = STOCK_COUNT;
  protected readonly label = 'Stock count';

  list(ctx: Context, args: StockCountListArgs): Promise<Page<StockCount>> {
    const f = args.filter;
    const conditions = documentConditions<StockCount>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    return listPage(ctx.em, StockCount, conditions, args, DOCUMENT_SORTABLE, 'number');
  }

  async create(ctx: Context, input: CreateStockCountInput): Promise<StockCount> {
    const fields: Record<string, string> = {};
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const counted = await this.checkCounted(ctx.em, input.lines, fields);
    if (input.groupId) {
      const [group]: unknown[] = await ctx.em.execute('select 1 from product_group where id = ?', [input.groupId]);
      if (!group) fields.groupId = 'no such product group';
    }
    if (Object.keys(fields).length) throw badInput(fields);
    const prefilled = input.prefill ? await bookQuantities(ctx.em, input.warehouseId, input.date, { groupId: input.groupId ?? null }) : new Map<string, string>();
    const lines: CheckedLine[] = [...prefilled].map(([productId, book]) => ({ productId, quantity: book }));
    for (const line of counted) {
      const prefilledLine = lines.find((l) => l.productId === line.productId);
      if (prefilledLine) prefilledLine.quantity = line.quantity;
      else lines.push(line);
    }
    const doc = ctx.em.create(StockCount, {
      number: await nextDocumentNumber(ctx.em, 'SC', input.date),
      date: input.date,
      warehouse: input.warehouseId,
      comment: input.comment?.trim() || null,
    });
    await this.addLines(ctx.em, doc, lines, input.warehouseId, input.date);
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string, input: UpdateStockCountInput): Promise<StockCount> {
    const doc = await this.lockDraft(ctx.em, id, 'edited');
    await findForChange(ctx.em, StockCount, id, input.version);
    const fields: Record<string, string> = {};
    for (const key of ['date', 'warehouseId'] as const) if (input[key] === null) fields[key] = 'must not be null';
    await checkWarehouse(ctx.em, input.warehouseId ?? undefined, 'warehouseId', fields);
    const lines = input.lines ? await this.checkCounted(ctx.em, input.lines, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.date) doc.date = input.date;
    if (input.warehouseId) doc.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    if (lines) {
      await this.replaceLines(ctx.em, doc, lines);
      doc.updatedAt = new Date();
    } else if (input.date || input.warehouseId) {
      const existing = await ctx.em.find(StockCountLine, { stockCount: doc.id });
      const book = await bookQuantities(ctx.em, doc.warehouse.id, doc.date, { ids: existing.map((l) => l.product.id) });
      for (const line of existing) line.bookQuantity = book.get(line.product.id) ?? '0';
    }
    await ctx.em.flush();
    return doc;
  }

  /** Counted lines: GOODS, quantity ≥ 0, each product once. */
  private async checkCounted(em: EntityManager, lines: StockCountLineInput[], fields: Record<string, string>): Promise<CheckedLine[]> {
    const checked = await checkLines(em, lines.map((l) => ({ productId: l.productId, quantity: l.countedQuantity })), fields, { allowZero: true, quantityField: 'countedQuantity' });
    const seen = new Map<string, number>();
    lines.forEach((l, i) => {
      if (seen.has(l.productId)) fields[`lines.${i}.productId`] = `line ${i + 1}: the product is already counted on line ${seen.get(l.productId)! + 1}`;
      else seen.set(l.productId, i);
    });
    return checked;
  }

  private async addLines(em: EntityManager, doc: StockCount, lines: CheckedLine[], warehouseId: string, date: string): Promise<void> {
    const book = await bookQuantities(em, warehouseId, date, { ids: lines.map((l) => l.productId) });
    lines.forEach((l, i) => em.create(StockCountLine, { stockCount: doc, lineNo: i + 1, product: l.productId, bookQuantity: book.get(l.productId) ?? '0', countedQuantity: l.quantity }));
  }

  protected async replaceLines(em: EntityManager, doc: StockCount, lines: CheckedLine[]) {
    await this.clearLines(em, doc);
    await this.addLines(em, doc, lines, doc.warehouse.id, doc.date);
  }

  protected async linesOf(em: EntityManager, doc: StockCount): Promise<PostedLine[]> {
    const lines = await em.find(StockCountLine, { stockCount: doc.id }, { orderBy: { lineNo: 'asc' } });
    return lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.countedQuantity }));
  }

  protected checkPostedLines(em: EntityManager, lines: PostedLine[], fields: Record<string, string>): Promise<CheckedLine[]> {
    return checkLines(em, lines, fields, { allowZero: true, quantityField: 'countedQuantity' });
  }

  protected checkDocument(em: EntityManager, doc: StockCount, _lines: CheckedLine[], fields: Record<string, string>) {
    return checkWarehouse(em, doc.warehouse.id, 'warehouseId', fields);
  }

  protected async write(ctx: Context, doc: StockCount, recorder: Recorder, lines: PostedLine[]): Promise<StockKey[]> {
    const em = ctx.em;
    const warehouseId = doc.warehouse.id;
    const productIds = [...new Set(lines.map((l) => l.productId))].sort();
    for (const sql of LOCK_SQL) await em.execute(sql, [warehouseId, productIds]);
    const book = await bookQuantities(em, warehouseId, doc.date, { ids: productIds });

    const differences = lines.map((l) => ({ ...l, book: book.get(l.productId) ?? '0', difference: new Decimal(l.quantity).minus(book.get(l.productId) ?? '0') }));
    const shortages = differences.filter((d) => d.difference.lt(0)).map((d) => ({ lineNo: d.lineNo, productId: d.productId, quantity: d.difference.neg().toFixed() }));
    const surpluses = differences.filter((d) => d.difference.gt(0));

    const parts = shortages.length ? await consumeStock(em, warehouseId, shortages) : [];
    const shortageCost = costPerLine(parts);
    const lastCost = new Map<string, string>();
    if (surpluses.length) {
      const rows: { product_id: string; unit_cost: string }[] = await em.execute(LAST_COST_SQL, [surpluses.map((s) => s.productId), warehouseId]);
      for (const r of rows) lastCost.set(r.product_id, r.unit_cost);
    }
    const json = jsonParam(surpluses.map((s) => ({ product_id: s.productId, line_no: s.lineNo, quantity: s.difference.toFixed(), unit_cost: lastCost.get(s.productId) ?? '0' })));
    const lots: { id: string; product_id: string; recorder_line: number; qty_in: string; value_remaining: string }[] = surpluses.length
      ? await em.execute(SURPLUS_LOTS_SQL, [warehouseId, doc.date, recorder.type, recorder.id, json])
      : [];
    await writeStockMovements(em, recorder, [
      ...outgoingMovements(warehouseId, doc.date, parts),
      ...lots.map((l) => ({ warehouseId, productId: l.product_id, lotId: l.id, date: doc.date, quantity: l.qty_in, cost: l.value_remaining, recorderLine: l.recorder_line })),
    ]);
    const expenses: ExpenseInput[] = [
      ...shortageCost.map((s) => ({ date: doc.date, warehouseId, productId: s.productId, reason: 'SHORTAGE', amount: s.cost, recorderLine: s.lineNo })),
      ...lots.map((l) => ({ date: doc.date, warehouseId, productId: l.product_id, reason: 'SURPLUS', amount: new Decimal(l.value_remaining).neg().toFixed(), recorderLine: l.recorder_line })),
    ];
    await bookExpenses(em, recorder, expenses);

    // what the count found, kept on its lines
    const costByLine = new Map<number, string>([...shortageCost.map((s) => [s.lineNo, new Decimal(s.cost).neg().toFixed()] as const), ...lots.map((l) => [l.recorder_line, new Decimal(l.value_remaining).toFixed()] as const)]);
    const entities = await em.find(StockCountLine, { stockCount: doc.id });
    for (const line of entities) {
      line.bookQuantity = differences.find((d) => d.lineNo === line.lineNo)!.book;
      line.differenceCost = costByLine.get(line.lineNo) ?? '0';
    }
    await em.flush();
    return differences.filter((d) => !d.difference.isZero()).map((d) => ({ warehouseId, productId: d.productId }));
  }

  protected async afterRetract(em: EntityManager, doc: StockCount): Promise<void> {
    const lines = await em.find(StockCountLine, { stockCount: doc.id });
    for (const line of lines) line.differenceCost = null;
  }
}
