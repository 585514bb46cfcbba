import DecimalJs from 'decimal.js';

/**
 * Money and quantities (DESIGN §5): the one Decimal every area computes with. 100
 * significant digits, so sums of many numeric(19,4) amounts and money × quantity
 * products are never rounded on the way; rounding is always explicit and half up
 * (away from zero for a half), as Russian accounting rounds kopecks.
 */
export const Decimal = DecimalJs.clone({ precision: 100, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;
/** What a Decimal can be made from: a decimal string, a Decimal, or an (integer) number. */
export type DecimalValue = DecimalJs.Value;

/** Money columns are numeric(19,4): 15 digits before the point, 4 after. */
export const MONEY_SCALE = 4;
export const MAX_MONEY = new Decimal('999999999999999.9999');
/** Quantity columns are numeric(18,3): 15 digits before the point, 3 after. */
export const QUANTITY_SCALE = 3;
export const MAX_QUANTITY = new Decimal('999999999999999.999');

/** Rounded to the kopeck (2 places, half up), as a string with exactly two places. */
export function roundMoney(value: DecimalValue): string {
  return new Decimal(value).toDecimalPlaces(2).toFixed(2);
}

/** The VAT on an amount without VAT: round2(amount × rate / 100), as a string with two places. */
export function vatOn(amount: DecimalValue, rate: DecimalValue): string {
  return roundMoney(new Decimal(amount).mul(rate).div(100));
}

/** The exact sum of decimal strings (or Decimals). */
export function sumOf(values: Iterable<DecimalValue>): Decimal {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return total;
}

/** Whether an absolute value fits a numeric column with `max` (e.g. MAX_MONEY) and `scale` places. */
export function fitsColumn(value: DecimalValue, max: Decimal, scale: number): boolean {
  const d = new Decimal(value);
  return d.abs().lte(max) && d.decimalPlaces() <= scale;
}
