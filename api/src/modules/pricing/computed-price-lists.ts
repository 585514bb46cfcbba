import type { Context } from '../../server/context';
import { invalidState } from '../../shared/errors';
import { Decimal } from '../../shared/money';
import { DocumentStatus } from '../ledger/document-status';
import { assertPeriodOpen } from '../ledger/period-close.service';
import { Posting } from '../ledger/posting';
import { retractRows } from '../ledger/register-store';
import { deriveAcrossVat } from './derive-price';
import { PriceList, PriceListLine, PriceListSource } from './price-list.entity';
import { priceProblem } from './price-list.lines';
import { announce, PRICE_LIST, priceListType } from './price-list.document';
import { PriceDerivation, PriceType, ROUNDING_STEP, type PriceRounding } from './price-type.entity';
import { priceRegister } from './price.registers';

/** "−12", "+5.5": a percentage as people write it. */
function signed(percent: string): string {
  const value = new Decimal(percent);
  return value.isNegative() ? `−${value.abs().toFixed()}` : `+${value.toFixed()}`;
}

/** How a type states its prices, for the comments of computed lists. */
const basis = (type: PriceType) => (type.vatIncluded ? 'VAT included' : 'VAT on top');

/** How a computed list says where its prices come from. */
const rule = (type: PriceType) => `${signed(type.adjustmentPercent!)} % of the net price, ${basis(type)}, rounded to ${ROUNDING_STEP[type.rounding as PriceRounding]}`;

/**
 * The register rows of a posted list (one per line, dated the list's date), then the
 * lists of the types derived from its type (and, in turn, from those): for every active
 * FROM_PRICE_TYPE type based on it, a DERIVED list of the same date and scope, posted,
 * whose prices are the base list's on the derived type's VAT basis, adjusted and rounded
 * (deriveAcrossVat). Returns the lists posted, this one first.
 */
export async function writeList(ctx: Context, posting: Posting, list: PriceList, type: PriceType, lines: readonly PriceListLine[], chain: ReadonlySet<string>): Promise<PriceList[]> {
  const postedAt = list.postedAt ?? new Date();
  await posting.write(priceRegister, lines.map((line) => ({ date: list.date, line: line.lineNo, productId: line.product.id, priceTypeId: type.id, price: line.price, postedAt: postedAt.toISOString() })));
  announce(ctx, list, 'POSTED');
  const derivedTypes = await ctx.em.find(PriceType, { basePriceType: type.id, derivation: PriceDerivation.FROM_PRICE_TYPE, active: true }, { orderBy: { code: 'asc' } });
  const written = [list];
  for (const derived of derivedTypes) {
    if (chain.has(derived.id)) continue; // base chains cannot loop (PriceTypeService), but never recurse forever
    written.push(...(await postDerivedList(ctx, list, type, lines, derived, chain)));
  }
  return written;
}

interface ComputedList {
  type: PriceType;
  date: string;
  /** The base list it follows (unposted with it), or none: it stands alone. */
  basePriceList: PriceList | null;
  groupId: string | null;
  postedAt: Date;
  comment: string;
  /** What each line is computed from, on this basis: a price (VAT included or not) or a unit cost (never). */
  baseVatIncluded: boolean;
  bases: readonly { lineNo: number; productId: string; base: string }[];
}

/**
 * Posts a DERIVED list of `c.type` whose prices are `c.bases` on its VAT basis, adjusted
 * and rounded once (deriveAcrossVat, with each product's VAT rate), then the lists of the
 * types derived from it. INVALID_STATE when a computed price does not fit a price.
 */
async function postComputedList(ctx: Context, c: ComputedList, chain: ReadonlySet<string>): Promise<PriceList[]> {
  const step = ROUNDING_STEP[c.type.rounding as PriceRounding];
  const facts = await ctx.services.products.facts(ctx.em, c.bases.map((b) => b.productId));
  const list = ctx.em.create(PriceList, {
    number: await ctx.services.ledger.number(ctx, priceListType, c.date),
    date: c.date,
    priceType: c.type,
    group: c.groupId,
    status: DocumentStatus.POSTED,
    postedAt: c.postedAt,
    source: PriceListSource.DERIVED,
    basePriceList: c.basePriceList,
    comment: c.comment,
  });
  const lines = c.bases.map((b) => {
    const price = deriveAcrossVat({ base: b.base, baseVatIncluded: c.baseVatIncluded, percent: c.type.adjustmentPercent!, vatIncluded: c.type.vatIncluded, vatRate: facts.get(b.productId)?.vatRate ?? '0', step });
    const problem = priceProblem(price);
    if (problem) throw invalidState(`The ${c.type.code} price computed for line ${b.lineNo} of ${list.number} ${problem}`, { priceTypeId: c.type.id, productId: b.productId, lineNo: b.lineNo });
    return ctx.em.create(PriceListLine, { priceList: list, lineNo: b.lineNo, product: b.productId, price });
  });
  await ctx.em.flush();
  const posting = new Posting(ctx, { type: PRICE_LIST, id: list.id }, list.date, `Price list ${list.number}`);
  return writeList(ctx, posting, list, c.type, lines, new Set([...chain, c.type.id]));
}

