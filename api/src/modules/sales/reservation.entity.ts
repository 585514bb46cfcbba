import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Product } from '../catalog/product.entity';
import { Warehouse } from '../inventory/warehouse.entity';

/**
 * The reservation register: one signed row per order line and warehouse each time an
 * order reserves (+) or releases (−) goods. Its balance is stock_balance.reserved.
 * Written by the ledger engine only (reservationRegister).
 */
@Entity({ tableName: 'stock_reservation' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['warehouse', 'product'] })
@Index({ properties: ['orderId'] })
export class StockReservation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict' })
  product: Ref<Product>;

  /** When it was reserved or released (reservations are current, not dated like stock). */
  @Property({ type: 'date' })
  date: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  /** The order the goods are reserved for: the recorder itself, or the order a shipment took its reserved goods from. */
  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}
