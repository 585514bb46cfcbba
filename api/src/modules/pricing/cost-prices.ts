import type { Context } from '../../server/context';
import { postCostPrices } from './price-list.document';
import { PriceDerivation, PriceType } from './price-type.entity';

/**
 * The cost of these products has changed (a receipt, a landed cost: inventory's
 * StockCostChanged), so have their prices of every active FROM_COST price type: one cost
 * list per type, dated `date`, holding only these products (postCostPrices), in the
 * posting transaction. Taking the stock document back leaves those lists alone
 * (recalculateCostPrices recomputes from the stock then there).
 */
export async function repriceFromCost(ctx: Context, date: string, productIds: readonly string[]): Promise<void> {
  if (!productIds.length) return;
  const types = await ctx.em.find(PriceType, { derivation: PriceDerivation.FROM_COST, active: true }, { orderBy: { code: 'asc' } });
  if (!types.length) return;
  const costs = await ctx.services.stock.averageCosts(ctx, [...new Set(productIds)]);
  for (const type of types) await postCostPrices(ctx, type, date, costs);
}
