import type { Context } from '../../server/context';
import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { emitAfterCommit } from '../../shared/event-bus';
import { defineDocumentType } from '../ledger/document-type';
import { PriceList, PriceListLine, PriceListSource } from './price-list.entity';
import { checkLines } from './price-list.lines';
import { PriceDerivation, PriceType } from './price-type.entity';
import { priceRegister } from './price.registers';
import { retractDerived, writeList } from './computed-price-lists';

export const PRICE_LIST = 'PriceList';
export const PRICES_CHANGED = 'PRICES_CHANGED';

/** A price list whose prices took effect or were withdrawn: what `pricesChanged` tells subscribers. */
export interface PriceChange extends Record<string, unknown> {
  priceTypeId: string;
  priceListId: string;
  number: string;
  validFrom: string;
  action: 'POSTED' | 'WITHDRAWN';
}

export const announce = (ctx: Context, list: PriceList, action: PriceChange['action']) =>
  emitAfterCommit(ctx, PRICES_CHANGED, { priceTypeId: list.priceType.id, priceListId: list.id, number: list.number, validFrom: list.date, action } satisfies PriceChange);

/**
 * Price lists (PL-YYYY-NNNNNN) posting into the price register: prices effective from
 * the list's date, and the derived types' lists computed from them. A list computed from
 * a base list follows it (it cannot be unposted or cancelled by itself); a cost list
 * (DERIVED without a base list, postCostPrices) stands alone.
 */
export const priceListType = defineDocumentType<PriceList>({
  type: PRICE_LIST,
  entity: PriceList,
  prefix: 'PL',
  label: 'Price list',
  registers: [priceRegister],
  async post(ctx, list, posting) {
    const type = await ctx.em.findOneOrFail(PriceType, { id: list.priceType.id });
    if (type.derivation !== PriceDerivation.NONE) {
      throw invalidState(`Price type ${type.code} is now derived (${type.derivation}); its prices are computed, so this draft cannot be posted`, { derivation: type.derivation });
    }
    const lines = await ctx.em.find(PriceListLine, { priceList: list.id }, { orderBy: { lineNo: 'asc' } });
    if (!lines.length) throw invalidState(`Price list ${list.number} has no lines to post`, { reason: 'NO_LINES' });
    const fields: FieldMessages = {};
    // products may have moved, and the type's rounding may have changed, since the draft was written
    await checkLines(ctx, lines.map((line) => ({ productId: line.product.id, price: line.price })), list.group?.id ?? null, type, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    await writeList(ctx, posting, list, type, lines, new Set([type.id]));
  },
  async guardRetract(_ctx, list) {
    if (list.source === PriceListSource.DERIVED && list.basePriceList) {
      throw invalidState(`Price list ${list.number} is computed for a derived price type and cannot be taken back by itself; unpost its base list instead`, { source: list.source });
    }
  },
  async afterRetract(ctx, list) {
    announce(ctx, list, 'WITHDRAWN');
    await retractDerived(ctx, list);
  },
});

