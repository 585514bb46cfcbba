import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { isUuid } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { notSortable } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { SUBTREE_IDS_SQL } from '../catalog/product-group.service';
import { localToday } from '../../shared/local-date.scalar';
import { actsOnlyAsPartner } from '../identity/permissions';
import { PriceRecord } from './price-record.entity';
import { defaultPriceType, priceTypeIdOfClient } from './price-type.service';
import type { EffectivePriceArgs, PriceQuote } from './price.types';

export interface EffectivePrice {
  price: string;
  validFrom: string;
  priceListId: string;
  priceListNumber: string;
}

/**
 * The register row in effect for product `p.id`: the latest valid_from on or before the
 * date, the latest posted among equal dates. With price_register_lookup (product,
 * price type, valid_from, posted_at) it is one backward index probe per product.
 * Bindings: price type, date.
 */
const LATEST_ROW_SQL = `cross join lateral (
    select r.price, r.valid_from, r.recorder_id from price_register r
    where r.product_id = p.id and r.price_type_id = ? and r.valid_from <= ?
    order by r.valid_from desc, r.posted_at desc
    limit 1
  ) r
  join price_list pl on pl.id = r.recorder_id`;

interface EffectiveRow {
  product_id: string;
  price: string;
  valid_from: string;
  recorder_id: string;
  number: string;
  total?: string;
}

/** Sort fields of `prices` → columns. */
const SORT_COLUMNS: Record<string, string> = { sku: 'p.sku', name: 'p.name', price: 'r.price', validFrom: 'r.valid_from' };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The price of each product of a price type in effect on `date` (YYYY-MM-DD), in one
 * statement; products without one are missing from the map. For other services (quote).
 */
export async function effectivePrices(em: EntityManager, productIds: string[], priceTypeId: string, date: string): Promise<Map<string, EffectivePrice>> {
  const ids = [...new Set(productIds.filter(isUuid))];
  const prices = new Map<string, EffectivePrice>();
  if (!ids.length || !isUuid(priceTypeId)) return prices;
  const rows: EffectiveRow[] = await em.execute(
    `select p.id as product_id, r.price, r.valid_from::text as valid_from, r.recorder_id, pl.number
     from product p ${LATEST_ROW_SQL}
     where p.id in (?)`,
    [priceTypeId, date, ids],
  );
  for (const row of rows) prices.set(row.product_id, toEffective(row));
  return prices;
}

/**
 * Every product's price of a price type in effect on `date`, in SKU order (the lines of a
 * recomputed list): one statement walking the products with price_register_lookup.
 */
export async function pricesOfTypeOn(em: EntityManager, priceTypeId: string, date: string): Promise<Map<string, string>> {
  const rows: { product_id: string; price: string }[] = await em.execute(
    `select p.id as product_id, r.price::text as price from product p ${LATEST_ROW_SQL} order by p.sku, p.id`,
    [priceTypeId, date],
  );
  return new Map(rows.map((row) => [row.product_id, row.price]));
}

function toEffective(row: EffectiveRow): EffectivePrice {
  return { price: row.price, validFrom: row.valid_from, priceListId: row.recorder_id, priceListNumber: row.number };
}

/**
 * Reading prices (`price:read`). Staff read every price type; a partner only the price
 * type of its own client — the client's price type, or the default one when it has
 * none; any other is out of its scope and answered as a type that does not exist (no
 * price, an empty list, no events: the `price` and `prices` queries, `priceHistory`,
 * `Product.price`, `pricesChanged`).
 */
export class PriceService {
  async price(ctx: Context, productId: string, priceTypeId: string, date: string): Promise<PriceQuote | null> {
    if (!(await this.mayRead(ctx, priceTypeId))) return null;
    return this.effective(ctx, productId, priceTypeId, date);
  }

  /**
   * `Product.price`: the product's price of the type in effect on the date; the type left
   * out is the caller's own (ownPriceTypeId), the date today. A partner naming a type
   * other than its own is FORBIDDEN, as in `price`.
   */
  async productPrice(ctx: Context, productId: string, priceTypeId?: string | null, date?: string | null): Promise<PriceQuote | null> {
    if (priceTypeId && !(await this.mayRead(ctx, priceTypeId))) return null;
    const typeId = priceTypeId ?? (await this.ownPriceTypeId(ctx));
    return typeId ? this.effective(ctx, productId, typeId, date ?? localToday()) : null;
  }

