import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Counterparty } from '../crm/counterparty.entity';

/** What we owe suppliers: + when a document makes a debt, − when it is paid or returned. Written with SQL only. */
@Entity({ tableName: 'supplier_settlement' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['counterparty', 'date'] })
export class SupplierSettlement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  counterparty: Ref<Counterparty>;

  @Property({ type: 'date' })
  date: string;

  /** + we owe. */
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}

/** The purchase VAT book: one row per document and VAT rate. Written with SQL only. */
@Entity({ tableName: 'purchase_vat_book' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['supplier', 'date'] })
export class PurchaseVatBook {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  @Property({ type: 'date' })
  date: string;

  @Property({ type: 'decimal', precision: 5, scale: 2 })
  rate: string;

  /** Without VAT. */
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}
