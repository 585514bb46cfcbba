import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { DocumentEntity } from '../ledger/document.entity';

export enum PaymentMethod {
  BANK = 'BANK',
  CASH = 'CASH',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'A bank transfer or cash' });

/**
 * Money a client paid us (PM-2026-000017). Posting settles its open debts — those it
 * names (allocations), or else the oldest first — and what is left stays as an advance
 * (a row against the payment itself) that later debts consume.
 */
@ObjectType()
@Entity()
@Index({ name: 'incoming_payment_number_trgm', expression: 'create index "incoming_payment_number_trgm" on "incoming_payment" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['date'] })
@Unique({ name: 'incoming_payment_idempotency_unique', properties: ['createdById', 'idempotencyKey'] })
@Check({ name: 'incoming_payment_amount_positive', expression: 'amount > 0' })
export class IncomingPayment extends DocumentEntity {
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => PaymentMethod)
  @Enum({ items: () => PaymentMethod })
  method: PaymentMethod;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  invoiceId?: string | null;

  /** Who registered it; with idempotencyKey, what makes a retry return the first payment. */
  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @OneToMany({ entity: () => PaymentAllocation, mappedBy: 'payment', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<PaymentAllocation>(this);
}

/** A debt the payment was told to settle, and how much of it. */
@ObjectType()
@Entity()
@Unique({ name: 'payment_allocation_line_no_unique', properties: ['payment', 'lineNo'] })
@Check({ name: 'payment_allocation_amount_positive', expression: 'amount > 0' })
export class PaymentAllocation extends DocumentLine {
  @ManyToOne({ entity: () => IncomingPayment, ref: true, deleteRule: 'cascade' })
  payment: Ref<IncomingPayment>;

  @Field({ description: 'The debt document\'s type, e.g. ServiceAct, Shipment' })
  @Property({ type: 'text' })
  documentType: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  documentId: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;
}
