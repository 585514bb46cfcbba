import { Decimal } from '../../shared/money';

/**
 * FIFO lot consumption (DESIGN §4 "valuation at actual purchase prices").
 * Pure: no I/O; the caller loads the lots and writes the consumptions.
 *
 * Rules:
 * - Lots are consumed oldest first: by `date` (ISO `YYYY-MM-DD`), then `sequence`,
 *   then `lotId` so equal keys still give one answer. Input order does not matter.
 *   Lots with nothing remaining are skipped.
 * - Cost of a partial consumption = quantity × unitCost, rounded half-up to kopecks.
 * - Consuming everything that remains in a lot takes the lot's whole `remainingValue`
 *   (when given), so a lot never keeps a stray kopeck once it is empty: 3 pcs worth
 *   100.00 at 33.3333 go out as 33.33 + 33.33 + 33.34. Without `remainingValue` the
 *   last part is priced like any other (remaining × unitCost, rounded).
 * - A cost never exceeds the lot's `remainingValue`, so a lot's value never goes
 *   below zero even when unitCost and value disagree by rounding.
 * - When the lots hold less than asked, everything is consumed and the missing
 *   quantity comes back as `shortfall` (> 0). It carries no cost: whether negative
 *   stock is allowed, and at what cost, is the caller's decision.
 *
 * Output: quantities as plain decimal strings ("10", "2.5"); money with exactly
 * two places ("1100.00").
 */

export interface FifoLot {
  lotId: string;
  /** The lot's document date, ISO `YYYY-MM-DD`. */
  date: string;
  /** Order among lots of the same date (e.g. posting order, then line number). */
  sequence: number;
  /** Quantity still in the lot (decimal string, numeric(18,3)). */
  remaining: string;
  /** Cost per unit (decimal string, up to 4 places, numeric(19,4)). */
  unitCost: string;
  /**
   * Money still in the lot, in kopecks: value received (incl. landed costs) minus the
   * cost of everything consumed so far. Optional; when given, emptying the lot takes
   * exactly this amount, so lot value leaves no residue.
   */
  remainingValue?: string;
}

export interface FifoOptions {
  /** Decimal places of a consumption's cost; kopecks by default. */
  costDecimalPlaces?: number;
}

export interface FifoConsumption {
  lotId: string;
  quantity: string;
  cost: string;
}

export interface FifoResult {
  consumptions: FifoConsumption[];
  /** Σ consumptions' cost. */
  totalCost: string;
  /** Quantity the lots could not cover; "0" when they could. */
  shortfall: string;
}


function compareLots(a: FifoLot, b: FifoLot): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  return a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0;
}

export function consumeLotsFifo(lots: readonly FifoLot[], quantity: string, options: FifoOptions = {}): FifoResult {
  const places = options.costDecimalPlaces ?? 2;
  let wanted = new Decimal(quantity);
  if (wanted.isNegative()) throw new RangeError(`Quantity to consume must not be negative, got ${quantity}`);

  const seen = new Set<string>();
  for (const lot of lots) {
    if (seen.has(lot.lotId)) throw new RangeError(`Lot ${lot.lotId} is listed twice`);
    seen.add(lot.lotId);
    if (new Decimal(lot.remaining).isNegative()) throw new RangeError(`Lot ${lot.lotId} has negative remaining ${lot.remaining}`);
    if (new Decimal(lot.unitCost).isNegative()) throw new RangeError(`Lot ${lot.lotId} has negative unit cost ${lot.unitCost}`);
    if (lot.remainingValue !== undefined) {
      const value = new Decimal(lot.remainingValue);
      // Taken whole when the lot empties, so it must already be in cost units.
      if (value.isNegative() || value.decimalPlaces() > places) {
        throw new RangeError(`Lot ${lot.lotId} remainingValue ${lot.remainingValue} must be ≥ 0 with at most ${places} places`);
      }
    }
  }

  const consumptions: FifoConsumption[] = [];
  let totalCost = new Decimal(0);

  for (const lot of [...lots].sort(compareLots)) {
    if (wanted.isZero()) break;
    const remaining = new Decimal(lot.remaining);
    if (remaining.isZero()) continue;

    const taken = Decimal.min(wanted, remaining);
    const emptiesLot = taken.eq(remaining);
    let cost: Decimal;
    if (emptiesLot && lot.remainingValue !== undefined) {
      cost = new Decimal(lot.remainingValue);
    } else {
      cost = taken.times(lot.unitCost).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      if (lot.remainingValue !== undefined) cost = Decimal.min(cost, lot.remainingValue);
    }

    consumptions.push({ lotId: lot.lotId, quantity: taken.toFixed(), cost: cost.toFixed(places) });
    totalCost = totalCost.plus(cost);
    wanted = wanted.minus(taken);
  }

  return { consumptions, totalCost: totalCost.toFixed(places), shortfall: wanted.toFixed() };
}
