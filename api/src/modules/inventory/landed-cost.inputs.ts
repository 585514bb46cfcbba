import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { PageArgs } from '../../shared/pagination';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { DocumentFilter } from '../ledger/document.filter';
import { LandedCostMethod } from './landed-cost.entity';

const MAX_LINES = 5000;

@InputType({ description: 'A goods receipt line to carry part of the cost' })
export class LandedCostLineInput {
  @Field(() => ID, { description: 'A line of a posted goods receipt dated on or before the landed cost' })
  @IsUUID('all')
  goodsReceiptLineId: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'WEIGHT: the weight of the whole line in kg (default: product weight × quantity)' })
  weight?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'MANUAL: this line’s part, in kopecks; the parts must add up to the amount' })
  manualAmount?: string | null;
}

@InputType()
export class CreateLandedCostInput extends CreateDocumentInput {
  @Field(() => ID, { description: 'A counterparty with the SUPPLIER role: who is owed the cost' })
  @IsUUID('all')
  supplierId: string;

  @Field({ description: 'What the cost is for' })
  @MaxLength(500)
  description: string;

  @Field(() => DecimalScalar, { description: 'Without VAT, greater than 0, in kopecks' })
  amount: string;

  @Field(() => DecimalScalar, { defaultValue: '0', description: 'Percent: 0, 10 or 22' })
  vatRate: string;

  @Field(() => LandedCostMethod)
  @IsEnum(LandedCostMethod)
  method: LandedCostMethod;

  @Field(() => [LandedCostLineInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  lines: LandedCostLineInput[];

  @Field(() => [ID], { defaultValue: [], description: 'Every line of these receipts is added after `lines` (those already listed are not repeated)' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  goodsReceiptIds: string[];
}

@InputType({ description: 'A draft only. Sent lines (and goodsReceiptIds) replace all lines; the allocation is worked out again on every save.' })
export class UpdateLandedCostInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string;

  @Field(() => DecimalScalar, { nullable: true })
  amount?: string;

  @Field(() => DecimalScalar, { nullable: true })
  vatRate?: string;

  @Field(() => LandedCostMethod, { nullable: true })
  @IsOptional()
  @IsEnum(LandedCostMethod)
  method?: LandedCostMethod;

  @Field(() => [LandedCostLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  lines?: LandedCostLineInput[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  goodsReceiptIds?: string[];
}

@InputType()
export class LandedCostFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Landed costs spread over lines of this receipt' })
  @IsOptional()
  @IsUUID('all')
  goodsReceiptId?: string | null;
}

@ArgsType()
export class LandedCostListArgs extends PageArgs {
  @Field(() => LandedCostFilter, { nullable: true })
  filter?: LandedCostFilter;
}
