import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Warehouse } from './warehouse.entity';

/**
 * A FIFO lot: what one document line brought into a warehouse, and how much of it is
 * still there. Consumption takes lots in (date, sequence) order. Written with SQL only.
 * Cost fields (unitCost, valueRemaining) are resolved by StockLotResolver: null without cost:read.
 */
@ObjectType()
@Entity({ tableName: 'stock_lot' })
@Index({ properties: ['warehouse', 'product', 'date', 'sequence'] })
@Index({ name: 'stock_lot_open', expression: 'create index "stock_lot_open" on "stock_lot" ("warehouse_id", "product_id", "date", "sequence") where qty_remaining > 0' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Check({ name: 'stock_lot_remaining_range', expression: 'qty_remaining >= 0 and qty_remaining <= qty_in' })
@Check({ name: 'stock_lot_value_nonnegative', expression: 'value_remaining >= 0' })
export class StockLot {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  date: string;

  @Field(() => String, { description: 'FIFO order among lots of the same date (from the stock_lot_sequence)' })
  @Property({ type: 'bigint' })
  sequence: string;

  @Field({ description: 'The type of the document that made the lot, e.g. GoodsReceipt' })
  @Property({ type: 'text' })
  recorderType: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recorderId: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  recorderLine: number;

  @ManyToOne({ entity: () => StockLot, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  originLot?: Ref<StockLot> | null;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  qtyIn: string;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  qtyRemaining: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  unitCost: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  valueRemaining: string;
}

/** The stock register: one signed row per document line (and lot) that moved stock. Written with SQL only. */
@ObjectType()
@Entity({ tableName: 'stock_movement' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['warehouse', 'product', 'date'] })
@Index({ properties: ['date'] })
export class StockMovement {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict' })
  product: Ref<Product>;

  @ManyToOne({ entity: () => StockLot, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  lot?: Ref<StockLot> | null;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  date: string;

  @Field(() => DecimalScalar, { description: '+ in, − out' })
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  cost: string;

  @Field()
  @Property({ type: 'text' })
  recorderType: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recorderId: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  recorderLine: number;
}

/** On hand, reserved and value per warehouse × product: Σ of the movements, kept in the posting transaction. */
@Entity({ tableName: 'stock_balance' })
@Check({ name: 'stock_balance_covered', expression: 'allows_negative or (on_hand >= 0 and reserved <= on_hand)' })
@Check({ name: 'stock_balance_reserved_nonnegative', expression: 'reserved >= 0' })
export class StockBalance {
  @ManyToOne({ entity: () => Warehouse, ref: true, primary: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, primary: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  onHand: string;

  @Property({ type: 'decimal', precision: 18, scale: 3, default: 0 })
  reserved: Opt<string> = '0';

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  cost: string;

  /** The warehouse's allowsNegativeStock, kept equal to it (WarehouseService) for the CHECK: on hand ≥ 0 and reserved ≤ on hand where negative stock is forbidden. */
  @Property({ type: 'boolean', default: false })
  allowsNegative: Opt<boolean> = false;
}

/**
 * Per warehouse × product × month (its first day): the month's net movement and the
 * closing balance at its end. A balance as of a day is the closing balance of the last
 * month before it plus that month's movements up to the day (the stock register).
 */
@Entity({ tableName: 'stock_month_total' })
export class StockMonthTotal {
  @ManyToOne({ entity: () => Warehouse, ref: true, primary: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, primary: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @PrimaryKey({ type: 'date' })
  month: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  cost: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  closingQuantity: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  closingCost: string;
}
