import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { GoodsLine } from '../inventory/goods-line.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentEntity } from '../ledger/document.entity';

/**
 * An order to a supplier (PO-2026-000017). Posting writes the purchases register (what
 * is ordered) and so puts its quantities on order; receipts against it record what came.
 */
@ObjectType()
@Entity()
@Index({ properties: ['date'] })
@Index({ properties: ['supplier', 'date'] })
@Index({ properties: ['warehouse', 'date'] })
@Check({ name: 'purchase_order_tolerance_range', expression: 'receipt_tolerance_percent >= 0 and receipt_tolerance_percent <= 100' })
@Check({ name: 'purchase_order_payment_days_range', expression: 'payment_days is null or (payment_days >= 0 and payment_days <= 3650)' })
export class PurchaseOrder extends DocumentEntity {
  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the goods are expected: a line not received in full by then is overdue' })
  @Property({ type: 'date', nullable: true })
  expectedDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Payment terms: days after the receipt the supplier is to be paid' })
  @Property({ type: 'integer', nullable: true })
  paymentDays?: number | null;

  @Field(() => DecimalScalar, { description: 'How much more than ordered a receipt may bring, in percent of the line (0 by default)' })
  @Property({ type: 'decimal', precision: 5, scale: 2, default: 0 })
  receiptTolerancePercent: Opt<string> = '0';

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a posted order was closed: what it has not received is no longer on order' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @OneToMany({ entity: () => PurchaseOrderLine, mappedBy: 'purchaseOrder', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<PurchaseOrderLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'purchase_order_line_no_unique', properties: ['purchaseOrder', 'lineNo'] })
@Check({ name: 'purchase_order_line_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'purchase_order_line_price_nonnegative', expression: 'price >= 0' })
export class PurchaseOrderLine extends GoodsLine {
  @ManyToOne({ entity: () => PurchaseOrder, ref: true, deleteRule: 'cascade' })
  purchaseOrder: Ref<PurchaseOrder>;

  @Field(() => PriceScalar, { description: 'Without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  price: string;

  @Field(() => DecimalScalar, { description: 'Percent' })
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate: string;

  @Field(() => MoneyScalar, { description: 'round2(quantity × price), without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => MoneyScalar, { description: 'round2(amount × vatRate / 100)' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;
}
