import { ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { Product } from '../catalog/product.entity';
import { DocumentLine } from '../ledger/document-line.entity';

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
