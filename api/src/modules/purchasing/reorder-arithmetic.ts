import { Decimal } from '../../shared/money';

/** What a warehouse holds and expects of one product, and its reorder rule. */
export interface ReorderPosition {
  /** On hand less reservations (and what later-dated documents take). */
  available: string;
  /** On purchase orders, not received yet. */
  onOrder: string;
  /** On submitted or approved requisitions, not ordered yet (so a suggestion does not ask twice). */
  requested: string;
  /** What confirmed customer orders wait for. */
  backordered: string;
  min: string;
  max: string;
}

export interface ReorderProposal {
  /** available + onOrder + requested − backordered. */
  projected: string;
  /** Up to max: max − projected. */
  quantity: string;
}

/**
 * The reorder point rule: when the projected quantity is at or below the minimum, propose
 * what brings it up to the maximum; otherwise nothing (null). Exact decimals throughout.
 */
export function proposeReorder(p: ReorderPosition): ReorderProposal | null {
  const projected = new Decimal(p.available).plus(p.onOrder).plus(p.requested).minus(p.backordered);
  if (projected.gt(p.min)) return null;
  const quantity = new Decimal(p.max).minus(projected);
  if (quantity.lte(0)) return null;
  return { projected: projected.toFixed(), quantity: quantity.toFixed() };
}

/** Items grouped by supplier (null: no main supplier), suppliers in first-seen order. */
export function groupBySupplier<T extends { supplierId: string | null }>(items: readonly T[]): { supplierId: string | null; items: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) groups.set(item.supplierId, [...(groups.get(item.supplierId) ?? []), item]);
  return [...groups].map(([supplierId, grouped]) => ({ supplierId, items: grouped }));
}
