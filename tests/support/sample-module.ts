import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { IsUUID } from 'class-validator';
import { Arg, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Counterparty } from '../../api/src/modules/crm/counterparty.entity';
import { GoodsLine } from '../../api/src/modules/inventory/goods-line.entity';
import { stockRegister } from '../../api/src/modules/inventory/stock.registers';
import { Warehouse } from '../../api/src/modules/inventory/warehouse.entity';
import { POSTING, READ, Role } from '../../api/src/modules/identity/permissions';
import { DocumentFilter } from '../../api/src/modules/ledger/document.filter';
import { CreateDocumentInput, UpdateDocumentInput } from '../../api/src/modules/ledger/document.inputs';
import { DocumentResolver } from '../../api/src/modules/ledger/document.resolver';
import { DocumentService } from '../../api/src/modules/ledger/document.service';
import { defineDocumentType } from '../../api/src/modules/ledger/document-type';
import { DocumentEntity } from '../../api/src/modules/ledger/document.entity';
import { DocumentStatus } from '../../api/src/modules/ledger/document-status';
import { defineRegister } from '../../api/src/modules/ledger/register';
import { balancesAt } from '../../api/src/modules/ledger/register-store';
import type { Context } from '../../api/src/server/context';
import { defineModule } from '../../api/src/server/module';
import { DecimalScalar, MoneyScalar } from '../../api/src/shared/decimal.scalar';
import { badInput } from '../../api/src/shared/errors';
import { LocalDateScalar } from '../../api/src/shared/local-date.scalar';
import { Decimal } from '../../api/src/shared/money';
import { PageArgs, PageType } from '../../api/src/shared/pagination';

/**
 * A module of the tests' own, composed with the application's modules without any edit
 * of theirs (the proof that modules register themselves): a register of its own ("what
 * each client took", with balances and month totals), a sample order document that
 * posts into it and takes goods out of stock through the stock service, and a sample
 * return that brings part of an order line back (the stock service's restore primitive).
 * Its tables are made by SAMPLE_DDL (the register's) and MikroORM's schema update (the
 * documents'), as a module's migration would.
 */
export const sampleRegister = defineRegister({
  name: 'sampleTally',
  table: 'sample_tally',
  kind: 'accumulation',
  dimensions: { clientId: 'uuid', productId: 'uuid' },
  resources: { quantity: 'numeric', amount: 'numeric' },
  balance: { table: 'sample_tally_balance', by: ['clientId', 'productId'] },
  periodTotals: { table: 'sample_tally_month' },
});

export const SAMPLE_DDL = [
  `create table sample_tally (id uuid primary key, client_id uuid not null, product_id uuid not null, quantity numeric(18,3) not null, amount numeric(19,4) not null,
     date date not null, recorder_type text not null, recorder_id uuid not null, recorder_line int not null)`,
  'create index on sample_tally (recorder_id, recorder_type)',
  'create table sample_tally_balance (client_id uuid not null, product_id uuid not null, quantity numeric(18,3) not null, amount numeric(19,4) not null, primary key (client_id, product_id))',
  `create table sample_tally_month (client_id uuid not null, product_id uuid not null, month date not null, quantity numeric(18,3) not null, amount numeric(19,4) not null,
     closing_quantity numeric(18,3) not null, closing_amount numeric(19,4) not null, primary key (client_id, product_id, month))`,
];

@ObjectType()
@Entity({ tableName: 'sample_order' })
export class SampleOrder extends DocumentEntity {
  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict' })
  client: Ref<Counterparty>;

  @ManyToOne({ entity: () => Warehouse, ref: true, deleteRule: 'restrict' })
  warehouse: Ref<Warehouse>;

  @OneToMany({ entity: () => SampleOrderLine, mappedBy: 'order', orphanRemoval: true, orderBy: { lineNo: 'asc' } })
  lines = new Collection<SampleOrderLine>(this);
}

@ObjectType()
@Entity({ tableName: 'sample_order_line' })
export class SampleOrderLine extends GoodsLine {
  @ManyToOne({ entity: () => SampleOrder, ref: true, deleteRule: 'cascade' })
  order: Ref<SampleOrder>;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;
}

