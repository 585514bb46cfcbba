/** The inputs and outputs of the price calculator (price-calculator.ts). */

export type DecimalString = string;
export type IsoDate = string;

export type RoundingStep = '0.01' | '1' | '10';

export interface PriceTypeInput {
  id: string;
  vatIncluded: boolean;
  roundingStep: RoundingStep;
}

export interface ClientInput {
  id: string;
  segmentId?: string | null;
  priceTypeId: string;
  /** Purchases over the last N days, keyed by N: `{ 90: '120000.00' }`. */
  purchasesByDays?: Record<number, DecimalString>;
}

export interface QuoteLineInput {
  productId: string;
  /** The product's group and all its ancestors. */
  productGroupIds: string[];
  quantity: DecimalString;
  basePrice: DecimalString;
  /** The price type of basePrice; the client's when absent. */
  priceTypeId?: string;
  vatRate: DecimalString;
  /** On the same VAT basis as the line's price type. */
  cost?: DecimalString | null;
  manualDiscountPercent?: DecimalString | null;
}

export interface AmountTier {
  threshold: DecimalString;
  percent: DecimalString;
}

export interface QuantityBreak {
  minQuantity: DecimalString;
  percent: DecimalString;
}

export type Stacking = 'EXCLUSIVE' | 'COMBINABLE';

export interface RuleCommon {
  id: string;
  name: string;
  activeFrom: IsoDate;
  activeTo?: IsoDate | null;
  /** Lower numbers apply first. */
  priority: number;
  stacking: Stacking;
  capPercent?: DecimalString | null;
}

export type DiscountRule = RuleCommon &
  (
    | { kind: 'ORDER_AMOUNT_TIER'; tiers: AmountTier[] }
    | { kind: 'CLIENT_SEGMENT'; segmentId: string; percent: DecimalString }
    | { kind: 'PRODUCT_GROUP'; groupId: string; percent: DecimalString }
    | { kind: 'QUANTITY_BREAK'; breaks: QuantityBreak[] }
    | { kind: 'PURCHASE_HISTORY'; days: number; tiers: AmountTier[] }
    | { kind: 'PROMO_CODE'; promoCode: string; percent: DecimalString }
  );

export type DiscountRuleKind = DiscountRule['kind'];

export interface RoleLimits {
  manualDiscountCapPercent: DecimalString;
  /** The largest discount of a line from rules and the manual discount together (100: not limited). */
  totalDiscountCapPercent: DecimalString;
  maySellBelowCost: boolean;
}

export interface QuoteInput {
  date: IsoDate;
  client: ClientInput;
  priceTypes: PriceTypeInput[];
  lines: QuoteLineInput[];
  rules: DiscountRule[];
  promoCode?: string | null;
  role: RoleLimits;
}

/** Why an automatic rule gave less than its percent (policy 8). */
export type RuleLimit = 'TOTAL_DISCOUNT_CAP' | 'MINIMUM_PRICE';

export interface AppliedRule {
  ruleId: string;
  name: string;
  kind: DiscountRuleKind;
  /** What the rule gave on this line: its own percent, or less when trimmed (4 places). */
  percent: DecimalString;
  /** The rule's own percent (after its capPercent), before any trimming. */
  rulePercent: DecimalString;
  /** Set when the rule was trimmed: by the role's total discount limit or by the minimum price. */
  limitedBy: RuleLimit | null;
  /** This rule's discount on the whole line, 2 places. */
  amount: DecimalString;
}

export interface QuotedLine {
  productId: string;
  quantity: DecimalString;
  basePrice: DecimalString;
  priceTypeId: string;
  appliedRules: AppliedRule[];
  manualDiscount: { percent: DecimalString; amount: DecimalString };
  /** What rounding the final unit price to the price type's step added to the line. */
  rounding: DecimalString;
  finalUnitPrice: DecimalString;
  amount: DecimalString;
  vatRate: DecimalString;
  vat: DecimalString;
  total: DecimalString;
}

export interface QuoteTotals {
  amountBeforeDiscounts: DecimalString;
  /** The order amount before discounts without VAT: what amount tiers are judged on, for every client. */
  netAmountBeforeDiscounts: DecimalString;
  discountTotal: DecimalString;
  rounding: DecimalString;
  amount: DecimalString;
  vat: DecimalString;
  total: DecimalString;
}

export interface Quote {
  lines: QuotedLine[];
  totals: QuoteTotals;
}

export type QuoteError =
  | {
      code: 'MANUAL_DISCOUNT_OVER_CAP';
      line: number;
      productId: string;
      percent: DecimalString;
      capPercent: DecimalString;
    }
  | {
      code: 'TOTAL_DISCOUNT_OVER_CAP';
      line: number;
      productId: string;
      /** The line's discount from rules and the manual discount together, 2 places. */
      percent: DecimalString;
      capPercent: DecimalString;
    }
  | {
      code: 'BELOW_COST';
      line: number;
      productId: string;
      finalUnitPrice: DecimalString;
      cost: DecimalString;
    };

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; errors: QuoteError[] };
