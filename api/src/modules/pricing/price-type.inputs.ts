import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { PriceDerivation, PriceRounding } from './price-type.entity';

@InputType()
export class CreatePriceTypeInput {
  @Field({ description: 'Trimmed; 1 to 32 characters without spaces, e.g. RETAIL' })
  code: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => Boolean, { defaultValue: true, description: 'true: prices include VAT; false: VAT is added on top' })
  @IsBoolean()
  vatIncluded: boolean = true;

  @Field(() => PriceRounding, { defaultValue: PriceRounding.KOPECK })
  @IsEnum(PriceRounding)
  rounding: PriceRounding = PriceRounding.KOPECK;

  @Field(() => PriceDerivation, { defaultValue: PriceDerivation.NONE })
  @IsEnum(PriceDerivation)
  derivation: PriceDerivation = PriceDerivation.NONE;

  @Field(() => ID, { nullable: true, description: 'Required for FROM_PRICE_TYPE, refused otherwise' })
  @IsOptional()
  @IsUUID('all')
  basePriceTypeId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Required for FROM_PRICE_TYPE (−12: 12 % below the base) and FROM_COST (30: cost + 30 %); greater than −100' })
  adjustmentPercent?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Makes this the default price type; the previous default stops being one' })
  @IsBoolean()
  isDefault: boolean = false;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  active: boolean = true;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A derived or cost-based type whose rule this save sets or changes is recomputed from this date (today when left out): a DERIVED list dated it; earlier lists stay',
  })
  recomputeFrom?: string | null;
}

@InputType({ description: 'Only the fields sent change. Changing derivation clears a base or adjustment the new derivation does not use, unless sent.' })
export class UpdatePriceTypeInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  vatIncluded?: boolean;

  @Field(() => PriceRounding, { nullable: true })
  @IsOptional()
  @IsEnum(PriceRounding)
  rounding?: PriceRounding;

  @Field(() => PriceDerivation, { nullable: true })
  @IsOptional()
  @IsEnum(PriceDerivation)
  derivation?: PriceDerivation;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  basePriceTypeId?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  adjustmentPercent?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A derived or cost-based type whose rule this save sets or changes is recomputed from this date (today when left out): a DERIVED list dated it; earlier lists stay',
  })
  recomputeFrom?: string | null;
}

@InputType()
export class PriceTypeFilter extends BaseFilter {
  @Field(() => PriceDerivation, { nullable: true })
  @IsOptional()
  @IsEnum(PriceDerivation)
  derivation?: PriceDerivation | null;

  @Field(() => ID, { nullable: true, description: 'Types derived directly from this one' })
  @IsOptional()
  @IsUUID('all')
  basePriceTypeId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@ArgsType()
export class PriceTypeListArgs extends PageArgs {
  @Field(() => PriceTypeFilter, { nullable: true })
  filter?: PriceTypeFilter;
}

@ArgsType()
export class RecomputePriceTypeArgs {
  @Field(() => ID, { description: 'A price type with derivation FROM_PRICE_TYPE or FROM_COST' })
  @IsUUID('all')
  id: string;

  @Field(() => LocalDateScalar, { description: 'The date the recomputed prices take effect from' })
  validFrom: string;
}
