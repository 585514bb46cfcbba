import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DocumentFilter } from '../ledger/document.filter';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { PageArgs } from '../../shared/pagination';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { WriteOffReason } from './write-off.entity';

export const MAX_OUTGOING_LINES = 5000;

@InputType({ description: 'A line of a transfer or a write-off' })
export class StockLineInput {
  @Field(() => ID, { description: 'A GOODS product' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, with at most the decimal places of the product\'s unit (its precision)' })
  quantity: string;
}

@InputType()
export class CreateStockTransferInput extends CreateDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  fromWarehouseId: string;

  @Field(() => ID, { description: 'Not the source warehouse' })
  @IsUUID('all')
  toWarehouseId: string;

  @Field(() => [StockLineInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_OUTGOING_LINES)
  @ValidateNested({ each: true })
  lines: StockLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines.' })
export class UpdateStockTransferInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  fromWarehouseId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  toWarehouseId?: string;

  @Field(() => [StockLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_OUTGOING_LINES)
  @ValidateNested({ each: true })
  lines?: StockLineInput[];
}

@InputType()
export class StockTransferFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true, description: 'The source or the destination' })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;
}

@ArgsType()
export class StockTransferListArgs extends PageArgs {
  @Field(() => StockTransferFilter, { nullable: true })
  filter?: StockTransferFilter;
}

@InputType()
export class CreateWriteOffInput extends CreateDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => WriteOffReason)
  @IsEnum(WriteOffReason)
  reason: WriteOffReason;

  @Field(() => [StockLineInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_OUTGOING_LINES)
  @ValidateNested({ each: true })
  lines: StockLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines.' })
export class UpdateWriteOffInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string;

  @Field(() => WriteOffReason, { nullable: true })
  @IsOptional()
  @IsEnum(WriteOffReason)
  reason?: WriteOffReason;

  @Field(() => [StockLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_OUTGOING_LINES)
  @ValidateNested({ each: true })
  lines?: StockLineInput[];
}

@InputType()
export class WriteOffFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => WriteOffReason, { nullable: true })
  @IsOptional()
  @IsEnum(WriteOffReason)
  reason?: WriteOffReason | null;
}

@ArgsType()
export class WriteOffListArgs extends PageArgs {
  @Field(() => WriteOffFilter, { nullable: true })
  filter?: WriteOffFilter;
}
