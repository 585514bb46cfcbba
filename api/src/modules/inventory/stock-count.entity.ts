import { Check, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Product } from '../catalog/product.entity';
import { DocumentEntity } from '../ledger/document.entity';
import { DocumentLine } from '../ledger/document-line.entity';
import { Warehouse } from './warehouse.entity';

/**
 * A stock count of one warehouse (SC-2026-000017): per product the quantity on the
 * books and the quantity counted. Posting brings the books to the count: a surplus
 * comes in as a lot at the last known cost, a shortage goes out of the FIFO lots as a
 * write-off would.
 */
@ObjectType()
@Entity()
@Index({ name: 'stock_count_number_trgm', expression: 'create index "stock_count_number_trgm" on "stock_count" using gin ("number" gin_trgm_ops)' })
@Index({ properties: ['date'] })
@Index({ properties: ['warehouse', 'date'] })
export class StockCount extends DocumentEntity {
  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @OneToMany({ entity: () => StockCountLine, mappedBy: 'stockCount', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<StockCountLine>(this);
}

@ObjectType()
@Entity()
@Unique({ name: 'stock_count_line_no_unique', properties: ['stockCount', 'lineNo'] })
@Unique({ name: 'stock_count_line_product_unique', properties: ['stockCount', 'product'] })
@Check({ name: 'stock_count_line_counted_nonnegative', expression: 'counted_quantity >= 0' })
export class StockCountLine extends DocumentLine {
  @ManyToOne({ entity: () => StockCount, ref: true, deleteRule: 'cascade' })
  stockCount: Ref<StockCount>;

  @ManyToOne({ entity: () => Product, ref: true, deleteRule: 'restrict', index: true })
  product: Ref<Product>;

  @Field(() => DecimalScalar, { description: 'On the books at the end of the count date: filled when the line is saved, refreshed when the count is posted' })
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  bookQuantity: string;

  @Field(() => DecimalScalar, { description: 'What was found; prefilled with the book quantity' })
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  countedQuantity: string;

  /** Cost of the difference when posted: + surplus value, − shortage cost; null in a draft. Resolved with cost:read. */
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  differenceCost?: string | null;
}
