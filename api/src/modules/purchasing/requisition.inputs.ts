import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { RequisitionStatus } from './requisition-status';

export const MAX_REQUISITION_LINES = 500;

@InputType()
export class PurchaseRequisitionLineInput {
  @Field(() => ID, { description: 'A GOODS product' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: "Greater than 0, with at most the decimal places of the product's unit" })
  quantity: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Not before the requisition date' })
  neededBy?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType()
export class CreatePurchaseRequisitionInput {
  @Field(() => LocalDateScalar, { description: "The number's year" })
  date: string;

  @Field(() => ID, { description: 'The warehouse the goods are for' })
  @IsUUID('all')
  warehouseId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field(() => [PurchaseRequisitionLineInput])
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(MAX_REQUISITION_LINES)
  @ValidateNested({ each: true })
  lines: PurchaseRequisitionLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines.' })
export class UpdatePurchaseRequisitionInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => LocalDateScalar, { nullable: true })
  date?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field(() => [PurchaseRequisitionLineInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(MAX_REQUISITION_LINES)
  @ValidateNested({ each: true })
  lines?: PurchaseRequisitionLineInput[] | null;
}

@InputType()
export class PurchaseRequisitionFilter extends BaseFilter {
  @Field(() => RequisitionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RequisitionStatus)
  status?: RequisitionStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  requestedById?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  dateTo?: string | null;
}

@ArgsType()
export class PurchaseRequisitionListArgs extends PageArgs {
  @Field(() => PurchaseRequisitionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PurchaseRequisitionFilter | null;
}

/** What became of a requisition line on one purchase order line. */
@ObjectType()
export class RequisitionLineOrdering {
  @Field(() => ID)
  purchaseOrderId: string;

  @Field(() => String, { nullable: true, description: 'The purchase order number (null once it is gone)' })
  purchaseOrderNumber: string | null;

  @Field(() => ID)
  purchaseOrderLineId: string;

  @Field(() => DecimalScalar, { description: 'What the order line took of this requisition line' })
  quantity: string;

  @Field(() => DecimalScalar, { description: "This requisition line's share of what the order line received so far (earliest needed first)" })
  received: string;
}

@InputType({ description: 'Approved requisitions to order: every line with something left to order' })
export class PurchaseOrdersFromRequisitionsInput {
  @Field(() => [ID], { description: 'APPROVED or PARTLY_ORDERED requisitions' })
  @ArrayMinSize(1, { message: 'give at least one requisition' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  requisitionIds: string[];

  @Field(() => ID, { nullable: true, description: "The supplier of every line; each product's main supplier when not sent" })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The orders’ date; today when not sent' })
  date?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the goods are expected; the earliest needed-by date of its lines when not sent' })
  expectedDate?: string | null;
}
