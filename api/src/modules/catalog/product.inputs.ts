import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { PageArgs } from '../../shared/pagination';
import { ProductKind } from './product.entity';

const BARCODE = /^\d{8,14}$/;
const BARCODE_MESSAGE = 'must be 8 to 14 digits (EAN-8, EAN-13, GTIN-14…)';

@InputType()
export class CreateProductInput {
  @Field({ description: 'Trimmed; 1 to 64 characters without spaces' })
  sku: string;

  @Field()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ProductKind, { defaultValue: ProductKind.GOODS })
  @IsEnum(ProductKind)
  kind: ProductKind = ProductKind.GOODS;

  @Field(() => ID)
  @IsUUID('all')
  unitId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'VAT rate in percent, one of 0, 10, 22; 22 when omitted' })
  vatRate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(BARCODE, { message: BARCODE_MESSAGE })
  barcode?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Weight of one unit in kg, at most 3 decimal places' })
  weight?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  @IsBoolean()
  active: boolean = true;
}

@InputType()
export class UpdateProductInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  sku?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ProductKind, { nullable: true })
  @IsOptional()
  @IsEnum(ProductKind)
  kind?: ProductKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'null takes the product out of its group' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  vatRate?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(BARCODE, { message: BARCODE_MESSAGE })
  barcode?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  weight?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class ProductFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Products of this group and of all groups below it' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => ProductKind, { nullable: true })
  @IsOptional()
  @IsEnum(ProductKind)
  kind?: ProductKind | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  unitId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Products with exactly these SKUs (lines pasted from a spreadsheet)' })
  @IsOptional()
  @ArrayMaxSize(500)
  skus?: string[] | null;
}

@ArgsType()
export class ProductListArgs extends PageArgs {
  @Field(() => ProductFilter, { nullable: true })
  filter?: ProductFilter;
}
