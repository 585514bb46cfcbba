/**
 * The price calculator (issue 5, item 5): a pure function of its inputs. No database,
 * no GraphQL, no clock: the caller supplies the date, the client, the price types, the
 * base prices, the rules and the role's limits. Money and quantities are decimal
 * strings in and out (DESIGN §5).
 *
 * POLICY: the code follows this text, and the tests beside it check it case by case.
 *
 *  1. Active period. A rule counts only when activeFrom <= date <= activeTo (both ends
 *     inclusive; no activeTo means open-ended). Dates are ISO 'YYYY-MM-DD'.
 *  2. What each kind of rule gives (its "percent"):
 *     - ORDER_AMOUNT_TIER: the highest tier whose threshold <= the order amount BEFORE
 *       ANY DISCOUNT (sum over lines of round2(base price × quantity)); then that
 *       percent applies to every line. Thresholds are inclusive (>= 50,000 → 3 %).
 *     - CLIENT_SEGMENT: rule.percent when the client's segment is the rule's segment.
 *     - PRODUCT_GROUP: rule.percent when the rule's group is among the line's
 *       productGroupIds (the product's own group and all its ancestors).
 *     - QUANTITY_BREAK: the highest break whose minQuantity <= the line's quantity.
 *     - PURCHASE_HISTORY: the highest tier whose threshold <= the client's purchases
 *       over the rule's `days` (client.purchasesByDays[days]); when the caller gave no
 *       amount for that N the rule does not apply.
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
 *     "all combinable rules together". On an exact tie the exclusive rule wins (one
 *     rule is the simpler explanation).
 *  6. The manual discount applies last, on the price left by the rules. A manual
 *     percent above the role's cap is refused: MANUAL_DISCOUNT_OVER_CAP for that line
 *     (that line is then not judged for BELOW_COST, its price being void anyway).
 *  7. Rounding. After each discount step (each rule, then the manual discount) the unit
 *     price is rounded to the kopeck (0.01, half up), so every step's amount is
 *     exactly "unit discount × quantity" up to the line's kopeck. Only the FINAL unit
 *     price is rounded to the price type's step (0.01 / 1 / 10, half up); the
 *     difference this makes to the line is shown as the line's `rounding` (it may be
 *     positive: a price may be rounded up).
 *     line amount                 = round2(final unit price × quantity)
 *     amount of a discount step   = round2(unit before × qty) − round2(unit after × qty)
 *     rounding                    = amount − round2(unit after all discounts × qty)
 *     so, exactly: round2(base × qty) − Σ step amounts + rounding = amount.
 *  8. Below cost. When a line has a cost and its final unit price (after step rounding)
 *     is below it, the quote is refused with BELOW_COST for that line, unless the role
 *     may sell below cost. The cost is compared as given: the caller passes it on the
 *     same VAT basis as the line's price type. Equal to cost is allowed.
 *  9. VAT per line on the line amount, with the line's price type:
 *     VAT included: vat = round2(amount × rate / (100 + rate)), total = amount;
 *     VAT on top:   vat = round2(amount × rate / 100),          total = amount + vat.
 * 10. Order totals are sums of the lines' rounded figures, never recomputed from a sum:
 *     amountBeforeDiscounts, discountTotal (rules + manual), rounding, amount, vat,
 *     total.
 * 11. Business refusals (6 and 8) come back as `{ ok: false, errors }`, every failing
 *     line listed (`line` is the 0-based index into input.lines). Malformed input — an
 *     unknown price type, a negative price or quantity, a percent outside 0..100, a
 *     non-numeric string — is the caller's bug and throws a RangeError; the API layer
 *     validates first and reports BAD_USER_INPUT.
 *
 * A line's price type is its own priceTypeId (the price type of its base price), or
 * the client's when the line gives none.
 */
import { Decimal } from '../../shared/money';


import type {
  DecimalString,
  IsoDate,
  RoundingStep,
  PriceTypeInput,
  ClientInput,
  QuoteLineInput,
  AmountTier,
  QuantityBreak,
  Stacking,
  DiscountRule,
  DiscountRuleKind,
  RoleLimits,
  QuoteInput,
  AppliedRule,
  QuotedLine,
  QuoteTotals,
  Quote,
  QuoteError,
  QuoteResult,
} from './price-calculator.types';

export type * from './price-calculator.types';

