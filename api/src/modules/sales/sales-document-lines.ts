import { Decimal, roundMoney, sumOf, vatOn } from '../../shared/money';

/** A priced line of a sales document (service act, invoice): what the client pays and the VAT in it. */
export interface SalesLineFigures {
  /** round2(quantity × price): with VAT when the prices include it, without otherwise. */
  amount: string;
  vat: string;
  /** What the client pays: amount, plus VAT when it is on top. */
  total: string;
}

/**
 * One line's figures (DESIGN §5: rounded to the kopeck per line, VAT per line): VAT in
 * the price is round2(amount × rate / (100 + rate)), on top round2(amount × rate / 100).
 */
export function priceSalesLine(quantity: string, price: string, vatRate: string, vatIncluded: boolean): SalesLineFigures {
  const amount = roundMoney(new Decimal(quantity).mul(price));
  if (vatIncluded) return { amount, vat: roundMoney(new Decimal(amount).mul(vatRate).div(new Decimal(vatRate).plus(100))), total: amount };
  const vat = vatOn(amount, vatRate);
  return { amount, vat, total: new Decimal(amount).plus(vat).toFixed(2) };
}

/** The document's totals: Σ amount, Σ VAT, Σ total. */
export function salesTotals(lines: readonly SalesLineFigures[]): SalesLineFigures {
  return {
    amount: sumOf(lines.map((l) => l.amount)).toFixed(2),
    vat: sumOf(lines.map((l) => l.vat)).toFixed(2),
    total: sumOf(lines.map((l) => l.total)).toFixed(2),
  };
}

/** Per VAT rate, ascending: the amount without VAT (total − VAT) and the VAT — one sales VAT book row each. */
export function vatBookByRate(lines: readonly (SalesLineFigures & { vatRate: string })[]): { rate: string; amount: string; vat: string }[] {
  const rates = [...new Set(lines.map((l) => new Decimal(l.vatRate).toFixed()))].sort((a, b) => new Decimal(a).cmp(b));
  return rates.map((rate) => {
    const of = lines.filter((l) => new Decimal(l.vatRate).eq(rate));
    const vat = sumOf(of.map((l) => l.vat));
    return { rate, amount: sumOf(of.map((l) => l.total)).minus(vat).toFixed(2), vat: vat.toFixed(2) };
  });
}

/** A date plus whole days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
