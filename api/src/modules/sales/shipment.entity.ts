import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { GoodsLine } from '../inventory/goods-line.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { CustomerOrder } from './order.entity';

/**
 * Goods shipped to a client (SH-2026-000017), from an order or standalone. Posting
 * releases the order's reservation, takes the goods out at FIFO cost and books the sale,
 * the receivable and the sales VAT book. Totals are Σ of the lines' rounded figures.
 */
@ObjectType()
@Entity()
@Index({ name: 'shipment_number_trgm', expression: 'create index "shipment_number_trgm" on "shipment" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['order'] })
@Index({ properties: ['date'] })
export class Shipment extends DocumentEntity {
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  /** Null for a standalone shipment. */
  @ManyToOne({ entity: () => CustomerOrder, ref: true, nullable: true, deleteRule: 'restrict' })
  order?: Ref<CustomerOrder> | null;

  @Field(() => ID, { nullable: true, description: "The order's manager, or the client's owner" })
  @Property({ type: 'uuid', nullable: true })
  managerId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  contractId?: string | null;

  @Field(() => Int, { description: 'The receivable falls due this many days after the shipment date' })
  @Property({ type: 'integer', default: 0 })
  paymentTermsDays: Opt<number> = 0;

  @Field(() => MoneyScalar, { description: 'Σ line amounts, without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  amount: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'Σ line VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  vat: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'What the client owes for it: Σ line totals with VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  total: Opt<string> = '0';

  @OneToMany({ entity: () => ShipmentLine, mappedBy: 'shipment', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<ShipmentLine>(this);
}

/** A product shipped, with its share of the order line's frozen price (or its own price, standalone). */
@ObjectType()
@Entity()
@Unique({ name: 'shipment_line_no_unique', properties: ['shipment', 'lineNo'] })
@Check({ name: 'shipment_line_quantity_positive', expression: 'quantity > 0' })
@Index({ properties: ['orderLineId'] })
export class ShipmentLine extends GoodsLine {
  @ManyToOne({ entity: () => Shipment, ref: true, deleteRule: 'cascade' })
  shipment: Ref<Shipment>;

  @Field(() => ID, { nullable: true, description: 'The order line it ships (null standalone)' })
  @Property({ type: 'uuid', nullable: true })
  orderLineId?: string | null;

  @Field(() => PriceScalar, { description: "The final unit price (the order line's, as its price type gives it: with VAT when VAT is in the price)" })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  unitPrice: string;

  @Field(() => MoneyScalar, { description: 'Revenue without VAT: total − vat' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;

  @Field(() => MoneyScalar, { description: 'With VAT: what the client owes for the line' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  total: string;

  @Field(() => MoneyScalar, { description: 'What the discount rules and the manager took off the base price, without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  discount: Opt<string> = '0';
}
