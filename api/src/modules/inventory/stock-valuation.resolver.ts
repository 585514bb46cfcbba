import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { StockValuation, StockValuationFilter } from './stock-valuation.types';

@Resolver(() => StockValuation)
export class StockValuationResolver {
  @Authorized('stock:read')
  @Query(() => StockValuation, { description: 'Stock value and quantity by warehouse × product group, with warehouse totals and a grand total; values need cost:read' })
  stockValuation(@Arg('filter', () => StockValuationFilter, { nullable: true }) filter: StockValuationFilter | null, @Ctx() ctx: Context) {
    return ctx.services.stockValuation.valuation(ctx, filter ?? {});
  }
}
