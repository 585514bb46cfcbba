import {
  type AppliedRule,
  calculateQuote,
  type DiscountRule,
  type Quote,
  type QuoteError,
  type QuoteInput,
  type QuoteLineInput,
  type QuotedLine,
  type QuoteTotals,
} from './price-calculator';

// Every expected figure below is worked out by hand in the comment on its row.
// round2 and the price steps round half up. Dates: the quote is on 2026-03-15.

const TODAY = '2026-03-15';

const PRICE_TYPES: QuoteInput['priceTypes'] = [
  { id: 'RETAIL', vatIncluded: true, roundingStep: '0.01' },
  { id: 'WHOLESALE', vatIncluded: false, roundingStep: '0.01' },
  { id: 'RETAIL_1', vatIncluded: true, roundingStep: '1' },
  { id: 'RETAIL_10', vatIncluded: true, roundingStep: '10' },
];

function line(fields: Partial<QuoteLineInput> = {}): QuoteLineInput {
  return {
    productId: 'p-drill',
    productGroupIds: ['g-drills', 'g-power-tools', 'g-tools'],
    quantity: '1',
    basePrice: '1000.00',
    priceTypeId: 'WHOLESALE',
    vatRate: '22',
    ...fields,
  };
}

// Distributes over the kinds, so each kind keeps its own fields.
type RuleFields = (DiscountRule extends infer R ? (R extends unknown ? Omit<R, 'id' | 'name' | 'activeFrom' | 'priority' | 'stacking'> : never) : never) &
  Partial<Pick<DiscountRule, 'activeFrom' | 'priority' | 'stacking'>>;

function rule(id: string, fields: RuleFields): DiscountRule {
  return { id, name: `rule ${id}`, activeFrom: '2026-01-01', priority: 10, stacking: 'COMBINABLE', ...fields } as DiscountRule;
}

const AMOUNT_TIERS = rule('tier', {
  kind: 'ORDER_AMOUNT_TIER',
  tiers: [
    { threshold: '50000', percent: '3' },
    { threshold: '100000', percent: '5' },
  ],
});

function input(fields: Partial<QuoteInput> = {}): QuoteInput {
  return {
    date: TODAY,
    client: { id: 'c-1', segmentId: 'vip', priceTypeId: 'RETAIL', purchasesByDays: { 90: '120000.00' } },
    priceTypes: PRICE_TYPES,
    lines: [line()],
    rules: [],
    promoCode: null,
    role: { manualDiscountCapPercent: '5', totalDiscountCapPercent: '100', maySellBelowCost: false },
    ...fields,
  };
}

