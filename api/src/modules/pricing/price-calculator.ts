/**
 * The price calculator (issue 5, item 5; policy made whole in issue 9): a pure function
 * of its inputs. No database, no GraphQL, no clock: the caller supplies the date, the
 * client, the price types, the base prices, the rules and the role's limits. Money and
 * quantities are decimal strings in and out (DESIGN §5).
 *
 * POLICY: the code follows this text, and the tests beside it check it case by case.
 *
 *  1. Active period. A rule counts only when activeFrom <= date <= activeTo (both ends
 *     inclusive; no activeTo means open-ended). Dates are ISO 'YYYY-MM-DD'.
 *  2. What each kind of rule gives (its "percent"):
 *     - ORDER_AMOUNT_TIER: the highest tier whose threshold <= the order amount BEFORE
 *       ANY DISCOUNT AND WITHOUT VAT, for every client whatever its price type's VAT
 *       basis (each line's round2(base price × quantity), less the VAT inside it when
 *       the price includes VAT — policy 10's VAT of that amount); then that percent
 *       applies to every line. Thresholds are inclusive (>= 50,000 → 3 %).
 *     - CLIENT_SEGMENT: rule.percent when the client's segment is the rule's segment.
 *     - PRODUCT_GROUP: rule.percent when the rule's group is among the line's
 *       productGroupIds (the product's own group and all its ancestors).
 *     - QUANTITY_BREAK: the highest break whose minQuantity <= the quantity of the
 *       line's PRODUCT OVER ALL THE ORDER'S LINES (two lines of 6 reach the break at 12;
 *       each line gets that percent).
 *     - PURCHASE_HISTORY: the highest tier whose threshold <= the client's purchases
 *       over the rule's `days` (client.purchasesByDays[days], net of VAT); when the
 *       caller gave no amount for that N the rule does not apply.
 *     - PROMO_CODE: rule.percent when the entered code equals the rule's code, compared
 *       trimmed and case-insensitively. No code entered, no promo rule.
 *     A rule's capPercent caps that rule's own percent: min(percent, capPercent).
 *     A rule whose percent comes out as 0 does not apply and is not listed.
 *  3. Per line, among the applicable EXCLUSIVE rules the largest percent wins (a tie
 *     goes to the lower priority number, then to the lower rule id).
 *  4. Per line, the applicable COMBINABLE rules apply in ascending priority number
 *     (ties by rule id), each on the unit price left by the previous one
 *     (multiplicative: 10 % then 5 % is 14.5 %, not 15 %).
 *  5. EXCLUSIVE vs COMBINABLE: they never stack. When a line has both, the
 *     alternative giving the lower unit price wins: "the best exclusive rule alone" or
 *     "all combinable rules together" (judged on the rules' own percents, before 8).
 *     On an exact tie the exclusive rule wins (one rule is the simpler explanation).
 *  6. The manual discount applies last, on the price left by the rules. A manual
 *     percent above the role's manual cap is refused: MANUAL_DISCOUNT_OVER_CAP for that
 *     line (the line is then judged no further, its price being void anyway).
 *  7. Rounding. After each discount step (each rule, then the manual discount) the unit
 *     price is rounded to the kopeck (0.01, half up), so every step's amount is
 *     exactly "unit discount × quantity" up to the line's kopeck. Only the FINAL unit
 *     price is rounded to the price type's step (0.01 / 1 / 10, half up); the
 *     difference this makes to the line is shown as the line's `rounding` (it may be
 *     positive: a price may be rounded up). A line no discount changed is charged
 *     EXACTLY its list price, never re-rounded (list prices fit their type's step when
 *     they are written; an older one that does not is still what the client is told).
 *     line amount                 = round2(final unit price × quantity)
 *     amount of a discount step   = round2(unit before × qty) − round2(unit after × qty)
 *     rounding                    = amount − round2(unit after all discounts × qty)
 *     so, exactly: round2(base × qty) − Σ step amounts + rounding = amount.
 *  8. Limits on the automatic rules: they never take a line's unit price below its
 *     FLOOR, the higher of
 *       - the role's total discount limit: base × (100 − totalDiscountCapPercent) / 100,
 *       - the minimum price, when the role may not sell below cost and the line has a
 *         cost: the cost,
 *     each raised to the price type's step (so the final price, after 7's rounding, is
 *     never below it). The rule whose step would cross the floor gives only what takes
 *     the price down to it, the rules after it give nothing; each such rule is listed
 *     with `limitedBy` (TOTAL_DISCOUNT_CAP or MINIMUM_PRICE, the one that is higher;
 *     the minimum price on a tie), its own `rulePercent` and the `percent` it gave
 *     (4 places). A list price already at or below the floor gets no rule discount. An
 *     automatic rule never refuses a quote.
 *  9. Refusals, only of what the user typed (the manual discount):
 *     - TOTAL_DISCOUNT_OVER_CAP when the unit price after the manual discount (before
 *       the type's rounding) is below base × (100 − totalDiscountCapPercent) / 100 to the
 *       kopeck up; `percent` is the line's discount from rules and manual together.
 *     - BELOW_COST when a manual discount takes the final unit price (after rounding)
 *       below the cost, unless the role may sell below cost. Equal to cost is allowed.
 *       The cost is compared as given: the caller passes it on the same VAT basis as the
 *       line's price type. A line with no manual discount is never refused for cost:
 *       its rules stop at the floor (8) and a list price below cost is the price list's
 *       doing, charged as listed.
 * 10. VAT per line on the line amount, with the line's price type:
 *     VAT included: vat = round2(amount × rate / (100 + rate)), total = amount;
 *     VAT on top:   vat = round2(amount × rate / 100),          total = amount + vat.
 * 11. Order totals are sums of the lines' rounded figures, never recomputed from a sum:
 *     amountBeforeDiscounts, netAmountBeforeDiscounts, discountTotal (rules + manual),
 *     rounding, amount, vat, total.
 * 12. Business refusals (6 and 9) come back as `{ ok: false, errors }`, every failing
 *     line listed (`line` is the 0-based index into input.lines). Malformed input — an
 *     unknown price type, a negative price or quantity, a percent outside 0..100, a
 *     non-numeric string — is the caller's bug and throws a RangeError; the API layer
 *     validates first and reports BAD_USER_INPUT.
 *
 * A line's price type is its own priceTypeId (the price type of its base price), or
 * the client's when the line gives none.
 */
