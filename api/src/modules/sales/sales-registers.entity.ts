import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { Warehouse } from '../inventory/warehouse.entity';

/** The sales register's rows (salesRegister). Written by the ledger engine only. */
@Entity({ tableName: 'sales_register' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['product', 'date'] })
@Index({ properties: ['orderId'] })
@Index({ properties: ['date'] })
export class SalesRegisterRow {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict' })
  product: Ref<Product>;

  /** Null for a service. */
  @ManyToOne({ entity: () => Warehouse, ref: true, nullable: true, deleteRule: 'restrict' })
  warehouse?: Ref<Warehouse> | null;

  @Property({ type: 'uuid', nullable: true })
  managerId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  contractId?: string | null;

  @Property({ type: 'date' })
  date: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  revenue: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  vat: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  discount: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  cost: string;

  /** SalesRowKind */
  @Property({ type: 'text' })
  kind: string;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}

/** Settlements with clients (clientSettlementRegister): + a debt, − what settles it, each against one open document. */
@Entity({ tableName: 'client_settlement' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['client', 'documentId'] })
@Index({ properties: ['documentId'] })
export class ClientSettlement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  /** The document the amount is open against: a shipment, a service act, or a payment's advance. */
  @Property({ type: 'text' })
  documentType: string;

  @Property({ type: 'uuid' })
  documentId: string;

  @Property({ type: 'date' })
  date: string;

  /** + the client owes us. */
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  /** When the open document falls due (its date + the payment terms); null for what settles. */
  @Property({ type: 'date', nullable: true })
  dueDate?: string | null;

  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  contractId?: string | null;

  @Property({ type: 'text' })
  recorderType: string;

  @Property({ type: 'uuid' })
  recorderId: string;

  @Property({ type: 'integer' })
  recorderLine: number;
}

/** What each client owes now: Σ of its settlements, kept in the posting transaction (the lock of one client's settlements). */
@Entity({ tableName: 'client_balance' })
export class ClientBalance {
  @ManyToOne({ entity: () => Counterparty, ref: true, primary: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;
}

/** Per client × month: the month's net settlements and the balance at its end. */
@Entity({ tableName: 'client_settlement_month_total' })
export class ClientSettlementMonthTotal {
  @ManyToOne({ entity: () => Counterparty, ref: true, primary: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @PrimaryKey({ type: 'date' })
  month: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  closingAmount: string;
}

/** The sales VAT book (salesVatBookRegister): one row per document and VAT rate. */
@Entity({ tableName: 'sales_vat_book' })
@Index({ properties: ['recorderId', 'recorderType'] })
@Index({ properties: ['client', 'date'] })
@Index({ properties: ['date'] })
@Check({ name: 'sales_vat_book_rate_range', expression: 'rate >= 0 and rate < 100' })
export class SalesVatBook {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @Property({ type: 'date' })
  date: string;

  @Property({ type: 'decimal', precision: 5, scale: 2 })
  rate: string;

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