/** Prices a whole order: every line's breakdown and the order totals (policy above). */
export function calculateQuote(input: QuoteInput): QuoteResult {
  assertIsoDate(input.date, 'date');
  const priceTypes = new Map(input.priceTypes.map((type) => [type.id, type]));
  const activeRules = input.rules.filter((rule) => isActive(rule, input.date));

  const lines = input.lines.map((line, index) => parseLine(line, index, input.client));
  const amountBeforeDiscounts = sum(lines.map((line) => round2(line.basePrice.times(line.quantity))));
  const manualCap = percentOf(input.role.manualDiscountCapPercent, 'role.manualDiscountCapPercent');

  const quoted: QuotedLine[] = [];
  const errors: QuoteError[] = [];
  lines.forEach((line, index) => {
    const priceType = priceTypes.get(line.priceTypeId);
    if (!priceType) throw new RangeError(`lines[${index}]: unknown price type ${line.priceTypeId}`);

    const candidates = activeRules
      .map((rule) => ({ rule, percent: rulePercent(rule, line, input, amountBeforeDiscounts) }))
      .filter((candidate) => candidate.percent.gt(0));
    const chosen = chooseRules(candidates, line.basePrice);

    const steps: { rule: DiscountRule; percent: Decimal; unitBefore: Decimal; unitAfter: Decimal }[] = [];
    let unit = line.basePrice;
    for (const { rule, percent } of chosen) {
      const unitAfter = discounted(unit, percent);
      steps.push({ rule, percent, unitBefore: unit, unitAfter });
      unit = unitAfter;
    }

    if (line.manualPercent.gt(manualCap)) {
      errors.push({
        code: 'MANUAL_DISCOUNT_OVER_CAP',
        line: index,
        productId: line.source.productId,
        percent: line.manualPercent.toString(),
        capPercent: manualCap.toString(),
      });
      return;
    }
    const unitBeforeManual = unit;
    const unitAfterManual = line.manualPercent.gt(0) ? discounted(unit, line.manualPercent) : unit;
    const finalUnit = roundToStep(unitAfterManual, priceType.roundingStep);

    if (line.cost && finalUnit.lt(line.cost) && !input.role.maySellBelowCost) {
      errors.push({
        code: 'BELOW_COST',
        line: index,
        productId: line.source.productId,
        finalUnitPrice: finalUnit.toFixed(2),
        cost: line.cost.toFixed(2),
      });
      return;
    }

    const lineAmount = (unitPrice: Decimal) => round2(unitPrice.times(line.quantity));
    const amount = lineAmount(finalUnit);
    const vat = priceType.vatIncluded
      ? round2(amount.times(line.vatRate).div(line.vatRate.plus(100)))
      : round2(amount.times(line.vatRate).div(100));
    quoted.push({
      productId: line.source.productId,
      quantity: line.source.quantity,
      basePrice: line.source.basePrice,
      priceTypeId: line.priceTypeId,
      appliedRules: steps.map((step) => ({
        ruleId: step.rule.id,
        name: step.rule.name,
        kind: step.rule.kind,
        percent: step.percent.toString(),
        amount: lineAmount(step.unitBefore).minus(lineAmount(step.unitAfter)).toFixed(2),
      })),
      manualDiscount: {
        percent: line.manualPercent.toString(),
        amount: lineAmount(unitBeforeManual).minus(lineAmount(unitAfterManual)).toFixed(2),
      },
      rounding: amount.minus(lineAmount(unitAfterManual)).toFixed(2),
      finalUnitPrice: finalUnit.toFixed(2),
      amount: amount.toFixed(2),
      vatRate: line.vatRate.toString(),
      vat: vat.toFixed(2),
      total: (priceType.vatIncluded ? amount : amount.plus(vat)).toFixed(2),
    });
  });

  if (errors.length > 0) return { ok: false, errors };

  const discountTotal = sum(
    quoted.flatMap((line) => [
      ...line.appliedRules.map((applied) => new Decimal(applied.amount)),
      new Decimal(line.manualDiscount.amount),
    ]),
  );
  const total = (field: 'rounding' | 'amount' | 'vat' | 'total') =>
    sum(quoted.map((line) => new Decimal(line[field]))).toFixed(2);
  return {
    ok: true,
    quote: {
      lines: quoted,
      totals: {
        amountBeforeDiscounts: amountBeforeDiscounts.toFixed(2),
        discountTotal: discountTotal.toFixed(2),
        rounding: total('rounding'),
        amount: total('amount'),
        vat: total('vat'),
        total: total('total'),
      },
    },
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
    manualPercent:
      line.manualDiscountPercent == null ? new Decimal(0) : percentOf(line.manualDiscountPercent, `${at}.manualDiscountPercent`),
    groupIds: new Set(line.productGroupIds),
  };
}

function isActive(rule: DiscountRule, date: IsoDate): boolean {
  assertIsoDate(rule.activeFrom, `rule ${rule.id}.activeFrom`);
  if (rule.activeTo != null) assertIsoDate(rule.activeTo, `rule ${rule.id}.activeTo`);
  // ISO dates compare correctly as strings.
  return rule.activeFrom <= date && (rule.activeTo == null || date <= rule.activeTo);
}

