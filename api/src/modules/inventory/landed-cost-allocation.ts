import { Decimal } from '../../shared/money';

/**
 * Spreading a landed cost (freight, customs, handling) over receipt lines
 * (DESIGN §4 "landed cost", issue 4 §3). Pure: no I/O.
 *
 * Rules:
 * - `amount` must be > 0 and in kopecks (at most 2 places), otherwise parts of two
 *   places could not add up to it.
 * - The base of a line is its `value` (VALUE), `quantity` (QUANTITY) or `weight`
 *   (WEIGHT). Bases must be ≥ 0; a line with base 0 gets 0.00. A base total of zero
 *   is an error (nothing to spread over). WEIGHT needs a weight on every line.
 * - Largest remainder: each line first gets its exact share amount × base / total
 *   rounded down to the kopeck; the kopecks still missing go one each to the lines
 *   with the largest dropped fraction. Ties go to the later line, so with equal bases
 *   the remainder lands on the last line: 100 over three → 33.33, 33.33, 33.34.
 *   Fractions are compared exactly (integer arithmetic), so ties are real ties.
 * - MANUAL: every line needs a `manualAmount` ≥ 0 in kopecks, and they must add up
 *   to `amount` exactly; they are returned as given (to two places).
 * - Errors are returned, not thrown: `{ ok: false, error: { code, lineId, message } }`,
 *   where `lineId` names the line at fault, or is null when no single line is.
 * - Allocations come back in the order of `lines`, amounts with exactly two places.
 */

export type LandedCostMethod = 'VALUE' | 'QUANTITY' | 'WEIGHT' | 'MANUAL';

export interface LandedCostLine {
  lineId: string;
  /** Decimal string, numeric(18,3). */
  quantity: string;
  /** The line's value (decimal string, money). */
  value: string;
  /** Required for WEIGHT. */
  weight?: string | null;
  /** Required for MANUAL; in kopecks. */
  manualAmount?: string | null;
}

export interface LandedCostAllocation {
  lineId: string;
  amount: string;
}

export type LandedCostErrorCode =
  | 'INVALID_NUMBER'
  | 'AMOUNT_NOT_POSITIVE'
  | 'AMOUNT_NOT_IN_KOPECKS'
  | 'NO_LINES'
  | 'DUPLICATE_LINE'
  | 'NEGATIVE_BASE'
  | 'WEIGHT_MISSING'
  | 'ZERO_BASE_TOTAL'
  | 'MANUAL_AMOUNT_MISSING'
  | 'MANUAL_AMOUNT_INVALID'
  | 'MANUAL_SUM_MISMATCH';

export interface LandedCostError {
  code: LandedCostErrorCode;
  /** The line at fault; null when the fault is not one line's (amount, totals). */
  lineId: string | null;
  message: string;
  /** The figures the message names (MANUAL_SUM_MISMATCH: sum and amount). */
  params?: Record<string, string>;
}

export type LandedCostResult =
  | { ok: true; allocations: LandedCostAllocation[] }
  | { ok: false; error: LandedCostError };


const KOPECK_PLACES = 2;

const fail = (code: LandedCostErrorCode, lineId: string | null, message: string, params?: Record<string, string>): LandedCostResult => ({
  ok: false,
  error: { code, lineId, message, ...(params ? { params } : {}) },
});

function parse(text: string | null | undefined): Decimal | null {
  if (text === null || text === undefined) return null;
  try {
    const number = new Decimal(text);
    return number.isFinite() ? number : null;
  } catch {
    return null;
  }
}

