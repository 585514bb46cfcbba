import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Unique, type Ref } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { DocumentEntity } from '../ledger/document.entity';
import { GoodsLine } from './goods-line.entity';
import { Warehouse } from './warehouse.entity';

/**
 * Goods moved between two warehouses (TR-2026-000017). Posting consumes FIFO lots at
 * the source and makes lots at the destination with the same unit cost, each naming
 * the lot it came from.
 */
@ObjectType()
@Entity()
@Index({ name: 'stock_transfer_number_trgm', expression: 'create index "stock_transfer_number_trgm" on "stock_transfer" using gin ("number" gin_trgm_ops)' })
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
export class StockTransferLine extends GoodsLine {
  @ManyToOne({ entity: () => StockTransfer, ref: true, deleteRule: 'cascade' })
  stockTransfer: Ref<StockTransfer>;
}
