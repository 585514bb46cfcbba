import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Product } from '../catalog/product.entity';
import { PriceType } from './price-type.entity';

/**
 * The price register: one row per posted price list line. The price of a product and
 * price type at a date is the row with the latest valid_from on or before it (the
 * latest posted among equal dates). Written and deleted only by the ledger engine (priceRegister).
 */
@Entity({ tableName: 'price_register' })
@Index({ name: 'price_register_lookup', properties: ['product', 'priceType', 'validFrom', 'postedAt'] })
@Index({ name: 'price_register_recorder', properties: ['recorderId', 'recorderType'] })
@Check({ name: 'price_register_price_nonnegative', expression: 'price >= 0' })
export class PriceRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict' })
  product: Ref<Product>;

  @ManyToOne({ entity: () => PriceType, ref: true, deleteRule: 'restrict' })
  priceType: Ref<PriceType>;

  @Property({ type: 'date' })
  validFrom: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  price: string;

  /** The price list that posted it (type, id) and its line. */
  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;

  @Property({ type: 'timestamptz' })
  postedAt: Date;
}
