import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, MoneyScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { GoodsReceiptLine } from './goods-receipt.entity';
import { StockLot } from './stock.entity';
import { Warehouse } from './warehouse.entity';

export enum LandedCostMethod {
  VALUE = 'VALUE',
  QUANTITY = 'QUANTITY',
  WEIGHT = 'WEIGHT',
  MANUAL = 'MANUAL',
}
registerEnumType(LandedCostMethod, {
  name: 'LandedCostMethod',
  description: "How the amount is spread over the receipt lines: by their value, quantity, weight (the line's, or product weight × quantity), or as given per line",
});

/**
 * A cost that came after the goods (freight, customs, handling; LC-2026-000017),
 * spread over chosen goods receipt lines. Posting raises the unit cost of what is
 * still in their lots and posts dated adjustments for what already left them
 * (CostAdjustment); nothing posted earlier is rewritten.
 */
@ObjectType()
@Entity()
@Index({ name: 'landed_cost_number_trgm', expression: 'create index "landed_cost_number_trgm" on "landed_cost" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['date'] })
@Index({ properties: ['supplier', 'date'] })
@Check({ name: 'landed_cost_amount_positive', expression: 'amount > 0' })
export class LandedCost extends DocumentEntity {
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  @Field({ description: 'What the cost is for, e.g. "Freight Moscow–Kazan"' })
  @Property({ type: 'text' })
  description: string;

  @Field(() => MoneyScalar, { description: 'Without VAT, in kopecks; spread over the lines' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => DecimalScalar, { description: 'Percent; the VAT goes to the payable and the purchase VAT book, not into the cost' })
  @Property({ type: 'decimal', precision: 5, scale: 2, default: 0 })
  vatRate: string;

  @Field(() => MoneyScalar, { description: 'round2(amount × vatRate / 100)' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  vat: string;

  @Field(() => LandedCostMethod)
  @Enum({ items: () => LandedCostMethod })
  method: LandedCostMethod;

  @OneToMany({ entity: () => LandedCostLine, mappedBy: 'landedCost', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<LandedCostLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'landed_cost_line_no_unique', properties: ['landedCost', 'lineNo'] })
@Unique({ name: 'landed_cost_line_receipt_line_unique', properties: ['landedCost', 'goodsReceiptLine'] })
export class LandedCostLine extends DocumentLine {
  @ManyToOne({ entity: () => LandedCost, ref: true, deleteRule: 'cascade' })
  landedCost: Ref<LandedCost>;

  @ManyToOne({ entity: () => GoodsReceiptLine, ref: true, deleteRule: 'restrict', index: true })
  goodsReceiptLine: Ref<GoodsReceiptLine>;

  @Field(() => DecimalScalar, { nullable: true, description: 'WEIGHT: the weight of the whole line in kg; when empty, product weight × quantity' })
  @Property({ type: 'decimal', precision: 18, scale: 3, nullable: true })
  weight?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'MANUAL: the part of the amount for this line' })
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  manualAmount?: string | null;

  @Field(() => MoneyScalar, { description: "The line's part of the amount (the parts add up to it exactly)" })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  allocated: string;
}

export enum CostAdjustmentKind {
  /** Raised the value (and unit cost) of what is still in a lot. */
  LOT = 'LOT',
  /** For goods a write-off or a count had already taken: booked as an expense. */
  EXPENSE = 'EXPENSE',
  /** For goods a transfer had already moved: carried into the destination lot (whose own LOT/EXPENSE rows follow). */
  TRANSFER = 'TRANSFER',
  /** For goods already sold: a cost-of-goods-sold adjustment in the sales register (the shipment's adjuster, see cost-adjustment.ts). */
  COGS = 'COGS',
}
registerEnumType(CostAdjustmentKind, { name: 'CostAdjustmentKind' });

/**
 * What a landed cost did, per lot and per document that had consumed from it. The
 * LOT, EXPENSE and COGS rows of one landed cost add up to its amount; TRANSFER rows
 * say where a part went on. Written with SQL only; deleted when the landed cost is
 * unposted.
 */
@ObjectType()
@Entity({ tableName: 'cost_adjustment' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['targetId', 'targetType'] })
export class CostAdjustment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => LocalDateScalar, { description: "When it is booked: the landed cost's date, or the date of the document that took the goods when that is later" })
  @Property({ type: 'date' })
  date: string;

  @Field(() => CostAdjustmentKind)
  @Enum({ items: () => CostAdjustmentKind })
  kind: CostAdjustmentKind;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Field(() => Int, { description: 'The landed cost line' })
  @Property({ type: 'integer' })
  recorderLine: number;

  @ManyToOne({ entity: () => StockLot, ref: true, deleteRule: 'restrict', index: true })
  lot: Ref<StockLot>;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict' })
  product: Ref<Product>;

  @Field({ description: 'The document adjusted: for LOT the one that made the lot, otherwise the one that consumed from it' })
  @Property({ type: 'text' })
  targetType: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  targetId: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  targetLine: number;

  @Field(() => DecimalScalar, { description: 'LOT: what was still in the lot; otherwise what the target had taken from it' })
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  /** LOT: what the lot's unit cost went up by (taken back on unpost). */
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  unitCostDelta?: string | null;
}
