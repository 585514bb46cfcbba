import Decimal from 'decimal.js';

/** Enough digits that no intermediate result of a price (numeric(19,4)) is ever rounded early. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** The steps of PriceRounding (ROUNDING_STEP): kopeck, rouble, ten roubles. */
export type RoundingStep = '0.01' | '1' | '10';

/** `value` rounded to a multiple of `step`, half up (prices are never negative; a half goes away from zero). */
export function roundToStep(value: Decimal.Value, step: RoundingStep): string {
  const size = new D(step);
  return new D(value).div(size).toDecimalPlaces(0, D.ROUND_HALF_UP).times(size).toFixed(2);
}

/**
 * A price computed from another: `base × (1 + percent / 100)`, rounded to the step.
 * −12 gives 12 % below the base, 30 gives 30 % above it. Returns two decimal places.
 */
export function derivePrice(base: Decimal.Value, percent: Decimal.Value, step: RoundingStep): string {
  const factor = new D(1).plus(new D(percent).div(100));
  return roundToStep(new D(base).times(factor), step);
}
