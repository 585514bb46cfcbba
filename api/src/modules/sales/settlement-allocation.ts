import { Decimal } from '../../shared/money';

/** A document something is open against for one client: a debt (open > 0) or an advance (open < 0). */
export interface OpenItem {
  documentType: string;
  documentId: string;
  number: string;
  /** The document's date. */
  date: string;
  /** When a debt falls due; null: on its date. */
  dueDate: string | null;
  /** + the client still owes it, − a credit (an advance) still to apply. */
  open: string;
}

/** How much of an amount goes to one open item. */
export interface Applied<T extends OpenItem = OpenItem> {
  item: T;
  amount: string;
}

const dueOf = (item: OpenItem) => item.dueDate ?? item.date;

/** Oldest first: by due date (its date when it has none), then date, then number. */
export function oldestFirst<T extends OpenItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
}

/**
 * Spreads an amount over open debts, the oldest first, each up to what it still owes;
 * what no debt takes is `left` (a payment's advance).
 */
export function allocateOldestFirst<T extends OpenItem>(amount: string, debts: readonly T[]): { applied: Applied<T>[]; left: string } {
  let left = new Decimal(amount);
  const applied: Applied<T>[] = [];
  for (const item of oldestFirst(debts.filter((d) => new Decimal(d.open).gt(0)))) {
    if (left.lte(0)) break;
    const take = Decimal.min(left, item.open);
    applied.push({ item, amount: take.toFixed() });
    left = left.minus(take);
  }
  return { applied, left: left.toFixed() };
}

/**
 * New debts take what open advances hold, the oldest advance first, each debt in the
 * order given: per debt, the parts of advances it consumed.
 */
export function consumeAdvances<T extends OpenItem>(debts: readonly string[], advances: readonly T[]): Applied<T>[][] {
  const remaining = oldestFirst(advances.filter((a) => new Decimal(a.open).lt(0))).map((item) => ({ item, left: new Decimal(item.open).neg() }));
  return debts.map((debt) => {
    let owed = new Decimal(debt);
    const parts: Applied<T>[] = [];
    for (const advance of remaining) {
      if (owed.lte(0)) break;
      if (advance.left.lte(0)) continue;
      const take = Decimal.min(owed, advance.left);
      parts.push({ item: advance.item, amount: take.toFixed() });
      advance.left = advance.left.minus(take);
      owed = owed.minus(take);
    }
    return parts;
  });
}

/** The later of two dates: an application is dated when both documents exist. */
export const laterOf = (a: string, b: string) => (a > b ? a : b);