/** The rule's percent for this line after its cap; 0 when the rule does not apply. */
function rulePercent(rule: DiscountRule, line: ParsedLine, input: QuoteInput, amountBeforeDiscounts: Decimal): Decimal {
  const at = `rule ${rule.id}`;
  let percent: Decimal;
  switch (rule.kind) {
    case 'ORDER_AMOUNT_TIER':
      percent = tierPercent(rule.tiers, amountBeforeDiscounts, at);
      break;
    case 'CLIENT_SEGMENT':
      percent = input.client.segmentId != null && input.client.segmentId === rule.segmentId ? percentOf(rule.percent, at) : new Decimal(0);
      break;
    case 'PRODUCT_GROUP':
      percent = line.groupIds.has(rule.groupId) ? percentOf(rule.percent, at) : new Decimal(0);
      break;
    case 'QUANTITY_BREAK':
      percent = tierPercent(
        rule.breaks.map((entry) => ({ threshold: entry.minQuantity, percent: entry.percent })),
        line.quantity,
        at,
      );
      break;
    case 'PURCHASE_HISTORY': {
      const purchases = input.client.purchasesByDays?.[rule.days];
      percent = purchases == null ? new Decimal(0) : tierPercent(rule.tiers, nonNegative(purchases, `purchasesByDays[${rule.days}]`), at);
      break;
    }
    case 'PROMO_CODE':
      percent = input.promoCode != null && sameCode(input.promoCode, rule.promoCode) ? percentOf(rule.percent, at) : new Decimal(0);
      break;
  }
  return rule.capPercent == null ? percent : Decimal.min(percent, percentOf(rule.capPercent, `${at}.capPercent`));
}

/** The percent of the highest tier reached (threshold inclusive), 0 below the first. */
function tierPercent(tiers: AmountTier[], value: Decimal, at: string): Decimal {
  let best: { threshold: Decimal; percent: Decimal } | null = null;
  for (const tier of tiers) {
    const threshold = nonNegative(tier.threshold, `${at}.threshold`);
    if (threshold.lte(value) && (best === null || threshold.gt(best.threshold))) {
      best = { threshold, percent: percentOf(tier.percent, `${at}.percent`) };
    }
  }
  return best?.percent ?? new Decimal(0);
}

function sameCode(entered: string, code: string): boolean {
  const normalise = (value: string) => value.trim().toUpperCase();
  return normalise(entered) !== '' && normalise(entered) === normalise(code);
}

type Candidate = { rule: DiscountRule; percent: Decimal };

/** Policy 3–5: the rules this line gets, in the order they apply. */
function chooseRules(candidates: Candidate[], basePrice: Decimal): Candidate[] {
  const byPriority = (a: Candidate, b: Candidate) =>
    a.rule.priority - b.rule.priority || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0);

  const exclusive = candidates
    .filter((candidate) => candidate.rule.stacking === 'EXCLUSIVE')
    .sort((a, b) => b.percent.comparedTo(a.percent) || byPriority(a, b))[0];
  const combinable = candidates.filter((candidate) => candidate.rule.stacking === 'COMBINABLE').sort(byPriority);

  if (!exclusive) return combinable;
  if (combinable.length === 0) return [exclusive];
  const exclusivePrice = discounted(basePrice, exclusive.percent);
  const combinablePrice = combinable.reduce((price, candidate) => discounted(price, candidate.percent), basePrice);
  return combinablePrice.lt(exclusivePrice) ? combinable : [exclusive];
}

/** The unit price after a percent off, rounded to the kopeck (policy 7). */
function discounted(unitPrice: Decimal, percent: Decimal): Decimal {
  return round2(unitPrice.times(new Decimal(100).minus(percent)).div(100));
}

function roundToStep(value: Decimal, step: RoundingStep): Decimal {
  const size = new Decimal(step);
  return value.div(size).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(size);
}

function round2(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((acc, value) => acc.plus(value), new Decimal(0));
}

function parse(value: string, field: string): Decimal {
  try {
    const parsed = new Decimal(value);
    if (!parsed.isFinite()) throw new Error('not finite');
    return parsed;
  } catch {
    throw new RangeError(`${field}: "${value}" is not a decimal number`);
  }
}

function nonNegative(value: string, field: string): Decimal {
  const parsed = parse(value, field);
  if (parsed.isNegative() && !parsed.isZero()) throw new RangeError(`${field}: must not be negative`);
  return parsed;
}

function percentOf(value: string, field: string): Decimal {
  const parsed = nonNegative(value, field);
  if (parsed.gt(100)) throw new RangeError(`${field}: a percent must be within 0..100`);
  return parsed;
}

function assertIsoDate(value: string, field: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`${field}: "${value}" is not a date YYYY-MM-DD`);
}
