import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { Warehouse } from '../inventory/warehouse.entity';
import { OrderStatus } from './order-status';

export const MAX_ORDER_LINES = 500;

@InputType()
export class OrderLineInput {
  @Field(() => ID, { description: 'An active GOODS product, once per order' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: "Greater than 0, with at most the decimal places of the product's unit" })
  quantity: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off by the manager, within the caller\'s caps (as in quote)' })
  manualDiscountPercent?: string | null;
}

@InputType()
export class CreateOrderInput {
  @Field(() => ID, { description: 'A client the caller may see; a partner, its own' })
  @IsUUID('all')
  clientId: string;

  @Field(() => LocalDateScalar, { description: 'The order date: prices and rules as of it, and the number\'s year' })
  date: string;

  @Field(() => ID, { description: 'Where its goods are reserved first' })
  @IsUUID('all')
  warehouseId: string;

  @Field(() => ID, { nullable: true, description: "The client's owner when not sent" })
  @IsOptional()
  @IsUUID('all')
  managerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  contractId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Today or later' })
  promisedDate?: string | null;

  @Field(() => Int, { nullable: true, description: "The client's payment terms when not sent" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  promoCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines: OrderLineInput[];

  @Field(() => String, { nullable: true, description: 'A retry with the same key (per user) returns the order the first call made, never a second one' })
  @IsOptional()
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType({ description: 'A draft: anything. A confirmed order: lines, promised date, payment terms and comment; its reservations follow the difference. Sent lines replace all lines.' })
export class UpdateOrderInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'A draft only' })
  date?: string | null;

  @Field(() => ID, { nullable: true, description: 'A draft only' })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  managerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  contractId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  promisedDate?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  promoCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field(() => [OrderLineInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines?: OrderLineInput[] | null;
}

@InputType()
export class OrderFilter extends BaseFilter {
  @Field(() => OrderStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  dateTo?: string | null;
}

@ArgsType()
export class OrderListArgs extends PageArgs {
  @Field(() => OrderFilter, { nullable: true })
  filter?: OrderFilter;
}

@ObjectType({ description: 'What an order line holds reserved in one warehouse' })
export class OrderReservation {
  @Field(() => Warehouse)
  warehouse: Warehouse;

  @Field(() => DecimalScalar)
  quantity: string;
}

@ArgsType()
export class AvailabilityArgs {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  productIds: string[];

  @Field(() => [ID], { nullable: true, description: 'Those you may see; left out: where the product has something on hand or reserved' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  warehouseIds?: string[] | null;
}

@ObjectType({ description: 'A product in a warehouse now: on hand, reserved, available and what orders wait for' })
export class StockAvailability {
  @Field(() => ID)
  productId: string;

  @Field(() => ID)
  warehouseId: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Needs stock:read' })
  onHand: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Held for orders; needs stock:read' })
  reserved: string | null;

  @Field(() => DecimalScalar, { description: 'What an order dated today may still take: on hand less reserved and less what later-dated documents take out; never below 0' })
  available: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'What confirmed orders of this warehouse wait for beyond what was reserved; needs stock:read' })
  backordered: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Ordered from suppliers (posted purchase orders) and not received yet; needs stock:read' })
  onOrder: string | null;
}

@InputType()
export class SalesSettingsInput {
  @Field(() => [ID], { nullable: true, description: 'Where an order\'s lines are reserved from after its own warehouse, in this order; empty: only the order\'s warehouse; left out: as it is' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  reservationPriority?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Hours an order confirmed awaiting prepayment keeps its reservation (more than 0, at most 8760); left out: as it is' })
  prepaymentReservationHours?: string | null;

  @Field(() => Int, { nullable: true, description: 'Credit control: an order of a client with debt overdue more than these days is not confirmed; null: no such block. Left out: as it is' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  overdueBlockDays?: number | null;
}

@ObjectType()
export class SalesSettings {
  @Field(() => [ID], { description: 'Where an order\'s lines are reserved from after its own warehouse, in this order' })
  reservationPriority: string[];

  @Field(() => DecimalScalar, { description: 'Hours an order confirmed awaiting prepayment keeps its reservation before it is released (72 unless set)' })
  prepaymentReservationHours: string;

  @Field(() => Int, { nullable: true, description: 'Credit control: orders of clients with debt overdue more than these days are refused; null: no such block' })
  overdueBlockDays: number | null;
}
