import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { notNull, type FieldMessages } from '../../shared/field-errors';
import { findForChange } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import type { CreateStockTransferInput, CreateWriteOffInput, StockTransferListArgs, UpdateStockTransferInput, UpdateWriteOffInput, WriteOffListArgs } from './outgoing-stock.inputs';
import { checkTransferWarehouses, stockTransferType, writeOffType } from './outgoing-stock.documents';
import { checkLines, checkWarehouse, type CheckedLine } from './stock-lines';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity';
import { Warehouse } from './warehouse.entity';
import { WriteOff, WriteOffLine } from './write-off.entity';

/** Transfers (TR-YYYY-NNNNNN): out of the source at FIFO cost, into the destination as lots of the same cost. */
export class StockTransferService extends DocumentService<StockTransfer> {
  protected readonly documentType = stockTransferType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'fromWarehouse.name', 'toWarehouse.name'];

  list(ctx: Context, args: StockTransferListArgs): Promise<Page<StockTransfer>> {
    const f = args.filter;
    const conditions = documentConditions<StockTransfer>(f, ['number']);
    if (f?.warehouseId) conditions.push({ $or: [{ fromWarehouse: f.warehouseId }, { toWarehouse: f.warehouseId }] });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateStockTransferInput): Promise<StockTransfer> {
    const fields: FieldMessages = {};
    await checkTransferWarehouses(ctx, input.fromWarehouseId, input.toWarehouseId, fields);
    const lines = await checkLines(ctx, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(StockTransfer, {
      number: await this.number(ctx, input.date),
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
    const doc = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, StockTransfer, id, input.version);
    const fields: FieldMessages = {};
    for (const key of ['date', 'fromWarehouseId', 'toWarehouseId'] as const) if (input[key] === null) fields[key] = notNull();
    await checkTransferWarehouses(ctx, input.fromWarehouseId ?? doc.fromWarehouse.id, input.toWarehouseId ?? doc.toWarehouse.id, fields);
    const lines = input.lines ? await checkLines(ctx, input.lines, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (lines) {
      await this.replaceLines(ctx.em, doc, lines);
      doc.updatedAt = new Date(); // the lines are part of the document: its version goes up
    }
    if (input.date) doc.date = input.date;
    if (input.fromWarehouseId) doc.fromWarehouse = ctx.em.getReference(Warehouse, input.fromWarehouseId, { wrapped: true });
    if (input.toWarehouseId) doc.toWarehouse = ctx.em.getReference(Warehouse, input.toWarehouseId, { wrapped: true });
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return doc;
  }

  protected async replaceLines(em: EntityManager, doc: StockTransfer, lines: CheckedLine[]) {
    await this.clearLines(em, doc);
    lines.forEach((l, i) => em.create(StockTransferLine, { stockTransfer: doc, lineNo: i + 1, product: l.productId, quantity: l.quantity }));
  }
}

/** Write-offs (WO-YYYY-NNNNNN): out of the warehouse at FIFO cost; that cost goes to the expense register per line. */
export class WriteOffService extends DocumentService<WriteOff> {
  protected readonly documentType = writeOffType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'warehouse.name', 'reason'];

  list(ctx: Context, args: WriteOffListArgs): Promise<Page<WriteOff>> {
    const f = args.filter;
    const conditions = documentConditions<WriteOff>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.reason) conditions.push({ reason: f.reason });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateWriteOffInput): Promise<WriteOff> {
    const fields: FieldMessages = {};
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const lines = await checkLines(ctx, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(WriteOff, {
      number: await this.number(ctx, input.date),
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
    const doc = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, WriteOff, id, input.version);
    const fields: FieldMessages = {};
    for (const key of ['date', 'warehouseId', 'reason'] as const) if (input[key] === null) fields[key] = notNull();
    await checkWarehouse(ctx.em, input.warehouseId ?? undefined, 'warehouseId', fields);
    const lines = input.lines ? await checkLines(ctx, input.lines, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (lines) {
      await this.replaceLines(ctx.em, doc, lines);
      doc.updatedAt = new Date(); // the lines are part of the document: its version goes up
    }
    if (input.date) doc.date = input.date;
    if (input.warehouseId) doc.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.reason) doc.reason = input.reason;
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return doc;
  }

  protected async replaceLines(em: EntityManager, doc: WriteOff, lines: CheckedLine[]) {
    await this.clearLines(em, doc);
    lines.forEach((l, i) => em.create(WriteOffLine, { writeOff: doc, lineNo: i + 1, product: l.productId, quantity: l.quantity }));
  }
}
