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
