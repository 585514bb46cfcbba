import { Decimal, roundMoney, vatOn } from '../../../../api/src/shared/money';

/** A line as the grid holds it while it is typed: strings, maybe empty or not yet numbers. */
export interface TypedLine {
  quantity?: string | null;
  /** The unit price or cost without VAT. */
  price?: string | null;
  vatRate?: string | null;
}

export interface LineFigures {
  /** round2(quantity × price), without VAT, as the API will store it. */
  amount: string;
  vat: string;
  total: string;
}

export interface VatRateTotal {
  rate: string;
  amount: string;
  vat: string;
}

export interface DocumentTotals {
  lines: number;
  quantity: string;
  amount: string;
  vat: string;
  total: string;
  /** The amount and VAT per rate, lowest rate first (the purchase VAT book's rows). */
  byRate: VatRateTotal[];
}

const numberOf = (text: string | null | undefined): Decimal | null => {
  if (text === null || text === undefined || text.trim() === '') return null;
  try {
    const value = new Decimal(text.trim());
    return value.isFinite() ? value : null;
  } catch {
    return null;
  }
};

/**
 * A line's amount, VAT and total as the API works them out (money.ts, the same code): the
 * amount rounded to the kopeck half up, VAT per line on top of it. Null while quantity or
 * price is not a number yet.
 */
export function lineFigures(line: TypedLine): LineFigures | null {
  const quantity = numberOf(line.quantity);
  const price = numberOf(line.price);
  if (!quantity || !price) return null;
  const amount = roundMoney(quantity.mul(price));
  const vat = vatOn(amount, numberOf(line.vatRate) ?? 0);
  return { amount, vat, total: roundMoney(new Decimal(amount).plus(vat)) };
}

/** The document's totals: quantities, amount, VAT and total, and per VAT rate; lines not yet priced count for their quantity only. */
export function documentTotals(lines: TypedLine[]): DocumentTotals {
  let quantity = new Decimal(0);
  let amount = new Decimal(0);
  let vat = new Decimal(0);
  const rates = new Map<string, { amount: Decimal; vat: Decimal }>();
  for (const line of lines) {
    quantity = quantity.plus(numberOf(line.quantity) ?? 0);
    const figures = lineFigures(line);
    if (!figures) continue;
    amount = amount.plus(figures.amount);
    vat = vat.plus(figures.vat);
    const rate = (numberOf(line.vatRate) ?? new Decimal(0)).toFixed();
    const sum = rates.get(rate) ?? { amount: new Decimal(0), vat: new Decimal(0) };
    rates.set(rate, { amount: sum.amount.plus(figures.amount), vat: sum.vat.plus(figures.vat) });
  }
  return {
    lines: lines.length,
    quantity: quantity.toFixed(),
    amount: amount.toFixed(2),
    vat: vat.toFixed(2),
    total: amount.plus(vat).toFixed(2),
    byRate: [...rates.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([rate, sum]) => ({ rate, amount: sum.amount.toFixed(2), vat: sum.vat.toFixed(2) })),
  };
}
