import type { Context } from '../../server/context';
import { Decimal } from '../../shared/money';
import { shareReceived } from './requisition-consolidation';
import { RequisitionLineOrder } from './requisition.entity';
import type { RequisitionLineOrdering } from './requisition.inputs';

/** What the purchase orders say of their lines: the number, and what each line received so far. */
export interface PurchaseOrderLineFacts {
  purchaseOrderNumber: string | null;
  received: string;
}

/**
 * What became of requisition lines (issue 14, item 1): which purchase order lines took
 * them, how much, and their share of what those lines received (an order line shares
 * what it received among the requisition lines it took, the earliest needed first).
 */
export class RequisitionOrderingService {
  /** Per requisition line, its orderings: one statement for the links, one for the order lines' facts. */
  async orderingsOf(ctx: Context, requisitionLineIds: readonly string[]): Promise<Map<string, RequisitionLineOrdering[]>> {
    const byLine = new Map<string, RequisitionLineOrdering[]>(requisitionLineIds.map((id) => [id, []]));
    if (!requisitionLineIds.length) return byLine;
    const own = await ctx.em.find(RequisitionLineOrder, { requisitionLine: { $in: [...requisitionLineIds] } });
    const orderLineIds = [...new Set(own.map((o) => o.purchaseOrderLineId))];
    if (!orderLineIds.length) return byLine;
    // every requisition line an order line took, so the received share is the same whichever requisition is read
    const all = await ctx.em.find(RequisitionLineOrder, { purchaseOrderLineId: { $in: orderLineIds } }, { populate: ['requisitionLine'], orderBy: [{ requisitionLine: { neededBy: 'asc nulls last' } }, { createdAt: 'asc' }, { id: 'asc' }] as never });
    const facts = await this.orderLineFacts(ctx, orderLineIds);
    for (const orderLineId of orderLineIds) {
      const takes = all.filter((o) => o.purchaseOrderLineId === orderLineId);
      const fact = facts.get(orderLineId) ?? { purchaseOrderNumber: null, received: '0' };
      const shares = shareReceived(takes.map((t) => ({ id: t.id, quantity: t.quantity })), fact.received);
      for (const take of takes) {
        const list = byLine.get(take.requisitionLine.id);
        if (!list) continue;
        list.push({ purchaseOrderId: take.purchaseOrderId, purchaseOrderNumber: fact.purchaseOrderNumber, purchaseOrderLineId: orderLineId, quantity: new Decimal(take.quantity).toFixed(), received: shares.get(take.id) ?? '0' });
      }
    }
    return byLine;
  }

  /** Σ ordered per requisition line (one statement). */
  async orderedOf(ctx: Context, requisitionLineIds: readonly string[]): Promise<Map<string, string>> {
    if (!requisitionLineIds.length) return new Map();
    const rows: { id: string; ordered: string }[] = await ctx.em.execute(
      'select requisition_line_id as id, sum(quantity)::text as ordered from requisition_line_order where requisition_line_id in (?) group by requisition_line_id',
      [[...requisitionLineIds]],
    );
    return new Map(rows.map((r) => [r.id, new Decimal(r.ordered).toFixed()]));
  }

  /** The purchase order lines' numbers and received quantities (purchase orders are not built yet: none known). */
  protected async orderLineFacts(_ctx: Context, _orderLineIds: readonly string[]): Promise<Map<string, PurchaseOrderLineFacts>> {
    return new Map();
  }
}
