import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { User } from '../identity/user.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { PriceType } from '../pricing/price-type.entity';
import { AppliedDiscount, ManualDiscount, RuleLimit } from '../pricing/quote.inputs';
import { DiscountRuleKind } from '../pricing/discount-rule.entity';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Decimal } from '../../shared/money';
import { CustomerOrder, CustomerOrderLine } from './order.entity';
import { CreateOrderInput, OrderListArgs, OrderReservation, UpdateOrderInput } from './order.inputs';
import { CreditOverrideInput } from './credit-control.inputs';

export const OrderPage = PageType(CustomerOrder);

/** A resolver per verb: authorise, call the order service. */
@Resolver(() => CustomerOrder)
export class OrderResolver {
  @Authorized('order:read')
  @Query(() => OrderPage, { description: 'Filter by status, client, warehouse, date range; q searches the number. A manager sees their clients\' orders, a partner its own' })
  orders(@Args(() => OrderListArgs) args: OrderListArgs, @Ctx() ctx: Context) {
    return ctx.services.orders.list(ctx, args);
  }

  @Authorized('order:read')
  @Query(() => CustomerOrder, { nullable: true })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.orders.get(ctx, id);
  }

  @Authorized('order:create')
  @Mutation(() => CustomerOrder, { description: 'A draft priced by quote (its lines keep the breakdown); the number OR-YYYY-NNNNNN comes from its date. With idempotencyKey, a retry returns the first order' })
  createOrder(@Arg('input', () => CreateOrderInput) input: CreateOrderInput, @Ctx() ctx: Context) {
    return ctx.services.orders.create(ctx, input);
  }

  @Authorized('order:update')
  @Mutation(() => CustomerOrder, { description: 'A draft is re-priced; a confirmed order keeps the prices of unchanged lines and re-reserves only the difference (INSUFFICIENT_STOCK unless it allows backorders)' })
  updateOrder(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateOrderInput) input: UpdateOrderInput, @Ctx() ctx: Context) {
    return ctx.services.orders.update(ctx, id, input);
  }

  @Authorized('order:delete')
  @Mutation(() => CustomerOrder, { description: 'A draft only: INVALID_STATE otherwise' })
  deleteOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.orders.delete(ctx, id);
  }

  @Authorized('order:post')
  @Mutation(() => CustomerOrder, {
    description:
      'Freezes the prices and reserves each line from the order\'s warehouse, then the warehouses of salesSettings.reservationPriority. INSUFFICIENT_STOCK (details.shortages per line: productId, requested, available) when stock cannot cover a line, unless allowBackorder keeps the rest as backordered. CREDIT_LIMIT_EXCEEDED (details: limit, receivable, openOrders, order, overdue) past the client\'s credit limit or with debt overdue past salesSettings.overdueBlockDays, unless creditOverride',
  })
  confirmOrder(
    @Arg('id', () => ID) id: string,
    @Arg('allowBackorder', () => Boolean, { defaultValue: false }) allowBackorder: boolean,
    @Arg('awaitingPrepayment', () => Boolean, { defaultValue: false, description: 'The client pays first: the reservation is released after salesSettings.prepaymentReservationHours unless the order is paid, shipped or cancelled by then' }) awaitingPrepayment: boolean,
    @Arg('creditOverride', () => CreditOverrideInput, { nullable: true, description: 'A head of sales lets the order past credit control (CREDIT_LIMIT_EXCEEDED); the reason goes to the audit log' }) creditOverride: CreditOverrideInput | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.orders.confirm(ctx, id, allowBackorder, awaitingPrepayment, creditOverride);
  }

  @Authorized('order:post')
  @Mutation(() => CustomerOrder, { description: 'A confirmed order reserves what its lines do not hold yet (after a release, or backorders once goods came); allowBackorder: as confirmed when not sent' })
  reserveOrder(@Arg('id', () => ID) id: string, @Arg('allowBackorder', () => Boolean, { nullable: true }) allowBackorder: boolean | null, @Ctx() ctx: Context) {
    return ctx.services.orders.reserve(ctx, id, allowBackorder);
  }

  @Authorized('order:post')
  @Mutation(() => CustomerOrder, { description: 'A confirmed order gives back everything it holds reserved (and waits for nothing); it stays confirmed' })
  releaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.orders.release(ctx, id);
  }

  @Authorized('order:post')
  @Mutation(() => CustomerOrder, { description: 'A draft or a confirmed order is cancelled; its reservations are released' })
  cancelOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.orders.cancel(ctx, id);
  }

  @Authorized('order:post')
  @Mutation(() => CustomerOrder, { description: 'A shipped or partially shipped order is closed: nothing more will ship, what it still holds is released; its shipments can no longer be unposted. INVALID_STATE otherwise (an order that shipped nothing is cancelled)' })
  closeOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.orders.close(ctx, id);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() order: CustomerOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(order.client.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The client\'s owner unless another manager was named' })
  manager(@Root() order: CustomerOrder, @Ctx() ctx: Context) {
    return order.manager ? ctx.loaders.byId(User).load(order.manager.id) : null;
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() order: CustomerOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(order.warehouse.id);
  }

  @FieldResolver(() => PriceType, { description: 'The client\'s price type (or the default one), as quote chose it' })
  priceType(@Root() order: CustomerOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PriceType).load(order.priceType.id);
  }

  @FieldResolver(() => [CustomerOrderLine])
  lines(@Root() order: CustomerOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(CustomerOrderLine, 'order', { lineNo: 'asc' }).load(order.id);
  }
}

@Resolver(() => CustomerOrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: CustomerOrderLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }

  @FieldResolver(() => [AppliedDiscount], { description: 'The discount rules quote applied, in order' })
  appliedRules(@Root() line: CustomerOrderLine): AppliedDiscount[] {
    return line.appliedRules.map((r) => ({ ...r, kind: r.kind as DiscountRuleKind, limitedBy: r.limitedBy as RuleLimit | null }));
  }

  @FieldResolver(() => ManualDiscount)
  manualDiscount(@Root() line: CustomerOrderLine): ManualDiscount {
    return { percent: new Decimal(line.manualDiscountPercent).toFixed(), amount: line.manualDiscountAmount };
  }

  @FieldResolver(() => [OrderReservation], { description: 'What the line holds reserved per warehouse now' })
  async reservations(@Root() line: CustomerOrderLine, @Ctx() ctx: Context): Promise<OrderReservation[]> {
    const rows = await reservationsLoader(ctx).load(line.order.id);
    const own = rows.filter((r) => r.productId === line.product.id);
    const warehouses = await ctx.loaders.byId(Warehouse).loadMany(own.map((r) => r.warehouseId));
    return own.map((r, i) => ({ warehouse: warehouses[i] as Warehouse, quantity: r.quantity }));
  }

  @FieldResolver(() => DecimalScalar, { description: 'Σ reservations' })
  async reserved(@Root() line: CustomerOrderLine, @Ctx() ctx: Context): Promise<string> {
    const rows = await reservationsLoader(ctx).load(line.order.id);
    return rows.filter((r) => r.productId === line.product.id).reduce((sum, r) => sum.plus(r.quantity), new Decimal(0)).toFixed();
  }
}

/** The open reservations of the orders of a request, one statement for all of them. */
const reservationsLoader = (ctx: Context) =>
  ctx.loaders.custom<string, Awaited<ReturnType<Context['services']['orderReservations']['reservationsOf']>>>('sales:reservations', async (orderIds) => {
    const rows = await ctx.services.orderReservations.reservationsOf(ctx, orderIds);
    return orderIds.map((id) => rows.filter((r) => r.orderId === id));
  });
