import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Counterparty } from '../crm/counterparty.entity';

/**
 * What we owe suppliers (supplierSettlementRegister): + when a receipt or a landed cost
 * makes a debt, − when a payment settles it, each row against one open document (a
 * payment's advance: against the payment). Written with SQL only.
 */
@Entity({ tableName: 'supplier_settlement' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['supplier', 'date'] })
@Index({ properties: ['supplier', 'documentId'] })
@Index({ properties: ['documentId'] })
export class SupplierSettlement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  /** The document the amount is open against: a goods receipt, a landed cost, or a payment's advance. */
  @Property({ type: 'text' })
  documentType: string;

  @Property({ type: 'uuid' })
  documentId: string;

  @Property({ type: 'date' })
  date: string;

  /** + we owe. */
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  /** When a debt falls due (its date + the supplier's payment terms); null on what settles. */
  @Property({ type: 'date', nullable: true })
  dueDate?: string | null;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}

/** Per supplier: what we owe now (Σ of its settlements); the lock that orders its settlements. */
@Entity({ tableName: 'supplier_balance' })
export class SupplierBalance {
  @ManyToOne({ entity: () => Counterparty, ref: true, primary: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;
}

/** Per supplier × month: the month's net settlements and the balance at its end. */
@Entity({ tableName: 'supplier_settlement_month_total' })
export class SupplierSettlementMonthTotal {
  @ManyToOne({ entity: () => Counterparty, ref: true, primary: true, deleteRule: 'restrict' })
  supplier: Ref<Counterparty>;

  @PrimaryKey({ type: 'date' })
  month: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  closingAmount: string;
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
