import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { PageArgs } from '../../shared/pagination';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { DocumentFilter } from '../ledger/document.filter';
import { PaymentMethod } from '../sales/payment.entity';
import { MAX_ALLOCATIONS, PaymentAllocationInput } from '../sales/payment.inputs';

@InputType()
export class CreateOutgoingPaymentInput extends CreateDocumentInput {
  @Field(() => ID, { description: 'A counterparty with the SUPPLIER role' })
  @IsUUID('all')
  supplierId: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, to the kopeck' })
  amount: string;

  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  method: PaymentMethod;

  @Field(() => ID, { nullable: true, description: "One of the supplier's goods receipts: settled first when no allocations are sent" })
  @IsOptional()
  @IsUUID('all')
  receiptId?: string | null;

  @Field(() => [PaymentAllocationInput], { defaultValue: [], description: 'The receipts and landed costs (documentType GoodsReceipt, LandedCost) to settle; none: the oldest open first. What is left stays as an advance' })
  @ArrayMaxSize(MAX_ALLOCATIONS)
  @ValidateNested({ each: true })
  allocations: PaymentAllocationInput[];

  @Field(() => String, { nullable: true, description: 'A retry with the same key (per user) returns the payment the first call made, never a second one' })
  @IsOptional()
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'A draft only. Sent allocations replace all allocations' })
export class UpdateOutgoingPaymentInput extends UpdateDocumentInput {
  @Field(() => DecimalScalar, { nullable: true })
  amount?: string | null;

  @Field(() => PaymentMethod, { nullable: true })
  @IsOptional()
  @IsEnum(PaymentMethod)
  method?: PaymentMethod | null;

  @Field(() => [PaymentAllocationInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_ALLOCATIONS)
  @ValidateNested({ each: true })
  allocations?: PaymentAllocationInput[] | null;
}

@InputType()
export class OutgoingPaymentFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  receiptId?: string | null;

  @Field(() => PaymentMethod, { nullable: true })
  @IsOptional()
  @IsEnum(PaymentMethod)
  method?: PaymentMethod | null;
}

@ArgsType()
export class OutgoingPaymentListArgs extends PageArgs {
  @Field(() => OutgoingPaymentFilter, { nullable: true })
  filter?: OutgoingPaymentFilter;
}
