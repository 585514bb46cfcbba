import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { DocumentFilter } from '../ledger/document.filter';

export const MAX_ORDER_LINES = 5000;

@InputType()
export class PurchaseOrderLineInput {
  @Field(() => ID, { description: 'A GOODS product' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: "Greater than 0, with at most the decimal places of the product's unit" })
  quantity: string;

  @Field(() => DecimalScalar, { nullable: true, description: "Without VAT; the supplier's price on the order date when not sent (supplierPrice), BAD_USER_INPUT when there is none" })
  price?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "0, 10 or 22; the product's rate when not sent" })
  vatRate?: string | null;
}

@InputType()
export class CreatePurchaseOrderInput extends CreateDocumentInput {
  @Field(() => ID, { description: 'A counterparty with the SUPPLIER role' })
  @IsUUID('all')
  supplierId: string;

  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days after the receipt to pay, 0…3650' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentDays?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Over-receipt tolerance in percent, 0…100 (0 when not sent)' })
  receiptTolerancePercent?: string | null;

  @Field(() => [PurchaseOrderLineInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines: PurchaseOrderLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines.' })
export class UpdatePurchaseOrderInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedDate?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentDays?: number | null;

  @Field(() => DecimalScalar, { nullable: true })
  receiptTolerancePercent?: string | null;

  @Field(() => [PurchaseOrderLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines?: PurchaseOrderLineInput[];
}

@InputType()
export class PurchaseOrderFilter extends DocumentFilter {
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
export class PurchaseOrderListArgs extends PageArgs {
  @Field(() => PurchaseOrderFilter, { nullable: true })
  filter?: PurchaseOrderFilter;
}

@InputType()
export class SupplierPriceInput {
  @Field(() => ID, { description: 'A counterparty with the SUPPLIER role' })
  @IsUUID('all')
  supplierId: string;

  @Field(() => ID)
  @IsUUID('all')
  productId: string;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => DecimalScalar, { description: 'Without VAT; not negative, at most 4 decimal places' })
  price: string;
}
