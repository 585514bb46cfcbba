import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { notFound } from '../../shared/errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal, roundMoney } from '../../shared/money';
import type { ReceiptLineAgainstOrder } from '../inventory/goods-receipt.service';
import { DocumentStatus } from '../ledger/document-status';
import { lineFigures, supplierFigures } from './purchase-control';
import type { PurchaseChainLink, PurchaseControlArgs, PurchaseLineChain, PurchaseLineControl, SupplierScorecard, SupplierScorecardArgs } from './purchase-control.types';
import { purchaseOrderType } from './purchase-order.document';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity';

/** The most order lines one control query answers. */
const MAX_CONTROL_LINES = 2000;

/**
 * Purchase control (issue 14 §6): per order line ordered / received / remaining and
 * overdue, per supplier OTIF, delay and price variance, and the chain of any line. Reads
 * posted orders in the user's scope and the posted receipts against them (a few
 * statements, whatever the number of lines).
 */
export class PurchaseControlService {
  async lines(ctx: Context, args: PurchaseControlArgs): Promise<PurchaseLineControl[]> {
    const f = args.filter;
    const conditions: FilterQuery<PurchaseOrder>[] = [{ status: DocumentStatus.POSTED }];
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.orderId) conditions.push({ id: f.orderId });
    const orders = await this.orders(ctx, conditions);
    const all = await this.controls(ctx, orders, args.asOf ?? localToday());
    return all.map((c) => c.line).filter((l) => (!f?.onlyOpen || new Decimal(l.remaining).gt(0)) && (!f?.onlyOverdue || l.overdue));
  }

  async scorecards(ctx: Context, args: SupplierScorecardArgs): Promise<SupplierScorecard[]> {
    const conditions: FilterQuery<PurchaseOrder>[] = [{ status: DocumentStatus.POSTED }, { date: { $gte: args.dateFrom, $lte: args.dateTo } }];
    if (args.supplierId) conditions.push({ supplier: args.supplierId });
    const orders = await this.orders(ctx, conditions);
    const controls = await this.controls(ctx, orders, localToday());
    const bySupplier = new Map<string, { orders: Set<string>; lines: ReturnType<typeof lineFigures>[] }>();
    for (const order of orders) bySupplier.set(order.supplier.id, { orders: new Set(), lines: [] });
    for (const c of controls) {
      const s = bySupplier.get(c.supplierId)!;
      s.orders.add(c.line.orderId);
      s.lines.push(c.figures);
    }
    return [...bySupplier].map(([supplierId, s]) => ({ supplierId, ...supplierFigures(s.orders.size, s.lines) }));
  }

  /** The chain of one order line: NOT_FOUND when the order is missing, outside the user's scope, or has no such line. */
  async chain(ctx: Context, orderId: string, lineNo: number): Promise<PurchaseLineChain> {
    const order = await ctx.services.ledger.find(ctx, purchaseOrderType, orderId);
    if (!order) throw notFound('PurchaseOrder', orderId);
    const controls = await this.controls(ctx, [order], localToday());
    const c = controls.find((x) => x.line.lineNo === lineNo);
    if (!c) throw notFound('PurchaseOrderLine', `${orderId}#${lineNo}`);
    const receipts: PurchaseChainLink[] = c.receipts.map((r) => ({ documentType: 'GoodsReceipt', documentId: r.receiptId, number: r.number, date: r.date, lineNo: r.lineNo, quantity: r.quantity, unitCost: r.unitCost, amount: r.amount, priceVariance: roundMoney(new Decimal(r.unitCost).minus(c.line.price).mul(r.quantity)) }));
    const landed = await ctx.services.goodsReceipts.landedCostsOf(ctx, c.receipts.map((r) => r.lineId));
    const landedCosts: PurchaseChainLink[] = landed.map((l) => ({ documentType: 'LandedCost', documentId: l.landedCostId, number: l.number, date: l.date, lineNo: null, quantity: null, unitCost: null, amount: l.allocated, priceVariance: null }));
    const orderLine = await ctx.em.findOneOrFail(PurchaseOrderLine, { purchaseOrder: order.id, lineNo });
    const takes = await ctx.services.requisitionOrdering.takesOfOrderLine(ctx, orderLine.id);
    const requisitionLines: PurchaseChainLink[] = takes.map((t) => {
      const requisition = t.requisitionLine.getEntity().requisition.getEntity();
      return { documentType: 'PurchaseRequisition', documentId: requisition.id, number: requisition.number, date: requisition.date, lineNo: t.requisitionLine.getEntity().lineNo, quantity: new Decimal(t.quantity).toFixed(), unitCost: null, amount: null, priceVariance: null };
    });
    return { line: c.line, requisitionLines, receipts, landedCosts };
  }

  private orders(ctx: Context, conditions: FilterQuery<PurchaseOrder>[]): Promise<PurchaseOrder[]> {
    const scope = ctx.services.ledger.scope(ctx, purchaseOrderType);
    return ctx.em.find(PurchaseOrder, { $and: scope ? [...conditions, scope] : conditions }, { orderBy: { date: 'asc', number: 'asc' }, limit: MAX_CONTROL_LINES });
  }

  private async controls(ctx: Context, orders: readonly PurchaseOrder[], asOf: string) {
    const ids = orders.map((o) => o.id);
    if (!ids.length) return [];
    const lines = await ctx.em.find(PurchaseOrderLine, { purchaseOrder: { $in: ids } }, { orderBy: { purchaseOrder: 'asc', lineNo: 'asc' }, limit: MAX_CONTROL_LINES });
    const received = await ctx.services.goodsReceipts.linesAgainstOrders(ctx, ids);
    const byLine = new Map<string, ReceiptLineAgainstOrder[]>();
    for (const r of received) byLine.set(`${r.orderId}:${r.orderLine}`, [...(byLine.get(`${r.orderId}:${r.orderLine}`) ?? []), r]);
    const byId = new Map(orders.map((o) => [o.id, o]));
    return lines.map((l) => {
      const order = byId.get(l.purchaseOrder.id)!;
      const receipts = byLine.get(`${order.id}:${l.lineNo}`) ?? [];
      const figures = lineFigures({ ordered: l.quantity, price: l.price, expectedDate: order.expectedDate ?? null, closed: !!order.closedAt, receipts }, asOf);
      const line: PurchaseLineControl = { orderId: order.id, orderNumber: order.number, lineNo: l.lineNo, productId: l.product.id, expectedDate: order.expectedDate ?? null, ordered: new Decimal(l.quantity).toFixed(), price: new Decimal(l.price).toFixed(), ...figures };
      return { supplierId: order.supplier.id, line, figures, receipts };
    });
  }
}
