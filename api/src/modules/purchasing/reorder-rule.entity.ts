import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Product } from '../catalog/product.entity';
import { Warehouse } from '../inventory/warehouse.entity';

/**
 * Per warehouse × product, when to buy and how much (issue 14, item 2): once what the
 * warehouse will have (available + on order + requested − backordered) falls to the
 * reorder point (minQuantity), buy up to the reorder level (maxQuantity).
 */
@ObjectType('ReorderRule')
@Entity({ tableName: 'reorder_rule' })
@Unique({ name: 'reorder_rule_warehouse_product_unique', properties: ['warehouse', 'product'] })
@Check({ name: 'reorder_rule_min_nonnegative', expression: 'min_quantity >= 0' })
@Check({ name: 'reorder_rule_min_not_above_max', expression: 'min_quantity <= max_quantity' })
export class ReorderRule extends BaseEntity {
  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'cascade' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'cascade', index: true })
  product: Ref<Product>;

  @Field(() => DecimalScalar, { description: 'The reorder point: at or below it, a suggestion is made' })
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  minQuantity: string;

  @Field(() => DecimalScalar, { description: 'The reorder level: a suggestion brings the warehouse up to it' })
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  maxQuantity: string;
}

/** What the daily reorder job found, one row per suggestion (replaced by every run). */
@Entity({ tableName: 'reorder_suggestion' })
@Unique({ name: 'reorder_suggestion_warehouse_product_unique', properties: ['warehouseId', 'productId'] })
export class ReorderSuggestionRow {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  warehouseId: string;

  @Property({ type: 'uuid' })
  productId: string;

  @Property({ type: 'uuid', nullable: true })
  supplierId?: string | null;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  minQuantity: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  maxQuantity: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  available: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  onOrder: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  requested: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  backordered: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  projected: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Property({ type: 'timestamptz' })
  computedAt: Date;
}
