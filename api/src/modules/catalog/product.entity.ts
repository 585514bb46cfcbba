import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { ProductGroup } from './product-group.entity';
import { Unit } from './unit.entity';

export enum ProductKind {
  GOODS = 'GOODS',
  SERVICE = 'SERVICE',
}
registerEnumType(ProductKind, { name: 'ProductKind' });

@ObjectType()
@Entity()
@Check({ name: 'product_vat_rate_range', expression: 'vat_rate >= 0 and vat_rate < 100' })
@Check({ name: 'product_weight_nonnegative', expression: 'weight is null or weight >= 0' })
@Index({ name: 'product_name_trgm', expression: 'create index "product_name_trgm" on "product" using gin ("name" gin_trgm_ops)' })
@Index({ name: 'product_sku_trgm', expression: 'create index "product_sku_trgm" on "product" using gin ("sku" gin_trgm_ops)' })
export class Product extends BaseEntity {
  @Field({ description: 'Stock keeping unit, unique' })
  @Property({ type: 'text' })
  @Unique({ name: 'product_sku_unique' })
  sku: string;

  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => ProductKind)
  @Enum({ items: () => ProductKind, default: ProductKind.GOODS })
  kind: Opt<ProductKind> = ProductKind.GOODS;

  @ManyToOne({ entity: () => Unit, ref: true, deleteRule: 'restrict' })
  unit: Ref<Unit>;

  @ManyToOne({ entity: () => ProductGroup, nullable: true, ref: true, deleteRule: 'restrict', index: true })
  group?: Ref<ProductGroup> | null;

  @Field(() => DecimalScalar, { description: 'VAT rate in percent, e.g. "22"' })
  @Property({ type: 'decimal', precision: 5, scale: 2, default: 22 })
  vatRate: Opt<string> = '22';

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  @Unique({ name: 'product_barcode_unique' })
  barcode?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Weight of one unit in kg' })
  @Property({ type: 'decimal', precision: 18, scale: 3, nullable: true })
  weight?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