import { Decimal } from '../../shared/money';
import { assertIsoDate, ceilToStep, discounted, nonNegative, percentOf, percentOff, round2, roundToStep, sum, vatOf } from './price-calculator.numbers';
import { chooseRules, isActive, rulePercent, type Candidate } from './price-calculator.rules';
import type { AppliedRule, ClientInput, PriceTypeInput, QuotedLine, QuoteError, QuoteInput, QuoteLineInput, QuoteResult, RuleLimit } from './price-calculator.types';

export type * from './price-calculator.types';

/** Prices a whole order: every line's breakdown and the order totals (policy above). */
export function calculateQuote(input: QuoteInput): QuoteResult {
  assertIsoDate(input.date, 'date');
  const priceTypes = new Map(input.priceTypes.map((type) => [type.id, type]));
  for (const rule of input.rules) {
    assertIsoDate(rule.activeFrom, `rule ${rule.id}.activeFrom`);
    if (rule.activeTo != null) assertIsoDate(rule.activeTo, `rule ${rule.id}.activeTo`);
  }
  const activeRules = input.rules.filter((rule) => isActive(rule, input.date));
  const limits = {
    manualCap: percentOf(input.role.manualDiscountCapPercent, 'role.manualDiscountCapPercent'),
    totalCap: percentOf(input.role.totalDiscountCapPercent, 'role.totalDiscountCapPercent'),
    maySellBelowCost: input.role.maySellBelowCost,
  };

  const lines = input.lines.map((line, index) => {
    const parsed = parseLine(line, index, input.client);
    const priceType = priceTypes.get(parsed.priceTypeId);
    if (!priceType) throw new RangeError(`lines[${index}]: unknown price type ${parsed.priceTypeId}`);
    return { ...parsed, priceType, amountBefore: round2(parsed.basePrice.times(parsed.quantity)) };
  });
  const amountBeforeDiscounts = sum(lines.map((line) => line.amountBefore));
  const netOrderAmount = sum(lines.map((line) => line.amountBefore.minus(line.priceType.vatIncluded ? vatOf(line.amountBefore, line.vatRate, true) : 0)));
  const productQuantity = new Map<string, Decimal>();
  for (const line of lines) productQuantity.set(line.source.productId, (productQuantity.get(line.source.productId) ?? new Decimal(0)).plus(line.quantity));

  const quoted: QuotedLine[] = [];
  const errors: QuoteError[] = [];
  lines.forEach((line, index) => {
    const context = { client: input.client, promoCode: input.promoCode, netOrderAmount, productQuantity: productQuantity.get(line.source.productId)!, groupIds: line.groupIds };
    const candidates = activeRules.map((rule) => ({ rule, percent: rulePercent(rule, context) })).filter((candidate) => candidate.percent.gt(0));
    const result = priceLine(line, line.priceType, chooseRules(candidates, line.basePrice), limits, index);
    if ('code' in result) errors.push(result);
    else quoted.push(result);
  });

  if (errors.length > 0) return { ok: false, errors };

  const discountTotal = sum(quoted.flatMap((line) => [...line.appliedRules.map((applied) => new Decimal(applied.amount)), new Decimal(line.manualDiscount.amount)]));
  const total = (field: 'rounding' | 'amount' | 'vat' | 'total') => sum(quoted.map((line) => new Decimal(line[field]))).toFixed(2);
  return {
    ok: true,
    quote: {
      lines: quoted,
      totals: {
        amountBeforeDiscounts: amountBeforeDiscounts.toFixed(2),
        netAmountBeforeDiscounts: netOrderAmount.toFixed(2),
        discountTotal: discountTotal.toFixed(2),
        rounding: total('rounding'),
        amount: total('amount'),
        vat: total('vat'),
        total: total('total'),
      },
    },
  };
}

