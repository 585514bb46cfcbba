import { domainEvent } from '../../shared/domain-events';

/** What one area holds in quantities finer than a unit is about to count in. */
export interface FinerQuantities {
  /** Document lines (of any status) with such a quantity. */
  lines: number;
  /** Products with such a line or balance. */
  products: number;
}

/** The products whose quantities are to be counted more coarsely: a unit's, or one product moving to another unit. */
export type CoarserProducts = { unitId: string } | { productId: string };

/**
 * In the transaction of a change that leaves products counted in `places` decimal places
 * (a unit's precision going down, a product moving to a coarser unit): every area that
 * keeps quantities of those products adds to `held` what it holds with more places, so
 * the catalog refuses the change without knowing the areas.
 */
export const UnitPrecisionReducing = domainEvent<{ products: CoarserProducts; places: number; held: FinerQuantities[] }>('UnitPrecisionReducing');
