import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { User } from '../identity/user.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { PriceType } from '../pricing/price-type.entity';
import { OrderStatus } from './order-status';

/**
 * A customer order (OR-2026-000017). Its own life (OrderStatus), not the posting
 * engine's DRAFT/POSTED: confirming freezes its prices and reserves its goods as
 * movements of the reservation register (recorder = the order). The header totals are
 * the sums of its lines' rounded figures.
 */
@ObjectType('Order')
@Entity({ tableName: 'customer_order' })
@Index({ name: 'customer_order_number_trgm', expression: 'create index "customer_order_number_trgm" on "customer_order" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['date'] })
@Unique({ name: 'customer_order_idempotency_unique', properties: ['createdById', 'idempotencyKey'] })
@Check({ name: 'customer_order_payment_terms_nonnegative', expression: 'payment_terms_days >= 0' })
export class CustomerOrder extends BaseEntity {
  @Field({ description: 'OR-YYYY-NNNNNN, from the date\'s year' })
  @Property({ type: 'text', unique: true })
  number: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  date: string;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus, default: OrderStatus.DRAFT })
  status: Opt<OrderStatus> = OrderStatus.DRAFT;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt?: Date | null;

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null', index: true })
  manager?: Ref<User> | null;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict', index: true })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => PriceType, ref: true, deleteRule: 'restrict' })
  priceType: Ref<PriceType>;

  @Field(() => ID, { nullable: true, description: 'The contract it is sold under (contracts come later)' })
  @Property({ type: 'uuid', nullable: true })
  contractId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the client was promised the goods' })
  @Property({ type: 'date', nullable: true })
  promisedDate?: string | null;

  @Field(() => Int, { description: 'Days the client has to pay after shipment' })
  @Property({ type: 'integer', default: 0 })
  paymentTermsDays: Opt<number> = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  promoCode?: string | null;

  @Field(() => Boolean, { description: 'Set by the confirmation: what stock cannot cover is kept as a backorder instead of refusing' })
  @Property({ type: 'boolean', default: false })
  allowBackorder: Opt<boolean> = false;

  @Field(() => Boolean, { description: 'Confirmed to wait for the client\'s prepayment: the reservation is released at reservationExpiresAt unless the order is paid (prepaidAt) first' })
  @Property({ type: 'boolean', default: false })
  awaitingPrepayment: Opt<boolean> = false;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the prepayment came (payments set it); a prepaid order keeps its reservation' })
  @Property({ type: 'timestamptz', nullable: true })
  prepaidAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When an order awaiting prepayment gives its reservation back (salesSettings.prepaymentReservationHours after it reserved)' })
  @Property({ type: 'timestamptz', nullable: true })
  reservationExpiresAt?: Date | null;

  @Field(() => MoneyScalar, { description: 'Σ line amounts' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  amount: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'Σ line VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  vat: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'What the client pays: Σ line totals' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  total: Opt<string> = '0';

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  /** Who created it; with idempotencyKey, what makes a retried createOrder return the first order. */
  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @OneToMany({ entity: () => CustomerOrderLine, mappedBy: 'order', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<CustomerOrderLine>(this);
}

/** One product of an order with its price as `quote` broke it down (frozen once the order is confirmed). */
@ObjectType('OrderLine')
@Entity({ tableName: 'customer_order_line' })
@Unique({ name: 'customer_order_line_no_unique', properties: ['order', 'lineNo'] })
@Unique({ name: 'customer_order_line_product_unique', properties: ['order', 'product'] })
@Check({ name: 'customer_order_line_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'customer_order_line_backordered_range', expression: 'backordered >= 0 and backordered <= quantity' })
@Index({ name: 'customer_order_line_backordered', expression: 'create index "customer_order_line_backordered" on "customer_order_line" ("product_id") where "backordered" > 0' })
export class CustomerOrderLine extends DocumentLine {
  @ManyToOne({ entity: () => CustomerOrder, ref: true, deleteRule: 'cascade' })
  order: Ref<CustomerOrder>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Field(() => PriceScalar, { description: 'The unit price of the price type on the order date, before any discount' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  basePrice: string;

  @Field(() => ID, { nullable: true, description: 'The price list that set basePrice' })
  @Property({ type: 'uuid', nullable: true })
  priceListId?: string | null;

  /** The quote's applied rules, as it gave them (AppliedDiscount). */
  @Property({ type: 'jsonb' })
  appliedRules: Opt<AppliedRuleRecord[]> = [];

  @Field(() => DecimalScalar, { description: 'The manual discount asked for, in percent (manualDiscount has what it took off)' })
  @Property({ type: 'decimal', precision: 7, scale: 4, default: 0 })
  manualDiscountPercent: Opt<string> = '0';

  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  manualDiscountAmount: Opt<string> = '0';

  @Field(() => PriceScalar, { description: 'After every discount, rounded to the price type\'s step' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  finalUnitPrice: string;

  @Field(() => MoneyScalar, { description: 'What rounding the unit price added to the line' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  rounding: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'finalUnitPrice × quantity, 2 places' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;

  @Field(() => MoneyScalar, { description: 'What the client pays for the line: amount, plus vat when VAT is on top' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  total: string;

  @Field(() => DecimalScalar, { description: 'Of the quantity, what stock could not cover at confirmation and waits for goods to arrive' })
  @Property({ type: 'decimal', precision: 18, scale: 3, default: 0 })
  backordered: Opt<string> = '0';
}

/** An applied discount rule as stored on an order line. */
export interface AppliedRuleRecord {
  ruleId: string;
  name: string;
  kind: string;
  percent: string;
  rulePercent: string;
  limitedBy: string | null;
  amount: string;
}
