import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { DiscountRuleKind } from './discount-rule.entity';
import { PriceType } from './price-type.entity';

export const MAX_QUOTE_LINES = 500;

/** Why an automatic rule gave less than its own percent on a line (price-calculator.ts, policy 8). */
export enum RuleLimit {
  TOTAL_DISCOUNT_CAP = 'TOTAL_DISCOUNT_CAP',
  MINIMUM_PRICE = 'MINIMUM_PRICE',
}
registerEnumType(RuleLimit, {
  name: 'RuleLimit',
  description: 'What trimmed an automatic discount rule on a line',
  valuesConfig: {
    TOTAL_DISCOUNT_CAP: { description: 'The caller\'s total discount limit (pricingSettings.totalDiscountCaps)' },
    MINIMUM_PRICE: { description: 'The minimum price: the cost, for roles that may not sell below it' },
  },
});

@InputType()
export class QuoteLineInput {
  @Field(() => ID)
  productId: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, with at most the decimal places of the product\'s unit (its precision)' })
  quantity: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off by the manager, applied after the rules; capped per role, alone and together with the rules (pricingSettings)' })
  manualDiscountPercent?: string | null;
}

@InputType()
export class QuoteInput {
  @Field(() => ID, { description: 'The client; the caller must be allowed to see it (record rules)' })
  clientId: string;

  @Field(() => LocalDateScalar, { description: 'Prices and rules as of this date' })
  date: string;

  @Field(() => [QuoteLineInput])
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(MAX_QUOTE_LINES)
  lines: QuoteLineInput[];

  @Field(() => String, { nullable: true, description: 'A promo code the client gave; promo rules apply only when it matches' })
  @IsOptional()
  @MaxLength(50)
  promoCode?: string | null;
}

@ObjectType({ description: 'A discount rule applied to a line, and what it took off the line' })
export class AppliedDiscount {
  @Field(() => ID)
  ruleId: string;

  @Field()
  name: string;

  @Field(() => DiscountRuleKind)
  kind: DiscountRuleKind;

  @Field(() => DecimalScalar, { description: 'Percent off the unit price left by the previous step: the rule\'s own, or less when it was trimmed (up to 4 places)' })
  percent: string;

  @Field(() => DecimalScalar, { description: 'The rule\'s own percent on this line (after its capPercent), before any trimming' })
  rulePercent: string;

  @Field(() => RuleLimit, { nullable: true, description: 'Set when the rule gave less than rulePercent: limited by the total discount limit or by the minimum price' })
  limitedBy: RuleLimit | null;

  @Field(() => MoneyScalar, { description: 'Off the whole line, 2 places' })
  amount: string;
}

@ObjectType()
export class ManualDiscount {
  @Field(() => DecimalScalar)
  percent: string;

  @Field(() => MoneyScalar, { description: 'Off the whole line, 2 places' })
  amount: string;
}

/**
 * One line's breakdown: basePrice × quantity − every applied rule's amount − the manual
 * discount's amount + rounding = amount; vat per the price type (in the price or on top).
 */
@ObjectType()
export class QuoteLine {
  @Field(() => Product)
  product: Product;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => PriceType, { description: 'The price type of basePrice: the client\'s, or the default one' })
  priceType: PriceType;

  @Field(() => PriceScalar, { description: 'The unit price on the date, before any discount' })
  basePrice: string;

  @Field(() => LocalDateScalar, { description: 'The date basePrice is valid from' })
  basePriceValidFrom: string;

  @Field(() => ID, { description: 'The price list that set basePrice' })
  priceListId: string;

  @Field(() => [AppliedDiscount], { description: 'In the order they applied' })
  appliedRules: AppliedDiscount[];

  @Field(() => ManualDiscount)
  manualDiscount: ManualDiscount;

  @Field(() => PriceScalar, { description: 'After every discount, rounded to the price type\'s step' })
  finalUnitPrice: string;

  @Field(() => MoneyScalar, { description: 'finalUnitPrice × quantity, 2 places' })
  amount: string;

  @Field(() => DecimalScalar)
  vatRate: string;

  @Field(() => MoneyScalar)
  vat: string;

  @Field(() => MoneyScalar, { description: 'What the client pays for the line: amount, plus vat when VAT is on top' })
  total: string;

  @Field(() => MoneyScalar, { description: 'What rounding the unit price to the price type\'s step added to the line (may be negative)' })
  rounding: string;
}

@ObjectType({ description: 'Sums of the lines\' rounded figures' })
export class QuoteTotals {
  @Field(() => MoneyScalar)
  amountBeforeDiscounts: string;

  @Field(() => MoneyScalar, { description: 'amountBeforeDiscounts without VAT: what order amount tiers are judged on, for every client' })
  netAmountBeforeDiscounts: string;

  @Field(() => MoneyScalar, { description: 'Rules and manual discounts together' })
  discountTotal: string;

  @Field(() => MoneyScalar)
  rounding: string;

  @Field(() => MoneyScalar)
  amount: string;

  @Field(() => MoneyScalar)
  vat: string;

  @Field(() => MoneyScalar)
  total: string;
}

@ObjectType({ description: 'The price of an order for a client on a date, with where every number came from' })
export class Quote {
  @Field(() => Counterparty)
  client: Counterparty;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => PriceType, { description: 'The client\'s price type, or the default one when it has none' })
  priceType: PriceType;

  @Field(() => String, { nullable: true })
  promoCode: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Null when no code was entered; whether a rule active on the date has that code (it may still lose to a better rule)' })
  promoCodeRecognised: boolean | null;

  @Field(() => DecimalScalar, { description: 'The caller\'s manual discount cap, the largest among their roles' })
  manualDiscountCapPercent: string;

  @Field(() => DecimalScalar, { description: 'The caller\'s total discount limit per line (rules and manual together), the largest among their roles; 100 is none' })
  totalDiscountCapPercent: string;

  @Field(() => [QuoteLine])
  lines: QuoteLine[];

  @Field(() => QuoteTotals)
  totals: QuoteTotals;
}
