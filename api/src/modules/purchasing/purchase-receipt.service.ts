import type { Context } from '../../server/context';
import { badInput, invalidState, notFound } from '../../shared/errors';
import { FieldReason, lineProblem, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import { DocumentStatus } from '../ledger/document-status';
import type { Posting } from '../ledger/posting';
import type { GoodsReceipt } from '../inventory/goods-receipt.entity';
import { purchaseOrderType } from './purchase-order.document';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity';
import { overReceipts, type OrderLineBalance } from './over-receipt';
import { purchasesRegister } from './purchase.registers';

/** Who may receive past an order's tolerance (issue 14 §5): the field permission, ADMIN's by default. */
export const OVER_RECEIVE = 'purchase:overReceive';

/** A receipt line as matching it to an order sees it. */
export interface ReceiptLineAgainstOrder {
  productId: string;
  quantity: string;
  unitCost?: string;
  orderLine?: number | null;
}

/**
 * Goods receipts against purchase orders (issue 14 §5): a receipt prefilled with what an
 * order has left, matching a receipt's lines to the order's lines, and — when the receipt
 * posts — what it received against each line, within the order's tolerance, under the
 * lock of the line's balance row so concurrent receipts never take more than is allowed.
 */
export class PurchaseReceiptService {
  /** What each line of the orders has in the purchases register (one row per order line). */
  async lineBalances(ctx: Context, orderIds: readonly string[]): Promise<OrderLineBalance[]> {
    if (!orderIds.length) return [];
    const rows: { order_id: string; order_line: number; warehouse_id: string; product_id: string; ordered: string; received: string; ordered_amount: string; received_amount: string }[] = await ctx.em.execute(
      `select order_id, order_line, warehouse_id, product_id, ordered::text, received::text, ordered_amount::text, received_amount::text
       from purchase_order_balance where order_id in (?) order by order_id, order_line`,
      [[...orderIds]],
    );
    return rows.map((r) => ({ orderId: r.order_id, orderLine: r.order_line, warehouseId: r.warehouse_id, productId: r.product_id, ordered: new Decimal(r.ordered).toFixed(), received: new Decimal(r.received).toFixed(), orderedAmount: new Decimal(r.ordered_amount).toFixed(), receivedAmount: new Decimal(r.received_amount).toFixed() }));
  }

  /** Numbers of the posted receipts against an order. */
  async postedReceiptNumbers(ctx: Context, orderId: string): Promise<string[]> {
    return [...new Set((await ctx.services.goodsReceipts.linesAgainstOrders(ctx, [orderId])).map((r) => r.number))].sort();
  }

  /** A draft receipt dated `date` with what each line of the posted order has left to receive, at the order's prices. */
  async receiptFromOrder(ctx: Context, orderId: string, date: string): Promise<GoodsReceipt> {
    const order = await this.receivableOrder(ctx, orderId);
    const lines = await ctx.em.find(PurchaseOrderLine, { purchaseOrder: order.id }, { orderBy: { lineNo: 'asc' } });
    const balances = new Map((await this.lineBalances(ctx, [order.id])).map((b) => [b.orderLine, b]));
    const open = lines
      .map((l) => ({ line: l, left: new Decimal(l.quantity).minus(balances.get(l.lineNo)?.received ?? 0) }))
      .filter(({ left }) => left.gt(0));
    if (!open.length) throw invalidState(`${ctx.services.ledger.name(purchaseOrderType, order)} has nothing left to receive`, { reason: 'NOTHING_LEFT' });
    return ctx.services.goodsReceipts.create(ctx, {
      date,
      warehouseId: order.warehouse.id,
      supplierId: order.supplier.id,
      purchaseOrderId: order.id,
      comment: null,
      lines: open.map(({ line, left }) => ({ productId: line.product.id, quantity: left.toFixed(), unitCost: line.price, vatRate: line.vatRate, orderLine: line.lineNo })),
    });
  }

  /**
   * The order line of each receipt line (the sent `orderLine`, else the order's first line
   * of the product), keyed `lines.<index>.orderLine`; the order must be a posted, open
   * order (INVALID_STATE) of the receipt's supplier and warehouse (purchaseOrderId), placed
   * on or before the receipt's date (`date`, when one is given).
   */
  async matchOrderLines(ctx: Context, orderId: string, receipt: { supplierId: string; warehouseId: string; date?: string }, lines: readonly ReceiptLineAgainstOrder[], fields: FieldMessages): Promise<(number | null)[]> {
    const order = await this.receivableOrder(ctx, orderId);
    if (order.supplier.id !== receipt.supplierId) fields.purchaseOrderId = problem(FieldReason.INVALID, 'the order is to another supplier');
    else if (order.warehouse.id !== receipt.warehouseId) fields.purchaseOrderId = problem(FieldReason.INVALID, 'the order is for another warehouse');
    if (receipt.date && receipt.date < order.date) {
      fields.date = problem(FieldReason.NOT_BEFORE, `must not be before the date of ${ctx.services.ledger.name(purchaseOrderType, order)} (${order.date}): goods are received against an order once it is placed`, { field: 'purchaseOrder.date', value: order.date });
    }
    const orderLines = await ctx.em.find(PurchaseOrderLine, { purchaseOrder: order.id }, { orderBy: { lineNo: 'asc' } });
    return lines.map((line, i) => {
      const found = line.orderLine != null ? orderLines.find((l) => l.lineNo === line.orderLine) : orderLines.find((l) => l.product.id === line.productId);
      if (!found) fields[`lines.${i}.orderLine`] = lineProblem(i + 1, FieldReason.NOT_FOUND, line.orderLine != null ? `the order has no line ${line.orderLine}` : 'the order has no line of this product', { entity: 'PurchaseOrderLine' });
      else if (found.product.id !== line.productId) fields[`lines.${i}.orderLine`] = lineProblem(i + 1, FieldReason.INVALID, `line ${found.lineNo} of the order is of another product`);
      return found?.lineNo ?? null;
    });
  }

  /**
   * What a posting receipt received against its order: under the lock of each order line's
   * balance row, refuses (BAD_USER_INPUT on the line's quantity, with the numbers) what
   * would take a line past ordered × (1 + tolerance) unless the user may over-receive;
   * then records received quantity and amount per line.
   */
  async recordReceipt(ctx: Context, posting: Posting, receipt: GoodsReceipt, lines: readonly (ReceiptLineAgainstOrder & { lineNo: number; amount: string })[]): Promise<void> {
    const orderId = receipt.purchaseOrderId!;
    const fields: FieldMessages = {};
    const orderLines = await this.matchOrderLines(ctx, orderId, { supplierId: receipt.supplier.id, warehouseId: receipt.warehouse.id, date: receipt.date }, lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const order = await ctx.em.findOneOrFail(PurchaseOrder, orderId);
    const keys = [...new Set(orderLines)].map((n) => ({ orderId, orderLine: String(n), warehouseId: order.warehouse.id, productId: lines[orderLines.indexOf(n)].productId }));
    await posting.lock(purchasesRegister, keys);
    const held = new Map(posting.heldBalances(purchasesRegister, keys).map(({ key, held }) => [Number(key.orderLine), held]));
    const refused = overReceipts(
      lines.map((l, i) => ({ index: i, orderLine: orderLines[i]!, quantity: l.quantity })),
      (n) => ({ ordered: held.get(n)?.ordered ?? '0', received: held.get(n)?.received ?? '0' }),
      order.receiptTolerancePercent,
    );
    if (refused.length && !ctx.user?.permissions.has(OVER_RECEIVE)) {
      for (const r of refused) {
        fields[`lines.${r.index}.quantity`] = lineProblem(r.index + 1, FieldReason.AT_MOST, `order line ${r.orderLine}: ordered ${r.ordered}, received ${r.received}, asked ${r.asked}, tolerance ${r.tolerance} %: at most ${r.max} more may be received`, { ordered: r.ordered, received: r.received, asked: r.asked, tolerance: r.tolerance, max: r.max });
      }
      throw badInput(fields, `Over-receipt: ${Object.values(fields).map((f) => (typeof f === 'string' ? f : f.message)).join('; ')}`);
    }
    await posting.write(
      purchasesRegister,
      lines.map((l, i) => ({ date: receipt.date, line: l.lineNo, orderId, orderLine: orderLines[i]!, warehouseId: order.warehouse.id, productId: l.productId, supplierId: order.supplier.id, ordered: '0', orderedAmount: '0', received: l.quantity, receivedAmount: l.amount })),
    );
  }

  /** The order, if a receipt may be made against it: NOT_FOUND outside the user's scope, INVALID_STATE unless posted and open. */
  private async receivableOrder(ctx: Context, orderId: string): Promise<PurchaseOrder> {
    const order = await ctx.services.ledger.find(ctx, purchaseOrderType, orderId);
    if (!order) throw notFound('PurchaseOrder', orderId);
    const name = ctx.services.ledger.name(purchaseOrderType, order);
    if (order.status !== DocumentStatus.POSTED) throw invalidState(`${name} is ${order.status}; goods are received only against a posted order`, { status: order.status, field: 'purchaseOrderId' });
    if (order.closedAt) throw invalidState(`${name} is closed; nothing more is received against it`, { reason: 'CLOSED', field: 'purchaseOrderId' });
    return order;
  }
}

