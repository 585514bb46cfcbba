import Decimal from 'decimal.js';
import { LockMode, type Collection, type EntityManager } from '@mikro-orm/postgresql';
import { documentConditions } from '../ledger/document.filter';
import type { Context } from '../../server/context';
import { findById, findForChange, isUuid, listPage } from '../../shared/crud';
import { badInput, notFound } from '../../shared/errors';
import { emitAfterCommit } from '../../shared/event-bus';
import { jsonParam } from '../../shared/json-param';
import type { Page } from '../../shared/pagination';
import { ProductKind } from '../catalog/product.entity';
import { nextDocumentNumber } from '../ledger/document-number';
import type { DocumentEntity } from '../ledger/document.entity';
import { assertNotAdjusted } from './cost-adjustment';
import { bookExpenses } from './expense-register';
import { DocumentStatus } from '../ledger/document-status';
import { assertPeriodOpen } from '../ledger/period-close.service';
import type { Recorder } from '../ledger/recorder';
import { invalidState, STOCK_CHANGED } from './goods-receipt.service';
import type { CreateStockTransferInput, CreateWriteOffInput, StockLineInput, StockTransferListArgs, UpdateStockTransferInput, UpdateWriteOffInput, WriteOffListArgs } from './outgoing-stock.inputs';
import { consumeStock, outgoingMovements, restoreConsumedLots, type ConsumedPart } from './stock-consumption';
import { consumersOfLots, deleteRecorder, writeStockMovements, type StockKey } from './stock-register';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity';
import { Warehouse } from './warehouse.entity';
import { WriteOff, WriteOffLine } from './write-off.entity';

export const STOCK_TRANSFER = 'StockTransfer';
export const WRITE_OFF = 'WriteOff';

const SORTABLE = ['number', 'date', 'status', 'postedAt', 'createdAt', 'updatedAt'] as const;
const MAX_QUANTITY = new Decimal('999999999999999.999'); // numeric(18,3)
const invalidInput = (fields: Record<string, string>) => badInput(fields, `Invalid input: ${Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ')}`);

export interface CheckedLine {
  productId: string;
  quantity: string;
}

/** A document line as its posting reads it. */
export interface PostedLine {
  lineNo: number;
  productId: string;
  quantity: string;
}

/** A stock document: a DocumentEntity with lines. */
type StockDocument = DocumentEntity & { lines: Collection<object> };

/** Destination lots of a transfer: one per consumed part, same unit cost, the consumed lot as origin; FIFO order = part order. */
const CREATE_DESTINATION_LOTS_SQL = `insert into stock_lot (id, warehouse_id, product_id, date, sequence, recorder_type, recorder_id, recorder_line, origin_lot_id, qty_in, qty_remaining, unit_cost, value_remaining)
  select gen_random_uuid(), ?, s.product_id, ?, nextval('stock_lot_sequence'), ?, ?, s.line_no, s.lot_id, s.quantity, s.quantity, s.unit_cost, s.cost
  from (select * from jsonb_to_recordset(?::jsonb) as x(ord int, product_id uuid, line_no int, lot_id uuid, quantity numeric, unit_cost numeric, cost numeric) order by ord) s
  returning id, product_id, recorder_line, qty_in::text as qty_in, value_remaining::text as value_remaining`;

export async function checkWarehouse(em: EntityManager, id: string | undefined, field: string, fields: Record<string, string>): Promise<void> {
  if (!id) return;
  const [w]: { active: boolean }[] = await em.execute('select active from warehouse where id = ?', [id]);
  if (!w) fields[field] = 'no such warehouse';
  else if (!w.active) fields[field] = 'the warehouse is inactive';
}

/**
 * Lines keyed `lines.<index>.<field>`: a GOODS product that exists, quantity > 0 (≥ 0
 * with allowZero) with ≤ 3 places; `quantityField` names the quantity in the input.
 */
export async function checkLines(em: EntityManager, lines: StockLineInput[], fields: Record<string, string>, { allowZero = false, quantityField = 'quantity' } = {}): Promise<CheckedLine[]> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const rows: { id: string; sku: string; kind: string }[] = ids.length ? await em.execute('select id, sku, kind from product where id in (?)', [ids]) : [];
  const products = new Map(rows.map((r) => [r.id, r]));
  return lines.map((line, i) => {
    const n = i + 1;
    const product = products.get(line.productId);
    if (!product) fields[`lines.${i}.productId`] = `line ${n}: no such product`;
    else if (product.kind !== ProductKind.GOODS) fields[`lines.${i}.productId`] = `line ${n}: ${product.sku} is a ${product.kind}; only GOODS are kept in stock`;
    const quantity = new Decimal(line.quantity);
    const field = `lines.${i}.${quantityField}`;
    if (allowZero ? quantity.lt(0) : quantity.lte(0)) fields[field] = `line ${n}: the quantity must be ${allowZero ? 'zero or more' : 'greater than 0'}`;
    else if (quantity.decimalPlaces() > 3) fields[field] = `line ${n}: the quantity must have at most 3 decimal places`;
    else if (quantity.gt(MAX_QUANTITY)) fields[field] = `line ${n}: the quantity is too large`;
    return { productId: line.productId, quantity: quantity.toFixed() };
  });
}

