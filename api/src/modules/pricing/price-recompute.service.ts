import type { Context } from '../../server/context';
import { findById } from '../../shared/crud';
import { Decimal } from '../../shared/money';
import { invalidState, notFound } from '../../shared/errors';
import { DocumentStatus } from '../ledger/document-status';
import { assertPeriodOpen } from '../ledger/period-close.service';
import { postCostPrices, postDerivedList, postRecomputedList, withdrawComputedList } from './computed-price-lists';
import { PriceList, PriceListLine, PriceListSource } from './price-list.entity';
import { PriceDerivation, PriceType } from './price-type.entity';
import { pricesOfTypeOn } from './price.service';

/** What a recompute did: the lists it posted (of the type and of the types derived from it) and how many computed lists it withdrew. */
export interface Recomputation {
  priceType: PriceType;
  validFrom: string;
  priceLists: PriceList[];
  withdrawnPriceLists: number;
}

/** The fields of a price type its computed prices depend on. */
export type DerivationFields = Pick<PriceType, 'derivation' | 'adjustmentPercent' | 'rounding' | 'vatIncluded' | 'active'> & { baseId: string | null };

export const derivationFields = (type: PriceType): DerivationFields => ({
  derivation: type.derivation,
  baseId: type.basePriceType?.id ?? null,
  adjustmentPercent: type.adjustmentPercent === null || type.adjustmentPercent === undefined ? null : new Decimal(type.adjustmentPercent).toFixed(),
  rounding: type.rounding,
  vatIncluded: type.vatIncluded,
  active: type.active,
});

/**
 * Recomputing derived (FROM_PRICE_TYPE) and cost-based (FROM_COST) price types from a
 * date, keeping their history:
 *
 * - the type's lists dated before the date stay as they are (their prices were right
 *   under the rule of their time);
 * - its computed (DERIVED) lists dated after the date follow a rule no longer in force
 *   and are withdrawn, with the lists derived from them; lists typed in by hand are left;
 * - a DERIVED list dated the date is posted: FROM_PRICE_TYPE from every price of the base
 *   type in effect on that date, FROM_COST from the current average cost of stock;
 * - FROM_PRICE_TYPE: each posted list of the base dated after the date is derived again,
 *   as if posted now (so a base list already posted for next month takes the new rule);
 * - the types derived from it, and from those, follow through their lists as always.
 *
 * Everything runs in the caller's transaction: a refusal leaves nothing half-written.
 */
export class PriceRecomputeService {
  /** recomputePriceType: NOT_FOUND, INVALID_STATE for a type set by hand, an inactive one, or nothing to price. */
  async recomputePriceType(ctx: Context, id: string, validFrom: string): Promise<Recomputation> {
    const type = await findById(ctx.em, PriceType, id);
    if (!type) throw notFound('PriceType', id);
    if (type.derivation === PriceDerivation.NONE) {
      throw invalidState(`Price type ${type.code} is set by hand (NONE): only a derived or cost-based type is recomputed`, { reason: 'NOT_DERIVED', field: 'id', code: type.code, derivation: type.derivation });
    }
    if (!type.active) throw invalidState(`Price type ${type.code} is inactive: activate it to recompute its prices`, { reason: 'PRICE_TYPE_INACTIVE', field: 'id', code: type.code });
    const done = await this.recompute(ctx, type, validFrom);
    if (!done.priceLists.length && !done.withdrawnPriceLists) {
      const reason = type.derivation === PriceDerivation.FROM_COST ? 'NO_STOCK' : 'NO_BASE_PRICES';
      const why = type.derivation === PriceDerivation.FROM_COST ? 'no product is in stock' : 'its base type has no prices on or after that date';
      throw invalidState(`Nothing to recompute for ${type.code} from ${validFrom}: ${why}`, { reason, field: 'validFrom', code: type.code, date: validFrom });
    }
    return done;
  }

  /**
   * After a price type was created (`before` null) or changed: a derived type whose rule
   * changed (derivation, base, percentage, rounding, VAT basis) or that became active is
   * recomputed from `from`; a type set by hand whose VAT basis changed has the types
   * derived from it recomputed (their bases mean something else now).
   */
  async afterChange(ctx: Context, type: PriceType, before: DerivationFields | null, from: string): Promise<Recomputation[]> {
    if (!type.active) return [];
    const now = derivationFields(type);
    if (now.derivation !== PriceDerivation.NONE) {
      const changed = !before || (['derivation', 'baseId', 'adjustmentPercent', 'rounding', 'vatIncluded', 'active'] as const).some((key) => before[key] !== now[key]);
      return changed ? [await this.recompute(ctx, type, from)] : [];
    }
    if (!before || before.vatIncluded === now.vatIncluded) return [];
    const derived = await ctx.em.find(PriceType, { basePriceType: type.id, derivation: PriceDerivation.FROM_PRICE_TYPE, active: true }, { orderBy: { code: 'asc' } });
    const done: Recomputation[] = [];
    for (const d of derived) done.push(await this.recompute(ctx, d, from));
    return done;
  }

  /** Recomputes one derived or cost-based type from `from` (see the class). */
  async recompute(ctx: Context, type: PriceType, from: string): Promise<Recomputation> {
    await assertPeriodOpen(ctx, from);
    // one recompute of a type at a time
    await ctx.em.execute('select id from price_type where id = ? for update', [type.id]);
    const superseded = await ctx.em.find(PriceList, { priceType: type.id, source: PriceListSource.DERIVED, status: DocumentStatus.POSTED, date: { $gt: from } }, { orderBy: [{ date: 'asc' }, { number: 'asc' }] });
    for (const list of superseded) await withdrawComputedList(ctx, list);
    await ctx.em.flush();

    const priceLists: PriceList[] = [];
    if (type.derivation === PriceDerivation.FROM_COST) {
      priceLists.push(...(await postCostPrices(ctx, type, from, await ctx.services.stock.averageCosts(ctx, null))));
    } else {
      const base = await ctx.em.findOneOrFail(PriceType, { id: type.basePriceType!.id });
      priceLists.push(...(await postRecomputedList(ctx, type, base, from, await pricesOfTypeOn(ctx.em, base.id, from))));
      const laterBaseLists = await ctx.em.find(PriceList, { priceType: base.id, status: DocumentStatus.POSTED, date: { $gt: from } }, { orderBy: [{ date: 'asc' }, { postedAt: 'asc' }, { number: 'asc' }] });
      for (const baseList of laterBaseLists) {
        const lines = await ctx.em.find(PriceListLine, { priceList: baseList.id }, { orderBy: { lineNo: 'asc' } });
        priceLists.push(...(await postDerivedList(ctx, baseList, base, lines, type, new Set([base.id]))));
      }
    }
    return { priceType: type, validFrom: from, priceLists, withdrawnPriceLists: superseded.length };
  }
}
