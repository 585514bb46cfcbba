/**
 * What a discount rule depends on, by kind: the pure part of discount rules (no database).
 * The API takes typed fields (tiers, breaks, days, segmentId, groupId, promoCode); they are
 * checked here, stored in the rule's `conditions` jsonb, read back as typed fields, and
 * turned into the price calculator's rules.
 *
 *   ORDER_AMOUNT_TIER  tiers [{threshold, percent}]           conditions { tiers }
 *   PURCHASE_HISTORY   days, tiers [{threshold, percent}]     conditions { days, tiers }
 *   QUANTITY_BREAK     breaks [{minQuantity, percent}]        conditions { breaks }
 *   CLIENT_SEGMENT     segmentId, percent                     conditions { segmentId }
 *   PRODUCT_GROUP      groupId, percent                       conditions { groupId }
 *   PROMO_CODE         promoCode, percent                     conditions { promoCode }
 *
 * `percent` (a column) belongs to the last three kinds only; `capPercent` to any kind.
 * Money and quantities stay decimal strings (DESIGN §5).
 */
import { Decimal } from '../../shared/money';
import { decimalPlaces, FieldReason, negative, noSpaces, problem, required, type FieldProblem } from '../../shared/field-errors';
import type { DiscountRule as CalculatorRule } from './price-calculator.types';
import { DiscountRuleKind, DiscountStacking } from './discount-rule.entity';

export interface Tier {
  threshold: string;
  percent: string;
}

export interface Break {
  minQuantity: string;
  percent: string;
}

/** The typed conditions; a field a kind does not use is null. */
export interface RuleConditions {
  tiers: Tier[] | null;
  breaks: Break[] | null;
  days: number | null;
  segmentId: string | null;
  groupId: string | null;
  promoCode: string | null;
}

export type ConditionField = keyof RuleConditions;
export const CONDITION_FIELDS: readonly ConditionField[] = ['tiers', 'breaks', 'days', 'segmentId', 'groupId', 'promoCode'];

/** The condition fields each kind needs (all of them required). */
export const FIELDS_OF_KIND: Record<DiscountRuleKind, readonly ConditionField[]> = {
  [DiscountRuleKind.ORDER_AMOUNT_TIER]: ['tiers'],
  [DiscountRuleKind.PURCHASE_HISTORY]: ['days', 'tiers'],
  [DiscountRuleKind.QUANTITY_BREAK]: ['breaks'],
  [DiscountRuleKind.CLIENT_SEGMENT]: ['segmentId'],
  [DiscountRuleKind.PRODUCT_GROUP]: ['groupId'],
  [DiscountRuleKind.PROMO_CODE]: ['promoCode'],
};

/** Kinds whose single percent is the rule's `percent`; the others carry percents in their tiers or breaks. */
export const KINDS_WITH_PERCENT: readonly DiscountRuleKind[] = [DiscountRuleKind.CLIENT_SEGMENT, DiscountRuleKind.PRODUCT_GROUP, DiscountRuleKind.PROMO_CODE];

export const MAX_DAYS = 3650;
const PERCENT_PLACES = 4; // numeric(7,4)
const MONEY_PLACES = 2;
const QUANTITY_PLACES = 3;
const PROMO_CODE = /^\S{1,50}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A whole rule as it will be stored, before the checks. */
export interface RuleDraft extends Partial<RuleConditions> {
  name: string;
  kind: DiscountRuleKind;
  activeFrom: string;
  activeTo?: string | null;
  percent?: string | null;
  capPercent?: string | null;
}

const given = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

function decimalOf(value: string): Decimal | null {
  try {
    const parsed = new Decimal(value);
    return parsed.isFinite() ? parsed : null;
  } catch {
    return null;
  }
}

const notANumber = () => problem(FieldReason.NOT_A_NUMBER, 'must be a number');

/** Why a percent is not acceptable (0..100, at most 4 places), or null. */
export function percentProblem(value: string): FieldProblem | null {
  const parsed = decimalOf(value);
  if (!parsed) return notANumber();
  if (parsed.isNegative() && !parsed.isZero()) return negative();
  if (parsed.gt(100)) return problem(FieldReason.AT_MOST, 'must not be more than 100', { max: 100 });
  if (parsed.decimalPlaces() > PERCENT_PLACES) return decimalPlaces(PERCENT_PLACES);
  return null;
}

