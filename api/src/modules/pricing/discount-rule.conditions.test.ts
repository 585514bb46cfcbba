import { FieldReason, fieldMessages } from '../../shared/field-errors';
import { checkRule, conditionsOf, readConditions, samePromoCode, toCalculatorRule, type RuleDraft } from './discount-rule.conditions';
import { DiscountRuleKind, DiscountStacking } from './discount-rule.entity';

const GROUP = '11111111-1111-4111-8111-111111111111';
const SEGMENT = '22222222-2222-4222-8222-222222222222';

function draft(fields: Partial<RuleDraft> & Pick<RuleDraft, 'kind'>): RuleDraft {
  return { name: 'rule', activeFrom: '2026-01-01', activeTo: null, percent: null, capPercent: null, ...fields };
}

const TIERS = [
  { threshold: '50000', percent: '3' },
  { threshold: '100000', percent: '5' },
];

describe('checkRule', () => {
  it.each<[string, RuleDraft]>([
    ['order tiers', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: TIERS })],
    ['purchase history', draft({ kind: DiscountRuleKind.PURCHASE_HISTORY, days: 90, tiers: TIERS, capPercent: '4' })],
    ['quantity breaks', draft({ kind: DiscountRuleKind.QUANTITY_BREAK, breaks: [{ minQuantity: '10', percent: '2' }, { minQuantity: '100.5', percent: '4' }] })],
    ['a segment', draft({ kind: DiscountRuleKind.CLIENT_SEGMENT, segmentId: SEGMENT, percent: '7.5' })],
    ['a group', draft({ kind: DiscountRuleKind.PRODUCT_GROUP, groupId: GROUP, percent: '0' })],
    ['a promo code', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: ' SPRING26 ', percent: '100', activeTo: '2026-01-01' })],
  ])('accepts %s', (_story, rule) => {
    expect(checkRule(rule)).toEqual({});
  });

  it.each<[string, RuleDraft, Record<string, string>]>([
    ['a negative percent', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: 'X', percent: '-1' }), { percent: 'must not be negative' }],
    ['a percent over 100', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: 'X', percent: '100.01' }), { percent: 'must not be more than 100' }],
    ['5 decimal places', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: 'X', percent: '1.00001' }), { percent: 'must have at most 4 decimal places' }],
    ['a negative cap', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: TIERS, capPercent: '-5' }), { capPercent: 'must not be negative' }],
    ['activeTo before activeFrom', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: TIERS, activeTo: '2025-12-31' }), { activeTo: 'must not be before activeFrom (2026-01-01)' }],
    ['a blank name', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: TIERS, name: '  ' }), { name: 'must not be empty' }],
    ['no tiers', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: [] }), { tiers: 'give at least one for ORDER_AMOUNT_TIER rules' }],
    [
      'tiers not increasing',
      draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: [{ threshold: '100000', percent: '5' }, { threshold: '50000', percent: '3' }] }),
      { 'tiers.1.threshold': 'must be greater than the previous threshold (100000): tiers go in strictly increasing order' },
    ],
    [
      'equal thresholds',
      draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: [{ threshold: '50000', percent: '3' }, { threshold: '50000.00', percent: '4' }] }),
      { 'tiers.1.threshold': 'must be greater than the previous threshold (50000): tiers go in strictly increasing order' },
    ],
    [
      'a negative tier percent and threshold',
      draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: [{ threshold: '-1', percent: '-3' }] }),
      { 'tiers.0.threshold': 'must not be negative', 'tiers.0.percent': 'must not be negative' },
    ],
    ['a threshold in tenths of a kopeck', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: [{ threshold: '0.001', percent: '1' }] }), { 'tiers.0.threshold': 'must have at most 2 decimal places' }],
    ['purchase history without days', draft({ kind: DiscountRuleKind.PURCHASE_HISTORY, tiers: TIERS }), { days: 'is required for PURCHASE_HISTORY rules' }],
    ['purchase history over 0 days', draft({ kind: DiscountRuleKind.PURCHASE_HISTORY, tiers: TIERS, days: 0 }), { days: 'must be a whole number of days from 1 to 3650' }],
    ['a break at quantity 0', draft({ kind: DiscountRuleKind.QUANTITY_BREAK, breaks: [{ minQuantity: '0', percent: '1' }] }), { 'breaks.0.minQuantity': 'must be greater than 0' }],
    [
      'breaks not increasing',
      draft({ kind: DiscountRuleKind.QUANTITY_BREAK, breaks: [{ minQuantity: '10', percent: '1' }, { minQuantity: '5', percent: '2' }] }),
      { 'breaks.1.minQuantity': 'must be greater than the previous minQuantity (10): breaks go in strictly increasing order' },
    ],
    ['a group rule without percent', draft({ kind: DiscountRuleKind.PRODUCT_GROUP, groupId: GROUP }), { percent: 'is required for PRODUCT_GROUP rules' }],
    ['a group rule without group', draft({ kind: DiscountRuleKind.PRODUCT_GROUP, percent: '5' }), { groupId: 'is required for PRODUCT_GROUP rules' }],
    ['a segment that is not a UUID', draft({ kind: DiscountRuleKind.CLIENT_SEGMENT, segmentId: 'vip', percent: '5' }), { segmentId: 'must be a UUID' }],
    ['a promo code with a space', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: 'SPRING 26', percent: '5' }), { promoCode: 'must be 1 to 50 characters without spaces' }],
    ['a blank promo code', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: '  ', percent: '5' }), { promoCode: 'must be 1 to 50 characters without spaces' }],
    ['a percent on a tier rule', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: TIERS, percent: '3' }), { percent: 'is not used by ORDER_AMOUNT_TIER rules: give the percents in tiers' }],
    ['another kind\'s field', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: 'X', percent: '5', groupId: GROUP, tiers: TIERS }), { groupId: 'is not used by PROMO_CODE rules', tiers: 'is not used by PROMO_CODE rules' }],
  ])('refuses %s, naming the field', (_story, rule, fields) => {
    expect(fieldMessages(checkRule(rule))).toEqual(fields);
  });

  it.each<[string, RuleDraft, string, FieldReason, Record<string, unknown>]>([
    ['a percent over 100', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: 'X', percent: '100.01' }), 'percent', FieldReason.AT_MOST, { max: 100 }],
    ['activeTo before activeFrom', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: TIERS, activeTo: '2025-12-31' }), 'activeTo', FieldReason.NOT_BEFORE, { field: 'activeFrom', value: '2026-01-01' }],
    ['no tiers', draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: [] }), 'tiers', FieldReason.REQUIRED_FOR, { kind: 'ORDER_AMOUNT_TIER', enum: 'DiscountRuleKind' }],
    ['a break at quantity 0', draft({ kind: DiscountRuleKind.QUANTITY_BREAK, breaks: [{ minQuantity: '0', percent: '1' }] }), 'breaks.0.minQuantity', FieldReason.GREATER_THAN, { min: 0 }],
    [
      'tiers not increasing',
      draft({ kind: DiscountRuleKind.ORDER_AMOUNT_TIER, tiers: [{ threshold: '100000', percent: '5' }, { threshold: '50000', percent: '3' }] }),
      'tiers.1.threshold',
      FieldReason.NOT_INCREASING,
      { previous: '100000' },
    ],
    ['5 decimal places', draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: 'X', percent: '1.00001' }), 'percent', FieldReason.DECIMAL_PLACES, { places: 4 }],
  ])('gives %s a reason a client can word', (_story, rule, field, reason, params) => {
    expect(checkRule(rule)[field]).toMatchObject({ reason, params });
  });
});

