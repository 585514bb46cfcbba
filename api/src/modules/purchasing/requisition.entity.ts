import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { User } from '../identity/user.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { RequisitionStatus } from './requisition-status';

/**
 * A purchase requisition (заявка на закупку, PR-2026-000017): what a staff member asks
 * purchasing to buy for a warehouse. Its own life (RequisitionStatus), numbered by the
 * ledger's document sequence; it posts nothing — purchase orders made from its lines
 * do, and each line keeps what became of it (RequisitionLineOrder).
 */
@ObjectType('PurchaseRequisition')
@Entity({ tableName: 'purchase_requisition' })
@Index({ properties: ['requestedBy', 'date'] })
@Index({ properties: ['status'] })
export class PurchaseRequisition extends BaseEntity {
  @Field({ description: "PR-YYYY-NNNNNN, from the date's year" })
  @Property({ type: 'text', unique: true })
  number: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  date: string;

  @Field(() => RequisitionStatus)
  @Enum({ items: () => RequisitionStatus, default: RequisitionStatus.DRAFT })
  status: Opt<RequisitionStatus> = RequisitionStatus.DRAFT;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict', index: true })
  warehouse: Ref<Warehouse>;

  @ManyToOne({ entity: () => User, ref: true, deleteRule: 'restrict' })
  requestedBy: Ref<User>;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy?: Ref<User> | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was approved or rejected' })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why purchasing rejected it' })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @OneToMany({ entity: () => PurchaseRequisitionLine, mappedBy: 'requisition', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<PurchaseRequisitionLine>(this);
}

/** One product asked for, by when. */
@ObjectType('PurchaseRequisitionLine')
@Entity({ tableName: 'purchase_requisition_line' })
@Unique({ name: 'purchase_requisition_line_no_unique', properties: ['requisition', 'lineNo'] })
@Check({ name: 'purchase_requisition_line_quantity_positive', expression: 'quantity > 0' })
export class PurchaseRequisitionLine extends DocumentLine {
  @ManyToOne({ entity: () => PurchaseRequisition, ref: true, deleteRule: 'cascade' })
  requisition: Ref<PurchaseRequisition>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the goods are needed at the warehouse' })
  @Property({ type: 'date', nullable: true })
  neededBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}

/**
 * What a purchase order line took of a requisition line: several requisitions of one
 * product consolidate into one order line, and each requisition line keeps how much of
 * it went onto which order line.
 */
@Entity({ tableName: 'requisition_line_order' })
@Unique({ name: 'requisition_line_order_unique', properties: ['requisitionLine', 'purchaseOrderLineId'] })
@Index({ properties: ['purchaseOrderLineId'] })
@Check({ name: 'requisition_line_order_quantity_positive', expression: 'quantity > 0' })
export class RequisitionLineOrder extends BaseEntity {
  @ManyToOne({ entity: () => PurchaseRequisitionLine, ref: true, deleteRule: 'cascade' })
  requisitionLine: Ref<PurchaseRequisitionLine>;

  @Property({ type: 'uuid' })
  purchaseOrderId: string;

  @Property({ type: 'uuid' })
  purchaseOrderLineId: string;

  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;
}