export function spreadLandedCost(amount: string, lines: readonly LandedCostLine[], method: LandedCostMethod): LandedCostResult {
  const total = parse(amount);
  if (total === null) return fail('INVALID_NUMBER', null, `Amount ${JSON.stringify(amount)} is not a number`);
  if (total.lte(0)) return fail('AMOUNT_NOT_POSITIVE', null, `Amount must be greater than zero, got ${amount}`);
  if (total.decimalPlaces() > KOPECK_PLACES) return fail('AMOUNT_NOT_IN_KOPECKS', null, `Amount ${amount} has more than two decimal places`);
  if (lines.length === 0) return fail('NO_LINES', null, 'A landed cost needs at least one receipt line');

  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.lineId)) return fail('DUPLICATE_LINE', line.lineId, `Line ${line.lineId} is listed twice`);
    seen.add(line.lineId);
  }

  if (method === 'MANUAL') return takeManualAmounts(total, lines);

  const bases: Decimal[] = [];
  for (const line of lines) {
    const text = method === 'VALUE' ? line.value : method === 'QUANTITY' ? line.quantity : line.weight;
    if (method === 'WEIGHT' && (text === null || text === undefined || text === '')) {
      return fail('WEIGHT_MISSING', line.lineId, `Line ${line.lineId} has no weight`);
    }
    const base = parse(text);
    if (base === null) return fail('INVALID_NUMBER', line.lineId, `Line ${line.lineId}: ${method.toLowerCase()} ${JSON.stringify(text)} is not a number`);
    if (base.isNegative()) return fail('NEGATIVE_BASE', line.lineId, `Line ${line.lineId}: ${method.toLowerCase()} must not be negative, got ${text}`);
    bases.push(base);
  }

  // Scale bases to integers so shares and their remainders are exact integer arithmetic.
  const scale = new Decimal(10).pow(Math.max(0, ...bases.map((base) => base.decimalPlaces())));
  const weights = bases.map((base) => base.times(scale));
  const weightTotal = weights.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
  if (weightTotal.isZero()) return fail('ZERO_BASE_TOTAL', null, `The lines' total ${method.toLowerCase()} is zero; nothing to spread over`);

  const kopecks = total.times(100);
  const shares = weights.map((weight, index) => {
    const numerator = kopecks.times(weight);
    return { index, floor: numerator.divToInt(weightTotal), remainder: numerator.mod(weightTotal) };
  });

  let missing = kopecks.minus(shares.reduce((sum, share) => sum.plus(share.floor), new Decimal(0))).toNumber();
  const byRemainder = [...shares].sort((a, b) => b.remainder.comparedTo(a.remainder) || b.index - a.index);
  for (const share of byRemainder) {
    if (missing === 0) break;
    share.floor = share.floor.plus(1);
    missing -= 1;
  }

  return {
    ok: true,
    allocations: shares.map((share) => ({ lineId: lines[share.index].lineId, amount: share.floor.div(100).toFixed(KOPECK_PLACES) })),
  };
}

function takeManualAmounts(total: Decimal, lines: readonly LandedCostLine[]): LandedCostResult {
  const allocations: LandedCostAllocation[] = [];
  let sum = new Decimal(0);
  for (const line of lines) {
    if (line.manualAmount === null || line.manualAmount === undefined || line.manualAmount === '') {
      return fail('MANUAL_AMOUNT_MISSING', line.lineId, `Line ${line.lineId} has no manual amount`);
    }
    const part = parse(line.manualAmount);
    if (part === null) return fail('INVALID_NUMBER', line.lineId, `Line ${line.lineId}: manual amount ${JSON.stringify(line.manualAmount)} is not a number`);
    if (part.isNegative() || part.decimalPlaces() > KOPECK_PLACES) {
      return fail('MANUAL_AMOUNT_INVALID', line.lineId, `Line ${line.lineId}: manual amount must be ≥ 0 with at most two places, got ${line.manualAmount}`);
    }
    sum = sum.plus(part);
    allocations.push({ lineId: line.lineId, amount: part.toFixed(KOPECK_PLACES) });
  }
  if (!sum.eq(total)) {
    const figures = { sum: sum.toFixed(KOPECK_PLACES), amount: total.toFixed(KOPECK_PLACES) };
    return fail('MANUAL_SUM_MISMATCH', null, `Manual amounts add up to ${figures.sum}, not ${figures.amount}`, figures);
  }
  return { ok: true, allocations };
}
