import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal, sumOf } from '../../shared/money';
import type { Counterparty } from '../crm/counterparty.entity';
import type { PriceType } from '../pricing/price-type.entity';
import type { AppliedRuleRecord, CustomerOrderLine } from './order.entity';
import type { OrderLineInput } from './order.inputs';

/** An order line as it is stored: the product, quantity and the quote's breakdown. */
export interface PricedLine {
  productId: string;
  quantity: string;
  basePrice: string;
  priceListId: string | null;
  appliedRules: AppliedRuleRecord[];
  manualDiscountPercent: string;
  manualDiscountAmount: string;
  finalUnitPrice: string;
  rounding: string;
  amount: string;
  vatRate: string;
  vat: string;
  total: string;
}

export interface PricedOrder {
  client: Counterparty;
  priceType: PriceType;
  lines: PricedLine[];
  amount: string;
  vat: string;
  total: string;
}

/** The same product twice: refused on the line, with every other such line. Services are taken (a service act bills them; nothing is reserved for them). */
async function checkProductsOnce(ctx: Context, lines: readonly OrderLineInput[]): Promise<void> {
  const fields: FieldMessages = {};
  const first = new Map<string, number>();
  lines.forEach((line, i) => {
    const seen = first.get(line.productId);
    if (seen !== undefined) fields[`lines.${i}.productId`] = problem(FieldReason.REPEATED, `line ${i + 1}: the product is already on line ${seen + 1}; change that line's quantity`, { line: seen + 1 });
    else first.set(line.productId, i);
  });
  if (Object.keys(fields).length) throw badInput(fields);
}

const sameNumber = (a: string | null | undefined, b: string | null | undefined) => new Decimal(a ?? 0).eq(b ?? 0);

/**
 * Prices an order's lines through the pricing module's `quote` (record rules, the
 * client's price type, prices and rules on the date, the caller's caps; BAD_USER_INPUT on
 * lines.N.* for an inactive product, a quantity finer than its unit, no price, a discount
 * over the cap). `frozen`: a confirmed order's lines — one whose product, quantity and
 * manual discount are unchanged keeps its confirmed price; the others take the quote's.
 */
export async function priceOrder(
  ctx: Context,
  order: { clientId: string; date: string; promoCode?: string | null },
  lines: readonly OrderLineInput[],
  frozen: readonly CustomerOrderLine[] = [],
): Promise<PricedOrder> {
  await checkProductsOnce(ctx, lines);
  const quote = await ctx.services.quotes.quote(ctx, {
    clientId: order.clientId,
    date: order.date,
    promoCode: order.promoCode ?? null,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, manualDiscountPercent: l.manualDiscountPercent ?? null })),
  });
  const kept = new Map(frozen.map((line) => [line.product.id, line]));
  const priced = quote.lines.map((quoted, i): PricedLine => {
    const input = lines[i];
    const old = kept.get(input.productId);
    if (old && sameNumber(old.quantity, input.quantity) && sameNumber(old.manualDiscountPercent, input.manualDiscountPercent)) {
      const { basePrice, appliedRules, manualDiscountPercent, manualDiscountAmount, finalUnitPrice, rounding, amount, vatRate, vat, total } = old;
      return { productId: input.productId, quantity: new Decimal(old.quantity).toFixed(), basePrice, priceListId: old.priceListId ?? null, appliedRules, manualDiscountPercent, manualDiscountAmount, finalUnitPrice, rounding, amount, vatRate, vat, total };
    }
    return {
      productId: input.productId,
      quantity: new Decimal(input.quantity).toFixed(),
      basePrice: quoted.basePrice,
      priceListId: quoted.priceListId,
      appliedRules: quoted.appliedRules.map((r) => ({ ruleId: r.ruleId, name: r.name, kind: r.kind, percent: r.percent, rulePercent: r.rulePercent, limitedBy: r.limitedBy, amount: r.amount })),
      manualDiscountPercent: quoted.manualDiscount.percent,
      manualDiscountAmount: quoted.manualDiscount.amount,
      finalUnitPrice: quoted.finalUnitPrice,
      rounding: quoted.rounding,
      amount: quoted.amount,
      vatRate: quoted.vatRate,
      vat: quoted.vat,
      total: quoted.total,
    };
  });
  return {
    client: quote.client,
    priceType: quote.priceType,
    lines: priced,
    amount: sumOf(priced.map((l) => l.amount)).toFixed(2),
    vat: sumOf(priced.map((l) => l.vat)).toFixed(2),
    total: sumOf(priced.map((l) => l.total)).toFixed(2),
  };
}
