import { Arg, Ctx, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context';
import { forbidden } from '../../shared/errors';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { oncePerEvent } from '../../shared/event-bus';
import { STOCK_CHANGED } from './stock.events';

/** What stock documents emit after commit (goods receipts; transfers and write-offs the same way). */
export interface StockChange extends Record<string, unknown> {
  warehouseId: string;
  productId: string;
}

@ObjectType({ description: 'The stock of a product in a warehouse changed (a document was posted, unposted or cancelled)' })
export class StockChanged {
  @Field(() => ID)
  warehouseId: string;

  @Field(() => ID)
  productId: string;

  @Field(() => DecimalScalar, { description: 'On hand now, read when the event is delivered (quantity only, never cost)' })
  onHand: string;
}

/** Lets a screen refresh a balance the moment stock moves, on any instance (DESIGN §9). */
@Resolver()
export class StockChangedResolver {
  @Subscription(() => StockChanged, {
    description: 'Every change of stock, optionally of one warehouse and/or one product',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      if (!ctx.user?.permissions.has('stock:read')) throw forbidden('Your roles do not allow stock:read');
      const warehouseId = (args.warehouseId as string | null | undefined) ?? null;
      const productId = (args.productId as string | null | undefined) ?? null;
      return ctx.services.events.subscribe<StockChange>(STOCK_CHANGED, (change) => (!warehouseId || change.warehouseId === warehouseId) && (!productId || change.productId === productId));
    },
  })
  async stockChanged(
    @Root() change: StockChange,
    @Arg('warehouseId', () => ID, { nullable: true }) _warehouseId: string | null,
    @Arg('productId', () => ID, { nullable: true }) _productId: string | null,
    @Ctx() ctx: Context,
  ): Promise<StockChanged> {
    // read once per event for all its subscribers here; on hand is no secret of any role (cost would need its own key)
    const onHand = await oncePerEvent(change, 'onHand', async () => {
      const [row]: { on_hand: string }[] = await ctx.em.fork().execute('select on_hand from stock_balance where warehouse_id = ? and product_id = ?', [change.warehouseId, change.productId]);
      return row ? String(row.on_hand) : '0';
    });
    return { warehouseId: change.warehouseId, productId: change.productId, onHand };
  }
}