function amountProblem(value: string, places: number, positive: boolean): FieldProblem | null {
  const parsed = decimalOf(value);
  if (!parsed) return notANumber();
  if (positive && !parsed.gt(0)) return problem(FieldReason.GREATER_THAN, 'must be greater than 0', { min: 0 });
  if (!positive && parsed.isNegative() && !parsed.isZero()) return negative();
  if (parsed.decimalPlaces() > places) return decimalPlaces(places);
  return null;
}

/** Tiers or breaks: each value and percent valid, the values strictly increasing. */
function checkSteps(field: 'tiers' | 'breaks', steps: { value: string; percent: string }[], valueKey: string, places: number, positive: boolean, fields: Record<string, FieldProblem>): void {
  let previous: Decimal | null = null;
  steps.forEach((step, index) => {
    const at = `${field}.${index}`;
    const valueProblem = amountProblem(step.value, places, positive);
    if (valueProblem) fields[`${at}.${valueKey}`] = valueProblem;
    const percent = percentProblem(step.percent);
    if (percent) fields[`${at}.percent`] = percent;
    if (valueProblem) return;
    const value = new Decimal(step.value);
    if (previous !== null && !value.gt(previous)) {
      fields[`${at}.${valueKey}`] = problem(FieldReason.NOT_INCREASING, `must be greater than the previous ${valueKey} (${previous.toFixed()}): ${field} go in strictly increasing order`, { previous: previous.toFixed() });
    }
    previous = value;
  });
}

/**
 * Every problem of a draft, as `{ field: message }` (empty when it is fine). Whether a
 * group exists is the service's to check; everything else is here.
 */
export function checkRule(draft: RuleDraft): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  const kind = draft.kind;
  const ofKind = { kind, enum: 'DiscountRuleKind' };
  if (!draft.name?.trim()) fields.name = required('must not be empty');
  if (draft.activeTo != null && draft.activeTo < draft.activeFrom) {
    fields.activeTo = problem(FieldReason.NOT_BEFORE, `must not be before activeFrom (${draft.activeFrom})`, { field: 'activeFrom', value: draft.activeFrom });
  }

  if (KINDS_WITH_PERCENT.includes(kind)) {
    if (draft.percent == null) fields.percent = problem(FieldReason.REQUIRED_FOR, `is required for ${kind} rules`, ofKind);
  } else if (draft.percent != null) {
    fields.percent = problem(FieldReason.NOT_USED_BY, `is not used by ${kind} rules: give the percents in ${FIELDS_OF_KIND[kind].includes('breaks') ? 'breaks' : 'tiers'}`, ofKind);
  }
  if (draft.percent != null && !fields.percent) {
    const problem = percentProblem(draft.percent);
    if (problem) fields.percent = problem;
  }
  if (draft.capPercent != null) {
    const problem = percentProblem(draft.capPercent);
    if (problem) fields.capPercent = problem;
  }

  const needs = FIELDS_OF_KIND[kind];
  for (const field of CONDITION_FIELDS) {
    const value = draft[field];
    if (!needs.includes(field)) {
      if (given(value)) fields[field] = problem(FieldReason.NOT_USED_BY, `is not used by ${kind} rules`, ofKind);
      continue;
    }
    if (!given(value)) {
      fields[field] = problem(FieldReason.REQUIRED_FOR, field === 'tiers' || field === 'breaks' ? `give at least one for ${kind} rules` : `is required for ${kind} rules`, ofKind);
      continue;
    }
    switch (field) {
      case 'tiers':
        checkSteps('tiers', draft.tiers!.map((t) => ({ value: t.threshold, percent: t.percent })), 'threshold', MONEY_PLACES, false, fields);
        break;
      case 'breaks':
        checkSteps('breaks', draft.breaks!.map((b) => ({ value: b.minQuantity, percent: b.percent })), 'minQuantity', QUANTITY_PLACES, true, fields);
        break;
      case 'days':
        if (!Number.isInteger(draft.days) || draft.days! < 1 || draft.days! > MAX_DAYS) fields.days = problem(FieldReason.BETWEEN, `must be a whole number of days from 1 to ${MAX_DAYS}`, { min: 1, max: MAX_DAYS });
        break;
      case 'segmentId':
      case 'groupId':
        if (!UUID.test(draft[field]!)) fields[field] = problem(FieldReason.NOT_AN_ID, 'must be a UUID');
        break;
      case 'promoCode':
        if (!PROMO_CODE.test(draft.promoCode!.trim())) fields.promoCode = noSpaces(50);
        break;
    }
  }
  return fields;
}

const plainDecimal = (value: string) => new Decimal(value).toFixed();

