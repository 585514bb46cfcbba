import type { Context } from '../../server/context';
import { postCostPrices } from './computed-price-lists';
import { PriceDerivation, PriceType } from './price-type.entity';

/**
 * The average cost of these products has changed (inventory's StockCostChanged: a
 * receipt, a landed cost, a write-off, a stock count, or taking one back), so have their
 * prices of every active FROM_COST price type: one cost list per type, dated `date`,
 * holding only these products that are still in stock (postCostPrices), in the posting
 * transaction. A product with no stock left keeps its last price.
 */
export async function repriceFromCost(ctx: Context, date: string, productIds: readonly string[]): Promise<void> {
  if (!productIds.length) return;
  const types = await ctx.em.find(PriceType, { derivation: PriceDerivation.FROM_COST, active: true }, { orderBy: { code: 'asc' } });
  if (!types.length) return;
  const costs = await ctx.services.stock.averageCosts(ctx, [...new Set(productIds)]);
  for (const type of types) await postCostPrices(ctx, type, date, costs);
}
