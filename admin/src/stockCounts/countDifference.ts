import Decimal from 'decimal.js';

/** Counted − book of a count line, exactly, as the API works it out; null while either is unknown or not a number. */
export function countDifference(line: { bookQuantity?: string | null; countedQuantity?: string | null }): string | null {
  if (line.bookQuantity == null || line.countedQuantity == null || line.countedQuantity === '') return null;
  try {
    return new Decimal(line.countedQuantity).minus(line.bookQuantity).toFixed();
  } catch {
    return null;
  }
}