describe('conditions round trip', () => {
  it('stores only the kind\'s fields, normalised, and reads them back typed', () => {
    // given a purchase-history rule sent with trailing zeros
    const rule = draft({ kind: DiscountRuleKind.PURCHASE_HISTORY, days: 90, tiers: [{ threshold: '50000.00', percent: '3.50' }], promoCode: null });
    // when stored, then decimals are plain and nothing else is kept
    const stored = conditionsOf(rule);
    expect(stored).toEqual({ days: 90, tiers: [{ threshold: '50000', percent: '3.5' }] });
    // and read back, the other kinds' fields are null
    expect(readConditions(DiscountRuleKind.PURCHASE_HISTORY, stored)).toEqual({
      tiers: [{ threshold: '50000', percent: '3.5' }],
      breaks: null,
      days: 90,
      segmentId: null,
      groupId: null,
      promoCode: null,
    });
  });

  it('trims a promo code and ignores stored fields the kind does not use', () => {
    expect(conditionsOf(draft({ kind: DiscountRuleKind.PROMO_CODE, promoCode: ' spring ', percent: '5' }))).toEqual({ promoCode: 'spring' });
    expect(readConditions(DiscountRuleKind.PROMO_CODE, { promoCode: 'spring', groupId: GROUP }).groupId).toBeNull();
  });
});