interface Limits {
  manualCap: Decimal;
  totalCap: Decimal;
  maySellBelowCost: boolean;
}

/** One line: its rules down to the floor (8), the manual discount and its refusals (6, 9), rounding (7) and VAT (10). */
function priceLine(line: ParsedLine, priceType: PriceTypeInput, chosen: Candidate[], limits: Limits, index: number): QuotedLine | QuoteError {
  const { productId } = line.source;
  const step = priceType.roundingStep;
  // the lowest unit price the total limit allows, before rounding (9), and the floor of the rules (8)
  const capPrice = line.basePrice.times(new Decimal(100).minus(limits.totalCap)).div(100);
  const minimumPrice = line.cost && !limits.maySellBelowCost ? line.cost : null;
  const capFloor = ceilToStep(capPrice, step);
  const minimumFloor = minimumPrice ? ceilToStep(minimumPrice, step) : null;
  const floor = minimumFloor && minimumFloor.gte(capFloor) ? { price: minimumFloor, by: 'MINIMUM_PRICE' as RuleLimit } : { price: capFloor, by: 'TOTAL_DISCOUNT_CAP' as RuleLimit };

  const steps: { candidate: Candidate; unitBefore: Decimal; unitAfter: Decimal; limitedBy: RuleLimit | null }[] = [];
  let unit = line.basePrice;
  for (const candidate of chosen) {
    const full = discounted(unit, candidate.percent);
    const lowest = Decimal.min(unit, floor.price);
    const unitAfter = Decimal.max(full, lowest);
    steps.push({ candidate, unitBefore: unit, unitAfter, limitedBy: unitAfter.gt(full) ? floor.by : null });
    unit = unitAfter;
  }

  if (line.manualPercent.gt(limits.manualCap)) {
    return { code: 'MANUAL_DISCOUNT_OVER_CAP', line: index, productId, percent: line.manualPercent.toString(), capPercent: limits.manualCap.toString() };
  }
  const unitBeforeManual = unit;
  const unitAfterManual = line.manualPercent.gt(0) ? discounted(unit, line.manualPercent) : unit;
  if (line.manualPercent.gt(0) && unitAfterManual.lt(capPrice.toDecimalPlaces(2, Decimal.ROUND_CEIL))) {
    return {
      code: 'TOTAL_DISCOUNT_OVER_CAP',
      line: index,
      productId,
      percent: percentOff(line.basePrice, unitAfterManual).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      capPercent: limits.totalCap.toString(),
    };
  }
  const finalUnit = unitAfterManual.eq(line.basePrice) ? line.basePrice : roundToStep(unitAfterManual, step);
  if (line.manualPercent.gt(0) && minimumPrice && finalUnit.lt(minimumPrice)) {
    return { code: 'BELOW_COST', line: index, productId, finalUnitPrice: finalUnit.toFixed(2), cost: minimumPrice.toFixed(2) };
  }

  const lineAmount = (unitPrice: Decimal) => round2(unitPrice.times(line.quantity));
  const amount = lineAmount(finalUnit);
  const vat = vatOf(amount, line.vatRate, priceType.vatIncluded);
  const appliedRules: AppliedRule[] = steps.map(({ candidate, unitBefore, unitAfter, limitedBy }) => ({
    ruleId: candidate.rule.id,
    name: candidate.rule.name,
    kind: candidate.rule.kind,
    percent: (limitedBy ? percentOff(unitBefore, unitAfter) : candidate.percent).toString(),
    rulePercent: candidate.percent.toString(),
    limitedBy,
    amount: lineAmount(unitBefore).minus(lineAmount(unitAfter)).toFixed(2),
  }));
  return {
    productId,
    quantity: line.source.quantity,
    basePrice: line.source.basePrice,
    priceTypeId: line.priceTypeId,
    appliedRules,
    manualDiscount: { percent: line.manualPercent.toString(), amount: lineAmount(unitBeforeManual).minus(lineAmount(unitAfterManual)).toFixed(2) },
    rounding: amount.minus(lineAmount(unitAfterManual)).toFixed(2),
    // an undiscounted list price keeps its places (up to 4); every other price has 2
    finalUnitPrice: finalUnit.decimalPlaces() > 2 ? finalUnit.toFixed() : finalUnit.toFixed(2),
    amount: amount.toFixed(2),
    vatRate: line.vatRate.toString(),
    vat: vat.toFixed(2),
    total: (priceType.vatIncluded ? amount : amount.plus(vat)).toFixed(2),
  };
}

interface ParsedLine {
  source: QuoteLineInput;
  priceTypeId: string;
  quantity: Decimal;
  basePrice: Decimal;
  vatRate: Decimal;
  cost: Decimal | null;
  manualPercent: Decimal;
  groupIds: Set<string>;
}

function parseLine(line: QuoteLineInput, index: number, client: ClientInput): ParsedLine {
  const at = `lines[${index}]`;
  return {
    source: line,
    priceTypeId: line.priceTypeId ?? client.priceTypeId,
    quantity: nonNegative(line.quantity, `${at}.quantity`),
    basePrice: nonNegative(line.basePrice, `${at}.basePrice`),
    vatRate: percentOf(line.vatRate, `${at}.vatRate`),
    cost: line.cost == null ? null : nonNegative(line.cost, `${at}.cost`),
    manualPercent: line.manualDiscountPercent == null ? new Decimal(0) : percentOf(line.manualDiscountPercent, `${at}.manualDiscountPercent`),
    groupIds: new Set(line.productGroupIds),
  };
}