/** Brings back `quantity` of one line of a posted sample order. */
@ObjectType()
@Entity({ tableName: 'sample_return' })
export class SampleReturn extends DocumentEntity {
  @ManyToOne({ entity: () => SampleOrder, ref: true, deleteRule: 'restrict' })
  order: Ref<SampleOrder>;

  @Field(() => Number)
  @Property({ type: 'integer' })
  orderLine: number;

  @Field(() => DecimalScalar)
  @Property({ type: 'decimal', precision: 18, scale: 3 })
  quantity: string;
}

const orderRef = (id: string) => ({ type: 'SampleOrder', id });

export const sampleOrderType = defineDocumentType<SampleOrder>({
  type: 'SampleOrder',
  entity: SampleOrder,
  prefix: 'SO',
  label: 'Sample order',
  registers: [sampleRegister, stockRegister],
  scopedBy: 'client',
  async post(ctx, doc, posting) {
    const lines = await ctx.em.find(SampleOrderLine, { order: doc.id }, { orderBy: { lineNo: 'asc' } });
    await posting.write(sampleRegister, lines.map((l) => ({ date: doc.date, line: l.lineNo, clientId: doc.client.id, productId: l.product.id, quantity: l.quantity, amount: l.amount })));
    await ctx.services.stock.takeOut(posting, doc.warehouse.id, lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity })));
  },
});

export const sampleReturnType = defineDocumentType<SampleReturn>({
  type: 'SampleReturn',
  entity: SampleReturn,
  prefix: 'SR',
  label: 'Sample return',
  registers: [sampleRegister, stockRegister],
  async post(ctx, doc, posting) {
    const order = await ctx.em.findOneOrFail(SampleOrder, { id: doc.order.id });
    if (order.status !== DocumentStatus.POSTED) throw badInput({ orderId: `${order.number} is ${order.status}; only a posted order's goods come back` });
    const line = await ctx.em.findOneOrFail(SampleOrderLine, { order: order.id, lineNo: doc.orderLine });
    const earlier = await ctx.em.find(SampleReturn, { order: order.id, orderLine: doc.orderLine, status: DocumentStatus.POSTED, id: { $ne: doc.id } });
    const already = earlier.reduce((sum, r) => sum.plus(r.quantity), new Decimal(0));
    if (already.plus(doc.quantity).gt(line.quantity)) throw badInput({ quantity: `only ${new Decimal(line.quantity).minus(already).toFixed()} of line ${doc.orderLine} can still come back` });
    const lots = await ctx.services.stock.bringBack(posting, order.warehouse.id, { ...orderRef(order.id), line: doc.orderLine }, doc.quantity, already.toFixed(), 1);
    const value = lots.reduce((sum, l) => sum.plus(l.value), new Decimal(0));
    await posting.write(sampleRegister, [{ date: doc.date, line: 1, clientId: order.client.id, productId: line.product.id, quantity: new Decimal(doc.quantity).neg().toFixed(), amount: value.neg().toFixed() }]);
  },
});

class SampleOrderService extends DocumentService<SampleOrder> {
  protected readonly documentType = sampleOrderType;

  list(ctx: Context, args: SampleOrderListArgs) {
    return this.page(ctx, [], args);
  }

  async create(ctx: Context, input: CreateSampleOrderInput) {
    const doc = ctx.em.create(SampleOrder, { number: await this.number(ctx, input.date), date: input.date, client: input.clientId, warehouse: input.warehouseId });
    input.lines.forEach((l, i) => ctx.em.create(SampleOrderLine, { order: doc, lineNo: i + 1, product: l.productId, quantity: l.quantity, amount: l.amount }));
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string): Promise<SampleOrder> {
    return this.lockDraft(ctx, id, 'edited');
  }
}

class SampleReturnService extends DocumentService<SampleReturn> {
  protected readonly documentType = sampleReturnType;

  list(ctx: Context, args: SampleOrderListArgs) {
    return this.page(ctx, [], args);
  }