describe('toCalculatorRule', () => {
  const common = { id: 'r1', name: 'Весна', activeFrom: '2026-03-01', activeTo: '2026-03-31', priority: 10, stacking: DiscountStacking.EXCLUSIVE };

  it('gives the calculator a percent rule with the column percent and cap, as plain decimals', () => {
    const rule = toCalculatorRule({ ...common, kind: DiscountRuleKind.PRODUCT_GROUP, percent: '7.5000', capPercent: '5.0000', conditions: { groupId: GROUP } });
    expect(rule).toEqual({ ...common, kind: 'PRODUCT_GROUP', groupId: GROUP, percent: '7.5', capPercent: '5' });
  });

  it('gives the calculator tiers, days and breaks from the conditions', () => {
    expect(toCalculatorRule({ ...common, kind: DiscountRuleKind.PURCHASE_HISTORY, conditions: { days: 90, tiers: TIERS } })).toMatchObject({ kind: 'PURCHASE_HISTORY', days: 90, tiers: TIERS, capPercent: null });
    expect(toCalculatorRule({ ...common, kind: DiscountRuleKind.QUANTITY_BREAK, conditions: { breaks: [{ minQuantity: '10', percent: '2' }] } })).toMatchObject({ kind: 'QUANTITY_BREAK', breaks: [{ minQuantity: '10', percent: '2' }] });
    expect(toCalculatorRule({ ...common, kind: DiscountRuleKind.CLIENT_SEGMENT, percent: '3', conditions: { segmentId: SEGMENT } })).toMatchObject({ kind: 'CLIENT_SEGMENT', segmentId: SEGMENT, percent: '3' });
    expect(toCalculatorRule({ ...common, kind: DiscountRuleKind.ORDER_AMOUNT_TIER, activeTo: null, conditions: { tiers: TIERS } })).toMatchObject({ kind: 'ORDER_AMOUNT_TIER', activeTo: null, tiers: TIERS });
  });

  it('throws on a rule the API could never have stored', () => {
    expect(() => toCalculatorRule({ ...common, kind: DiscountRuleKind.PROMO_CODE, percent: '5', conditions: {} })).toThrow('has no promoCode');
    expect(() => toCalculatorRule({ ...common, kind: DiscountRuleKind.PROMO_CODE, conditions: { promoCode: 'X' } })).toThrow('has no percent');
  });
});

describe('samePromoCode', () => {
  it('compares trimmed and case-insensitively, and never matches a blank code', () => {
    expect(samePromoCode(' spring26 ', 'SPRING26')).toBe(true);
    expect(samePromoCode('SPRING25', 'SPRING26')).toBe(false);
    expect(samePromoCode('  ', '  ')).toBe(false);
    expect(samePromoCode(null, 'SPRING26')).toBe(false);
  });
});
