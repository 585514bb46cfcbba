import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar } from '../../shared/decimal.scalar';
import { PageArgs } from '../../shared/pagination';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { PaymentMethod } from './payment.entity';
import { SalesDocumentFilter } from './service-act.inputs';

export const MAX_ALLOCATIONS = 500;

@InputType({ description: 'A debt the payment settles, and how much of it' })
export class PaymentAllocationInput {
  @Field({ description: 'The debt document\'s type, e.g. ServiceAct, Shipment' })
  @MaxLength(50)
  documentType: string;

  @Field(() => ID)
  @IsUUID('all')
  documentId: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, to the kopeck; at most what the document still owes when the payment is posted' })
  amount: string;
}

@InputType()
export class CreateIncomingPaymentInput extends CreateDocumentInput {
  @Field(() => ID, { description: 'A client the caller may see' })
  @IsUUID('all')
  clientId: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, to the kopeck' })
  amount: string;

  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  method: PaymentMethod;

  @Field(() => ID, { nullable: true, description: "One of the client's orders" })
  @IsOptional()
  @IsUUID('all')
  orderId?: string | null;

  @Field(() => ID, { nullable: true, description: "One of the client's invoices; its order when orderId is not sent" })
  @IsOptional()
  @IsUUID('all')
  invoiceId?: string | null;

  @Field(() => [PaymentAllocationInput], { defaultValue: [], description: 'The debts to settle; none: the oldest open debts first. What is left stays as an advance' })
  @ArrayMaxSize(MAX_ALLOCATIONS)
  @ValidateNested({ each: true })
  allocations: PaymentAllocationInput[];

  @Field(() => String, { nullable: true, description: 'A retry with the same key (per user) returns the payment the first call made, never a second one' })
  @IsOptional()
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'A draft only. Sent allocations replace all allocations' })
export class UpdateIncomingPaymentInput extends UpdateDocumentInput {
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
export class PaymentFilter extends SalesDocumentFilter {
  @Field(() => PaymentMethod, { nullable: true })
  @IsOptional()
  @IsEnum(PaymentMethod)
  method?: PaymentMethod | null;
}

@ArgsType()
export class PaymentListArgs extends PageArgs {
  @Field(() => PaymentFilter, { nullable: true })
  filter?: PaymentFilter;
}

@ObjectType({ description: 'What a posted payment settled: a debt document and the amount' })
export class PaymentApplication {
  @Field()
  documentType: string;

  @Field(() => ID)
  documentId: string;

  @Field(() => String, { nullable: true, description: 'The document number, when the caller may see it' })
  number: string | null;

  @Field(() => MoneyScalar)
  amount: string;
}
