import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { PaymentMethod } from '../sales/payment.entity';

/**
 * Money we paid a supplier (SP-2026-000017). Posting writes the payable down: the
 * receipts and landed costs it names (allocations), or else the receipt it pays and then
 * the oldest first; what is left stays as an advance to the supplier that later
 * receipts consume.
 */
@ObjectType()
@Entity()
@Index({ name: 'outgoing_payment_number_trgm', expression: 'create index "outgoing_payment_number_trgm" on "outgoing_payment" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['supplier', 'date'] })
@Index({ properties: ['date'] })
@Unique({ name: 'outgoing_payment_idempotency_unique', properties: ['createdById', 'idempotencyKey'] })
@Check({ name: 'outgoing_payment_amount_positive', expression: 'amount > 0' })
export class OutgoingPayment extends DocumentEntity {
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => PaymentMethod)
  @Enum({ items: () => PaymentMethod })
  method: PaymentMethod;

  /** The goods receipt it pays first (when no allocations are given). */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  receiptId?: string | null;

  /** Who registered it; with idempotencyKey, what makes a retry return the first payment. */
  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @OneToMany({ entity: () => OutgoingPaymentAllocation, mappedBy: 'payment', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<OutgoingPaymentAllocation>(this);
}

/** A debt to the supplier the payment was told to settle, and how much of it. */
@ObjectType()
@Entity()
@Unique({ name: 'outgoing_payment_allocation_line_no_unique', properties: ['payment', 'lineNo'] })
@Check({ name: 'outgoing_payment_allocation_amount_positive', expression: 'amount > 0' })
export class OutgoingPaymentAllocation extends DocumentLine {
  @ManyToOne({ entity: () => OutgoingPayment, ref: true, deleteRule: 'cascade' })
  payment: Ref<OutgoingPayment>;

  @Field({ description: "The debt document's type: GoodsReceipt or LandedCost" })
  @Property({ type: 'text' })
  documentType: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  documentId: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;
}
