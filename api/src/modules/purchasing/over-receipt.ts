import { Decimal } from '../../shared/money';

/** An order line in the purchases register. */
export interface OrderLineBalance {
  orderId: string;
  orderLine: number;
  warehouseId: string;
  productId: string;
  ordered: string;
  received: string;
  orderedAmount: string;
  receivedAmount: string;
}

export interface OverReceipt {
  /** The receipt line (index from 0) that takes its order line past the tolerance. */
  index: number;
  orderLine: number;
  ordered: string;
  received: string;
  /** What the receipt asks for the order line, all its lines together. */
  asked: string;
  tolerance: string;
  /** What may still be received: ordered × (1 + tolerance / 100) − received, not below 0. */
  max: string;
}

/**
 * The receipt lines that would take their order line past ordered × (1 + tolerance / 100),
 * counting every receipt line against the same order line together (the last of them is
 * named). Pure: the caller holds the lock of the balances it passes.
 */
export function overReceipts(lines: readonly { index: number; orderLine: number; quantity: string }[], balance: (orderLine: number) => { ordered: string; received: string }, tolerancePercent: string): OverReceipt[] {
  const asked = new Map<number, { quantity: Decimal; last: number }>();
  for (const l of lines) {
    const a = asked.get(l.orderLine) ?? { quantity: new Decimal(0), last: l.index };
    asked.set(l.orderLine, { quantity: a.quantity.plus(l.quantity), last: l.index });
  }
  const tolerance = new Decimal(tolerancePercent);
  const out: OverReceipt[] = [];
  for (const [orderLine, a] of asked) {
    const { ordered, received } = balance(orderLine);
    const allowed = new Decimal(ordered).mul(tolerance.div(100).plus(1));
    if (new Decimal(received).plus(a.quantity).lte(allowed)) continue;
    out.push({ index: a.last, orderLine, ordered: new Decimal(ordered).toFixed(), received: new Decimal(received).toFixed(), asked: a.quantity.toFixed(), tolerance: tolerance.toFixed(), max: Decimal.max(0, allowed.minus(received)).toFixed() });
  }
  return out.sort((x, y) => x.index - y.index);
}
