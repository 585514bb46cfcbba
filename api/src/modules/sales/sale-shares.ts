import { Decimal, type DecimalValue } from '../../shared/money';

/** What a document line sells for: with VAT, the VAT, and the discount without VAT (revenue = total − vat). */
export interface SaleFigures {
  total: string;
  vat: string;
  discount: string;
}

/** A part of a line's figures, 2 places each; amount is the revenue without VAT. */
export interface SaleShare {
  amount: string;
  vat: string;
  total: string;
  discount: string;
}

const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * The share of a line's figures that `quantity` of its `whole` quantity carries, after
 * `before` of it was taken by earlier documents. Pure. Each figure is cut cumulatively:
 * round2(X × (before + quantity) / whole) − round2(X × before / whole), so the shares of
 * every part add up to the line's figures exactly (the whole quantity gets X itself).
 * The revenue is the share's total less its VAT, so the share balances to the kopeck.
 */
export function shareOf(figures: SaleFigures, whole: DecimalValue, before: DecimalValue, quantity: DecimalValue): SaleShare {
  const of = new Decimal(whole);
  if (of.lte(0)) throw new RangeError('A share of nothing');
  const from = new Decimal(before);
  const to = from.plus(quantity);
  if (from.isNegative() || to.lt(from) || to.gt(of)) throw new RangeError(`${new Decimal(quantity).toFixed()} after ${from.toFixed()} is not within ${of.toFixed()}`);
  const cut = (value: string) => {
    const x = new Decimal(value);
    const upTo = (q: Decimal) => (q.eq(of) ? x : round2(x.mul(q).div(of)));
    return upTo(to).minus(upTo(from));
  };
  const total = cut(figures.total);
  const vat = cut(figures.vat);
  return { total: total.toFixed(2), vat: vat.toFixed(2), amount: total.minus(vat).toFixed(2), discount: cut(figures.discount).toFixed(2) };
}

/**
 * What the discount rules and the manager took off an order line, without VAT: the base
 * price × quantity less what the line comes to, and when the price type includes VAT,
 * that difference without its VAT. Rounded to the kopeck.
 */
export function discountWithoutVat(basePrice: DecimalValue, quantity: DecimalValue, amount: DecimalValue, vatRate: DecimalValue, vatIncluded: boolean): string {
  const gross = new Decimal(basePrice).mul(quantity).minus(amount);
  const net = vatIncluded ? gross.mul(100).div(new Decimal(vatRate).plus(100)) : gross;
  return round2(net).toFixed(2);
}

/** The lines' amounts and VAT per VAT rate, in ascending rate order (one sales VAT book row each). */
export function perVatRate(lines: readonly { vatRate: string; amount: string; vat: string }[]): { rate: string; amount: string; vat: string }[] {
  const byRate = new Map<string, { amount: Decimal; vat: Decimal }>();
  for (const line of lines) {
    const rate = new Decimal(line.vatRate).toFixed();
    const sum = byRate.get(rate) ?? { amount: new Decimal(0), vat: new Decimal(0) };
    byRate.set(rate, { amount: sum.amount.plus(line.amount), vat: sum.vat.plus(line.vat) });
  }
  return [...byRate]
    .sort(([a], [b]) => new Decimal(a).cmp(b))
    .map(([rate, sum]) => ({ rate, amount: sum.amount.toFixed(2), vat: sum.vat.toFixed(2) }));
}

/** A document's header totals: Σ of its lines' rounded amounts, VAT and totals. */
export function totalsOf(lines: readonly { amount: string; vat: string; total: string }[]): { amount: string; vat: string; total: string } {
  const sum = (pick: (l: { amount: string; vat: string; total: string }) => string) => lines.reduce((acc, l) => acc.plus(pick(l)), new Decimal(0)).toFixed(2);
  return { amount: sum((l) => l.amount), vat: sum((l) => l.vat), total: sum((l) => l.total) };
}