/** The jsonb to store for a checked draft: only its kind's fields, decimals normalised ("3.50" → "3.5"). */
export function conditionsOf(draft: RuleDraft): Record<string, unknown> {
  const conditions: Record<string, unknown> = {};
  for (const field of FIELDS_OF_KIND[draft.kind]) {
    switch (field) {
      case 'tiers':
        conditions.tiers = draft.tiers!.map((t) => ({ threshold: plainDecimal(t.threshold), percent: plainDecimal(t.percent) }));
        break;
      case 'breaks':
        conditions.breaks = draft.breaks!.map((b) => ({ minQuantity: plainDecimal(b.minQuantity), percent: plainDecimal(b.percent) }));
        break;
      case 'promoCode':
        conditions.promoCode = draft.promoCode!.trim();
        break;
      default:
        conditions[field] = draft[field];
    }
  }
  return conditions;
}

/** The typed fields back from stored conditions; what the kind does not use is null. */
export function readConditions(kind: DiscountRuleKind, conditions: Record<string, unknown> | null | undefined): RuleConditions {
  const stored = conditions ?? {};
  const uses = (field: ConditionField) => FIELDS_OF_KIND[kind].includes(field) && stored[field] != null;
  const text = (field: 'segmentId' | 'groupId' | 'promoCode') => (uses(field) ? String(stored[field]) : null);
  return {
    tiers: uses('tiers') ? (stored.tiers as { threshold: unknown; percent: unknown }[]).map((t) => ({ threshold: String(t.threshold), percent: String(t.percent) })) : null,
    breaks: uses('breaks') ? (stored.breaks as { minQuantity: unknown; percent: unknown }[]).map((b) => ({ minQuantity: String(b.minQuantity), percent: String(b.percent) })) : null,
    days: uses('days') ? Number(stored.days) : null,
    segmentId: text('segmentId'),
    groupId: text('groupId'),
    promoCode: text('promoCode'),
  };
}

/** The stored rule, as much of it as the calculator needs. */
export interface StoredRule {
  id: string;
  name: string;
  kind: DiscountRuleKind;
  activeFrom: string;
  activeTo?: string | null;
  priority: number;
  stacking: DiscountStacking;
  percent?: string | null;
  capPercent?: string | null;
  conditions: Record<string, unknown>;
}

/** A stored rule as the price calculator takes it. Throws on a rule the API could never have stored. */
export function toCalculatorRule(rule: StoredRule): CalculatorRule {
  const common = {
    id: rule.id,
    name: rule.name,
    activeFrom: rule.activeFrom,
    activeTo: rule.activeTo ?? null,
    priority: rule.priority,
    stacking: rule.stacking,
    capPercent: rule.capPercent == null ? null : plainDecimal(rule.capPercent),
  };
  const c = readConditions(rule.kind, rule.conditions);
  const required = <T>(value: T | null, field: string): T => {
    if (value === null) throw new Error(`discount rule ${rule.id} (${rule.kind}) has no ${field}`);
    return value;
  };
  const percent = () => plainDecimal(required(rule.percent ?? null, 'percent'));
  switch (rule.kind) {
    case DiscountRuleKind.ORDER_AMOUNT_TIER:
      return { ...common, kind: 'ORDER_AMOUNT_TIER', tiers: required(c.tiers, 'tiers') };
    case DiscountRuleKind.PURCHASE_HISTORY:
      return { ...common, kind: 'PURCHASE_HISTORY', days: required(c.days, 'days'), tiers: required(c.tiers, 'tiers') };
    case DiscountRuleKind.QUANTITY_BREAK:
      return { ...common, kind: 'QUANTITY_BREAK', breaks: required(c.breaks, 'breaks') };
    case DiscountRuleKind.CLIENT_SEGMENT:
      return { ...common, kind: 'CLIENT_SEGMENT', segmentId: required(c.segmentId, 'segmentId'), percent: percent() };
    case DiscountRuleKind.PRODUCT_GROUP:
      return { ...common, kind: 'PRODUCT_GROUP', groupId: required(c.groupId, 'groupId'), percent: percent() };
    case DiscountRuleKind.PROMO_CODE:
      return { ...common, kind: 'PROMO_CODE', promoCode: required(c.promoCode, 'promoCode'), percent: percent() };
  }
}

/** The calculator's comparison of promo codes: trimmed, case-insensitive, never blank. */
export function samePromoCode(entered: string | null | undefined, code: string): boolean {
  const normalise = (value: string) => value.trim().toUpperCase();
  return entered != null && normalise(entered) !== '' && normalise(entered) === normalise(code);
}
