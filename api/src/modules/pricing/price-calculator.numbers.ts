import { Decimal } from '../../shared/money';
import type { RoundingStep } from './price-calculator.types';

/** The price calculator's arithmetic and its checks of malformed input (a RangeError: the caller's bug). */

/** The unit price after a percent off, rounded to the kopeck (policy 7). */
export function discounted(unitPrice: Decimal, percent: Decimal): Decimal {
  return round2(unitPrice.times(new Decimal(100).minus(percent)).div(100));
}

/** To a multiple of the step, half up. */
export function roundToStep(value: Decimal, step: RoundingStep): Decimal {
  const size = new Decimal(step);
  return value.div(size).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(size);
}

/** Up to a multiple of the step: the lowest price of the step that is not below `value`. */
export function ceilToStep(value: Decimal, step: RoundingStep): Decimal {
  const size = new Decimal(step);
  return value.div(size).toDecimalPlaces(0, Decimal.ROUND_CEIL).times(size);
}

export function round2(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce((acc, value) => acc.plus(value), new Decimal(0));
}

/** How much below `from` the price `to` is, in percent to 4 places (0 when `from` is 0). */
export function percentOff(from: Decimal, to: Decimal): Decimal {
  if (from.isZero()) return new Decimal(0);
  return from.minus(to).times(100).div(from).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/** The VAT in an amount: inside it when prices include VAT, on top of it otherwise (policy 10). */
export function vatOf(amount: Decimal, rate: Decimal, vatIncluded: boolean): Decimal {
  return round2(vatIncluded ? amount.times(rate).div(rate.plus(100)) : amount.times(rate).div(100));
}

function parse(value: string, field: string): Decimal {
  try {
    const parsed = new Decimal(value);
    if (!parsed.isFinite()) throw new Error('not finite');
    return parsed;
  } catch {
    throw new RangeError(`${field}: "${value}" is not a decimal number`);
  }
}

export function nonNegative(value: string, field: string): Decimal {
  const parsed = parse(value, field);
  if (parsed.isNegative() && !parsed.isZero()) throw new RangeError(`${field}: must not be negative`);
  return parsed;
}

export function percentOf(value: string, field: string): Decimal {
  const parsed = nonNegative(value, field);
  if (parsed.gt(100)) throw new RangeError(`${field}: a percent must be within 0..100`);
  return parsed;
}

export function assertIsoDate(value: string, field: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`${field}: "${value}" is not a date YYYY-MM-DD`);
}
