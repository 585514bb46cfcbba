import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { findForChange, listPage } from '../../shared/crud';
import { jsonParam } from '../../shared/json-param';
import type { Page } from '../../shared/pagination';
import { nextDocumentNumber } from '../ledger/document-number';
import { documentConditions } from '../ledger/document.filter';
import type { Recorder } from '../ledger/recorder';
import { bookExpenses } from './expense-register';
import type { CreateStockTransferInput, CreateWriteOffInput, StockTransferListArgs, UpdateStockTransferInput, UpdateWriteOffInput, WriteOffListArgs } from './outgoing-stock.inputs';
import { consumeStock, outgoingMovements, type ConsumedPart } from './stock-consumption';
import { checkLines, checkWarehouse, costPerLine, DOCUMENT_SORTABLE, StockDocumentService, type CheckedLine, type PostedLine } from './stock-document.service';
import { writeStockMovements, type StockKey } from './stock-register';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity';
import { Warehouse } from './warehouse.entity';
import { WriteOff, WriteOffLine } from './write-off.entity';

export const STOCK_TRANSFER = 'StockTransfer';
export const WRITE_OFF = 'WriteOff';

/** Destination lots of a transfer: one per consumed part, same unit cost, the consumed lot as origin; FIFO order = part order. */
const CREATE_DESTINATION_LOTS_SQL = `insert into stock_lot (id, warehouse_id, product_id, date, sequence, recorder_type, recorder_id, recorder_line, origin_lot_id, qty_in, qty_remaining, unit_cost, value_remaining)
  select gen_random_uuid(), ?, s.product_id, ?, nextval('stock_lot_sequence'), ?, ?, s.line_no, s.lot_id, s.quantity, s.quantity, s.unit_cost, s.cost
  from (select * from jsonb_to_recordset(?::jsonb) as x(ord int, product_id uuid, line_no int, lot_id uuid, quantity numeric, unit_cost numeric, cost numeric) order by ord) s
  returning id, product_id, recorder_line, qty_in::text as qty_in, value_remaining::text as value_remaining`;

/** Transfers (TR-YYYY-NNNNNN): out of the source at FIFO cost, into the destination as lots of the same cost. */
export class StockTransferService extends StockDocumentService<StockTransfer> {
  protected readonly entity = StockTransfer;
  protected readonly type = STOCK_TRANSFER;
  protected readonly label = 'Transfer';

  list(ctx: Context, args: StockTransferListArgs): Promise<Page<StockTransfer>> {
    const f = args.filter;
    const conditions = documentConditions<StockTransfer>(f, ['number']);
    if (f?.warehouseId) conditions.push({ $or: [{ fromWarehouse: f.warehouseId }, { toWarehouse: f.warehouseId }] });
    return listPage(ctx.em, StockTransfer, conditions, args, DOCUMENT_SORTABLE, 'number');
  }

  async create(ctx: Context, input: CreateStockTransferInput): Promise<StockTransfer> {
    const fields: Record<string, string> = {};
    await this.checkHeader(ctx.em, input.fromWarehouseId, input.toWarehouseId, fields);
    const lines = await checkLines(ctx.em, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(StockTransfer, {
      number: await nextDocumentNumber(ctx.em, 'TR', input.date),
      date: input.date,
      fromWarehouse: input.fromWarehouseId,
      toWarehouse: input.toWarehouseId,
      comment: input.comment?.trim() || null,
    });
    lines.forEach((l, i) => ctx.em.create(StockTransferLine, { stockTransfer: doc, lineNo: i + 1, product: l.productId, quantity: l.quantity }));
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string, input: UpdateStockTransferInput): Promise<StockTransfer> {
    const doc = await this.lockDraft(ctx.em, id, 'edited');
    await findForChange(ctx.em, StockTransfer, id, input.version);
    const fields: Record<string, string> = {};
    for (const key of ['date', 'fromWarehouseId', 'toWarehouseId'] as const) if (input[key] === null) fields[key] = 'must not be null';
    await this.checkHeader(ctx.em, input.fromWarehouseId ?? doc.fromWarehouse.id, input.toWarehouseId ?? doc.toWarehouse.id, fields);
    const lines = input.lines ? await checkLines(ctx.em, input.lines, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    await this.setLines(ctx.em, doc, lines);
    if (input.date) doc.date = input.date;
    if (input.fromWarehouseId) doc.fromWarehouse = ctx.em.getReference(Warehouse, input.fromWarehouseId, { wrapped: true });
    if (input.toWarehouseId) doc.toWarehouse = ctx.em.getReference(Warehouse, input.toWarehouseId, { wrapped: true });
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return doc;
  }

  private async checkHeader(em: EntityManager, from: string, to: string, fields: Record<string, string>): Promise<void> {
    await checkWarehouse(em, from, 'fromWarehouseId', fields);
    await checkWarehouse(em, to, 'toWarehouseId', fields);
    if (from && to && from === to) fields.toWarehouseId = 'must differ from the source warehouse';
  }

  protected async linesOf(em: EntityManager, doc: StockTransfer) {
    const lines = await em.find(StockTransferLine, { stockTransfer: doc.id }, { orderBy: { lineNo: 'asc' } });
    return lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity }));
  }

  protected checkDocument(em: EntityManager, doc: StockTransfer, _lines: CheckedLine[], fields: Record<string, string>) {
    return this.checkHeader(em, doc.fromWarehouse.id, doc.toWarehouse.id, fields);
  }

  protected async replaceLines(em: EntityManager, doc: StockTransfer, lines: CheckedLine[]) {
    await this.clearLines(em, doc);
    lines.forEach((l, i) => em.create(StockTransferLine, { stockTransfer: doc, lineNo: i + 1, product: l.productId, quantity: l.quantity }));
  }

  protected async write(ctx: Context, doc: StockTransfer, recorder: Recorder, lines: PostedLine[]): Promise<StockKey[]> {
    const from = doc.fromWarehouse.id;
    const to = doc.toWarehouse.id;
    const parts: ConsumedPart[] = await consumeStock(ctx.em, from, lines);
    const json = jsonParam(parts.map((p, ord) => ({ ord, product_id: p.productId, line_no: p.lineNo, lot_id: p.lotId, quantity: p.quantity, unit_cost: p.unitCost, cost: p.cost })));
    const lots: { id: string; product_id: string; recorder_line: number; qty_in: string; value_remaining: string }[] = await ctx.em.execute(CREATE_DESTINATION_LOTS_SQL, [to, doc.date, recorder.type, recorder.id, json]);
    await writeStockMovements(ctx.em, recorder, [
      ...outgoingMovements(from, doc.date, parts),
      ...lots.map((l) => ({ warehouseId: to, productId: l.product_id, lotId: l.id, date: doc.date, quantity: l.qty_in, cost: l.value_remaining, recorderLine: l.recorder_line })),
    ]);
    return parts.flatMap((p) => [{ warehouseId: from, productId: p.productId }, { warehouseId: to, productId: p.productId }]);
  }
}

