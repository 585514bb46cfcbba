import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { GoodsLine } from '../inventory/goods-line.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { Shipment } from './shipment.entity';

export enum ReturnCondition {
  /** Back into stock to be sold again. */
  RESALEABLE = 'RESALEABLE',
  /** Back into stock and straight into a write-off draft. */
  DEFECTIVE = 'DEFECTIVE',
}
registerEnumType(ReturnCondition, { name: 'ReturnCondition' });

/**
 * Goods a client brings back from one posted shipment (RT-2026-000017): posting brings
 * them into the chosen warehouse at exactly the FIFO cost the shipment took and reverses
 * the sale, its VAT and the receivable.
 */
@ObjectType()
@Entity()
@Index({ name: 'customer_return_number_trgm', expression: 'create index "customer_return_number_trgm" on "customer_return" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['shipment'] })
@Index({ properties: ['date'] })
export class CustomerReturn extends DocumentEntity {
  @ManyToOne({ entity: () => Shipment, ref: true, deleteRule: 'restrict' })
  shipment: Ref<Shipment>;

  /** The shipment's client (the record rules scope the return by it). */
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @Field(() => String, { description: 'Why the client returned the goods' })
  @Property({ type: 'text' })
  reason: string;

  @Field(() => ID, { nullable: true, description: 'The write-off draft made for its DEFECTIVE lines when it was posted' })
  @Property({ type: 'uuid', nullable: true })
  writeOffId?: string | null;

  @Field(() => MoneyScalar, { description: 'Σ line amounts, without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  amount: Opt<string> = '0';

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  vat: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'What the receivable goes down by: Σ line totals with VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  total: Opt<string> = '0';

  @OneToMany({ entity: () => CustomerReturnLine, mappedBy: 'customerReturn', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<CustomerReturnLine>(this);
}

/** Part of one shipment line coming back, with its share of that line's revenue, VAT and discount. */
@ObjectType()
@Entity()
@Unique({ name: 'customer_return_line_no_unique', properties: ['customerReturn', 'lineNo'] })
@Check({ name: 'customer_return_line_quantity_positive', expression: 'quantity > 0' })
export class CustomerReturnLine extends GoodsLine {
  @ManyToOne({ entity: () => CustomerReturn, ref: true, deleteRule: 'cascade' })
  customerReturn: Ref<CustomerReturn>;

  @Field(() => Int, { description: 'The shipment line it returns (its lineNo)' })
  @Property({ type: 'integer' })
  shipmentLineNo: number;

  @Field(() => ReturnCondition)
  @Enum({ items: () => ReturnCondition })
  condition: ReturnCondition;

  @Field(() => MoneyScalar, { description: 'Revenue taken back, without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  total: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  discount: Opt<string> = '0';
}
