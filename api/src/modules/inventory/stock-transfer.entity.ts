import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Product } from '../catalog/product.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { Warehouse } from './warehouse.entity';

/**
 * Goods moved between two warehouses (TR-2026-000017). Posting consumes FIFO lots at
 * the source and makes lots at the destination with the same unit cost, each naming
 * the lot it came from.
 */
@ObjectType()
@Entity()
@Index({ properties: ['date'] })
@Index({ properties: ['fromWarehouse', 'date'] })
@Index({ properties: ['toWarehouse', 'date'] })
@Check({ name: 'stock_transfer_warehouses_differ', expression: 'from_warehouse_id <> to_warehouse_id' })
export class StockTransfer extends DocumentEntity {
  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  fromWarehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  toWarehouse: Ref<Warehouse>;

  @OneToMany({ entity: () => StockTransferLine, mappedBy: 'stockTransfer', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<StockTransferLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'stock_transfer_line_no_unique', properties: ['stockTransfer', 'lineNo'] })
@Check({ name: 'stock_transfer_line_quantity_positive', expression: 'quantity > 0' })
export class StockTransferLine extends BaseEntity {
  @ManyToOne({ entity: () => StockTransfer, ref: true, deleteRule: 'cascade' })
  stockTransfer: Ref<StockTransfer>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  lineNo: number;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;
}
