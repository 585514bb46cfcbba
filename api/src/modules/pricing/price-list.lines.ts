import { Decimal } from '../../shared/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findById } from '../../shared/crud';
import { decimalPlaces, FieldReason, negative, noSuch, problem, type FieldMessages, type FieldProblem } from '../../shared/field-errors';
import { ProductGroup } from '../catalog/product-group.entity';
import type { Context } from '../../server/context';
import { PriceList, PriceListLine, type PriceListSource } from './price-list.entity';
import { priceListType } from './price-list.document';
import { PriceDerivation, PriceRounding, PriceType, ROUNDING_STEP } from './price-type.entity';

/** The rules every price list's lines follow, whoever writes them: typed in, repriced or imported. */

export interface DraftLine {
  productId: string;
  price: string;
}

const PRICE_PLACES = 4;
const MAX_PRICE = new Decimal('999999999999999.9999'); // numeric(19,4)

/** Why a price cannot be a price list price, in words ("must not be negative"), or null. */
export const priceProblem = (price: string): string | null => priceFieldProblem(price)?.message ?? null;

/** What a price must fit: its price type's code and rounding. */
export type PriceTypeRounding = Pick<PriceType, 'code' | 'rounding'>;

/** A price type that is switched off, where a list of it is written. */
export const inactivePriceType = (code: string) => problem(FieldReason.INACTIVE, `${code} is inactive`, { entity: 'PriceType', name: code });

/**
 * Why a price cannot be a price list price, or null: the reason and its words. With its
 * price type, the price must also be a multiple of the type's rounding step (issue 9): a
 * price the type would never quote is refused where it is typed or imported, so an
 * undiscounted quote line is charged exactly the list price.
 */
export function priceFieldProblem(price: string, type?: PriceTypeRounding | null): FieldProblem | null {
  const value = new Decimal(price);
  if (value.isNegative()) return negative();
  if (value.decimalPlaces() > PRICE_PLACES) return decimalPlaces(PRICE_PLACES);
  if (value.gt(MAX_PRICE)) return problem(FieldReason.TOO_LARGE, 'is too large');
  if (type) {
    const step = ROUNDING_STEP[type.rounding as PriceRounding];
    if (!value.mod(step).isZero()) return problem(FieldReason.OFF_ROUNDING_STEP, `is not a multiple of ${step}, the rounding of ${type.code} prices`, { step, priceType: type.code });
  }
  return null;
}

/** Whether prices rounded to `step` fit a type rounded to `typeStep` (tens fit roubles, kopecks do not). */
export const stepFits = (step: string, typeStep: string): boolean => new Decimal(step).mod(typeStep).isZero();

/**
 * The price type of a list typed in, repriced or imported: it must exist, be active and
 * take prices by hand (derivation NONE); derived types get DERIVED lists computed.
 */
export async function checkManualPriceType(em: EntityManager, priceTypeId: string, fields: FieldMessages, field = 'priceTypeId'): Promise<PriceType | null> {
  const type = await findById(em, PriceType, priceTypeId);
  if (!type) fields[field] = noSuch('PriceType', 'no such price type');
  else if (type.derivation !== PriceDerivation.NONE) {
    fields[field] = problem(FieldReason.DERIVED_PRICE_TYPE, `${type.code} is derived (${type.derivation}): its prices are computed, only a price type with derivation NONE takes price lists by hand`, { code: type.code, derivation: type.derivation });
  } else if (!type.active) fields[field] = inactivePriceType(type.code);
  return type;
}

export async function checkGroup(em: EntityManager, groupId: string | null | undefined, fields: FieldMessages, field = 'groupId'): Promise<ProductGroup | null> {
  if (!groupId) return null;
  const group = await findById(em, ProductGroup, groupId);
  if (!group) fields[field] = noSuch('ProductGroup', 'no such product group');
  return group;
}

/**
 * Checks the lines, keyed `lines.<index>.<field>` like input validation (index from 0),
 * with messages counting lines from 1: a price not negative, at most 4 places and fitting
 * the list's price type's rounding, each product once and existing, and inside the group
 * scope (the group or one below it). One statement for all products, whatever the number
 * of lines.
 */
export async function checkLines(ctx: Context, lines: DraftLine[], groupId: string | null, type: PriceTypeRounding | null, fields: FieldMessages): Promise<void> {
  const firstLineOf = new Map<string, number>();
  lines.forEach((line, i) => {
    const refused = priceFieldProblem(line.price, type);
    if (refused) fields[`lines.${i}.price`] = problem(refused.reason, `line ${i + 1}: the price ${refused.message}`, refused.params);
    const earlier = firstLineOf.get(line.productId);
    if (earlier !== undefined) fields[`lines.${i}.productId`] = problem(FieldReason.REPEATED, `line ${i + 1} repeats the product of line ${earlier + 1}`, { line: earlier + 1 });
    else firstLineOf.set(line.productId, i);
  });
  if (!firstLineOf.size || fields.groupId) return;
  const all = ctx.services.products.selection();
  const scope = ctx.services.products.selection({ groupId });
  const rows: { id: string; sku: string; in_scope: boolean }[] = await ctx.em.execute(
    `select p.id, p.sku, s.id is not null as in_scope from (${all.sql}) p left join (${scope.sql}) s on s.id = p.id where p.id in (?)`,
    [...all.params, ...scope.params, [...firstLineOf.keys()]],
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  for (const [productId, i] of firstLineOf) {
    const product = found.get(productId);
    if (!product) fields[`lines.${i}.productId`] = noSuch('Product', `line ${i + 1}: no such product`);
    else if (!product.in_scope) fields[`lines.${i}.productId`] = problem(FieldReason.OUTSIDE_GROUP, `line ${i + 1}: ${product.sku} is outside the list's product group and the groups below it`, { sku: product.sku });
  }
}

/** A new draft with its number and lines numbered 1, 2, … in the given order. */
export async function createDraftPriceList(
  ctx: Context,
  data: { priceTypeId: string; date: string; groupId?: string | null; comment?: string | null; source: PriceListSource; lines: DraftLine[] },
): Promise<PriceList> {
  const em = ctx.em;
  const list = em.create(PriceList, {
    number: await ctx.services.ledger.number(ctx, priceListType, data.date),
    date: data.date,
    priceType: data.priceTypeId,
    group: data.groupId ?? null,
    source: data.source,
    comment: data.comment?.trim() || null,
  });
  addLines(em, list, data.lines);
  await em.flush();
  return list;
}

export function addLines(em: EntityManager, list: PriceList, lines: DraftLine[]): void {
  lines.forEach((line, i) => em.create(PriceListLine, { priceList: list, lineNo: i + 1, product: line.productId, price: new Decimal(line.price).toFixed() }));
}