  /** Through a loader per (price type, date): the products of a page cost one statement (effectivePrices) together. */
  private async effective(ctx: Context, productId: string, priceTypeId: string, date: string): Promise<PriceQuote | null> {
    const loader = ctx.loaders.custom<string, EffectivePrice | null>(`pricing:effective:${priceTypeId}:${date}`, async (productIds) => {
      const prices = await effectivePrices(ctx.em, [...productIds], priceTypeId, date);
      return productIds.map((id) => prices.get(id) ?? null);
    });
    const found = await loader.load(productId);
    return found ? { productId, priceTypeId, ...found } : null;
  }

  /** The price type a caller's prices are in when it names none: a partner's own (partnerPriceTypeId), staff the default one; null when there is none. */
  ownPriceTypeId(ctx: Context): Promise<string | null> {
    if (actsOnlyAsPartner(ctx.user)) return this.partnerPriceTypeId(ctx);
    return ctx.loaders.once('pricing:defaultPriceType', async () => (await defaultPriceType(ctx.em))?.id ?? null);
  }

  /** The page of products that have a price on the date, with the price, in one statement. */
  async prices(ctx: Context, args: EffectivePriceArgs): Promise<Page<PriceQuote>> {
    const f = args.filter;
    if (!(await this.mayRead(ctx, f.priceTypeId))) return { items: [], total: 0 };
    const order = (args.sort?.length ? args.sort : [{ field: 'sku', order: 'ASC' }]).map((s) => {
      const column = SORT_COLUMNS[s.field];
      if (!column) throw badInput({ sort: notSortable(s.field, Object.keys(SORT_COLUMNS)) });
      return `${column} ${s.order === 'DESC' ? 'desc' : 'asc'}`;
    });
    const conditions: string[] = [];
    const bindings: unknown[] = [f.priceTypeId, f.date];
    if (f.productIds) {
      if (!f.productIds.length) return { items: [], total: 0 };
      conditions.push('p.id in (?)');
      bindings.push(f.productIds);
    }
    if (f.groupId) {
      conditions.push(`p.group_id in ${SUBTREE_IDS_SQL}`);
      bindings.push(f.groupId);
    }
    const q = f.q?.trim();
    if (q) {
      conditions.push('(p.sku ilike ? or p.name ilike ?)');
      bindings.push(`%${escapeLike(q)}%`, `%${escapeLike(q)}%`);
    }
    const sql = `select p.id as product_id, r.price, r.valid_from::text as valid_from, r.recorder_id, pl.number, count(*) over () as total
      from product p ${LATEST_ROW_SQL}
      ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
      order by ${[...order, 'p.id'].join(', ')}
      limit ? offset ?`;
    const offset = (args.page - 1) * args.perPage;
    const rows: EffectiveRow[] = await ctx.em.execute(sql, [...bindings, args.perPage, offset]);
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && offset > 0) {
      // a page past the end still reports the total
      const [counted]: { total: string }[] = await ctx.em.execute(
        `select count(*) as total from product p ${LATEST_ROW_SQL} ${conditions.length ? `where ${conditions.join(' and ')}` : ''}`,
        bindings,
      );
      total = Number(counted.total);
    }
    return { items: rows.map((row) => ({ productId: row.product_id, priceTypeId: f.priceTypeId, ...toEffective(row) })), total };
  }

  /** Every register row of a product and price type, newest first (the order in which they take effect, reversed). */
  async history(ctx: Context, productId: string, priceTypeId: string): Promise<PriceRecord[]> {
    if (!(await this.mayRead(ctx, priceTypeId)) || !isUuid(productId) || !isUuid(priceTypeId)) return [];
    return ctx.em.find(PriceRecord, { product: productId, priceType: priceTypeId }, { orderBy: [{ validFrom: 'desc' }, { postedAt: 'desc' }, { id: 'asc' }] });
  }

  /** The price type a partner may read: its client's (priceTypeOfClient, the choice a quote makes); worked out once per request. */
  partnerPriceTypeId(ctx: Context): Promise<string | null> {
    return ctx.loaders.once('pricing:partnerPriceType', async () => {
      const counterpartyId = ctx.user?.counterpartyId;
      const client = counterpartyId ? await ctx.services.counterparties.get(ctx, counterpartyId) : null;
      return client ? priceTypeIdOfClient(ctx, client) : null;
    });
  }

  /**
   * Whether the caller may read the prices of the type: staff any, a partner only its own.
   * Another type is out of a partner's scope, answered as a type that does not exist is
   * (DESIGN §8, the one out-of-scope rule): no price, an empty list, no events.
   */
  async mayRead(ctx: Context, priceTypeId: string): Promise<boolean> {
    return !actsOnlyAsPartner(ctx.user) || (await this.partnerPriceTypeId(ctx)) === priceTypeId;
  }
}
