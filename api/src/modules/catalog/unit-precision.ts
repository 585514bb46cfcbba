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