/** The cost of each line's consumed parts, in line order. */
export function costPerLine(parts: ConsumedPart[]): { lineNo: number; productId: string; cost: string }[] {
  const perLine = new Map<number, { productId: string; cost: Decimal }>();
  for (const p of parts) {
    const e = perLine.get(p.lineNo) ?? { productId: p.productId, cost: new Decimal(0) };
    perLine.set(p.lineNo, { productId: p.productId, cost: e.cost.plus(p.cost) });
  }
  return [...perLine].sort(([a], [b]) => a - b).map(([lineNo, e]) => ({ lineNo, productId: e.productId, cost: e.cost.toFixed() }));
}

export function announce(ctx: Context, keys: StockKey[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    const k = `${key.warehouseId}:${key.productId}`;
    if (seen.has(k)) continue;
    seen.add(k);
    emitAfterCommit(ctx, STOCK_CHANGED, { warehouseId: key.warehouseId, productId: key.productId });
  }
}

export async function lockDocument<T extends DocumentEntity>(em: EntityManager, entity: new () => T, id: string): Promise<T> {
  const doc = isUuid(id) ? await em.findOne(entity as never, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  if (!doc) throw notFound(entity.name, id);
  return doc as T;
}


/**
 * Shared verbs of the documents that take goods out of a warehouse (DESIGN §4). Every
 * verb locks the document row first. Posting consumes FIFO lots (consumeStock);
 * unposting gives the source lots back exactly what the document's own movements took,
 * deletes its register rows and then the lots it made (refused while other documents
 * took from those).
 */
export abstract class StockDocumentService<T extends StockDocument> {
  protected abstract readonly entity: new () => T;
  /** The recorder type of its register rows, e.g. 'WriteOff'. */
  protected abstract readonly type: string;
  /** How messages name it, e.g. 'Write-off'. */
  protected abstract readonly label: string;
  protected abstract linesOf(em: EntityManager, doc: T): Promise<PostedLine[]>;
  protected abstract checkDocument(em: EntityManager, doc: T, lines: CheckedLine[], fields: Record<string, string>): Promise<void>;
  protected abstract write(ctx: Context, doc: T, recorder: Recorder, lines: PostedLine[]): Promise<StockKey[]>;
  protected abstract replaceLines(em: EntityManager, doc: T, lines: CheckedLine[]): Promise<void>;

  /** The checks of the lines when posting; a count overrides it (a counted quantity may be 0). */
  protected checkPostedLines(em: EntityManager, lines: PostedLine[], fields: Record<string, string>): Promise<CheckedLine[]> {
    return checkLines(em, lines, fields);
  }

  /** After the register rows are gone (unpost, cancel): what the document itself kept of its posting. */
  protected async afterRetract(_em: EntityManager, _doc: T): Promise<void> {}

  get(ctx: Context, id: string): Promise<T | null> {
    return findById(ctx.em, this.entity as never, id) as Promise<T | null>;
  }

  protected name(doc: T) {
    return `${this.label} ${doc.number}`;
  }

  protected async lockDraft(em: EntityManager, id: string, verb: string): Promise<T> {
    const doc = await lockDocument(em, this.entity, id);
    if (doc.status !== DocumentStatus.DRAFT) throw invalidState(`${this.name(doc)} is ${doc.status}; only a draft can be ${verb}`, { status: doc.status });
    return doc;
  }

  protected async setLines(em: EntityManager, doc: T, lines: CheckedLine[] | null): Promise<void> {
    if (!lines) return;
    await this.replaceLines(em, doc, lines);
    doc.updatedAt = new Date();
  }

  async delete(ctx: Context, id: string): Promise<T> {
    const doc = await this.lockDraft(ctx.em, id, 'deleted');
    await (doc.lines as unknown as { init(): Promise<unknown> }).init();
    ctx.em.remove(doc);
    await ctx.em.flush();
    return doc;
  }

  async post(ctx: Context, id: string): Promise<T> {
    const doc = await this.lockDraft(ctx.em, id, 'posted');
    await assertPeriodOpen(ctx, doc.date);
    const lines = await this.linesOf(ctx.em, doc);
    if (!lines.length) throw invalidState(`${this.name(doc)} has no lines to post`, { reason: 'NO_LINES' });
    const fields: Record<string, string> = {};
    await this.checkDocument(ctx.em, doc, await this.checkPostedLines(ctx.em, lines, fields), fields);
    if (Object.keys(fields).length) throw invalidInput(fields);
    doc.status = DocumentStatus.POSTED;
    doc.postedAt = new Date();
    await ctx.em.flush();
    announce(ctx, await this.write(ctx, doc, { type: this.type, id: doc.id }, lines));
    return doc;
  }

  async unpost(ctx: Context, id: string): Promise<T> {
    const doc = await lockDocument(ctx.em, this.entity, id);
    if (doc.status !== DocumentStatus.POSTED) throw invalidState(`${this.name(doc)} is ${doc.status}; only a posted document can be unposted`, { status: doc.status });
    await assertPeriodOpen(ctx, doc.date);
    await this.retract(ctx, doc);
    doc.status = DocumentStatus.DRAFT;
    doc.postedAt = null;
    await ctx.em.flush();
    return doc;
  }

  async cancel(ctx: Context, id: string): Promise<T> {
    const doc = await lockDocument(ctx.em, this.entity, id);
    if (doc.status === DocumentStatus.CANCELLED) throw invalidState(`${this.name(doc)} is already CANCELLED`, { status: doc.status });
    if (doc.status === DocumentStatus.POSTED) {
      await assertPeriodOpen(ctx, doc.date);
      await this.retract(ctx, doc);
    }
    doc.status = DocumentStatus.CANCELLED;
    doc.postedAt = null;
    await ctx.em.flush();
    return doc;
  }

  private async retract(ctx: Context, doc: T): Promise<void> {
    const recorder = { type: this.type, id: doc.id };
    const consumers = await consumersOfLots(ctx.em, recorder);
    if (consumers.length) {
      throw invalidState(`${this.name(doc)} cannot be unposted: its lots were taken by ${consumers.map((c) => `${c.type} ${c.id}`).join(', ')}; unpost those first`, {
        reason: 'LOTS_CONSUMED',
        consumers: consumers.map((c) => ({ recorderType: c.type, recorderId: c.id })),
      });
    }
    await assertNotAdjusted(ctx.em, recorder, this.name(doc));
    await restoreConsumedLots(ctx.em, recorder);
    const touched = await deleteRecorder(ctx.em, recorder);
    await ctx.em.execute('delete from stock_lot where recorder_type = ? and recorder_id = ?', [recorder.type, recorder.id]);
    await this.afterRetract(ctx.em, doc);
    announce(ctx, touched);
  }
}

/** Transfers (TR-YYYY-NNNNNN): out of the source at FIFO cost, into the destination as lots of the same cost. */
export class StockTransferService extends StockDocumentService<StockTransfer> {
  protected readonly entity = StockTransfer;
  protected readonly type = STOCK_TRANSFER;
  protected readonly label = 'Transfer';

  list(ctx: Context, args: StockTransferListArgs): Promise<Page<StockTransfer>> {
    const f = args.filter;
    const conditions = documentConditions<StockTransfer>(f, ['number']);
    if (f?.warehouseId) conditions.push({ $or: [{ fromWarehouse: f.warehouseId }, { toWarehouse: f.warehouseId }] });
    return listPage(ctx.em, StockTransfer, conditions, args, SORTABLE, 'number');
  }

  async create(ctx: Context, input: CreateStockTransferInput): Promise<StockTransfer> {
    const fields: Record<string, string> = {};
    await this.checkHeader(ctx.em, input.fromWarehouseId, input.toWarehouseId, fields);
    const lines = await checkLines(ctx.em, input.lines, fields);
    if (Object.keys(fields).length) throw invalidInput(fields);
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
    if (Object.keys(fields).length) throw invalidInput(fields);
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
    await doc.lines.init();
    doc.lines.removeAll();
    await em.flush();
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
    return listPage(ctx.em, WriteOff, conditions, args, SORTABLE, 'number');
  }

  async create(ctx: Context, input: CreateWriteOffInput): Promise<WriteOff> {
    const fields: Record<string, string> = {};
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const lines = await checkLines(ctx.em, input.lines, fields);
    if (Object.keys(fields).length) throw invalidInput(fields);
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
    if (Object.keys(fields).length) throw invalidInput(fields);
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
    await doc.lines.init();
    doc.lines.removeAll();
    await em.flush();
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
