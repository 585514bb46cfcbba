import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PriceScalar } from '../../shared/decimal.scalar';
import { DocumentEntity } from '../ledger/document.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { ProductGroup } from '../catalog/product-group.entity';
import { Product } from '../catalog/product.entity';
import { PriceType } from './price-type.entity';

export enum PriceListSource {
  MANUAL = 'MANUAL',
  REPRICE = 'REPRICE',
  IMPORT = 'IMPORT',
  DERIVED = 'DERIVED',
}
registerEnumType(PriceListSource, { name: 'PriceListSource', description: 'Typed in, made by repriceGroup, imported from CSV, or computed for a derived price type' });

/** A dated document setting prices of one price type; posting makes them effective from its date. */
@ObjectType()
@Entity()
@Index({ name: 'price_list_number_trgm', expression: 'create index "price_list_number_trgm" on "price_list" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['priceType', 'date'] })
export class PriceList extends DocumentEntity {
  @ManyToOne({ entity: () => PriceType, ref: true, deleteRule: 'restrict' })
  priceType: Ref<PriceType>;

  @ManyToOne({ entity: () => ProductGroup, nullable: true, ref: true, deleteRule: 'restrict' })
  group?: Ref<ProductGroup> | null;

  @Field(() => PriceListSource)
  @Enum({ items: () => PriceListSource, default: PriceListSource.MANUAL })
  source: Opt<PriceListSource> = PriceListSource.MANUAL;

  /** For a DERIVED list: the posted list of the base price type it was computed from. */
  @ManyToOne({ entity: () => PriceList, nullable: true, ref: true, deleteRule: 'cascade', index: true })
  basePriceList?: Ref<PriceList> | null;

  @OneToMany({ entity: () => PriceListLine, mappedBy: 'priceList', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<PriceListLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'price_list_line_product_unique', properties: ['priceList', 'product'] })
@Check({ name: 'price_list_line_price_nonnegative', expression: 'price >= 0' })
export class PriceListLine extends DocumentLine {
  @ManyToOne({ entity: () => PriceList, ref: true, deleteRule: 'cascade' })
  priceList: Ref<PriceList>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => PriceScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  price: string;
}