function quoteOf(request: QuoteInput): Quote {
  const result = calculateQuote(request);
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.errors)}`);
  return result.quote;
}

type ExpectedLine = Partial<Omit<QuotedLine, 'appliedRules'>> & { appliedRules?: Partial<AppliedRule>[] };
type Case = [story: string, request: QuoteInput, lines: ExpectedLine[], totals?: Partial<QuoteTotals>];

// A rest parameter keeps the arity 0, so jest never passes `done` for a row without totals.
function expectQuote(...[, request, lines, totals]: Case): void {
  const quote = quoteOf(request);
  expect(quote.lines).toMatchObject(lines);
  if (totals) expect(quote.totals).toMatchObject(totals);
}

describe('calculateQuote', () => {
  it.each<Case>([
    [
      'no rules: the base price is the price, VAT in price',
      // 3 × 1,234.57 = 3,703.71; VAT 22 % in price: 3,703.71 × 22 = 81,481.62;
      // / 122 = 667.882… → 667.88 (122 × 667 = 81,374, remainder 107.62 / 122 = 0.882)
      input({ lines: [line({ quantity: '3', basePrice: '1234.57', priceTypeId: 'RETAIL' })] }),
      [{ appliedRules: [], finalUnitPrice: '1234.57', amount: '3703.71', vat: '667.88', total: '3703.71' }],
      { amountBeforeDiscounts: '3703.71', discountTotal: '0.00', rounding: '0.00', amount: '3703.71', vat: '667.88', total: '3703.71' },
    ],
    [
      'no rules: VAT on top',
      // 3 × 1,234.57 = 3,703.71; × 0.22 = 814.8162 → 814.82; total 3,703.71 + 814.82 = 4,518.53
      input({ lines: [line({ quantity: '3', basePrice: '1234.57', priceTypeId: 'WHOLESALE' })] }),
      [{ finalUnitPrice: '1234.57', amount: '3703.71', vat: '814.82', total: '4518.53' }],
      { amountBeforeDiscounts: '3703.71', discountTotal: '0.00', amount: '3703.71', vat: '814.82', total: '4518.53' },
    ],
    [
      'the line takes the client price type when it names none',
      // client price type RETAIL (VAT in price); 1 × 122.00: vat = 122 × 22 / 122 = 22.00, total 122.00
      input({ lines: [line({ basePrice: '122.00', priceTypeId: undefined })] }),
      [{ priceTypeId: 'RETAIL', amount: '122.00', vat: '22.00', total: '122.00' }],
    ],
    [
      'VAT on top rounds the kopeck half up',
      // 1 × 12.25 at 10 % on top: 1.225 → 1.23 (half up, not to even); total 13.48
      input({ lines: [line({ basePrice: '12.25', vatRate: '10' })] }),
      [{ amount: '12.25', vat: '1.23', total: '13.48' }],
    ],
    [
      'VAT in price rounds to the kopeck',
      // 3 × 33.33 = 99.99; × 22 = 2,199.78; / 122 = 18.0309… → 18.03
      input({ lines: [line({ quantity: '3', basePrice: '33.33', priceTypeId: 'RETAIL' })] }),
      [{ amount: '99.99', vat: '18.03', total: '99.99' }],
    ],
    [
      'VAT rate 0',
      // 2 × 50.00 = 100.00, no VAT
      input({ lines: [line({ quantity: '2', basePrice: '50.00', vatRate: '0' })] }),
      [{ amount: '100.00', vat: '0.00', total: '100.00' }],
    ],
  ])('%s', expectQuote);

  it.each<Case>([
    [
      'below the first tier: no discount',
      // 9 × 5,100.00 = 45,900.00 < 50,000
      input({ lines: [line({ quantity: '9', basePrice: '5100.00' })], rules: [AMOUNT_TIERS] }),
      [{ appliedRules: [], amount: '45900.00' }],
    ],
    [
      'exactly on the threshold: 3 %',
      // 10 × 5,000.00 = 50,000.00 >= 50,000 → 3 %: unit 5,000 × 0.97 = 4,850.00; amount 48,500.00;
      // discount 50,000 − 48,500 = 1,500.00
      input({ lines: [line({ quantity: '10', basePrice: '5000.00' })], rules: [AMOUNT_TIERS] }),
      [{ appliedRules: [{ ruleId: 'tier', percent: '3', amount: '1500.00' }], finalUnitPrice: '4850.00', amount: '48500.00' }],
    ],
    [
      'over 50,000: 3 %, VAT on top of the discounted amount',
      // 10 × 5,100.00 = 51,000.00 → 3 %: 5,100 × 0.97 = 4,947.00; amount 49,470.00; discount 1,530.00;
      // VAT 49,470 × 0.22 = 10,883.40; total 60,353.40
      input({ lines: [line({ quantity: '10', basePrice: '5100.00' })], rules: [AMOUNT_TIERS] }),
      [
        {
          appliedRules: [{ ruleId: 'tier', name: 'rule tier', kind: 'ORDER_AMOUNT_TIER', percent: '3', amount: '1530.00' }],
          finalUnitPrice: '4947.00',
          amount: '49470.00',
          vat: '10883.40',
          total: '60353.40',
        },
      ],
      { amountBeforeDiscounts: '51000.00', discountTotal: '1530.00', amount: '49470.00', vat: '10883.40', total: '60353.40' },
    ],
    [
      'over 100,000: 5 %',
      // 20 × 5,100.00 = 102,000.00 → 5 %: 5,100 × 0.95 = 4,845.00; amount 96,900.00; discount 5,100.00
      input({ lines: [line({ quantity: '20', basePrice: '5100.00' })], rules: [AMOUNT_TIERS] }),
      [{ appliedRules: [{ ruleId: 'tier', percent: '5', amount: '5100.00' }], amount: '96900.00' }],
    ],
    [
      'the tier is judged before discounts: a 4 % rule taking the order under 50,000 keeps the 3 %',
      // before discounts 10 × 5,100 = 51,000 → 3 %. Segment 4 % (priority 5) first: 5,100 × 0.96 = 4,896.00
      // (order now 48,960 < 50,000, irrelevant); tier 3 %: 4,896 × 0.97 = 4,749.12; amount 47,491.20.
      // segment 51,000 − 48,960 = 2,040.00; tier 48,960 − 47,491.20 = 1,468.80; total discount 3,508.80
      input({
        lines: [line({ quantity: '10', basePrice: '5100.00' })],
        rules: [AMOUNT_TIERS, rule('vip', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '4', priority: 5 })],
      }),
      [
        {
          appliedRules: [
            { ruleId: 'vip', percent: '4', amount: '2040.00' },
            { ruleId: 'tier', percent: '3', amount: '1468.80' },
          ],
          finalUnitPrice: '4749.12',
          amount: '47491.20',
        },
      ],
      { amountBeforeDiscounts: '51000.00', discountTotal: '3508.80', amount: '47491.20' },
    ],
    [
      'the tier counts the whole order and applies to every line',
      // 30,000.00 + 25,000.00 = 55,000.00 → 3 % on both: 29,100.00 (−900.00) and 24,250.00 (−750.00)
      input({
        lines: [line({ basePrice: '30000.00' }), line({ productId: 'p-saw', basePrice: '25000.00' })],
        rules: [AMOUNT_TIERS],
      }),
      [
        { appliedRules: [{ ruleId: 'tier', amount: '900.00' }], amount: '29100.00' },
        { appliedRules: [{ ruleId: 'tier', amount: '750.00' }], amount: '24250.00' },
      ],
      { amountBeforeDiscounts: '55000.00', discountTotal: '1650.00', amount: '53350.00' },
    ],
  ])('order amount tiers — %s', expectQuote);

  it.each<Case>([
    [
      'the largest exclusive rule wins',
      // 10 × 100.00; exclusive candidates: segment 4 %, group 7 %, quantity break (>= 10) 2 % → group 7 %:
      // 93.00; amount 930.00; discount 70.00
      input({
        lines: [line({ quantity: '10', basePrice: '100.00' })],
        rules: [
          rule('vip', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '4', stacking: 'EXCLUSIVE', priority: 1 }),
          rule('tools', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '7', stacking: 'EXCLUSIVE', priority: 2 }),
          rule('qty', { kind: 'QUANTITY_BREAK', breaks: [{ minQuantity: '10', percent: '2' }], stacking: 'EXCLUSIVE', priority: 3 }),
        ],
      }),
      [{ appliedRules: [{ ruleId: 'tools', percent: '7', amount: '70.00' }], finalUnitPrice: '93.00', amount: '930.00' }],
    ],
    [
      'equal exclusive rules: the lower priority number wins',
      // both 5 %; 'b' has priority 1 → 'b': 1,000 × 0.95 = 950.00
      input({
        rules: [
          rule('a', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '5', stacking: 'EXCLUSIVE', priority: 2 }),
          rule('b', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '5', stacking: 'EXCLUSIVE', priority: 1 }),
        ],
      }),
      [{ appliedRules: [{ ruleId: 'b', amount: '50.00' }], amount: '950.00' }],
    ],
    [
      'combinables apply in ascending priority, each on what the previous left',
      // group 5 % (priority 1) first: 1,000 × 0.95 = 950.00 (−50.00); then segment 10 % (priority 2):
      // 950 × 0.90 = 855.00 (−95.00). The other order would give −100.00 then −45.00.
      input({
        rules: [
          rule('vip', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '10', priority: 2 }),
          rule('tools', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '5', priority: 1 }),
        ],
      }),
      [
        {
          appliedRules: [
            { ruleId: 'tools', percent: '5', amount: '50.00' },
            { ruleId: 'vip', percent: '10', amount: '95.00' },
          ],
          finalUnitPrice: '855.00',
          amount: '855.00',
        },
      ],
      { discountTotal: '145.00', amount: '855.00' },
    ],
    [
      'each combinable step rounds the unit price to the kopeck',
      // 3 × 333.33 = 999.99. 3 % (priority 1): 333.33 × 0.97 = 323.3301 → 323.33, 3 × = 969.99 (−30.00);
      // 7 % (priority 2): 323.33 × 0.93 = 300.6969 → 300.70, 3 × = 902.10 (−67.89); 999.99 − 97.89 = 902.10
      input({
        lines: [line({ quantity: '3', basePrice: '333.33' })],
        rules: [
          rule('three', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '3', priority: 1 }),
          rule('seven', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '7', priority: 2 }),
        ],
      }),
      [
        {
          appliedRules: [
            { ruleId: 'three', amount: '30.00' },
            { ruleId: 'seven', amount: '67.89' },
          ],
          finalUnitPrice: '300.70',
          amount: '902.10',
        },
      ],
      { amountBeforeDiscounts: '999.99', discountTotal: '97.89', amount: '902.10' },
    ],
    [
      'exclusive 12 % loses to combinables 10 % + 5 % (= 14.5 %)',
      // exclusive: 1,000 × 0.88 = 880.00; combinables: 1,000 × 0.90 = 900.00, × 0.95 = 855.00 → 855 < 880
      input({
        rules: [
          rule('excl', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '12', stacking: 'EXCLUSIVE' }),
          rule('ten', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '10', priority: 1 }),
          rule('five', { kind: 'QUANTITY_BREAK', breaks: [{ minQuantity: '1', percent: '5' }], priority: 2 }),
        ],
      }),
      [
        {
          appliedRules: [
            { ruleId: 'ten', amount: '100.00' },
            { ruleId: 'five', amount: '45.00' },
          ],
          amount: '855.00',
        },
      ],
    ],
    [
      'exclusive 15 % beats combinables 10 % + 5 % and stands alone',
      // exclusive: 1,000 × 0.85 = 850.00 < 855.00 → only the exclusive rule, discount 150.00
      input({
        rules: [
          rule('excl', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '15', stacking: 'EXCLUSIVE' }),
          rule('ten', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '10', priority: 1 }),
          rule('five', { kind: 'QUANTITY_BREAK', breaks: [{ minQuantity: '1', percent: '5' }], priority: 2 }),
        ],
      }),
      [{ appliedRules: [{ ruleId: 'excl', percent: '15', amount: '150.00' }], amount: '850.00' }],
    ],
    [
      'exclusive 14.5 % ties with combinables 10 % + 5 %: the exclusive rule wins the tie',
      // exclusive: 1,000 × 0.855 = 855.00 = combinables 855.00 → exclusive
      input({
        rules: [
          rule('excl', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '14.5', stacking: 'EXCLUSIVE' }),
          rule('ten', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '10', priority: 1 }),
          rule('five', { kind: 'QUANTITY_BREAK', breaks: [{ minQuantity: '1', percent: '5' }], priority: 2 }),
        ],
      }),
      [{ appliedRules: [{ ruleId: 'excl', percent: '14.5', amount: '145.00' }], amount: '855.00' }],
    ],
    [
      'a cap limits the rule to its cap',
      // group 20 % capped at 8 %: 250.00 × 0.92 = 230.00, discount 20.00
      input({
        lines: [line({ basePrice: '250.00' })],
        rules: [rule('tools', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '20', capPercent: '8' })],
      }),
      [{ appliedRules: [{ ruleId: 'tools', percent: '8', amount: '20.00' }], amount: '230.00' }],
    ],
    [
      'a cap above the percent changes nothing',
      // 20 % capped at 25 % → 20 %: 250.00 × 0.80 = 200.00, discount 50.00
      input({
        lines: [line({ basePrice: '250.00' })],
        rules: [rule('tools', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '20', capPercent: '25' })],
      }),
      [{ appliedRules: [{ ruleId: 'tools', percent: '20', amount: '50.00' }], amount: '200.00' }],
    ],
    [
      'a cap counts before exclusive and combinables are compared',
      // exclusive 20 % capped at 8 % → 920.00; combinable 10 % → 900.00 → the combinable wins
      input({
        rules: [
          rule('excl', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '20', capPercent: '8', stacking: 'EXCLUSIVE' }),
          rule('ten', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '10' }),
        ],
      }),
      [{ appliedRules: [{ ruleId: 'ten', amount: '100.00' }], amount: '900.00' }],
    ],
    [
      'a capped tier rule gives its cap',
      // 10 × 5,100 = 51,000 → tier 3 %, cap 2 %: 5,100 × 0.98 = 4,998.00; amount 49,980.00; discount 1,020.00
      input({
        lines: [line({ quantity: '10', basePrice: '5100.00' })],
        rules: [{ ...AMOUNT_TIERS, capPercent: '2' }],
      }),
      [{ appliedRules: [{ ruleId: 'tier', percent: '2', amount: '1020.00' }], amount: '49980.00' }],
    ],
  ])('stacking — %s', expectQuote);

  const tenPercentOnTools = (period: { activeFrom: string; activeTo?: string }) =>
    rule('tools', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '10', ...period });

  it.each<Case>([
    // 1 × 1,000.00; 10 % → 900.00 when active, 1,000.00 when not. The quote is on 2026-03-15.
    ['ended the day before: ignored', input({ rules: [tenPercentOnTools({ activeFrom: '2026-01-01', activeTo: '2026-03-14' })] }), [{ appliedRules: [], amount: '1000.00' }]],
    ['starts the day after: ignored', input({ rules: [tenPercentOnTools({ activeFrom: '2026-03-16' })] }), [{ appliedRules: [], amount: '1000.00' }]],
    ['ends today: applies', input({ rules: [tenPercentOnTools({ activeFrom: '2026-01-01', activeTo: '2026-03-15' })] }), [{ appliedRules: [{ ruleId: 'tools' }], amount: '900.00' }]],
    ['starts today: applies', input({ rules: [tenPercentOnTools({ activeFrom: '2026-03-15' })] }), [{ appliedRules: [{ ruleId: 'tools' }], amount: '900.00' }]],
    [
      'an expired exclusive rule does not beat an active combinable',
      // expired exclusive 30 % ignored; combinable 10 % → 900.00
      input({
        rules: [
          rule('old', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '30', stacking: 'EXCLUSIVE', activeTo: '2026-02-28' }),
          tenPercentOnTools({ activeFrom: '2026-01-01' }),
        ],
      }),
      [{ appliedRules: [{ ruleId: 'tools', amount: '100.00' }], amount: '900.00' }],
    ],
  ])('active period — %s', expectQuote);

  const QUANTITY_BREAKS = rule('qty', {
    kind: 'QUANTITY_BREAK',
    breaks: [
      { minQuantity: '10', percent: '2' },
      { minQuantity: '50', percent: '5' },
    ],
  });
  const TOOLS_10 = rule('tools', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '10' });
  const PROMO = rule('promo', { kind: 'PROMO_CODE', promoCode: 'SPRING26', percent: '5' });
  const LOYALTY = rule('loyal', {
    kind: 'PURCHASE_HISTORY',
    days: 90,
    tiers: [
      { threshold: '100000', percent: '2' },
      { threshold: '500000', percent: '4' },
    ],
  });
  const client = input().client;

  it.each<Case>([
    [
      'quantity break: 9 pieces get nothing',
      // 9 < 10: 9 × 100.00 = 900.00
      input({ lines: [line({ quantity: '9', basePrice: '100.00' })], rules: [QUANTITY_BREAKS] }),
      [{ appliedRules: [], amount: '900.00' }],
    ],
    [
      'quantity break: 10 pieces get 2 %',
      // 100 × 0.98 = 98.00; 10 × 98 = 980.00; discount 1,000 − 980 = 20.00
      input({ lines: [line({ quantity: '10', basePrice: '100.00' })], rules: [QUANTITY_BREAKS] }),
      [{ appliedRules: [{ ruleId: 'qty', percent: '2', amount: '20.00' }], finalUnitPrice: '98.00', amount: '980.00' }],
    ],
    [
      'quantity break: 50 pieces get 5 %',
      // 100 × 0.95 = 95.00; 50 × 95 = 4,750.00; discount 5,000 − 4,750 = 250.00
      input({ lines: [line({ quantity: '50', basePrice: '100.00' })], rules: [QUANTITY_BREAKS] }),
      [{ appliedRules: [{ ruleId: 'qty', percent: '5', amount: '250.00' }], amount: '4750.00' }],
    ],
    [
      'quantity break on a fractional quantity',
      // 12.5 kg >= 10 → 2 %: 80.00 × 0.98 = 78.40; 12.5 × 78.40 = 980.00; before 12.5 × 80 = 1,000.00
      input({ lines: [line({ quantity: '12.5', basePrice: '80.00' })], rules: [QUANTITY_BREAKS] }),
      [{ appliedRules: [{ ruleId: 'qty', amount: '20.00' }], finalUnitPrice: '78.40', amount: '980.00' }],
    ],
    [
      'a group rule reaches a product through an ancestor group, and only there',
      // drill (groups drills → power tools → tools): 100.00 × 0.90 = 90.00; rake (garden): 100.00.
      // VAT on top 22 %: 19.80 and 22.00 → 41.80; totals 190.00 + 41.80 = 231.80
      input({
        lines: [line({ basePrice: '100.00' }), line({ productId: 'p-rake', productGroupIds: ['g-garden'], basePrice: '100.00' })],
        rules: [TOOLS_10],
      }),
      [
        { productId: 'p-drill', appliedRules: [{ ruleId: 'tools', amount: '10.00' }], amount: '90.00', vat: '19.80', total: '109.80' },
        { productId: 'p-rake', appliedRules: [], amount: '100.00', vat: '22.00', total: '122.00' },
      ],
      { amountBeforeDiscounts: '200.00', discountTotal: '10.00', amount: '190.00', vat: '41.80', total: '231.80' },
    ],
    [
      'a segment rule needs the client in that segment',
      // client without segment: 1,000.00 unchanged
      input({ client: { ...client, segmentId: null }, rules: [rule('vip', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '10' })] }),
      [{ appliedRules: [], amount: '1000.00' }],
    ],
    [
      'promo code not entered: no promo discount',
      input({ lines: [line({ basePrice: '200.00' })], rules: [PROMO] }),
      [{ appliedRules: [], amount: '200.00' }],
    ],
    [
      'promo code entered (any case, spaces trimmed): 5 %',
      // 200.00 × 0.95 = 190.00, discount 10.00
      input({ lines: [line({ basePrice: '200.00' })], rules: [PROMO], promoCode: ' spring26 ' }),
      [{ appliedRules: [{ ruleId: 'promo', percent: '5', amount: '10.00' }], amount: '190.00' }],
    ],
    [
      'another promo code: no promo discount',
      input({ lines: [line({ basePrice: '200.00' })], rules: [PROMO], promoCode: 'WINTER' }),
      [{ appliedRules: [], amount: '200.00' }],
    ],
    [
      'purchase history: 120,000 over 90 days reaches the 2 % tier',
      // 500.00 × 0.98 = 490.00, discount 10.00
      input({ lines: [line({ basePrice: '500.00' })], rules: [LOYALTY] }),
      [{ appliedRules: [{ ruleId: 'loyal', kind: 'PURCHASE_HISTORY', percent: '2', amount: '10.00' }], amount: '490.00' }],
    ],
    [
      'purchase history: 600,000 over 90 days reaches the 4 % tier',
      // 500.00 × 0.96 = 480.00, discount 20.00
      input({ client: { ...client, purchasesByDays: { 90: '600000.00' } }, lines: [line({ basePrice: '500.00' })], rules: [LOYALTY] }),
      [{ appliedRules: [{ ruleId: 'loyal', percent: '4', amount: '20.00' }], amount: '480.00' }],
    ],
    [
      'purchase history: purchases known only over another N do not count',
      // the rule looks at 90 days; only 30 days given → no discount
      input({ client: { ...client, purchasesByDays: { 30: '900000.00' } }, lines: [line({ basePrice: '500.00' })], rules: [LOYALTY] }),
      [{ appliedRules: [], amount: '500.00' }],
    ],
  ])('rule kinds — %s', expectQuote);

  it.each<Case>([
    [
      'a manual discount within the cap',
      // cap 5 %; 1,000.00 × 0.95 = 950.00, manual amount 50.00
      input({ lines: [line({ manualDiscountPercent: '5' })] }),
      [{ manualDiscount: { percent: '5', amount: '50.00' }, finalUnitPrice: '950.00', amount: '950.00' }],
      { discountTotal: '50.00', amount: '950.00' },
    ],
    [
      'the manual discount applies last, on what the rules left',
      // group 10 %: 900.00 (−100.00); manual 5 %: 900 × 0.95 = 855.00 (−45.00); total discount 145.00
      input({ lines: [line({ manualDiscountPercent: '5' })], rules: [TOOLS_10] }),
      [{ appliedRules: [{ ruleId: 'tools', amount: '100.00' }], manualDiscount: { percent: '5', amount: '45.00' }, amount: '855.00' }],
      { discountTotal: '145.00', amount: '855.00' },
    ],
    [
      'a sales head may give 5.5 %',
      // cap 15 %; 1,000.00 × 0.945 = 945.00, manual 55.00
      input({ lines: [line({ manualDiscountPercent: '5.5' })], role: { manualDiscountCapPercent: '15', totalDiscountCapPercent: '100', maySellBelowCost: false } }),
      [{ manualDiscount: { percent: '5.5', amount: '55.00' }, amount: '945.00' }],
    ],
    [
      'no manual discount is shown as 0',
      input(),
      [{ manualDiscount: { percent: '0', amount: '0.00' }, amount: '1000.00' }],
    ],
    [
      'selling below cost when the role may',
      // 100.00 − 5 % = 95.00 < cost 96.00, allowed
      input({
        lines: [line({ basePrice: '100.00', cost: '96.00' })],
        rules: [rule('five', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '5' })],
        role: { manualDiscountCapPercent: '5', totalDiscountCapPercent: '100', maySellBelowCost: true },
      }),
      [{ finalUnitPrice: '95.00', amount: '95.00' }],
    ],
    [
      'a price exactly at cost is not below cost',
      // 100.00 − 5 % = 95.00 = cost 95.00
      input({ lines: [line({ basePrice: '100.00', cost: '95.00' })], rules: [rule('five', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '5' })] }),
      [{ finalUnitPrice: '95.00' }],
    ],
  ])('manual discount and cost — %s', expectQuote);

  it.each<[story: string, request: QuoteInput, errors: QuoteError[]]>([
    [
      'a manual discount over the role cap is refused',
      input({ lines: [line({ manualDiscountPercent: '6' })] }),
      [{ code: 'MANUAL_DISCOUNT_OVER_CAP', line: 0, productId: 'p-drill', percent: '6', capPercent: '5' }],
    ],
    [
      'below cost is judged after the manual discount',
      // 100.00 − 3 % manual = 97.00 < cost 97.50
      input({ lines: [line({ basePrice: '100.00', cost: '97.50', manualDiscountPercent: '3' })] }),
      [{ code: 'BELOW_COST', line: 0, productId: 'p-drill', finalUnitPrice: '97.00', cost: '97.50' }],
    ],
    [
      'every failing line is listed, the good ones are not',
      input({
        lines: [
          line({ productId: 'p-ok', manualDiscountPercent: '1' }),
          line({ productId: 'p-greedy', manualDiscountPercent: '10' }),
          // a list price below cost is charged as listed (policy 9); a manual 1 % on it is refused: 50.00 × 0.99 = 49.50
          line({ productId: 'p-cheap', basePrice: '50.00', cost: '60.00', manualDiscountPercent: '1' }),
        ],
      }),
      [
        { code: 'MANUAL_DISCOUNT_OVER_CAP', line: 1, productId: 'p-greedy', percent: '10', capPercent: '5' },
        { code: 'BELOW_COST', line: 2, productId: 'p-cheap', finalUnitPrice: '49.50', cost: '60.00' },
      ],
    ],
  ])('refusals — %s', (_story, request, errors) => {
    expect(calculateQuote(request)).toEqual({ ok: false, errors });
  });

  it.each<Case>([
    [
      'step 1: the final price is rounded to the rouble',
      // 3 × 1,234.57 = 3,703.71; 3 %: 1,234.57 × 0.97 = 1,197.5329 → 1,197.53, 3 × = 3,592.59 (−111.12);
      // step 1: 1,197.53 → 1,198; amount 3,594.00; rounding 3,594.00 − 3,592.59 = +1.41;
      // VAT in price: 3,594 × 22 = 79,068 / 122 = 648.098… → 648.10 (122 × 648 = 79,056, rem. 12)
      input({
        lines: [line({ quantity: '3', basePrice: '1234.57', priceTypeId: 'RETAIL_1' })],
        rules: [rule('three', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '3' })],
      }),
      [
        {
          appliedRules: [{ ruleId: 'three', amount: '111.12' }],
          rounding: '1.41',
          finalUnitPrice: '1198.00',
          amount: '3594.00',
          vat: '648.10',
          total: '3594.00',
        },
      ],
      // 3,703.71 − 111.12 + 1.41 = 3,594.00
      { amountBeforeDiscounts: '3703.71', discountTotal: '111.12', rounding: '1.41', amount: '3594.00' },
    ],
    [
      'step 10: the final price is rounded to tens',
      // as above to 1,197.53; step 10: 119.753 → 120 → 1,200; amount 3,600.00; rounding 3,600.00 − 3,592.59 = +7.41;
      // VAT in price: 3,600 × 22 = 79,200 / 122 = 649.180… → 649.18
      input({
        lines: [line({ quantity: '3', basePrice: '1234.57', priceTypeId: 'RETAIL_10' })],
        rules: [rule('three', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '3' })],
      }),
      [{ appliedRules: [{ amount: '111.12' }], rounding: '7.41', finalUnitPrice: '1200.00', amount: '3600.00', vat: '649.18' }],
      { amountBeforeDiscounts: '3703.71', discountTotal: '111.12', rounding: '7.41', amount: '3600.00' },
    ],
    [
      'step 10 rounds a discounted price up',
      // 2 × 1,234.57 = 2,469.14; 0.5 %: 1,234.57 × 0.995 = 1,228.39715 → 1,228.40 (2 × = 2,456.80, −12.34);
      // step 10: 1,228.40 / 10 = 122.84 → 123 → 1,230; amount 2,460.00; rounding 2,460.00 − 2,456.80 = +3.20
      input({ lines: [line({ quantity: '2', basePrice: '1234.57', priceTypeId: 'RETAIL_10', manualDiscountPercent: '0.5' })] }),
      [{ manualDiscount: { percent: '0.5', amount: '12.34' }, rounding: '3.20', finalUnitPrice: '1230.00', amount: '2460.00' }],
      { amountBeforeDiscounts: '2469.14', discountTotal: '12.34', rounding: '3.20', amount: '2460.00' },
    ],
    [
      'step 10 rounds a discounted price down',
      // 1,234.57 − 0.8 %: × 0.992 = 1,224.69344 → 1,224.69; step 10: 122.469 → 122 → 1,220; rounding −4.69
      input({ lines: [line({ basePrice: '1234.57', priceTypeId: 'RETAIL_10', manualDiscountPercent: '0.8' })] }),
      [{ manualDiscount: { percent: '0.8', amount: '9.88' }, rounding: '-4.69', finalUnitPrice: '1220.00', amount: '1220.00' }],
    ],
    [
      'an undiscounted line is charged exactly its list price, even one off its type\'s step',
      // no rule, no manual discount: 1,234.57 on a type rounded to tens stays 1,234.57; 2 × = 2,469.14; rounding 0
      input({ lines: [line({ quantity: '2', basePrice: '1234.57', priceTypeId: 'RETAIL_10' })] }),
      [{ appliedRules: [], rounding: '0.00', finalUnitPrice: '1234.57', amount: '2469.14' }],
      { amountBeforeDiscounts: '2469.14', discountTotal: '0.00', rounding: '0.00', amount: '2469.14' },
    ],
    [
      'step 1 rounds a half up',
      // 201.00 − 50 % = 100.50 → 101 (half up); amount 101.00; rounding +0.50
      input({ lines: [line({ basePrice: '201.00', priceTypeId: 'RETAIL_1' })], rules: [rule('half', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '50' })] }),
      [{ appliedRules: [{ amount: '100.50' }], rounding: '0.50', finalUnitPrice: '101.00', amount: '101.00' }],
    ],
    [
      'a four-place list price undiscounted: charged as listed, the amount rounded per line',
      // 3 × 10.3333 = 30.9999 → 31.00 before discounts and after; the unit price keeps its four places
      input({ lines: [line({ quantity: '3', basePrice: '10.3333' })] }),
      [{ basePrice: '10.3333', rounding: '0.00', finalUnitPrice: '10.3333', amount: '31.00' }],
      { amountBeforeDiscounts: '31.00', rounding: '0.00', amount: '31.00' },
    ],
  ])('rounding — %s', expectQuote);

  it.each<Case>([
    [
      'VAT is rounded per line and the totals add the rounded lines',
      // each line 1 × 0.07 at 22 % on top: 0.0154 → 0.02; two lines: vat 0.04 (0.14 × 0.22 = 0.0308 would give 0.03);
      // totals: amount 0.14, vat 0.04, total 0.09 + 0.09 = 0.18
      input({ lines: [line({ basePrice: '0.07' }), line({ productId: 'p-bit', basePrice: '0.07' })] }),
      [
        { vat: '0.02', total: '0.09' },
        { vat: '0.02', total: '0.09' },
      ],
      { amountBeforeDiscounts: '0.14', discountTotal: '0.00', amount: '0.14', vat: '0.04', total: '0.18' },
    ],
    [
      'VAT in price and on top in one order',
      // A: 3 × 1,234.57 in price → amount 3,703.71, vat 667.88, total 3,703.71 (see the first case)
      // B: 1 × 12.25 at 10 % on top → vat 1.23, total 13.48
      // totals: amount 3,715.96; vat 669.11; total 3,717.19
      input({
        lines: [
          line({ quantity: '3', basePrice: '1234.57', priceTypeId: 'RETAIL' }),
          line({ productId: 'p-bit', basePrice: '12.25', vatRate: '10' }),
        ],
      }),
      [
        { amount: '3703.71', vat: '667.88', total: '3703.71' },
        { amount: '12.25', vat: '1.23', total: '13.48' },
      ],
      { amountBeforeDiscounts: '3715.96', discountTotal: '0.00', amount: '3715.96', vat: '669.11', total: '3717.19' },
    ],
    [
      'a mixed order: totals are the sums of the lines',
      // before: 3 × 333.33 = 999.99 and 10 × 5,100.00 = 51,000.00 → 51,999.99 ≥ 50,000 → tier 3 % on both
      // A: 333.33 × 0.97 = 323.3301 → 323.33; 3 × = 969.99 (−30.00); manual 5 %: 323.33 × 0.95 = 307.1635
      //    → 307.16; 3 × = 921.48 (−48.51); VAT 22 % on top: 921.48 × 0.22 = 202.7256 → 202.73; total 1,124.21
      // B: 5,100 × 0.97 = 4,947.00; 49,470.00 (−1,530.00); VAT 10,883.40; total 60,353.40
      // totals: discount 30.00 + 48.51 + 1,530.00 = 1,608.51; amount 921.48 + 49,470.00 = 50,391.48
      //         (= 51,999.99 − 1,608.51); vat 202.73 + 10,883.40 = 11,086.13; total 1,124.21 + 60,353.40 = 61,477.61
      input({
        lines: [
          line({ quantity: '3', basePrice: '333.33', manualDiscountPercent: '5' }),
          line({ productId: 'p-saw', quantity: '10', basePrice: '5100.00' }),
        ],
        rules: [AMOUNT_TIERS],
      }),
      [
        {
          appliedRules: [{ ruleId: 'tier', amount: '30.00' }],
          manualDiscount: { percent: '5', amount: '48.51' },
          finalUnitPrice: '307.16',
          amount: '921.48',
          vat: '202.73',
          total: '1124.21',
        },
        { appliedRules: [{ ruleId: 'tier', amount: '1530.00' }], amount: '49470.00', vat: '10883.40', total: '60353.40' },
      ],
      {
        amountBeforeDiscounts: '51999.99',
        discountTotal: '1608.51',
        rounding: '0.00',
        amount: '50391.48',
        vat: '11086.13',
        total: '61477.61',
      },
    ],
  ])('totals — %s', expectQuote);

  const FIVE = rule('five', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '5' });
  const GROUP_5 = rule('group5', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '5' });
  const limited = (total: string, manual = '5', maySellBelowCost = false) => ({ manualDiscountCapPercent: manual, totalDiscountCapPercent: total, maySellBelowCost });

  it.each<Case>([
    [
      'rules are trimmed to the total limit, the one crossing it listed as limited',
      // total limit 12 %: floor 1,000.00 × 0.88 = 880.00. 'five' (id before 'tools') 1,000.00 → 950.00;
      // 'tools' 10 % would give 855.00 < 880.00: it gives 950.00 − 880.00 = 70.00 = 7.3684 % of 950.00 (70 / 950 = 0.0736842…)
      input({ rules: [FIVE, TOOLS_10], role: limited('12') }),
      [
        {
          appliedRules: [
            { ruleId: 'five', percent: '5', rulePercent: '5', limitedBy: null, amount: '50.00' },
            { ruleId: 'tools', percent: '7.3684', rulePercent: '10', limitedBy: 'TOTAL_DISCOUNT_CAP', amount: '70.00' },
          ],
          finalUnitPrice: '880.00',
          amount: '880.00',
        },
      ],
      { discountTotal: '120.00', amount: '880.00' },
    ],
    [
      'a rule after the limit is reached gives nothing and says so',
      // limit 5 %: 'five' reaches 950.00 exactly; 'tools' gives 0 (percent 0), limited
      input({ rules: [FIVE, TOOLS_10], role: limited('5') }),
      [{ appliedRules: [{ ruleId: 'five', limitedBy: null, amount: '50.00' }, { ruleId: 'tools', percent: '0', rulePercent: '10', limitedBy: 'TOTAL_DISCOUNT_CAP', amount: '0.00' }], amount: '950.00' }],
    ],
    [
      'a manual discount within the total limit is allowed',
      // limit 12 %: tools 10 % → 900.00, manual 2 % → 882.00 ≥ 880.00
      input({ lines: [line({ manualDiscountPercent: '2' })], rules: [TOOLS_10], role: limited('12') }),
      [{ appliedRules: [{ amount: '100.00', limitedBy: null }], manualDiscount: { percent: '2', amount: '18.00' }, amount: '882.00' }],
    ],
    [
      'the minimum price trims an automatic rule instead of refusing the quote',
      // cost 96.00: 100.00 − 5 % = 95.00 would be below it; the rule gives 4.00 (4 %), final 96.00
      input({ lines: [line({ basePrice: '100.00', cost: '96.00' })], rules: [FIVE] }),
      [{ appliedRules: [{ ruleId: 'five', percent: '4', rulePercent: '5', limitedBy: 'MINIMUM_PRICE', amount: '4.00' }], finalUnitPrice: '96.00', amount: '96.00' }],
    ],
    [
      'the minimum price is raised to the type\'s step, so rounding never takes the price below cost',
      // tens: cost 1,001.50 → floor 1,010; 1,200 − 20 % = 960 < 1,010: the rule gives 190.00 = 15.8333 % (190 / 1,200); final 1,010
      input({ lines: [line({ basePrice: '1200.00', cost: '1001.50', priceTypeId: 'RETAIL_10' })], rules: [rule('twenty', { kind: 'CLIENT_SEGMENT', segmentId: 'vip', percent: '20' })] }),
      [{ appliedRules: [{ percent: '15.8333', limitedBy: 'MINIMUM_PRICE', amount: '190.00' }], rounding: '0.00', finalUnitPrice: '1010.00' }],
    ],
    [
      'a list price already below cost gets no rule discount and is charged as listed',
      // 50.00 < cost 60.00: 'five' gives 0, limited by the minimum price; no refusal: nobody typed a discount
      input({ lines: [line({ basePrice: '50.00', cost: '60.00' })], rules: [FIVE] }),
      [{ appliedRules: [{ percent: '0', limitedBy: 'MINIMUM_PRICE', amount: '0.00' }], finalUnitPrice: '50.00', amount: '50.00' }],
    ],
    [
      'the higher floor limits: the total limit above the cost',
      // limit 5 % → 95.00; cost 93.00; 10 % would give 90.00: stops at 95.00, by the total limit
      input({ lines: [line({ basePrice: '100.00', cost: '93.00' })], rules: [TOOLS_10], role: limited('5') }),
      [{ appliedRules: [{ limitedBy: 'TOTAL_DISCOUNT_CAP', amount: '5.00' }], finalUnitPrice: '95.00' }],
    ],
    [
      'on a tie of the floors the minimum price is named',
      input({ lines: [line({ basePrice: '100.00', cost: '95.00' })], rules: [TOOLS_10], role: limited('5') }),
      [{ appliedRules: [{ limitedBy: 'MINIMUM_PRICE', amount: '5.00' }], finalUnitPrice: '95.00' }],
    ],
    [
      'a role that may sell below cost has no minimum price',
      // 100.00 − 10 % = 90.00 < cost 96.00, allowed, not limited
      input({ lines: [line({ basePrice: '100.00', cost: '96.00' })], rules: [TOOLS_10], role: limited('100', '5', true) }),
      [{ appliedRules: [{ limitedBy: null, amount: '10.00' }], finalUnitPrice: '90.00' }],
    ],
  ])('limits on automatic rules — %s', expectQuote);

  it.each<[story: string, request: QuoteInput, errors: QuoteError[]]>([
    [
      'issue 9: a manual cap of 5 % no longer stacks on a 5 % group rule past a total limit of 5 %',
      // group 5 %: 950.00; manual 5 %: 902.50 < 950.00 → 9.75 % off (97.50 / 1,000) over the total limit 5
      input({ lines: [line({ manualDiscountPercent: '5' })], rules: [GROUP_5], role: limited('5') }),
      [{ code: 'TOTAL_DISCOUNT_OVER_CAP', line: 0, productId: 'p-drill', percent: '9.75', capPercent: '5' }],
    ],
    [
      'a manual discount past the total limit is refused even within the manual cap',
      // limit 12 %: tools 10 % → 900.00; manual 3 % → 873.00 < 880.00: 12.70 % off
      input({ lines: [line({ manualDiscountPercent: '3' })], rules: [TOOLS_10], role: limited('12') }),
      [{ code: 'TOTAL_DISCOUNT_OVER_CAP', line: 0, productId: 'p-drill', percent: '12.70', capPercent: '12' }],
    ],
    [
      'a manual discount below a rule trimmed at the minimum price is refused for cost',
      // cost 96.00: 'five' stops at 96.00; manual 1 %: 95.04 < 96.00
      input({ lines: [line({ basePrice: '100.00', cost: '96.00', manualDiscountPercent: '1' })], rules: [FIVE] }),
      [{ code: 'BELOW_COST', line: 0, productId: 'p-drill', finalUnitPrice: '95.04', cost: '96.00' }],
    ],
  ])('refusals of what was typed — %s', (_story, request, errors) => {
    expect(calculateQuote(request)).toEqual({ ok: false, errors });
  });

  const BREAK_12 = rule('break', { kind: 'QUANTITY_BREAK', breaks: [{ minQuantity: '12', percent: '5' }] });
  it.each<Case>([
    [
      'a quantity break counts the product over all the order\'s lines',
      // drill: 6 + 6 = 12 ≥ 12 → 5 % on each line: 6 × 950.00 = 5,700.00; the bit (6) gets none
      input({ lines: [line({ quantity: '6' }), line({ productId: 'p-bit', quantity: '6', basePrice: '10.00' }), line({ quantity: '6' })], rules: [BREAK_12] }),
      [{ appliedRules: [{ ruleId: 'break', amount: '300.00' }], amount: '5700.00' }, { appliedRules: [], amount: '60.00' }, { appliedRules: [{ ruleId: 'break' }], amount: '5700.00' }],
    ],
    [
      'below the break over all lines, no line gets it',
      input({ lines: [line({ quantity: '6' }), line({ quantity: '5.5' })], rules: [BREAK_12] }),
      [{ appliedRules: [] }, { appliedRules: [] }],
    ],
    [
      'an amount tier is judged without VAT for a client whose prices include it',
      // 61,000.00 with 22 % inside: VAT 61,000 × 22 / 122 = 11,000.00, net 50,000.00 ≥ 50,000 → 3 %
      input({ lines: [line({ basePrice: '61000.00', priceTypeId: 'RETAIL' })], rules: [AMOUNT_TIERS] }),
      [{ appliedRules: [{ ruleId: 'tier', percent: '3', amount: '1830.00' }] }],
      { amountBeforeDiscounts: '61000.00', netAmountBeforeDiscounts: '50000.00' },
    ],
    [
      'the same gross just under: net 49,999.18, no tier',
      // 60,999.00 × 22 / 122 = 10,999.8196… → 10,999.82; net 49,999.18 < 50,000
      input({ lines: [line({ basePrice: '60999.00', priceTypeId: 'RETAIL' })], rules: [AMOUNT_TIERS] }),
      [{ appliedRules: [] }],
      { netAmountBeforeDiscounts: '49999.18' },
    ],
    [
      'for a client on prices without VAT the net is the amount itself',
      input({ lines: [line({ basePrice: '50000.00' })], rules: [AMOUNT_TIERS] }),
      [{ appliedRules: [{ ruleId: 'tier', percent: '3' }] }],
      { amountBeforeDiscounts: '50000.00', netAmountBeforeDiscounts: '50000.00' },
    ],
  ])('order-wide judgement — %s', expectQuote);

  it.each<[story: string, request: QuoteInput]>([
    ['an unknown price type', input({ lines: [line({ priceTypeId: 'NOPE' })] })],
    ['a negative quantity', input({ lines: [line({ quantity: '-1' })] })],
    ['a negative price', input({ lines: [line({ basePrice: '-0.01' })] })],
    ['a non-numeric price', input({ lines: [line({ basePrice: '12,50' })] })],
    ['a percent over 100', input({ rules: [rule('x', { kind: 'PRODUCT_GROUP', groupId: 'g-tools', percent: '101' })] })],
    ['a malformed date', input({ date: '15.03.2026' })],
  ])('malformed input is a programming error and throws — %s', (_story, request) => {
    expect(() => calculateQuote(request)).toThrow(RangeError);
  });
});
