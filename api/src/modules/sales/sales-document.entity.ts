import { ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { DocumentEntity } from '../ledger/document.entity';

/** A priced line of a sales document (service act, invoice for payment): product, quantity, price and VAT. */
@ObjectType()
export abstract class SalesLine extends DocumentLine {
  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Field(() => PriceScalar, { description: 'Per unit; with VAT when the document\'s prices include it' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  price: string;

  @Field(() => DecimalScalar, { description: 'Percent' })
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  vatRate: string;

  @Field(() => MoneyScalar, { description: 'round2(quantity × price)' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;

  @Field(() => MoneyScalar, { description: 'What the client pays for the line: amount, plus VAT when it is on top' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  total: string;
}

/** What a sales document (service act, invoice for payment) has besides its lines: the client, the order it came from, how its prices hold VAT, and its totals. */
@ObjectType()
export abstract class SalesDocument extends DocumentEntity {
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @Field(() => ID, { nullable: true, description: 'The order it was made from' })
  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  @Field(() => Boolean, { description: 'Whether the line prices include VAT' })
  @Property({ type: 'boolean', default: false })
  vatIncluded: Opt<boolean> = false;

  @Field(() => MoneyScalar, { description: 'Σ line amounts' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  amount: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'Σ line VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  vat: Opt<string> = '0';

  @Field(() => MoneyScalar, { description: 'What the client pays: Σ line totals' })
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  total: Opt<string> = '0';
}
