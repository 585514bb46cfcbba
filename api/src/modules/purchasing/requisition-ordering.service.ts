import type { Context } from '../../server/context';
import { Decimal } from '../../shared/money';
import { relinkTakes, shareReceived, type OrderLineCapacity, type RequisitionTake } from './requisition-consolidation';
import { ORDERABLE, RequisitionStatus } from './requisition-status';
import { PurchaseRequisition, RequisitionLineOrder } from './requisition.entity';
import type { RequisitionLineOrdering } from './requisition.inputs';

/** The order requisition lines share an order line in: the earliest needed first, then by requisition number and line (never by chance). */
const TAKES_ORDER = [{ requisitionLine: { neededBy: 'asc nulls last' } }, { requisitionLine: { requisition: { number: 'asc' } } }, { requisitionLine: { lineNo: 'asc' } }];

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
    const all = await ctx.em.find(RequisitionLineOrder, { purchaseOrderLineId: { $in: orderLineIds } }, { populate: ['requisitionLine'], orderBy: TAKES_ORDER as never });
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

  /** The purchase order lines' numbers and what the purchases register says each received (one statement). */
  protected async orderLineFacts(ctx: Context, orderLineIds: readonly string[]): Promise<Map<string, PurchaseOrderLineFacts>> {
    const rows: { id: string; number: string; received: string }[] = await ctx.em.execute(
      `select l.id, o.number, coalesce(b.received, 0)::text as received
       from purchase_order_line l join purchase_order o on o.id = l.purchase_order_id
       left join purchase_order_balance b on b.order_id = o.id and b.order_line = l.line_no
       where l.id in (?)`,
      [[...orderLineIds]],
    );
    return new Map(rows.map((r) => [r.id, { purchaseOrderNumber: r.number, received: new Decimal(r.received).toFixed() }]));
  }

  /** Records what an order's lines took of requisition lines, and moves their requisitions on (PARTLY_ORDERED, ORDERED). */
  async link(ctx: Context, purchaseOrderId: string, takes: readonly { requisitionLineId: string; purchaseOrderLineId: string; quantity: string }[]): Promise<void> {
    for (const t of takes) ctx.em.create(RequisitionLineOrder, { requisitionLine: t.requisitionLineId, purchaseOrderId, purchaseOrderLineId: t.purchaseOrderLineId, quantity: t.quantity });
    await ctx.em.flush();
    await this.refreshStatuses(ctx, await this.requisitionsOfLines(ctx, takes.map((t) => t.requisitionLineId)));
  }

  /** What the order's lines took, with each line's product, the earliest needed first (read before its lines are replaced). */
  async takesOf(ctx: Context, purchaseOrderId: string): Promise<RequisitionTake[]> {
    const rows: { requisition_line_id: string; product_id: string; quantity: string }[] = await ctx.em.execute(
      `select t.requisition_line_id, l.product_id, t.quantity::text
       from requisition_line_order t join purchase_requisition_line l on l.id = t.requisition_line_id join purchase_requisition r on r.id = l.requisition_id
       where t.purchase_order_id = ? order by l.needed_by asc nulls last, r.number, l.line_no`,
      [purchaseOrderId],
    );
    return rows.map((r) => ({ requisitionLineId: r.requisition_line_id, productId: r.product_id, quantity: new Decimal(r.quantity).toFixed() }));
  }

  /** A draft order's lines were replaced: its takes move onto the new lines as far as they hold them (relinkTakes). */
  async relink(ctx: Context, purchaseOrderId: string, before: readonly RequisitionTake[], lines: readonly OrderLineCapacity[]): Promise<void> {
    if (!before.length) return;
    await ctx.em.nativeDelete(RequisitionLineOrder, { purchaseOrderId });
    const after = relinkTakes(before, lines);
    for (const t of after) ctx.em.create(RequisitionLineOrder, { requisitionLine: t.requisitionLineId, purchaseOrderId, purchaseOrderLineId: t.purchaseOrderLineId, quantity: t.quantity });
    await ctx.em.flush();
    await this.refreshStatuses(ctx, await this.requisitionsOfLines(ctx, before.map((t) => t.requisitionLineId)));
  }

  /** The order is deleted or cancelled: nothing of the requisitions is on it any more. */
  async release(ctx: Context, purchaseOrderId: string): Promise<void> {
    const before = await this.takesOf(ctx, purchaseOrderId);
    if (!before.length) return;
    await ctx.em.nativeDelete(RequisitionLineOrder, { purchaseOrderId });
    await this.refreshStatuses(ctx, await this.requisitionsOfLines(ctx, before.map((t) => t.requisitionLineId)));
  }

  /** The requisition lines an order line took, with their requisitions, the earliest needed first (the purchase line chain). */
  async takesOfOrderLine(ctx: Context, purchaseOrderLineId: string): Promise<RequisitionLineOrder[]> {
    return ctx.em.find(RequisitionLineOrder, { purchaseOrderLineId }, { populate: ['requisitionLine.requisition'], orderBy: TAKES_ORDER as never });
  }

  /**
   * APPROVED, PARTLY_ORDERED and ORDERED requisitions take the status their lines say:
   * every line ordered in full → ORDERED, some of something → PARTLY_ORDERED, nothing →
   * APPROVED. Other statuses (CLOSED above all) stay.
   */
  async refreshStatuses(ctx: Context, requisitionIds: readonly string[]): Promise<void> {
    if (!requisitionIds.length) return;
    const rows: { id: string; all_ordered: boolean; any_ordered: boolean }[] = await ctx.em.execute(
      `select l.requisition_id as id, bool_and(coalesce(o.ordered, 0) >= l.quantity) as all_ordered, bool_or(coalesce(o.ordered, 0) > 0) as any_ordered
       from purchase_requisition_line l
       left join (select requisition_line_id, sum(quantity) as ordered from requisition_line_order group by requisition_line_id) o on o.requisition_line_id = l.id
       where l.requisition_id in (?) group by l.requisition_id`,
      [[...new Set(requisitionIds)]],
    );
    const requisitions = await ctx.em.find(PurchaseRequisition, { id: { $in: rows.map((r) => r.id) } });
    for (const requisition of requisitions) {
      if (![...ORDERABLE, RequisitionStatus.ORDERED].includes(requisition.status)) continue;
      const row = rows.find((r) => r.id === requisition.id)!;
      requisition.status = row.all_ordered ? RequisitionStatus.ORDERED : row.any_ordered ? RequisitionStatus.PARTLY_ORDERED : RequisitionStatus.APPROVED;
    }
    await ctx.em.flush();
  }

  private async requisitionsOfLines(ctx: Context, requisitionLineIds: readonly string[]): Promise<string[]> {
    if (!requisitionLineIds.length) return [];
    const rows: { id: string }[] = await ctx.em.execute('select distinct requisition_id as id from purchase_requisition_line where id in (?)', [[...new Set(requisitionLineIds)]]);
    return rows.map((r) => r.id);
  }
}
