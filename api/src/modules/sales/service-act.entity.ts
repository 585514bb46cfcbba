import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { SalesLine } from './sales-line.entity';

/**
 * An act of completed works or services (акт выполненных работ, SA-2026-000017): service
 * lines only, for a client, standalone or from an order (its service lines at their
 * frozen prices). Posting writes the sales register, the receivable (due its date +
 * payment terms) and the sales VAT book; no stock.
 */
@ObjectType()
@Entity()
@Index({ name: 'service_act_number_trgm', expression: 'create index "service_act_number_trgm" on "service_act" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['date'] })
@Index({ properties: ['orderId'] })
@Check({ name: 'service_act_payment_terms_nonnegative', expression: 'payment_terms_days >= 0' })
export class ServiceAct extends DocumentEntity {
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @Field(() => ID, { nullable: true, description: 'The order whose services it acts' })
  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  contractId?: string | null;

  @Field(() => Int, { description: 'Days the client has to pay after the act: its receivable falls due on date + these' })
  @Property({ type: 'integer', default: 0 })
  paymentTermsDays: Opt<number> = 0;

  @Field(() => Boolean, { description: 'Whether the line prices include VAT' })
  @Property({ type: 'boolean', default: false })
  vatIncluded: Opt<boolean> = false;

  @Field(() => MoneyScalar, { description: 'Σ line amounts' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  amount: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'Σ line VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  vat: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'What the client owes for it: Σ line totals' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  total: Opt<string> = '0';

  @OneToMany({ entity: () => ServiceActLine, mappedBy: 'serviceAct', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<ServiceActLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'service_act_line_no_unique', properties: ['serviceAct', 'lineNo'] })
@Check({ name: 'service_act_line_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'service_act_line_price_nonnegative', expression: 'price >= 0' })
export class ServiceActLine extends SalesLine {
  @ManyToOne({ entity: () => ServiceAct, ref: true, deleteRule: 'cascade' })
  serviceAct: Ref<ServiceAct>;

  @Field(() => MoneyScalar, { description: 'What the rules and the manager took off the base price, without VAT (from the order line)' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  discount: Opt<string> = '0';
}
