import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput, invalidState } from '../../shared/errors';
import { notNull, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentStatus } from '../ledger/document-status';
import { documentConditions } from '../ledger/document.filter';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { Posting } from '../ledger/posting';
import { assertPeriodOpen } from '../ledger/period-close.service';
import { CLOSING_LINE, purchaseOrderType } from './purchase-order.document';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity';
import type { CreatePurchaseOrderInput, PurchaseOrderListArgs, UpdatePurchaseOrderInput } from './purchase-order.inputs';
import { checkOrder, checkTolerance, type OrderLine } from './purchase-order.lines';
import { purchasesRegister } from './purchase.registers';

/** Purchase order drafts (purchaseOrderType posts them), closing a posted order, and what is on order. */
export class PurchaseOrderService extends DocumentService<PurchaseOrder> {
  protected readonly documentType = purchaseOrderType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'expectedDate', 'warehouse.name', 'supplier.name'];

  list(ctx: Context, args: PurchaseOrderListArgs): Promise<Page<PurchaseOrder>> {
    const f = args.filter;
    const conditions = documentConditions<PurchaseOrder>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    return this.page(ctx, conditions, args);
  }

  /** A draft; lines without a price take the supplier's price on the order date (other modules call this too, e.g. from requisitions). */
  async create(ctx: Context, input: CreatePurchaseOrderInput): Promise<PurchaseOrder> {
    const fields: FieldMessages = {};
    const lines = await checkOrder(ctx, input.date, input.warehouseId, input.supplierId, input.lines, fields);
    checkTolerance(input.receiptTolerancePercent, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const order = ctx.em.create(PurchaseOrder, {
      number: await this.number(ctx, input.date),
      date: input.date,
      warehouse: input.warehouseId,
      supplier: input.supplierId,
      expectedDate: input.expectedDate ?? null,
      paymentDays: input.paymentDays ?? null,
      receiptTolerancePercent: new Decimal(input.receiptTolerancePercent ?? 0).toFixed(),
      comment: input.comment?.trim() || null,
    });
    this.addLines(ctx.em, order, lines);
    await ctx.em.flush();
    return order;
  }

  /** A draft only (INVALID_STATE otherwise); sent lines replace all lines. */
  async update(ctx: Context, id: string, input: UpdatePurchaseOrderInput): Promise<PurchaseOrder> {
    const order = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, PurchaseOrder, id, input.version);
    const fields: FieldMessages = {};
    for (const key of ['date', 'warehouseId', 'supplierId'] as const) if (input[key] === null) fields[key] = notNull();
    const supplierId = input.supplierId ?? order.supplier.id;
    const lines = await checkOrder(ctx, input.date ?? order.date, input.warehouseId ?? undefined, supplierId, input.lines ?? null, fields);
    checkTolerance(input.receiptTolerancePercent, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.lines) {
      const takes = await ctx.services.requisitionOrdering.takesOf(ctx, order.id);
      await this.clearLines(ctx.em, order);
      const added = this.addLines(ctx.em, order, lines);
      order.updatedAt = new Date();
      await ctx.em.flush();
      await ctx.services.requisitionOrdering.relink(ctx, order.id, takes, added.map((l) => ({ id: l.id, productId: l.product.id, quantity: l.quantity })));
    }
    if (input.date) order.date = input.date;
    if (input.warehouseId) order.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.supplierId) order.supplier = ctx.em.getReference(Counterparty, input.supplierId, { wrapped: true });
    if (input.expectedDate !== undefined) order.expectedDate = input.expectedDate;
    if (input.paymentDays !== undefined) order.paymentDays = input.paymentDays;
    if (input.receiptTolerancePercent != null) order.receiptTolerancePercent = new Decimal(input.receiptTolerancePercent).toFixed();
    if (input.comment !== undefined) order.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return order;
  }

  /**
   * Closes a posted order: what it has not received is no longer on order (a register row
   * per open line takes the rest off `ordered`); no receipt is accepted against it after.
   * Unposting the order takes the closing back too.
   */
  async close(ctx: Context, id: string): Promise<PurchaseOrder> {
    const order = await ctx.services.ledger.lock(ctx, purchaseOrderType, id);
    const name = this.name(ctx, order);
    if (order.status !== DocumentStatus.POSTED) throw invalidState(`${name} is ${order.status}; only a posted order can be closed`, { status: order.status });
    if (order.closedAt) throw invalidState(`${name} is closed already`, { reason: 'CLOSED' });
    const today = new Date().toISOString().slice(0, 10);
    const closing = today < order.date ? order.date : today;
    // the closing's movements are dated the day it is closed: that day must be open
    await assertPeriodOpen(ctx, closing);
    const balances = await ctx.services.purchaseReceipts.lineBalances(ctx, [order.id]);
    const posting = new Posting(ctx, { type: purchaseOrderType.type, id: order.id }, order.date, name);
    await posting.write(
      purchasesRegister,
      balances
        .filter((b) => new Decimal(b.ordered).gt(b.received))
        .map((b) => ({ date: closing, line: CLOSING_LINE + b.orderLine, orderId: order.id, orderLine: b.orderLine, warehouseId: b.warehouseId, productId: b.productId, supplierId: order.supplier.id, ordered: new Decimal(b.received).minus(b.ordered).toFixed(), orderedAmount: '0', received: '0', receivedAmount: '0' })),
    );
    order.closedAt = new Date();
    await ctx.em.flush();
    posting.finish();
    return order;
  }

  /**
   * On order per warehouse × product (one statement): Σ over the lines of posted orders of
   * what each has left, ordered − received, not below 0 per line (an over-received line
   * does not take from another's). Keys `warehouseId:productId`; zero ones are missing.
   */
  async onOrder(ctx: Context, keys: readonly { warehouseId: string; productId: string }[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: { warehouse_id: string; product_id: string; on_order: string }[] = await ctx.em.execute(
      `select b.warehouse_id, b.product_id, sum(greatest(b.ordered - b.received, 0))::text as on_order
       from purchase_order_balance b
       join (select distinct * from jsonb_to_recordset(?::jsonb) as k(warehouse_id uuid, product_id uuid)) k on k.warehouse_id = b.warehouse_id and k.product_id = b.product_id
       group by b.warehouse_id, b.product_id having sum(greatest(b.ordered - b.received, 0)) <> 0`,
      [JSON.stringify(keys.map((k) => ({ warehouse_id: k.warehouseId, product_id: k.productId })))],
    );
    return new Map(rows.map((r) => [`${r.warehouse_id}:${r.product_id}`, new Decimal(r.on_order).toFixed()]));
  }

  /**
   * The on-order of one warehouse × product as a scalar subquery over the caller's columns
   * (e.g. `w.id`, `k.product_id`), for reads that fetch it in their own statement
   * (availability): the same sum as `onOrder`.
   */
  onOrderSql(warehouseColumn: string, productColumn: string): string {
    return `(select coalesce(sum(greatest(pb.ordered - pb.received, 0)), 0) from purchase_order_balance pb where pb.warehouse_id = ${warehouseColumn} and pb.product_id = ${productColumn})`;
  }

  /** A draft deleted takes nothing of requisitions any more (they may be ordered again). */
  override async delete(ctx: Context, id: string): Promise<PurchaseOrder> {
    const order = await super.delete(ctx, id);
    await ctx.services.requisitionOrdering.release(ctx, order.id);
    return order;
  }

  /** A cancelled order takes nothing of requisitions any more. */
  override async cancel(ctx: Context, id: string): Promise<PurchaseOrder> {
    const order = await super.cancel(ctx, id);
    await ctx.services.requisitionOrdering.release(ctx, order.id);
    return order;
  }

  private addLines(em: EntityManager, order: PurchaseOrder, lines: OrderLine[]): PurchaseOrderLine[] {
    return lines.map((line, i) => em.create(PurchaseOrderLine, { purchaseOrder: order, lineNo: i + 1, product: line.productId, quantity: line.quantity, price: line.price, vatRate: line.vatRate, amount: line.amount, vat: line.vat }));
  }
}
