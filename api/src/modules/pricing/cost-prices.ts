import type { Context } from '../../server/context';
import { emitAfterCommit } from '../../shared/event-bus';
import { PriceListPosting, type PriceChange } from './price-list-posting.service';
import { PRICES_CHANGED } from './price-list.service';
import { PriceDerivation, PriceType } from './price-type.entity';

const posting = new PriceListPosting();

/**
 * The cost of these products has changed (a receipt, a landed cost), so have their
 * prices of every active FROM_COST price type: one cost list per type, dated `date`,
 * holding only these products (PriceListPosting.postCostPrices), in the posting
 * transaction. Taking the stock document back leaves those lists alone
 * (recalculateCostPrices recomputes from the stock then there).
 */
export async function repriceFromCost(ctx: Context, date: string, productIds: string[]): Promise<void> {
  if (!productIds.length) return;
  const types = await ctx.em.find(PriceType, { derivation: PriceDerivation.FROM_COST, active: true }, { orderBy: { code: 'asc' } });
  const changes: PriceChange[] = [];
  for (const type of types) await posting.postCostPrices(ctx.em, type, date, [...new Set(productIds)], changes);
  for (const change of changes) emitAfterCommit(ctx, PRICES_CHANGED, change);
}
