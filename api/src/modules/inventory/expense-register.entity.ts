import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Product } from '../catalog/product.entity';
import { Warehouse } from './warehouse.entity';

/** The expense register: + cost booked as an expense (write-offs, later adjustments), one row per document line. Written with SQL only. */
@Entity({ tableName: 'expense_register' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['warehouse', 'date'] })
export class ExpenseRegister {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'date' })
  date: string;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', nullable: true, index: true })
  product?: Ref<Product> | null;

  /** e.g. a WriteOffReason. */
  @Property({ type: 'text' })
  reason: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}
