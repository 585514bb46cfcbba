import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { SalesDocument, SalesLine } from './sales-document.entity';

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
export class ServiceAct extends SalesDocument {
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  contractId?: string | null;

  @Field(() => Int, { description: 'Days the client has to pay after the act: its receivable falls due on date + these' })
  @Property({ type: 'integer', default: 0 })
  paymentTermsDays: Opt<number> = 0;

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
