import { Decimal, type DecimalValue } from '../../shared/money';


/** The steps of PriceRounding (ROUNDING_STEP): kopeck, rouble, ten roubles. */
export type RoundingStep = '0.01' | '1' | '10';

/** `value` rounded to a multiple of `step`, half up (prices are never negative; a half goes away from zero). */
export function roundToStep(value: DecimalValue, step: RoundingStep): string {
  const size = new Decimal(step);
  return new Decimal(value).div(size).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(size).toFixed(2);
}

/**
 * A price computed from another: `base × (1 + percent / 100)`, rounded to the step.
 * −12 gives 12 % below the base, 30 gives 30 % above it. Returns two decimal places.
 */
export function derivePrice(base: DecimalValue, percent: DecimalValue, step: RoundingStep): string {
  const factor = new Decimal(1).plus(new Decimal(percent).div(100));
  return roundToStep(new Decimal(base).times(factor), step);
}