  async create(ctx: Context, input: CreateSampleReturnInput) {
    const doc = ctx.em.create(SampleReturn, { number: await this.number(ctx, input.date), date: input.date, order: input.orderId, orderLine: input.orderLine, quantity: input.quantity });
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string): Promise<SampleReturn> {
    return this.lockDraft(ctx, id, 'edited');
  }
}

@InputType()
class SampleOrderLineInput {
  @Field(() => ID)
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => DecimalScalar)
  amount: string;
}

@InputType()
class CreateSampleOrderInput extends CreateDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  clientId: string;

  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => [SampleOrderLineInput])
  lines: SampleOrderLineInput[];
}

@InputType()
class CreateSampleReturnInput extends CreateDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  orderId: string;

  @Field(() => Number)
  orderLine: number;

  @Field(() => DecimalScalar)
  quantity: string;
}

@InputType()
class UpdateSampleInput extends UpdateDocumentInput {}

@ArgsType()
class SampleOrderListArgs extends PageArgs {
  @Field(() => DocumentFilter, { nullable: true })
  filter?: DocumentFilter;
}

@ObjectType()
class SampleTallyRow {
  @Field(() => ID)
  clientId: string;

  @Field(() => ID)
  productId: string;

  @Field(() => DecimalScalar)
  quantity: string;

  @Field(() => MoneyScalar)
  amount: string;
}

const orders = new SampleOrderService();
const returns = new SampleReturnService();

@Resolver(() => SampleOrder)
class SampleOrderResolver extends DocumentResolver({
  entity: SampleOrder,
  plural: 'sampleOrders',
  resource: 'sampleOrder',
  service: () => orders,
  listArgs: SampleOrderListArgs,
  createInput: CreateSampleOrderInput,
  updateInput: UpdateSampleInput,
  describe: { list: 'Sample orders', create: 'A draft', post: 'Posts', unpost: 'Unposts', cancel: 'Cancels' },
}) {
  @FieldResolver(() => [SampleOrderLine])
  lines(@Root() doc: SampleOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(SampleOrderLine, 'order', { lineNo: 'asc' }).load(doc.id);
  }

  @Authorized('sampleOrder:read')
  @Query(() => [SampleTallyRow], { description: "What each client took, at the end of a day: the sample register's stored month closing plus the rest of that month" })
  async sampleTallies(@Arg('asOf', () => LocalDateScalar) asOf: string, @Ctx() ctx: Context): Promise<SampleTallyRow[]> {
    const source = balancesAt(sampleRegister, asOf);
    const rows: { client_id: string; product_id: string; quantity: string; amount: string }[] = await ctx.em.execute(`select * from (${source.sql}) s order by client_id, product_id`, source.params);
    return rows.map((r) => ({ clientId: r.client_id, productId: r.product_id, quantity: new Decimal(r.quantity).toFixed(), amount: new Decimal(r.amount).toFixed() }));
  }
}

@Resolver(() => SampleReturn)
class SampleReturnResolver extends DocumentResolver({
  entity: SampleReturn,
  plural: 'sampleReturns',
  resource: 'sampleOrder',
  service: () => returns,
  listArgs: SampleOrderListArgs,
  createInput: CreateSampleReturnInput,
  updateInput: UpdateSampleInput,
  describe: { list: 'Sample returns', create: 'A draft', post: 'Posts', unpost: 'Unposts', cancel: 'Cancels' },
}) {}

export const sampleModule = defineModule({
  name: 'sample',
  entities: [SampleOrder, SampleOrderLine, SampleReturn],
  resolvers: [SampleOrderResolver, SampleReturnResolver],
  registers: [sampleRegister],
  documentTypes: [sampleOrderType, sampleReturnType],
  costAdjusters: {},
  permissions: {
    resources: ['sampleOrder'],
    grants: { [Role.SALES_HEAD]: { resources: { sampleOrder: POSTING } }, [Role.SALES_MANAGER]: { resources: { sampleOrder: POSTING } }, [Role.PARTNER]: { resources: { sampleOrder: READ } } },
  },
});
