import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { GoodsLine } from './goods-line.entity';
import { Warehouse } from './warehouse.entity';

/** Goods from a supplier into a warehouse (RC-2026-000017). Posting makes lots, stock in, a payable and VAT book rows. */
@ObjectType()
@Entity()
@Index({ name: 'goods_receipt_number_trgm', expression: 'create index "goods_receipt_number_trgm" on "goods_receipt" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['date'] })
@Index({ properties: ['warehouse', 'date'] })
@Index({ properties: ['supplier', 'date'] })
export class GoodsReceipt extends DocumentEntity {
  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  /** The purchase order it receives against (purchasing), if any. */
  @Field(() => ID, { nullable: true, description: 'The purchase order it receives against' })
  @Property({ type: 'uuid', nullable: true, index: true })
  purchaseOrderId?: string | null;

  @OneToMany({ entity: () => GoodsReceiptLine, mappedBy: 'goodsReceipt', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<GoodsReceiptLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'goods_receipt_line_no_unique', properties: ['goodsReceipt', 'lineNo'] })
@Check({ name: 'goods_receipt_line_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'goods_receipt_line_unit_cost_nonnegative', expression: 'unit_cost >= 0' })
export class GoodsReceiptLine extends GoodsLine {
  @ManyToOne({ entity: () => GoodsReceipt, ref: true, deleteRule: 'cascade' })
  goodsReceipt: Ref<GoodsReceipt>;

  @Field(() => PriceScalar, { description: 'Without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  unitCost: string;

  @Field(() => DecimalScalar, { description: 'Percent' })
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate: string;

  @Field(() => MoneyScalar, { description: 'round2(quantity × unitCost), without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => MoneyScalar, { description: 'round2(amount × vatRate / 100)' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;

  @Field(() => Int, { nullable: true, description: 'The line of the purchase order it receives against' })
  @Property({ type: 'integer', nullable: true })
  orderLine?: number | null;
}
