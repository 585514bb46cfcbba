import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentEntity } from '../ledger/document.entity';
import { GoodsLine } from './goods-line.entity';
import { Warehouse } from './warehouse.entity';

export enum WriteOffReason {
  DAMAGE = 'DAMAGE',
  SHORTAGE = 'SHORTAGE',
  EXPIRY = 'EXPIRY',
  OWN_USE = 'OWN_USE',
  OTHER = 'OTHER',
}
registerEnumType(WriteOffReason, { name: 'WriteOffReason' });

/** Goods written off a warehouse (WO-2026-000017): posting consumes FIFO lots and books their cost as an expense. */
@ObjectType()
@Entity()
@Index({ name: 'write_off_number_trgm', expression: 'create index "write_off_number_trgm" on "write_off" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['date'] })
@Index({ properties: ['warehouse', 'date'] })
export class WriteOff extends DocumentEntity {
  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @Field(() => WriteOffReason)
  @Enum({ items: () => WriteOffReason })
  reason: WriteOffReason;

  @OneToMany({ entity: () => WriteOffLine, mappedBy: 'writeOff', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<WriteOffLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'write_off_line_no_unique', properties: ['writeOff', 'lineNo'] })
@Check({ name: 'write_off_line_quantity_positive', expression: 'quantity > 0' })
export class WriteOffLine extends GoodsLine {
  @ManyToOne({ entity: () => WriteOff, ref: true, deleteRule: 'cascade' })
  writeOff: Ref<WriteOff>;
}
