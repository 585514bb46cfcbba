import { ArrayMaxSize, IsInt, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DocumentFilter } from '../ledger/document.filter';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { PageArgs } from '../../shared/pagination';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';

export const MAX_RECEIPT_LINES = 5000;

@InputType()
export class GoodsReceiptLineInput {
  @Field(() => ID, { description: 'A GOODS product' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, with at most the decimal places of the product\'s unit (its precision)' })
  quantity: string;

  @Field(() => DecimalScalar, { description: 'Without VAT; not negative, at most 4 decimal places' })
  unitCost: string;

  @Field(() => DecimalScalar, { nullable: true, description: "0, 10 or 22; the product's rate when not sent" })
  vatRate?: string | null;

  @Field(() => Int, { nullable: true, description: "With purchaseOrderId: the order's line it receives against (the order's first line of the product when not sent)" })
  @IsOptional()
  @IsInt()
  orderLine?: number | null;
}

@InputType()
export class CreateGoodsReceiptInput extends CreateDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => ID, { description: 'A counterparty with the SUPPLIER role' })
  @IsUUID('all')
  supplierId: string;

  @Field(() => ID, { nullable: true, description: 'A posted, open purchase order of the same supplier and warehouse to receive against' })
  @IsOptional()
  @IsUUID('all')
  purchaseOrderId?: string | null;

  @Field(() => [GoodsReceiptLineInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_RECEIPT_LINES)
  @ValidateNested({ each: true })
  lines: GoodsReceiptLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines.' })
export class UpdateGoodsReceiptInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string;

  @Field(() => [GoodsReceiptLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RECEIPT_LINES)
  @ValidateNested({ each: true })
  lines?: GoodsReceiptLineInput[];
}

@InputType()
export class GoodsReceiptFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;
}

@ArgsType()
export class GoodsReceiptListArgs extends PageArgs {
  @Field(() => GoodsReceiptFilter, { nullable: true })
  filter?: GoodsReceiptFilter;
}
