import { IsOptional, IsUUID, ArrayMaxSize, MaxLength } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';

/** A row of the price register (PriceRecord) as the API shows it. */
@ObjectType('PriceRecord', { description: 'A price made effective by a posted price list line: the price register' })
export class PriceRecordView {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => PriceScalar)
  price: string;

  @Field(() => ID, { name: 'priceListId', description: 'The price list that posted it' })
  recorderId: string;

  @Field(() => Int, { name: 'lineNo', description: 'The line of that price list' })
  recorderLine: number;

  @Field(() => GraphQLISODateTime)
  postedAt: Date;
}

/** The price of one product and price type in effect on a date, and where it comes from. */
@ObjectType({ description: 'The price in effect on a date: the latest posted on or before it' })
export class PriceQuote {
  @Field(() => ID)
  productId: string;

  @Field(() => ID)
  priceTypeId: string;

  @Field(() => PriceScalar)
  price: string;

  @Field(() => LocalDateScalar, { description: 'The date of the price list that set it' })
  validFrom: string;

  @Field(() => ID)
  priceListId: string;

  @Field({ description: 'The number of the price list that set it' })
  priceListNumber: string;
}

@ObjectType()
export class EffectivePricePage {
  @Field(() => [PriceQuote])
  items: PriceQuote[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class EffectivePriceFilter {
  @Field(() => ID)
  @IsUUID('all')
  priceTypeId: string;

  @Field(() => LocalDateScalar, { description: 'Prices in effect on this date' })
  date: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  productIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Products of this group and of all groups below it' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text in SKU and name' })
  @IsOptional()
  @MaxLength(200)
  q?: string | null;
}

@ArgsType()
export class EffectivePriceArgs extends PageArgs {
  @Field(() => EffectivePriceFilter)
  filter: EffectivePriceFilter;
}
