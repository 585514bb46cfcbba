import { FieldReason, problem, type FieldProblem } from '../../shared/field-errors';
import { Decimal, type DecimalValue } from '../../shared/money';

/** What a quantity is judged against: its product's unit. */
export interface UnitOfQuantity {
  code: string;
  /** Decimal places a quantity may have (0: whole pieces). */
  precision: number;
}

/**
 * Why a quantity does not fit its unit, or null when it does: more decimal places than
 * the unit counts in is DECIMAL_PLACES with `{ places, unit }` — "pcs is counted in whole
 * units", "at most 2 decimal places for m". Trailing zeros do not count (2.000 pcs is 2).
 */
export function quantityProblem(quantity: DecimalValue, unit: UnitOfQuantity): FieldProblem | null {
  if (new Decimal(quantity).decimalPlaces() <= unit.precision) return null;
  const message = unit.precision === 0 ? `${unit.code} is counted in whole units` : `at most ${unit.precision} decimal places for ${unit.code}`;
  return problem(FieldReason.DECIMAL_PLACES, message, { places: unit.precision, unit: unit.code });
}

/**
 * FINER_QUANTITIES_HELD when the areas hold quantities with more places than `unit` is
 * about to count in (a unit's precision lowered, a product moved to a coarser unit).
 */
export function heldQuantitiesProblem(held: readonly { lines: number; products: number }[], unit: UnitOfQuantity): FieldProblem | null {
  const lines = held.reduce((sum, h) => sum + h.lines, 0);
  const products = held.reduce((sum, h) => sum + h.products, 0);
  if (!lines && !products) return null;
  const message = `${lines} document line(s) of ${products} product(s) have quantities with more than ${unit.precision} decimal places, which ${unit.code} would not count; correct them first`;
  return problem(FieldReason.FINER_QUANTITIES_HELD, message, { places: unit.precision, lines, products, unit: unit.code });
}
