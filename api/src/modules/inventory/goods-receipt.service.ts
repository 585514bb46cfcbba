import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { notNull, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
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
    const orderLines = input.purchaseOrderId && !fields.supplierId && !fields.warehouseId ? await ctx.services.purchaseReceipts.matchOrderLines(ctx, input.purchaseOrderId, input.supplierId, input.warehouseId, input.lines, fields) : [];
    if (Object.keys(fields).length) throw badInput(fields);
    const receipt = ctx.em.create(GoodsReceipt, {
      purchaseOrderId: input.purchaseOrderId ?? null,
      number: await this.number(ctx, input.date),
      date: input.date,
      warehouse: input.warehouseId,
      supplier: input.supplierId,
      comment: input.comment?.trim() || null,
    });
    this.addLines(ctx.em, receipt, lines, orderLines);
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
    const orderLines = receipt.purchaseOrderId && input.lines && !fields.supplierId && !fields.warehouseId
      ? await ctx.services.purchaseReceipts.matchOrderLines(ctx, receipt.purchaseOrderId, input.supplierId ?? receipt.supplier.id, input.warehouseId ?? receipt.warehouse.id, input.lines, fields)
      : [];
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.lines) {
      await this.clearLines(ctx.em, receipt);
      this.addLines(ctx.em, receipt, lines, orderLines);
      receipt.updatedAt = new Date();
    }
    if (input.date) receipt.date = input.date;
    if (input.warehouseId) receipt.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.supplierId) receipt.supplier = ctx.em.getReference(Counterparty, input.supplierId, { wrapped: true });
    if (input.comment !== undefined) receipt.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return receipt;
  }

  /** Per product, the unit cost of the supplier's latest posted receipt dated on or before the date (supplier prices read it). */
  async lastUnitCosts(ctx: Context, supplierId: string, productIds: readonly string[], date: string): Promise<Map<string, { unitCost: string; date: string }>> {
    if (!productIds.length) return new Map();
    const rows: { product_id: string; unit_cost: string; date: string }[] = await ctx.em.execute(
      `select distinct on (l.product_id) l.product_id, l.unit_cost::text, r.date::text
       from goods_receipt_line l join goods_receipt r on r.id = l.goods_receipt_id
       where r.status = 'POSTED' and r.supplier_id = ? and l.product_id in (?) and r.date <= ?
       order by l.product_id, r.date desc, r.posted_at desc, l.line_no desc`,
      [supplierId, [...productIds], date],
    );
    return new Map(rows.map((r) => [r.product_id, { unitCost: new Decimal(r.unit_cost).toFixed(), date: r.date }]));
  }

  private addLines(em: EntityManager, receipt: GoodsReceipt, lines: ReceiptLine[], orderLines: readonly (number | null)[]): void {
    lines.forEach((line, i) => em.create(GoodsReceiptLine, { goodsReceipt: receipt, lineNo: i + 1, product: line.productId, quantity: line.quantity, unitCost: line.unitCost, vatRate: line.vatRate, amount: line.amount, vat: line.vat, orderLine: orderLines[i] ?? null }));
  }
}
