import { Decimal, type DecimalValue } from '../../shared/money';


/** The steps of PriceRounding (ROUNDING_STEP): kopeck, rouble, ten roubles. */
export type RoundingStep = '0.01' | '1' | '10';

/** `value` rounded to a multiple of `step`, half up (prices are never negative; a half goes away from zero). */
export function roundToStep(value: DecimalValue, step: RoundingStep): string {
  const size = new Decimal(step);
  return new Decimal(value).div(size).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(size).toFixed(2);
}

/**
 * A price computed from another on the same VAT basis: `base × (1 + percent / 100)`,
 * rounded to the step. −12 gives 12 % below the base, 30 gives 30 % above it (group
 * repricing). Returns two decimal places.
 */
export function derivePrice(base: DecimalValue, percent: DecimalValue, step: RoundingStep): string {
  const factor = new Decimal(1).plus(new Decimal(percent).div(100));
  return roundToStep(new Decimal(base).times(factor), step);
}

/** What a derived price is computed from and how the result is stated. */
export interface Derivation {
  /** The base price as the base type states it (its own rounded price), or a unit cost. */
  base: DecimalValue;
  /** Whether `base` includes VAT (a unit cost never does). */
  baseVatIncluded: boolean;
  /** −12: 12 % below the base's net price; 30: the net cost + 30 %. */
  percent: DecimalValue;
  /** Whether the derived type's prices include VAT. */
  vatIncluded: boolean;
  /** The product's VAT rate in percent (product.vatRate): 22, 10, 0. */
  vatRate: DecimalValue;
  /** The derived type's rounding step. */
  step: RoundingStep;
}

/**
 * A derived type's price (FROM_PRICE_TYPE from its base type's price, FROM_COST from the
 * unit cost), converting between VAT bases:
 *
 * - The percentage applies to the NET price: a gross base is first taken to its net
 *   (÷ (1 + rate / 100)), the percentage applied, and the result stated on the derived
 *   type's basis (× (1 + rate / 100) when its prices include VAT). A base and a derived
 *   type on the same basis need no conversion: `base × (1 + percent / 100)`, as before.
 * - No intermediate rounding: the net price is never rounded on the way; the whole
 *   expression is computed exactly (one division, 100 significant digits) and rounded
 *   once, half up, to the derived type's step. 1,190.00 gross at 19 % is 1,000 net, −12 %
 *   is 880.00 net on a VAT-on-top type; 1,000.00 net, −12 %, on a VAT-included type at
 *   22 % is 1,073.60 gross.
 * - The base is the base type's own rounded price (a derived type derives from what its
 *   base really charges), and the VAT rate is the product's current rate.
 * - A unit cost is net: a FROM_COST type whose prices include VAT adds the product's VAT to
 *   cost + markup (130 + 20 % = 156.00 net, 190.32 gross at 22 %).
 * - When the prices are computed (base list posted, stock cost changed, a type's rule
 *   changed or recomputePriceType, from a chosen day, history kept): PriceRecomputeService.
 */
export function deriveAcrossVat(d: Derivation): string {
  const rate = new Decimal(100).plus(d.vatRate);
  let value = new Decimal(d.base).times(new Decimal(100).plus(d.percent));
  let divisor = new Decimal(100);
  if (d.baseVatIncluded && !d.vatIncluded) divisor = divisor.times(rate).div(100);
  if (!d.baseVatIncluded && d.vatIncluded) value = value.times(rate).div(100);
  return roundToStep(value.div(divisor), d.step);
}
