import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { ProductGroup } from '../catalog/product-group.entity';
import { Warehouse } from './warehouse.entity';

@InputType()
export class StockValuationFilter {
  @Field(() => ID, { nullable: true, description: 'Only this warehouse' })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products of this group and the groups below it (each still reported under its own group)' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The valuation at the end of this day; now when not given' })
  asOf?: string | null;
}

/** Quantity and value: what every line of the report shows (not a type of the API itself). */
@ObjectType()
abstract class StockValuationAmounts {
  @Field(() => DecimalScalar, { description: 'Σ of the on-hand quantities as they are, whatever their units (pieces and kilograms add up as plain numbers)' })
  quantity: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Σ of the stock values (the cost of the lots still there, at FIFO purchase prices incl. landed costs); null without cost:read' })
  value: string | null;
}

@ObjectType({ description: 'Stock of one product group in one warehouse: the products whose own group it is (a subgroup has its own row)' })
export class StockValuationRow extends StockValuationAmounts {
  @Field(() => Warehouse)
  warehouse: Warehouse;

  @Field(() => ProductGroup, { nullable: true, description: 'null: the products without a group, in one row, last in its warehouse' })
  group: ProductGroup | null;

  @Field(() => String, { nullable: true, description: 'The group under the groups above it, e.g. "Tools / Drills"; rows are ordered by it' })
  groupPath: string | null;
}

@ObjectType({ description: "A warehouse's total: Σ of its rows" })
export class StockValuationWarehouseTotal extends StockValuationAmounts {
  @Field(() => Warehouse)
  warehouse: Warehouse;
}

@ObjectType({ description: 'The grand total: Σ of all rows (= Σ of the warehouse totals)' })
export class StockValuationTotal extends StockValuationAmounts {}

@ObjectType({
  description:
    'Stock valuation: value and quantity by warehouse × product group, with a total per warehouse and a grand total. ' +
    'Only stock that is there (quantity or value not 0) is reported; negative stock, where a warehouse allows it, counts with its sign. ' +
    'Rows are ordered by warehouse code, then group path, the products without a group last.',
})
export class StockValuation {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the valuation is at the end of; null: now' })
  asOf: string | null;

  @Field(() => [StockValuationRow])
  rows: StockValuationRow[];

  @Field(() => [StockValuationWarehouseTotal], { description: 'One per warehouse that has rows, in warehouse code order' })
  warehouses: StockValuationWarehouseTotal[];

  @Field(() => StockValuationTotal)
  total: StockValuationTotal;
}
