import { IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { Product } from '../catalog/product.entity';

@ObjectType({ description: 'What became of one purchase order line (issue 14 §6)' })
export class PurchaseLineControl {
  @Field(() => ID)
  orderId: string;

  @Field()
  orderNumber: string;

  @Field(() => Int)
  lineNo: number;

  productId: string;

  @Field(() => Product)
  product?: Product;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedDate: string | null;

  @Field(() => DecimalScalar)
  ordered: string;

  @Field(() => PriceScalar, { description: "The order's price, without VAT" })
  price: string;

  @Field(() => DecimalScalar, { description: 'What posted receipts against the line brought' })
  received: string;

  @Field(() => DecimalScalar, { description: 'ordered − received, not below 0; 0 once the order is closed' })
  remaining: string;

  @Field(() => Boolean, { description: 'Something remains and the expected date is before the as-of date' })
  overdue: boolean;

  @Field(() => Boolean, { description: 'Received in full' })
  inFull: boolean;

  @Field(() => Boolean, { description: 'Received in full by the expected date (a line without one: once in full)' })
  onTime: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The date of the receipt that made the line whole' })
  completedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Days the completing receipt came after the expected date (0 on time)' })
  delayDays: number | null;

  @Field(() => MoneyScalar, { description: 'Σ round2((receipt unit cost − order price) × quantity): + when the supplier charged more' })
  priceVariance: string;
}

@ObjectType({ description: 'A document in the chain of a purchase order line' })
export class PurchaseChainLink {
  @Field({ description: 'PurchaseRequisition, GoodsReceipt or LandedCost' })
  documentType: string;

  @Field(() => ID)
  documentId: string;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => Int, { nullable: true })
  lineNo: number | null;

  @Field(() => DecimalScalar, { nullable: true })
  quantity: string | null;

  @Field(() => PriceScalar, { nullable: true, description: 'A receipt: its unit cost' })
  unitCost: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'A receipt: its amount; a landed cost: what it allocated to the receipt line' })
  amount: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'A receipt: round2((unit cost − order price) × quantity)' })
  priceVariance: string | null;
}

@ObjectType({ description: 'The chain of one order line: requisitions → order → receipts → landed costs' })
export class PurchaseLineChain {
  @Field(() => PurchaseLineControl)
  line: PurchaseLineControl;

  @Field(() => [PurchaseChainLink], { description: 'The requisition lines the order line took, with how much of each (quantity), the earliest needed first' })
  requisitionLines: PurchaseChainLink[];

  @Field(() => [PurchaseChainLink], { description: 'Posted receipts against the line, oldest first' })
  receipts: PurchaseChainLink[];

  @Field(() => [PurchaseChainLink], { description: 'Posted landed costs spread over those receipts' })
  landedCosts: PurchaseChainLink[];
}

@ObjectType({ description: "A supplier's deliveries for the orders of a period" })
export class SupplierScorecard {
  supplierId: string;

  @Field(() => Counterparty)
  supplier?: Counterparty;

  @Field(() => Int, { description: 'Posted orders dated in the period' })
  orders: number;

  @Field(() => Int)
  lines: number;

  @Field(() => Int)
  linesOnTimeInFull: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'round2(lines on time in full / lines × 100)' })
  otifPercent: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Mean delay of the lines received in full with an expected date, round2' })
  averageDelayDays: string | null;

  @Field(() => MoneyScalar, { description: 'Σ of the lines’ price variance' })
  priceVariance: string;
}

@InputType()
export class PurchaseControlFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  orderId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only lines with something remaining' })
  onlyOpen?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only overdue lines' })
  onlyOverdue?: boolean | null;
}

@ArgsType()
export class PurchaseControlArgs {
  @Field(() => PurchaseControlFilter, { nullable: true })
  filter?: PurchaseControlFilter | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Overdue as of this date (today when not sent)' })
  asOf?: string | null;
}

@ArgsType()
export class SupplierScorecardArgs {
  @Field(() => LocalDateScalar, { description: 'Orders dated from' })
  dateFrom: string;

  @Field(() => LocalDateScalar, { description: 'Orders dated up to (inclusive)' })
  dateTo: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;
}

