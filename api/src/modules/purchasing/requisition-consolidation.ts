import { Decimal } from '../../shared/money';

/** An approved requisition line with what is still to order of it. */
export interface OpenRequisitionLine {
  id: string;
  warehouseId: string;
  productId: string;
  supplierId: string | null;
  /** quantity − ordered so far, > 0. */
  remaining: string;
}

export interface ConsolidatedLine {
  productId: string;
  quantity: string;
  /** Which requisition lines it takes, and how much of each. */
  takes: { requisitionLineId: string; quantity: string }[];
}

export interface ConsolidatedOrder {
  supplierId: string | null;
  warehouseId: string;
  lines: ConsolidatedLine[];
}

/**
 * Requisition lines as purchase orders: one order per supplier × warehouse, one line per
 * product carrying the sum of every requisition line for it (whoever asked), each of
 * which it takes in full. Orders and lines keep the order the requisition lines came in.
 */
export function consolidateRequisitions(lines: readonly OpenRequisitionLine[]): ConsolidatedOrder[] {
  const orders = new Map<string, ConsolidatedOrder>();
  for (const line of lines) {
    if (!new Decimal(line.remaining).gt(0)) continue;
    const key = `${line.supplierId ?? ''}:${line.warehouseId}`;
    let order = orders.get(key);
    if (!order) orders.set(key, (order = { supplierId: line.supplierId, warehouseId: line.warehouseId, lines: [] }));
    let target = order.lines.find((l) => l.productId === line.productId);
    if (!target) order.lines.push((target = { productId: line.productId, quantity: '0', takes: [] }));
    target.quantity = new Decimal(target.quantity).plus(line.remaining).toFixed();
    target.takes.push({ requisitionLineId: line.id, quantity: new Decimal(line.remaining).toFixed() });
  }
  return [...orders.values()];
}

/**
 * What an order line received, shared among the requisition lines it took, in the order
 * given (the earliest needed first): each gets up to what it put on the line.
 */
export function shareReceived(takes: readonly { id: string; quantity: string }[], received: string): Map<string, string> {
  let left = Decimal.max(new Decimal(received), 0);
  const shares = new Map<string, string>();
  for (const take of takes) {
    const share = Decimal.min(left, take.quantity);
    shares.set(take.id, share.toFixed());
    left = left.minus(share);
  }
  return shares;
}

/** A requisition line's take of a purchase order line, with the product that line was of. */
export interface RequisitionTake {
  requisitionLineId: string;
  productId: string;
  quantity: string;
}

/** A purchase order line that may carry takes. */
export interface OrderLineCapacity {
  id: string;
  productId: string;
  quantity: string;
}

/**
 * When a draft order's lines are replaced, what its requisition lines take of the new
 * ones: per product, the takes (in the order given, the earliest needed first) fill the
 * new lines of that product in line order, each up to its quantity; a take of a product
 * no longer on the order, or past what its lines now hold, is dropped (the requisition
 * line is to order again). Takes of one requisition line on one order line are merged.
 */
export function relinkTakes(takes: readonly RequisitionTake[], lines: readonly OrderLineCapacity[]): { requisitionLineId: string; purchaseOrderLineId: string; quantity: string }[] {
  const room = new Map(lines.map((l) => [l.id, new Decimal(l.quantity)]));
  const merged = new Map<string, { requisitionLineId: string; purchaseOrderLineId: string; quantity: Decimal }>();
  for (const take of takes) {
    let want = new Decimal(take.quantity);
    for (const line of lines) {
      if (!want.gt(0)) break;
      if (line.productId !== take.productId) continue;
      const share = Decimal.min(want, room.get(line.id)!);
      if (!share.gt(0)) continue;
      room.set(line.id, room.get(line.id)!.minus(share));
      want = want.minus(share);
      const key = `${take.requisitionLineId}:${line.id}`;
      const found = merged.get(key);
      if (found) found.quantity = found.quantity.plus(share);
      else merged.set(key, { requisitionLineId: take.requisitionLineId, purchaseOrderLineId: line.id, quantity: share });
    }
  }
  return [...merged.values()].map((m) => ({ ...m, quantity: m.quantity.toFixed() }));
}
