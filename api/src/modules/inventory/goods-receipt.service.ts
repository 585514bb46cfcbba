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

/** A posted receipt line against a purchase order line. */
export interface ReceiptLineAgainstOrder {
  receiptId: string;
  number: string;
  date: string;
  lineId: string;
  lineNo: number;
  orderId: string;
  orderLine: number;
  quantity: string;
  unitCost: string;
  amount: string;
}

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
    const orderLines = input.purchaseOrderId && !fields.supplierId && !fields.warehouseId ? await ctx.services.purchaseReceipts.matchOrderLines(ctx, input.purchaseOrderId, { supplierId: input.supplierId, warehouseId: input.warehouseId, date: input.date }, input.lines, fields) : [];
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
      ? await ctx.services.purchaseReceipts.matchOrderLines(ctx, receipt.purchaseOrderId, { supplierId: input.supplierId ?? receipt.supplier.id, warehouseId: input.warehouseId ?? receipt.warehouse.id, date: input.date ?? receipt.date }, input.lines, fields)
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

  /** The posted receipt lines against the purchase orders, oldest first (purchase control reads them). */
  async linesAgainstOrders(ctx: Context, orderIds: readonly string[]): Promise<ReceiptLineAgainstOrder[]> {
    if (!orderIds.length) return [];
    const rows: { receipt_id: string; number: string; date: string; line_id: string; line_no: number; order_id: string; order_line: number; quantity: string; unit_cost: string; amount: string }[] = await ctx.em.execute(
      `select r.id as receipt_id, r.number, r.date::text, l.id as line_id, l.line_no, r.purchase_order_id as order_id, l.order_line, l.quantity::text, l.unit_cost::text, l.amount::text
       from goods_receipt r join goods_receipt_line l on l.goods_receipt_id = r.id
       where r.status = 'POSTED' and r.purchase_order_id in (?) and l.order_line is not null
       order by r.date, r.posted_at, r.number, l.line_no`,
      [[...orderIds]],
    );
    return rows.map((r) => ({ receiptId: r.receipt_id, number: r.number, date: r.date, lineId: r.line_id, lineNo: r.line_no, orderId: r.order_id, orderLine: r.order_line, quantity: new Decimal(r.quantity).toFixed(), unitCost: new Decimal(r.unit_cost).toFixed(), amount: new Decimal(r.amount).toFixed() }));
  }

  /** What posted landed costs allocated to the receipt lines, per landed cost line. */
  async landedCostsOf(ctx: Context, receiptLineIds: readonly string[]): Promise<{ receiptLineId: string; landedCostId: string; number: string; date: string; allocated: string }[]> {
    if (!receiptLineIds.length) return [];
    const rows: { receipt_line_id: string; id: string; number: string; date: string; allocated: string }[] = await ctx.em.execute(
      `select ll.goods_receipt_line_id as receipt_line_id, d.id, d.number, d.date::text, ll.allocated::text
       from landed_cost_line ll join landed_cost d on d.id = ll.landed_cost_id
       where d.status = 'POSTED' and ll.goods_receipt_line_id in (?) order by d.date, d.number`,
      [[...receiptLineIds]],
    );
    return rows.map((r) => ({ receiptLineId: r.receipt_line_id, landedCostId: r.id, number: r.number, date: r.date, allocated: new Decimal(r.allocated).toFixed() }));
  }

  private addLines(em: EntityManager, receipt: GoodsReceipt, lines: ReceiptLine[], orderLines: readonly (number | null)[]): void {
    lines.forEach((line, i) => em.create(GoodsReceiptLine, { goodsReceipt: receipt, lineNo: i + 1, product: line.productId, quantity: line.quantity, unitCost: line.unitCost, vatRate: line.vatRate, amount: line.amount, vat: line.vat, orderLine: orderLines[i] ?? null }));
  }
}
