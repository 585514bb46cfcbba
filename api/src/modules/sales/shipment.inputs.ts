import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { BaseFilter } from '../../shared/crud';
import { DocumentFilter } from '../ledger/document.filter';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { ReturnCondition } from './customer-return.entity';

export const MAX_SHIPMENT_LINES = 5000;

@InputType({ description: 'A line of an order to ship: the order line (or its product) and how much of it' })
export class ShipOrderLineInput {
  @Field(() => ID, { nullable: true, description: 'The order line; or give productId' })
  @IsOptional()
  @IsUUID('all')
  orderLineId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The product of an order line (an order has each product once)' })
  @IsOptional()
  @IsUUID('all')
  productId?: string | null;

  @Field(() => DecimalScalar, { description: 'Greater than 0, no more than is left to ship of the line' })
  quantity: string;
}

@InputType()
export class CreateShipmentFromOrderInput {
  @Field(() => ID)
  @IsUUID('all')
  orderId: string;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => ID, { nullable: true, description: "The order's warehouse when not sent" })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => [ShipOrderLineInput], { nullable: true, description: 'What to ship; every line with something left, all of it, when not sent' })
  @IsOptional()
  @ArrayMaxSize(MAX_SHIPMENT_LINES)
  @ValidateNested({ each: true })
  lines?: ShipOrderLineInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: 'A line of a standalone shipment: goods at a unit price without VAT' })
export class ShipmentLineInput {
  @Field(() => ID, { description: 'An active GOODS product' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => PriceScalar, { description: 'Without VAT, ≥ 0, at most 4 places' })
  unitPrice: string;

  @Field(() => DecimalScalar, { nullable: true, description: "The product's rate when not sent" })
  vatRate?: string | null;
}

@InputType({ description: 'A standalone shipment (no order): the client, the warehouse and priced lines' })
export class CreateShipmentInput extends CreateDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  clientId: string;

  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @Field(() => [ShipmentLineInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_SHIPMENT_LINES)
  @ValidateNested({ each: true })
  lines: ShipmentLineInput[];
}

@InputType({ description: "A draft only. A shipment from an order takes order lines (its prices stay the order's); a standalone one priced lines. Sent lines replace all lines." })
export class UpdateShipmentInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string;

  @Field(() => [ShipOrderLineInput], { nullable: true, description: 'A shipment from an order' })
  @IsOptional()
  @ArrayMaxSize(MAX_SHIPMENT_LINES)
  @ValidateNested({ each: true })
  orderLines?: ShipOrderLineInput[];

  @Field(() => [ShipmentLineInput], { nullable: true, description: 'A standalone shipment' })
  @IsOptional()
  @ArrayMaxSize(MAX_SHIPMENT_LINES)
  @ValidateNested({ each: true })
  lines?: ShipmentLineInput[];
}

@InputType()
export class ShipmentFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;
}

@ArgsType()
export class ShipmentListArgs extends PageArgs {
  @Field(() => ShipmentFilter, { nullable: true })
  filter?: ShipmentFilter;
}

@InputType({ description: 'Part of a shipment line coming back' })
export class ReturnLineInput {
  @Field(() => Int, { description: "The shipment line's lineNo" })
  @IsInt()
  @Min(1)
  shipmentLineNo: number;

  @Field(() => DecimalScalar, { description: 'No more than the line shipped less what posted returns brought back' })
  quantity: string;

  @Field(() => ReturnCondition, { defaultValue: ReturnCondition.RESALEABLE })
  @IsEnum(ReturnCondition)
  condition: ReturnCondition;
}

@InputType()
export class CreateCustomerReturnInput extends CreateDocumentInput {
  @Field(() => ID, { description: 'A posted shipment' })
  @IsUUID('all')
  shipmentId: string;

  @Field(() => ID, { nullable: true, description: "Where the goods come back to: the shipment's warehouse when not sent" })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => String)
  @MaxLength(2000)
  reason: string;

  @Field(() => [ReturnLineInput])
  @ArrayMaxSize(MAX_SHIPMENT_LINES)
  @ValidateNested({ each: true })
  lines: ReturnLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines.' })
export class UpdateCustomerReturnInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  reason?: string;

  @Field(() => [ReturnLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_SHIPMENT_LINES)
  @ValidateNested({ each: true })
  lines?: ReturnLineInput[];
}

@InputType()
export class CustomerReturnFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  shipmentId?: string | null;
}

@ArgsType()
export class CustomerReturnListArgs extends PageArgs {
  @Field(() => CustomerReturnFilter, { nullable: true })
  filter?: CustomerReturnFilter;
}

@InputType()
export class OrdersToShipFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;
}

@ArgsType()
export class OrdersToShipArgs extends PageArgs {
  @Field(() => OrdersToShipFilter, { nullable: true })
  filter?: OrdersToShipFilter;
}
