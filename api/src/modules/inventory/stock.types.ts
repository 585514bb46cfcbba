import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { MAX_PER_PAGE, PageArgs } from '../../shared/pagination';

@ObjectType({ description: 'Stock of one product in one warehouse. Cost fields are null for users without cost:read.' })
export class StockBalanceView {
  @Field(() => ID)
  warehouseId: string;

  @Field(() => ID)
  productId: string;

  @Field(() => DecimalScalar)
  onHand: string;

  @Field(() => DecimalScalar, { description: 'Held for orders (0 for an as-of date: reservations are current only)' })
  reserved: string;

  @Field(() => DecimalScalar, { description: 'onHand − reserved' })
  available: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Stock value (Σ of the lots still there); needs cost:read' })
  cost: string | null;

  @Field(() => PriceScalar, { nullable: true, description: 'Value ÷ quantity of the lots still there (as of a date: value ÷ on hand); null when nothing remains; needs cost:read' })
  averageUnitCost: string | null;
}

@InputType()
export class StockBalanceFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  productId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these products (with productId: the products in both)' })
  @IsOptional()
  @ArrayMaxSize(MAX_PER_PAGE)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  productIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Products of this group and the groups below it' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Leave out rows with nothing on hand and no value' })
  onlyNonZero?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The balance at the end of this day' })
  asOf?: string | null;
}

@ArgsType()
export class StockBalanceArgs extends PageArgs {
  @Field(() => StockBalanceFilter, { nullable: true })
  filter?: StockBalanceFilter;
}

@InputType()
export class StockMovementFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  productId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document that made the movements' })
  @IsOptional()
  @IsUUID('all')
  recorderId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  dateTo?: string | null;
}

@ArgsType()
export class StockMovementArgs extends PageArgs {
  @Field(() => StockMovementFilter, { nullable: true })
  filter?: StockMovementFilter;
}

@ObjectType({
  description:
    'What one warehouse holds of a product now. Partners see only the warehouses that ship to partners, and only available: onHand and reserved need stock:read and are null without it',
})
export class ProductAvailability {
  @Field(() => ID)
  warehouseId: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'On hand now; needs stock:read' })
  onHand: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Held for orders now; needs stock:read' })
  reserved: string | null;

  @Field(() => DecimalScalar, {
    description: 'What an order dated today may take here: on hand less what is reserved, and less what documents dated later take out; never below 0',
  })
  available: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Ordered from suppliers (posted purchase orders) and not received yet; needs stock:read (null without)' })
  onOrder: string | null;
}