/** Write-offs (WO-YYYY-NNNNNN): out of the warehouse at FIFO cost; that cost goes to the expense register per line. */
export class WriteOffService extends StockDocumentService<WriteOff> {
  protected readonly entity = WriteOff;
  protected readonly type = WRITE_OFF;
  protected readonly label = 'Write-off';

  list(ctx: Context, args: WriteOffListArgs): Promise<Page<WriteOff>> {
    const f = args.filter;
    const conditions = documentConditions<WriteOff>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.reason) conditions.push({ reason: f.reason });
    return listPage(ctx.em, WriteOff, conditions, args, DOCUMENT_SORTABLE, 'number');
  }

  async create(ctx: Context, input: CreateWriteOffInput): Promise<WriteOff> {
    const fields: Record<string, string> = {};
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const lines = await checkLines(ctx.em, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(WriteOff, {
      number: await nextDocumentNumber(ctx.em, 'WO', input.date),
      date: input.date,
      warehouse: input.warehouseId,
      reason: input.reason,
      comment: input.comment?.trim() || null,
    });
    lines.forEach((l, i) => ctx.em.create(WriteOffLine, { writeOff: doc, lineNo: i + 1, product: l.productId, quantity: l.quantity }));
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string, input: UpdateWriteOffInput): Promise<WriteOff> {
    const doc = await this.lockDraft(ctx.em, id, 'edited');
    await findForChange(ctx.em, WriteOff, id, input.version);
    const fields: Record<string, string> = {};
    for (const key of ['date', 'warehouseId', 'reason'] as const) if (input[key] === null) fields[key] = 'must not be null';
    await checkWarehouse(ctx.em, input.warehouseId ?? undefined, 'warehouseId', fields);
    const lines = input.lines ? await checkLines(ctx.em, input.lines, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    await this.setLines(ctx.em, doc, lines);
    if (input.date) doc.date = input.date;
    if (input.warehouseId) doc.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.reason) doc.reason = input.reason;
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return doc;
  }

  protected async linesOf(em: EntityManager, doc: WriteOff) {
    const lines = await em.find(WriteOffLine, { writeOff: doc.id }, { orderBy: { lineNo: 'asc' } });
    return lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity }));
  }

  protected checkDocument(em: EntityManager, doc: WriteOff, _lines: CheckedLine[], fields: Record<string, string>) {
    return checkWarehouse(em, doc.warehouse.id, 'warehouseId', fields);
  }

  protected async replaceLines(em: EntityManager, doc: WriteOff, lines: CheckedLine[]) {
    await this.clearLines(em, doc);
    lines.forEach((l, i) => em.create(WriteOffLine, { writeOff: doc, lineNo: i + 1, product: l.productId, quantity: l.quantity }));
  }

  protected async write(ctx: Context, doc: WriteOff, recorder: Recorder, lines: PostedLine[]): Promise<StockKey[]> {
    const warehouse = doc.warehouse.id;
    const parts = await consumeStock(ctx.em, warehouse, lines);
    await writeStockMovements(ctx.em, recorder, outgoingMovements(warehouse, doc.date, parts));
    await bookExpenses(ctx.em, recorder, costPerLine(parts).map((e) => ({ date: doc.date, warehouseId: warehouse, productId: e.productId, reason: doc.reason, amount: e.cost, recorderLine: e.lineNo })));
    return parts.map((p) => ({ warehouseId: warehouse, productId: p.productId }));
  }
}
