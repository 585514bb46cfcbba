import { Decimal } from '../../shared/money';

/** One part of what a document line took out: from a lot (or, negative stock, from none), in the order it was taken. */
export interface TakenPart {
  lotId: string | null;
  /** Positive. */
  quantity: string;
  /** Positive, in kopecks. */
  cost: string;
}

export interface RestoredPart {
  lotId: string | null;
  quantity: string;
  /** In kopecks. */
  cost: string;
}

/**
 * What comes back when `quantity` of a line that took `parts` out is returned, after
 * `alreadyReturned` came back earlier (DESIGN §4: a return restores the exact cost).
 * Pure.
 *
 * The parts come back last-taken first: a line that took 10 from an old lot and 5 from
 * a newer one gets the 5 newer ones back first, so what stays sold is what FIFO would
 * have taken for the smaller quantity. A part's cost comes back in proportion, rounded
 * to the kopeck so that all its returns together give back exactly its cost: after r of
 * its P units are back, round2(C × r / P) of its cost C is (all of C once r = P), and
 * each return gives the difference. More than was taken and not yet returned is a
 * RangeError: the caller checks first and reports BAD_USER_INPUT.
 */
export function partsToRestore(parts: readonly TakenPart[], alreadyReturned: string, quantity: string): RestoredPart[] {
  let skip = new Decimal(alreadyReturned);
  let wanted = new Decimal(quantity);
  if (skip.isNegative() || wanted.isNegative()) throw new RangeError('Returned quantities must not be negative');
  const taken = parts.reduce((sum, p) => sum.plus(p.quantity), new Decimal(0));
  if (skip.plus(wanted).gt(taken)) throw new RangeError(`Only ${taken.minus(skip).toFixed()} of ${taken.toFixed()} can still come back, ${wanted.toFixed()} asked`);

  const restoredCost = (part: TakenPart, back: Decimal) => (back.eq(part.quantity) ? new Decimal(part.cost) : new Decimal(part.cost).mul(back).div(part.quantity).toDecimalPlaces(2));
  const restored: RestoredPart[] = [];
  for (const part of [...parts].reverse()) {
    if (wanted.isZero()) break;
    const size = new Decimal(part.quantity);
    const before = Decimal.min(skip, size);
    skip = skip.minus(before);
    const back = Decimal.min(wanted, size.minus(before));
    if (back.isZero()) continue;
    wanted = wanted.minus(back);
    restored.push({ lotId: part.lotId, quantity: back.toFixed(), cost: restoredCost(part, before.plus(back)).minus(restoredCost(part, before)).toFixed(2) });
  }
  return restored;
}
