import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, problem, type FieldMessages } from '../../shared/field-errors';
import { defineDocumentType } from '../ledger/document-type';
import type { Posting } from '../ledger/posting';
import { checkLines, checkWarehouse, requireLines, type PostedLine } from './stock-lines';
import { consumeStock, costPerLine, outgoingMovements } from './stock-consumption';
import { createLots, lotMovements } from './stock-lots';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity';
import { StockArrived, StockCostChanged } from './stock.events';
import { expenseRegister, stockRegister } from './stock.registers';
import { WriteOff, WriteOffLine } from './write-off.entity';

export const STOCK_TRANSFER = 'StockTransfer';
export const WRITE_OFF = 'WriteOff';

/** The warehouses of a transfer: both there and active, and not the same. */
export async function checkTransferWarehouses(ctx: Context, from: string | undefined, to: string | undefined, fields: FieldMessages): Promise<void> {
  await checkWarehouse(ctx.em, from, 'fromWarehouseId', fields);
  await checkWarehouse(ctx.em, to, 'toWarehouseId', fields);
  if (from && to && from === to) fields.toWarehouseId = problem(FieldReason.SAME_WAREHOUSE, 'must differ from the source warehouse');
}

/** The saved lines, checked again (a product may have become a service since). */
async function postedLines(ctx: Context, posting: Posting, rows: { lineNo: number; product: { id: string }; quantity: string }[], fields: FieldMessages): Promise<PostedLine[]> {
  requireLines(posting, rows);
  const lines = rows.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity }));
  await checkLines(ctx, lines, fields);
  return lines;
}

/**
 * Posting a transfer (TR-YYYY-NNNNNN): out of the source at FIFO cost on its date (the
 * source's balances of every product and the destination's are locked first, together,
 * in key order), into the destination as lots of the same cost, one per consumed part,
 * with the consumed lot as origin. The average cost of stock across all warehouses (what
 * FROM_COST prices follow) stays exactly what it was, so a transfer raises no
 * StockCostChanged.
 */
export const stockTransferType = defineDocumentType<StockTransfer>({
  type: STOCK_TRANSFER,
  entity: StockTransfer,
  prefix: 'TR',
  label: 'Transfer',
  registers: [stockRegister],
  async post(ctx, doc, posting) {
    const fields: FieldMessages = {};
    const lines = await postedLines(ctx, posting, await ctx.em.find(StockTransferLine, { stockTransfer: doc.id }, { orderBy: { lineNo: 'asc' } }), fields);
    await checkTransferWarehouses(ctx, doc.fromWarehouse.id, doc.toWarehouse.id, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const from = doc.fromWarehouse.id;
    const to = doc.toWarehouse.id;
    await posting.lock(stockRegister, lines.flatMap((l) => [{ warehouseId: from, productId: l.productId }, { warehouseId: to, productId: l.productId }]));
    const parts = await consumeStock(posting, from, lines);
    const lots = await createLots(posting, to, parts.map((p) => ({ line: p.lineNo, productId: p.productId, quantity: p.quantity, unitCost: p.unitCost, value: p.cost, originLotId: p.lotId })));
    // out of the source and into the destination in one write
    await posting.write(stockRegister, [...outgoingMovements(from, doc.date, parts), ...lotMovements(posting, to, lots)]);
    await ctx.services.domainEvents.raise(ctx, StockArrived, { warehouseId: to, productIds: [...new Set(lines.map((l) => l.productId))] });
  },
});

/**
 * Posting a write-off (WO-YYYY-NNNNNN): out of the warehouse at FIFO cost on its date; that
 * cost goes to the expense register per line, by reason. FIFO takes the oldest lots, so
 * the average cost of what is left changes: StockCostChanged on posting and on taking it
 * back (the lots are restored).
 */
export const writeOffType = defineDocumentType<WriteOff>({
  type: WRITE_OFF,
  entity: WriteOff,
  prefix: 'WO',
  label: 'Write-off',
  registers: [stockRegister, expenseRegister],
  async post(ctx, doc, posting) {
    const fields: FieldMessages = {};
    const lines = await postedLines(ctx, posting, await ctx.em.find(WriteOffLine, { writeOff: doc.id }, { orderBy: { lineNo: 'asc' } }), fields);
    await checkWarehouse(ctx.em, doc.warehouse.id, 'warehouseId', fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const warehouseId = doc.warehouse.id;
    const parts = await ctx.services.stock.takeOut(posting, warehouseId, lines);
    await posting.write(expenseRegister, costPerLine(parts).map((e) => ({ date: doc.date, line: e.lineNo, warehouseId, productId: e.productId, reason: doc.reason, amount: e.cost })));
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: [...new Set(lines.map((l) => l.productId))] });
  },
  async afterRetract(ctx, doc) {
    const lines = await ctx.em.find(WriteOffLine, { writeOff: doc.id }, { orderBy: { lineNo: 'asc' } });
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: [...new Set(lines.map((l) => l.product.id))] });
  },
});
