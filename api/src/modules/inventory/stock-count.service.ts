import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { FieldReason, lineProblem, noSuch, notNull, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { bookQuantities, stockCountType } from './stock-count.document';
import { StockCount, StockCountLine } from './stock-count.entity';
import type { CreateStockCountInput, StockCountLineInput, StockCountListArgs, UpdateStockCountInput } from './stock-count.inputs';
import { checkLines, checkWarehouse, type CheckedLine } from './stock-lines';
import { Warehouse } from './warehouse.entity';

/**
 * Stock count drafts (SC-YYYY-NNNNNN): per product the book quantity at the end of the
 * count's date and the counted one (prefilled with the book); stockCountType posts them.
 */
export class StockCountService extends DocumentService<StockCount> {
  protected readonly documentType = stockCountType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'warehouse.name'];

  list(ctx: Context, args: StockCountListArgs): Promise<Page<StockCount>> {
    const f = args.filter;
    const conditions = documentConditions<StockCount>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateStockCountInput): Promise<StockCount> {
    const fields: FieldMessages = {};
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const counted = await this.checkCounted(ctx, input.lines, fields);
    if (input.groupId) {
      if (!(await ctx.services.productGroups.get(ctx, input.groupId))) fields.groupId = noSuch('ProductGroup', 'no such product group');
    }
    if (Object.keys(fields).length) throw badInput(fields);
    const prefilled = input.prefill ? await bookQuantities(ctx, input.warehouseId, input.date, { groupId: input.groupId ?? null }) : new Map<string, string>();
    const lines: CheckedLine[] = [...prefilled].map(([productId, book]) => ({ productId, quantity: book }));
    for (const line of counted) {
      const prefilledLine = lines.find((l) => l.productId === line.productId);
      if (prefilledLine) prefilledLine.quantity = line.quantity;
      else lines.push(line);
    }
    const doc = ctx.em.create(StockCount, {
      number: await this.number(ctx, input.date),
      date: input.date,
      warehouse: input.warehouseId,
      comment: input.comment?.trim() || null,
    });
    await this.addLines(ctx, doc, lines, input.warehouseId, input.date);
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string, input: UpdateStockCountInput): Promise<StockCount> {
    const doc = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, StockCount, id, input.version);
    const fields: FieldMessages = {};
    for (const key of ['date', 'warehouseId'] as const) if (input[key] === null) fields[key] = notNull();
    await checkWarehouse(ctx.em, input.warehouseId ?? undefined, 'warehouseId', fields);
    const lines = input.lines ? await this.checkCounted(ctx, input.lines, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.date) doc.date = input.date;
    if (input.warehouseId) doc.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    if (lines) {
      await this.replaceLines(ctx, doc, lines);
      doc.updatedAt = new Date();
    } else if (input.date || input.warehouseId) {
      const existing = await ctx.em.find(StockCountLine, { stockCount: doc.id });
      const book = await bookQuantities(ctx, doc.warehouse.id, doc.date, { ids: existing.map((l) => l.product.id) });
      for (const line of existing) line.bookQuantity = book.get(line.product.id) ?? '0';
    }
    await ctx.em.flush();
    return doc;
  }

  /** Counted lines: GOODS, quantity ≥ 0, each product once. */
  private async checkCounted(ctx: Context, lines: StockCountLineInput[], fields: FieldMessages): Promise<CheckedLine[]> {
    const checked = await checkLines(ctx, lines.map((l) => ({ productId: l.productId, quantity: l.countedQuantity })), fields, { allowZero: true, quantityField: 'countedQuantity' });
    const seen = new Map<string, number>();
    lines.forEach((l, i) => {
      if (seen.has(l.productId)) fields[`lines.${i}.productId`] = lineProblem(i + 1, FieldReason.REPEATED, `the product is already counted on line ${seen.get(l.productId)! + 1}`, { line: seen.get(l.productId)! + 1 });
      else seen.set(l.productId, i);
    });
    return checked;
  }

  private async addLines(ctx: Context, doc: StockCount, lines: CheckedLine[], warehouseId: string, date: string): Promise<void> {
    const book = await bookQuantities(ctx, warehouseId, date, { ids: lines.map((l) => l.productId) });
    lines.forEach((l, i) => ctx.em.create(StockCountLine, { stockCount: doc, lineNo: i + 1, product: l.productId, bookQuantity: book.get(l.productId) ?? '0', countedQuantity: l.quantity }));
  }

  private async replaceLines(ctx: Context, doc: StockCount, lines: CheckedLine[]) {
    await this.clearLines(ctx.em, doc);
    await this.addLines(ctx, doc, lines, doc.warehouse.id, doc.date);
  }





}
