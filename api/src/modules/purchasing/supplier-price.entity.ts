import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';

/** A supplier's price list entry: its price for a product from a date on (until a later entry). */
@ObjectType()
@Entity()
@Unique({ name: 'supplier_price_unique', properties: ['supplier', 'product', 'validFrom'] })
@Check({ name: 'supplier_price_nonnegative', expression: 'price >= 0' })
export class SupplierPrice {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'cascade' })
  supplier: Ref<Counterparty>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'cascade', index: true })
  product: Ref<Product>;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  validFrom: string;

  @Field(() => PriceScalar, { description: 'Without VAT' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  price: string;
}

/** A product's main supplier (Product.mainSupplier): whom reorder suggestions and new orders turn to first. */
@Entity()
export class ProductMainSupplier {
  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'cascade', primary: true })
  product: Ref<Product>;

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict', index: true })
  supplier: Ref<Counterparty>;
}
