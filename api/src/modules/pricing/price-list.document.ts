import type { Context } from '../../server/context';
import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { emitAfterCommit } from '../../shared/event-bus';
import { Decimal } from '../../shared/money';
import { DocumentStatus } from '../ledger/document-status';
import { defineDocumentType } from '../ledger/document-type';
import { assertPeriodOpen } from '../ledger/period-close.service';
import { Posting } from '../ledger/posting';
import { retractRows } from '../ledger/register-store';
import { derivePrice } from './derive-price';
import { PriceList, PriceListLine, PriceListSource } from './price-list.entity';
import { checkLines, priceProblem } from './price-list.lines';
import { PriceDerivation, PriceType, ROUNDING_STEP, type PriceRounding } from './price-type.entity';
import { priceRegister } from './price.registers';

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

const announce = (ctx: Context, list: PriceList, action: PriceChange['action']) =>
  emitAfterCommit(ctx, PRICES_CHANGED, { priceTypeId: list.priceType.id, priceListId: list.id, number: list.number, validFrom: list.date, action } satisfies PriceChange);

/** "−12", "+5.5": a percentage as people write it. */
function signed(percent: string): string {
  const value = new Decimal(percent);
  return value.isNegative() ? `−${value.abs().toFixed()}` : `+${value.toFixed()}`;
}

/**
 * The register rows of a posted list (one per line, dated the list's date), then the
 * lists of the types derived from its type (and, in turn, from those): for every active
 * FROM_PRICE_TYPE type based on it, a DERIVED list of the same date and scope, posted,
 * whose prices are the base list's adjusted and rounded.
 */
async function writeList(ctx: Context, posting: Posting, list: PriceList, type: PriceType, lines: readonly PriceListLine[], chain: ReadonlySet<string>): Promise<void> {
  const postedAt = list.postedAt ?? new Date();
  await posting.write(priceRegister, lines.map((line) => ({ date: list.date, line: line.lineNo, productId: line.product.id, priceTypeId: type.id, price: line.price, postedAt: postedAt.toISOString() })));
  announce(ctx, list, 'POSTED');
  const derivedTypes = await ctx.em.find(PriceType, { basePriceType: type.id, derivation: PriceDerivation.FROM_PRICE_TYPE, active: true }, { orderBy: { code: 'asc' } });
  for (const derived of derivedTypes) {
    if (chain.has(derived.id)) continue; // base chains cannot loop (PriceTypeService), but never recurse forever
    const step = ROUNDING_STEP[derived.rounding as PriceRounding];
    const derivedList = ctx.em.create(PriceList, {
      number: await ctx.services.ledger.number(ctx, priceListType, list.date),
      date: list.date,
      priceType: derived,
      group: list.group ?? null,
      status: DocumentStatus.POSTED,
      postedAt,
      source: PriceListSource.DERIVED,
      basePriceList: list,
      comment: `${derived.code} computed from ${list.number} (${type.code} ${signed(derived.adjustmentPercent!)} %, rounded to ${step})`,
    });
    const derivedLines = lines.map((line) => {
      const price = derivePrice(line.price, derived.adjustmentPercent!, step);
      const problem = priceProblem(price);
      if (problem) throw invalidState(`The ${derived.code} price computed for line ${line.lineNo} of ${list.number} ${problem}`, { priceTypeId: derived.id, lineNo: line.lineNo });
      return ctx.em.create(PriceListLine, { priceList: derivedList, lineNo: line.lineNo, product: line.product, price });
    });
    await ctx.em.flush();
    await writeList(ctx, new Posting(ctx, { type: PRICE_LIST, id: derivedList.id }, derivedList.date, `Price list ${derivedList.number}`), derivedList, derived, derivedLines, new Set([...chain, derived.id]));
  }
}

/** Deletes the lists derived from a list, their register rows first (recursively). */
async function retractDerived(ctx: Context, list: PriceList): Promise<void> {
  const derivedLists = await ctx.em.find(PriceList, { basePriceList: list.id });
  for (const derived of derivedLists) {
    await retractDerived(ctx, derived);
    await retractRows(ctx.em, priceRegister, { type: PRICE_LIST, id: derived.id });
    announce(ctx, derived, 'WITHDRAWN');
    ctx.em.remove(derived);
  }
  if (derivedLists.length) await ctx.em.flush();
}

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
    // products may have moved to other groups since the draft was written
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

/**
 * Computes and posts a cost list of a FROM_COST type dated `date`: for each product with
 * stock (`costs`: its average cost) price = cost × (1 + markup / 100), rounded to the
 * type's step. The list is DERIVED with no base list; the types derived from this one
 * get their lists as usual. Null when no product has stock.
 */
export async function postCostPrices(ctx: Context, type: PriceType, date: string, costs: ReadonlyMap<string, string>): Promise<PriceList | null> {
  if (type.derivation !== PriceDerivation.FROM_COST) throw invalidState(`Price type ${type.code} is not computed from cost (${type.derivation})`, { derivation: type.derivation });
  if (!costs.size) return null;
  await assertPeriodOpen(ctx, date);
  const step = ROUNDING_STEP[type.rounding as PriceRounding];
  const list = ctx.em.create(PriceList, {
    number: await ctx.services.ledger.number(ctx, priceListType, date),
    date,
    priceType: type,
    group: null,
    status: DocumentStatus.POSTED,
    postedAt: new Date(),
    source: PriceListSource.DERIVED,
    basePriceList: null,
    comment: `${type.code} computed from the average cost of stock (${signed(type.adjustmentPercent!)} %, rounded to ${step})`,
  });
  const lines = [...costs].map(([productId, cost], i) => {
    const price = derivePrice(cost, type.adjustmentPercent!, step);
    const problem = priceProblem(price);
    if (problem) throw invalidState(`The ${type.code} price computed from cost for product ${productId} ${problem}`, { priceTypeId: type.id, productId });
    return ctx.em.create(PriceListLine, { priceList: list, lineNo: i + 1, product: productId, price });
  });
  await ctx.em.flush();
  await writeList(ctx, new Posting(ctx, { type: PRICE_LIST, id: list.id }, date, `Price list ${list.number}`), list, type, lines, new Set([type.id]));
  return list;
}
