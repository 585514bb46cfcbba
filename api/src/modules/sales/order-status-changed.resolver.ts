import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context';
import { forbidden } from '../../shared/errors';
import { OrderStatus } from './order-status';
import { ORDER_STATUS_CHANGED, OrderChange, type OrderStatusChange } from './order.events';

@ObjectType({ description: 'An order was confirmed, cancelled, reserved, released or moved on: re-read it' })
export class OrderStatusChanged {
  @Field(() => ID)
  orderId: string;

  @Field()
  number: string;

  @Field(() => OrderStatus, { description: 'Its status when the change committed' })
  status: OrderStatus;

  @Field(() => OrderChange)
  change: OrderChange;
}

/** Lets a screen or a partner portal follow one order, on any instance (DESIGN §9). */
@Resolver()
export class OrderStatusChangedResolver {
  @Subscription(() => OrderStatusChanged, {
    description: 'Every change of one order\'s status or reservation. An order outside the caller\'s scope (a partner: another client\'s) is as one that does not exist: nothing ever arrives',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      if (!ctx.user?.permissions.has('order:read')) throw forbidden('Your roles do not allow order:read');
      const orderId = args.orderId as string;
      const mayRead = (await ctx.services.orders.get(ctx, orderId)) !== null;
      return ctx.services.events.subscribe<OrderStatusChange>(ORDER_STATUS_CHANGED, (change) => mayRead && change.orderId === orderId);
    },
  })
  orderStatusChanged(@Root() change: OrderStatusChange, @Arg('orderId', () => ID) _orderId: string): OrderStatusChanged {
    return { orderId: change.orderId, number: change.number, status: change.status, change: change.change };
  }
}
