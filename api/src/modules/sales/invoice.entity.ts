import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { SalesDocument, SalesLine } from './sales-document.entity';

/**
 * An invoice for payment (счёт на оплату, IN-2026-000017): what the client is asked to
 * pay, from an order (its lines and totals) or standalone. It owes nothing by itself:
 * posting issues it (POSTED) and writes no register; the debt comes with the shipment or
 * service act, the money with the payment that names it.
 */
@ObjectType()
@Entity()
@Index({ name: 'invoice_number_trgm', expression: 'create index "invoice_number_trgm" on "invoice" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['date'] })
@Index({ properties: ['orderId'] })
export class Invoice extends SalesDocument {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Pay by' })
  @Property({ type: 'date', nullable: true })
  payUntil?: string | null;

  @OneToMany({ entity: () => InvoiceLine, mappedBy: 'invoice', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<InvoiceLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'invoice_line_no_unique', properties: ['invoice', 'lineNo'] })
@Check({ name: 'invoice_line_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'invoice_line_price_nonnegative', expression: 'price >= 0' })
export class InvoiceLine extends SalesLine {
  @ManyToOne({ entity: () => Invoice, ref: true, deleteRule: 'cascade' })
  invoice: Ref<Invoice>;
}
