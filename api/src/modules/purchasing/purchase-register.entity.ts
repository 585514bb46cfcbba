import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { PurchaseOrder } from './purchase-order.entity';

/** The purchases register's movements (purchase.registers.ts): ordered by orders, received by receipts. Written with SQL only. */
@Entity({ tableName: 'purchase_register' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['order', 'orderLine'] })
@Index({ properties: ['supplier', 'date'] })
export class PurchaseRegister {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => PurchaseOrder, ref: true, deleteRule: 'restrict', fieldName: 'order_id' })
  order: Ref<PurchaseOrder>;

  @Property({ type: 'integer' })
  orderLine: number;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict' })
  product: Ref<Product>;

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  @Property({ type: 'date' })
  date: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  ordered: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  orderedAmount: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  received: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  receivedAmount: string;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}

/** Per purchase order line: Σ ordered and Σ received (on order = ordered − received), the lock of receipts against the line. */
@Entity({ tableName: 'purchase_order_balance' })
@Index({ properties: ['warehouse', 'product'] })
export class PurchaseOrderBalance {
  @ManyToOne({ entity: () => PurchaseOrder, ref: true, primary: true, deleteRule: 'restrict', fieldName: 'order_id' })
  order: Ref<PurchaseOrder>;

  @PrimaryKey({ type: 'integer' })
  orderLine: number;

  @ManyToOne({ entity: () => Warehouse, ref: true, primary: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, primary: true, deleteRule: 'restrict' })
  product: Ref<Product>;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  ordered: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  orderedAmount: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  received: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  receivedAmount: string;
}
