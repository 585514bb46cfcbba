import { GraphQLJSONObject } from 'graphql-scalars';
import { FieldReason, type FieldParams } from '../../shared/field-errors';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DocumentFilter } from '../ledger/document.filter';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { PriceRounding } from './price-type.entity';
import { PriceList, PriceListSource } from './price-list.entity';

/** Lines of one price list, typed in or imported. */
export const MAX_PRICE_LIST_LINES = 10000;

@InputType()
export class PriceListLineInput {
  @Field(() => ID)
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: 'Not negative, at most 4 decimal places' })
  price: string;
}

@InputType()
export class CreatePriceListInput {
  @Field(() => ID, { description: 'A price type with derivation NONE: derived types get their lists computed' })
  @IsUUID('all')
  priceTypeId: string;

  @Field(() => LocalDateScalar, { description: 'Valid from' })
  date: string;

  @Field(() => ID, { nullable: true, description: 'Limits the list to the products of this group and the groups below it' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field(() => [PriceListLineInput], { defaultValue: [], description: 'One line per product; the order is kept as line numbers 1, 2, …' })
  @ArrayMaxSize(MAX_PRICE_LIST_LINES)
  @ValidateNested({ each: true })
  lines: PriceListLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines of the list.' })
export class UpdatePriceListInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  priceTypeId?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  date?: string;

  @Field(() => ID, { nullable: true, description: 'null removes the group scope' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field(() => [PriceListLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_PRICE_LIST_LINES)
  @ValidateNested({ each: true })
  lines?: PriceListLineInput[];
}

@InputType()
export class PriceListFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  priceTypeId?: string | null;

  @Field(() => PriceListSource, { nullable: true })
  @IsOptional()
  @IsEnum(PriceListSource)
  source?: PriceListSource | null;

  @Field(() => String, { nullable: true, description: 'The exact number, e.g. PL-2026-000017' })
  @IsOptional()
  @MaxLength(50)
  number?: string | null;

  @Field(() => ID, { nullable: true, description: 'Lists that have a line of this product' })
  @IsOptional()
  @IsUUID('all')
  productId?: string | null;
}

@ArgsType()
export class PriceListListArgs extends PageArgs {
  @Field(() => PriceListFilter, { nullable: true })
  filter?: PriceListFilter;
}

@ArgsType()
export class RepriceGroupArgs {
  @Field(() => ID)
  @IsUUID('all')
  groupId: string;

  @Field(() => ID, { description: 'A price type with derivation NONE' })
  @IsUUID('all')
  priceTypeId: string;

  @Field(() => DecimalScalar, { description: '10 raises prices by 10 %, −5 lowers them by 5 %; greater than −100' })
  percent: string;

  @Field(() => PriceRounding)
  @IsEnum(PriceRounding)
  rounding: PriceRounding;

  @Field(() => LocalDateScalar, { description: 'The date of the new list; the prices in effect on it are the ones changed' })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'The new list\'s comment; by default it says the group, change and rounding in English' })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@ArgsType()
export class ImportPriceListArgs {
  @Field(() => ID, { description: 'A price type with derivation NONE' })
  @IsUUID('all')
  priceTypeId: string;

  @Field(() => LocalDateScalar, { description: 'Valid from' })
  date: string;

  @Field(() => String, { description: 'Lines "SKU;price" (or "SKU,price", tab-separated) under a header line; a decimal comma is accepted' })
  csv: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@ObjectType({ description: 'A row of an imported file that did not become a line' })
export class PriceImportRowError {
  @Field(() => Int, { description: 'The line of the file, counting the header as 1' })
  row: number;

  @Field(() => String, { nullable: true })
  sku: string | null;

  @Field()
  message: string;

  @Field(() => FieldReason, { description: 'Why, for a client to word; `params` hold its numbers and names' })
  reason: FieldReason;

  @Field(() => GraphQLJSONObject)
  params: FieldParams;
}

@ObjectType()
export class PriceImportResult {
  @Field(() => PriceList, { description: 'The draft list of the good rows' })
  priceList: PriceList;

  @Field(() => [PriceImportRowError], { description: 'Every row left out, with the reason' })
  rowErrors: PriceImportRowError[];
}

@ArgsType()
export class RecalculateCostPricesArgs {
  @Field(() => ID, { description: 'A price type with derivation FROM_COST' })
  @IsUUID('all')
  priceTypeId: string;

  @Field(() => LocalDateScalar, { description: 'The date of the new list (the cost is that of the stock there now)' })
  validFrom: string;
}