/**
 * The list of `derived` computed from the posted list `list` of its base type `type`:
 * same date, scope and posting time, following the base list.
 */
export function postDerivedList(ctx: Context, list: PriceList, type: PriceType, lines: readonly PriceListLine[], derived: PriceType, chain: ReadonlySet<string>): Promise<PriceList[]> {
  return postComputedList(
    ctx,
    {
      type: derived,
      date: list.date,
      basePriceList: list,
      groupId: list.group?.id ?? null,
      postedAt: list.postedAt ?? new Date(),
      comment: `${derived.code} computed from ${list.number} (${type.code} ${rule(derived)})`,
      baseVatIncluded: type.vatIncluded,
      bases: lines.map((line) => ({ lineNo: line.lineNo, productId: line.product.id, base: line.price })),
    },
    chain,
  );
}

/**
 * A recomputed list of the FROM_PRICE_TYPE type `type` dated `date`: every product's
 * price of its base type in effect on that date (`basePrices`, in SKU order), on its
 * basis. It stands alone (no base list). None when the base has no prices then.
 */
export async function postRecomputedList(ctx: Context, type: PriceType, base: PriceType, date: string, basePrices: ReadonlyMap<string, string>): Promise<PriceList[]> {
  if (!basePrices.size) return [];
  await assertPeriodOpen(ctx, date);
  return postComputedList(
    ctx,
    {
      type,
      date,
      basePriceList: null,
      groupId: null,
      postedAt: new Date(),
      comment: `${type.code} recomputed from the ${base.code} prices in effect on ${date} (${rule(type)})`,
      baseVatIncluded: base.vatIncluded,
      bases: [...basePrices].map(([productId, price], i) => ({ lineNo: i + 1, productId, base: price })),
    },
    new Set(),
  );
}

/**
 * Computes and posts a cost list of a FROM_COST type dated `date`: for each product with
 * stock (`costs`: its average cost, without VAT) price = cost × (1 + markup / 100), stated
 * on the type's VAT basis (+ the product's VAT when its prices include VAT) and rounded
 * once to its step (deriveAcrossVat). The list is DERIVED with no base list; the types
 * derived from this one get their lists as usual. Returns the lists posted (this one
 * first), none when no product has stock.
 */
export async function postCostPrices(ctx: Context, type: PriceType, date: string, costs: ReadonlyMap<string, string>): Promise<PriceList[]> {
  if (type.derivation !== PriceDerivation.FROM_COST) throw invalidState(`Price type ${type.code} is not computed from cost (${type.derivation})`, { derivation: type.derivation });
  if (!costs.size) return [];
  await assertPeriodOpen(ctx, date);
  return postComputedList(
    ctx,
    {
      type,
      date,
      basePriceList: null,
      groupId: null,
      postedAt: new Date(),
      comment: `${type.code} computed from the average cost of stock (${rule(type)})`,
      baseVatIncluded: false,
      bases: [...costs].map(([productId, cost], i) => ({ lineNo: i + 1, productId, base: cost })),
    },
    new Set(),
  );
}

/** Deletes the lists derived from a list, their register rows first (recursively). */
export async function retractDerived(ctx: Context, list: PriceList): Promise<void> {
  const derivedLists = await ctx.em.find(PriceList, { basePriceList: list.id });
  for (const derived of derivedLists) await withdrawComputedList(ctx, derived);
  if (derivedLists.length) await ctx.em.flush();
}

/** Takes a computed list out for good: the lists derived from it, its register rows, the list itself. */
export async function withdrawComputedList(ctx: Context, list: PriceList): Promise<void> {
  await retractDerived(ctx, list);
  await retractRows(ctx.em, priceRegister, { type: PRICE_LIST, id: list.id });
  announce(ctx, list, 'WITHDRAWN');
  ctx.em.remove(list);
}
