import { Decimal } from '../../shared/money';

/** What one warehouse has free for a product, in the order it is drawn from. */
export interface WarehouseStock {
  warehouseId: string;
  available: string;
}

/** A line's reservation in one warehouse. */
export interface ReservedPart {
  warehouseId: string;
  quantity: string;
}

export interface Allocation {
  /** Reserve (+) or release (−) per warehouse, in the order given; no zero parts. */
  changes: ReservedPart[];
  /** What stock could not cover (≥ 0). */
  uncovered: string;
}

/**
 * Which warehouses a line's reservation comes from (a pure strategy, issue 12). `target`
 * is what the line should hold reserved; `held` what it holds now per warehouse;
 * `priority` the warehouses to draw from, the order's own first (others follow by the
 * configured priority), each with what is free there for others to take.
 *
 * More than held: the difference is taken from the warehouses in priority order, each
 * giving what it has free, and what none can give is uncovered. Less than held: the
 * excess is released from the least preferred warehouse first, so the order keeps its
 * goods where it would rather ship them from. Held is never moved between warehouses:
 * an edit re-reserves only the difference.
 */
export function allocateReservation(target: string, held: readonly ReservedPart[], priority: readonly WarehouseStock[]): Allocation {
  const heldTotal = held.reduce((sum, part) => sum.plus(part.quantity), new Decimal(0));
  const wanted = new Decimal(target);
  const changes: ReservedPart[] = [];
  if (wanted.gte(heldTotal)) {
    let missing = wanted.minus(heldTotal);
    for (const warehouse of priority) {
      if (missing.lte(0)) break;
      const take = Decimal.min(missing, Decimal.max(0, warehouse.available));
      if (take.gt(0)) changes.push({ warehouseId: warehouse.warehouseId, quantity: take.toFixed() });
      missing = missing.minus(take);
    }
    return { changes, uncovered: missing.toFixed() };
  }
  let excess = heldTotal.minus(wanted);
  const rank = (id: string) => {
    const at = priority.findIndex((w) => w.warehouseId === id);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  // the least preferred first; warehouses no longer in the priority list before any that is
  const releaseOrder = [...held].sort((a, b) => rank(b.warehouseId) - rank(a.warehouseId));
  for (const part of releaseOrder) {
    if (excess.lte(0)) break;
    const give = Decimal.min(excess, part.quantity);
    if (give.gt(0)) changes.push({ warehouseId: part.warehouseId, quantity: give.neg().toFixed() });
    excess = excess.minus(give);
  }
  return { changes, uncovered: '0' };
}
