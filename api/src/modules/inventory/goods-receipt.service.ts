import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { notNull, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { goodsReceiptType } from './goods-receipt.document';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import type { CreateGoodsReceiptInput, GoodsReceiptListArgs, UpdateGoodsReceiptInput } from './goods-receipt.inputs';
import { checkReceipt, type ReceiptLine } from './goods-receipt.lines';
import { Warehouse } from './warehouse.entity';

/** Goods receipt drafts: edited freely until posted (goodsReceiptType posts them). */
export class GoodsReceiptService extends DocumentService<GoodsReceipt> {
  protected readonly documentType = goodsReceiptType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'warehouse.name', 'supplier.name'];

  list(ctx: Context, args: GoodsReceiptListArgs): Promise<Page<GoodsReceipt>> {
    const f = args.filter;
    const conditions = documentConditions<GoodsReceipt>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateGoodsReceiptInput): Promise<GoodsReceipt> {
    const fields: FieldMessages = {};
    const lines = await checkReceipt(ctx, input.warehouseId, input.supplierId, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const receipt = ctx.em.create(GoodsReceipt, {
      number: await this.number(ctx, input.date),
      date: input.date,
      warehouse: input.warehouseId,
      supplier: input.supplierId,
      comment: input.comment?.trim() || null,
    });
    this.addLines(ctx.em, receipt, lines);
    await ctx.em.flush();
    return receipt;
  }

  /** A draft only (INVALID_STATE otherwise); sent lines replace all lines. */
  async update(ctx: Context, id: string, input: UpdateGoodsReceiptInput): Promise<GoodsReceipt> {
    const receipt = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, GoodsReceipt, id, input.version);
    const fields: FieldMessages = {};
    for (const key of ['date', 'warehouseId', 'supplierId'] as const) if (input[key] === null) fields[key] = notNull();
    const lines = await checkReceipt(ctx, input.warehouseId ?? undefined, input.supplierId ?? undefined, input.lines ?? null, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.lines) {
      await this.clearLines(ctx.em, receipt);
      this.addLines(ctx.em, receipt, lines);
      receipt.updatedAt = new Date();
    }
    if (input.date) receipt.date = input.date;
    if (input.warehouseId) receipt.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.supplierId) receipt.supplier = ctx.em.getReference(Counterparty, input.supplierId, { wrapped: true });
    if (input.comment !== undefined) receipt.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return receipt;
  }

  private addLines(em: EntityManager, receipt: GoodsReceipt, lines: ReceiptLine[]): void {
    lines.forEach((line, i) => em.create(GoodsReceiptLine, { goodsReceipt: receipt, lineNo: i + 1, product: line.productId, quantity: line.quantity, unitCost: line.unitCost, vatRate: line.vatRate, amount: line.amount, vat: line.vat }));
  }
}
