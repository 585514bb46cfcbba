import { Decimal } from '../../shared/money';
import { discounted, nonNegative, percentOf } from './price-calculator.numbers';
import type { AmountTier, ClientInput, DiscountRule, IsoDate } from './price-calculator.types';

/** Which rules a line gets and what each gives (policy 1–5 of price-calculator.ts). */

/** What a rule is judged on, besides the line's groups. */
export interface RuleContext {
  client: ClientInput;
  promoCode?: string | null;
  /** The order amount before discounts, net of VAT (policy 2). */
  netOrderAmount: Decimal;
  /** The quantity of the line's product over all the order's lines (policy 2). */
  productQuantity: Decimal;
  groupIds: ReadonlySet<string>;
}

export function isActive(rule: DiscountRule, date: IsoDate): boolean {
  // ISO dates compare correctly as strings.
  return rule.activeFrom <= date && (rule.activeTo == null || date <= rule.activeTo);
}

/** The rule's percent for this line after its cap; 0 when the rule does not apply. */
export function rulePercent(rule: DiscountRule, at: RuleContext): Decimal {
  const where = `rule ${rule.id}`;
  let percent: Decimal;
  switch (rule.kind) {
    case 'ORDER_AMOUNT_TIER':
      percent = tierPercent(rule.tiers, at.netOrderAmount, where);
      break;
    case 'CLIENT_SEGMENT':
      percent = at.client.segmentId != null && at.client.segmentId === rule.segmentId ? percentOf(rule.percent, where) : new Decimal(0);
      break;
    case 'PRODUCT_GROUP':
      percent = at.groupIds.has(rule.groupId) ? percentOf(rule.percent, where) : new Decimal(0);
      break;
    case 'QUANTITY_BREAK':
      percent = tierPercent(
        rule.breaks.map((entry) => ({ threshold: entry.minQuantity, percent: entry.percent })),
        at.productQuantity,
        where,
      );
      break;
    case 'PURCHASE_HISTORY': {
      const purchases = at.client.purchasesByDays?.[rule.days];
      percent = purchases == null ? new Decimal(0) : tierPercent(rule.tiers, nonNegative(purchases, `purchasesByDays[${rule.days}]`), where);
      break;
    }
    case 'PROMO_CODE':
      percent = at.promoCode != null && sameCode(at.promoCode, rule.promoCode) ? percentOf(rule.percent, where) : new Decimal(0);
      break;
  }
  return rule.capPercent == null ? percent : Decimal.min(percent, percentOf(rule.capPercent, `${where}.capPercent`));
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

export type Candidate = { rule: DiscountRule; percent: Decimal };

/** Policy 3–5: the rules this line gets, in the order they apply. */
export function chooseRules(candidates: Candidate[], basePrice: Decimal): Candidate[] {
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
