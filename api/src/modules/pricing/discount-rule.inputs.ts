import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { DecimalScalar, MoneyScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { DiscountRuleKind, DiscountStacking } from './discount-rule.entity';

const MAX_STEPS = 50;
const PRIORITY_MAX = 1_000_000;

@InputType({ description: 'One step of an amount scale: from `threshold` (inclusive) on, `percent` off' })
export class TierInput {
  @Field(() => DecimalScalar, { description: 'Amount in the base currency, at most 2 decimal places' })
  threshold: string;

  @Field(() => DecimalScalar, { description: '0..100' })
  percent: string;
}

@InputType({ description: 'One step of a quantity scale: from `minQuantity` (inclusive) on, `percent` off' })
export class BreakInput {
  @Field(() => DecimalScalar, { description: 'Greater than 0, at most 3 decimal places' })
  minQuantity: string;

  @Field(() => DecimalScalar, { description: '0..100' })
  percent: string;
}

@ObjectType({ description: 'One step of an amount scale: from `threshold` (inclusive) on, `percent` off' })
export class DiscountTier {
  @Field(() => MoneyScalar)
  threshold: string;

  @Field(() => DecimalScalar)
  percent: string;
}

@ObjectType({ description: 'One step of a quantity scale: from `minQuantity` (inclusive) on, `percent` off' })
export class DiscountBreak {
  @Field(() => DecimalScalar)
  minQuantity: string;

  @Field(() => DecimalScalar)
  percent: string;
}

/**
 * The kind-specific fields, shared by create and update. Each kind needs its own and
 * refuses the others': ORDER_AMOUNT_TIER tiers; PURCHASE_HISTORY days + tiers;
 * QUANTITY_BREAK breaks; CLIENT_SEGMENT segmentId + percent; PRODUCT_GROUP groupId +
 * percent; PROMO_CODE promoCode + percent.
 */
@InputType()
export class DiscountRuleConditionsInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'CLIENT_SEGMENT, PRODUCT_GROUP and PROMO_CODE rules: 0..100' })
  percent?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The most this rule may give, 0..100; any kind' })
  capPercent?: string | null;

  @Field(() => [TierInput], { nullable: true, description: 'ORDER_AMOUNT_TIER and PURCHASE_HISTORY: thresholds strictly increasing' })
  @IsOptional()
  @ArrayMaxSize(MAX_STEPS)
  tiers?: TierInput[] | null;

  @Field(() => [BreakInput], { nullable: true, description: 'QUANTITY_BREAK: minQuantity strictly increasing' })
  @IsOptional()
  @ArrayMaxSize(MAX_STEPS)
  breaks?: BreakInput[] | null;

  @Field(() => Int, { nullable: true, description: 'PURCHASE_HISTORY: purchases over this many last days' })
  days?: number | null;

  @Field(() => ID, { nullable: true, description: 'CLIENT_SEGMENT: the segment (the CRM issue adds segments)' })
  segmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'PRODUCT_GROUP: the group; its subgroups count too' })
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: 'PROMO_CODE: compared trimmed and case-insensitively' })
  promoCode?: string | null;
}

@InputType()
export class CreateDiscountRuleInput extends DiscountRuleConditionsInput {
  @Field()
  @MaxLength(200)
  name: string;

  @Field(() => DiscountRuleKind)
  @IsEnum(DiscountRuleKind)
  kind: DiscountRuleKind;

  @Field(() => LocalDateScalar)
  activeFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Inclusive; none means open-ended' })
  activeTo?: string | null;

  @Field(() => Int, { defaultValue: 100, description: 'Lower applies first among COMBINABLE rules' })
  @IsInt()
  @Min(0)
  @Max(PRIORITY_MAX)
  priority: number = 100;

  @Field(() => DiscountStacking, { defaultValue: DiscountStacking.COMBINABLE })
  @IsEnum(DiscountStacking)
  stacking: DiscountStacking = DiscountStacking.COMBINABLE;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  active: boolean = true;
}

/**
 * Only the fields sent change (null clears an optional one). When `kind` changes, the
 * new kind's fields must be sent: the old kind's conditions are dropped.
 */
@InputType()
export class UpdateDiscountRuleInput extends DiscountRuleConditionsInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string;

  @Field(() => DiscountRuleKind, { nullable: true })
  @IsOptional()
  @IsEnum(DiscountRuleKind)
  kind?: DiscountRuleKind;

  @Field(() => LocalDateScalar, { nullable: true })
  activeFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  activeTo?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PRIORITY_MAX)
  priority?: number;

  @Field(() => DiscountStacking, { nullable: true })
  @IsOptional()
  @IsEnum(DiscountStacking)
  stacking?: DiscountStacking;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class DiscountRuleFilter extends BaseFilter {
  @Field(() => DiscountRuleKind, { nullable: true })
  @IsOptional()
  @IsEnum(DiscountRuleKind)
  kind?: DiscountRuleKind | null;

  @Field(() => Boolean, { nullable: true, description: 'The on/off switch of the rule' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Rules whose period covers this date (switched off ones too unless `active` says otherwise)' })
  activeOn?: string | null;
}

@ArgsType()
export class DiscountRuleListArgs extends PageArgs {
  @Field(() => DiscountRuleFilter, { nullable: true })
  filter?: DiscountRuleFilter;
}
