import { ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Product } from '../catalog/product.entity';
import { DocumentLine } from '../ledger/document-line.entity';

/** A document line of goods: a product and a quantity (numeric(18,3)). */
@ObjectType()
export abstract class GoodsLine extends DocumentLine {
  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;
}
