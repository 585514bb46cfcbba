import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Decimal } from '../../shared/money';
import { CustomerOrderLine } from './order.entity';
import { OrderPage } from './order.resolver';
import { OrdersToShipArgs } from './shipment.inputs';

/** Shipment control (issue 12 §3): what each order line shipped, got back and has left, and the orders still to ship. */
@Resolver(() => CustomerOrderLine)
export class OrderLineShippingResolver {
  @FieldResolver(() => DecimalScalar, { description: 'The quantity ordered' })
  ordered(@Root() line: CustomerOrderLine): string {
    return new Decimal(line.quantity).toFixed();
  }

  @FieldResolver(() => DecimalScalar, { description: 'What posted shipments took of the line' })
  async shipped(@Root() line: CustomerOrderLine, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.services.shipmentControl.lineShipping(ctx, line)).shipped;
  }

  @FieldResolver(() => DecimalScalar, { description: 'What posted returns brought back of what was shipped' })
  async returned(@Root() line: CustomerOrderLine, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.services.shipmentControl.lineShipping(ctx, line)).returned;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Left to ship: ordered − shipped (a return does not reopen the order)' })
  async remaining(@Root() line: CustomerOrderLine, @Ctx() ctx: Context): Promise<string> {
    const { shipped } = await ctx.services.shipmentControl.lineShipping(ctx, line);
    return Decimal.max(0, new Decimal(line.quantity).minus(shipped)).toFixed();
  }
}

@Resolver()
export class OrdersToShipResolver {
  @Authorized('order:read')
  @Query(() => OrderPage, { description: 'Confirmed and partially shipped orders with something left to ship, the earliest promised date (the overdue) first, those without one last; filter by client, warehouse, q (number)' })
  ordersToShip(@Args(() => OrdersToShipArgs) args: OrdersToShipArgs, @Ctx() ctx: Context) {
    return ctx.services.shipmentControl.ordersToShip(ctx, args);
  }
}
