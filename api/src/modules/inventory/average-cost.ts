import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Cost for pricing (FROM_COST price types): the average unit cost of the stock of a
 * product still there, across all warehouses — Σ value_remaining / Σ qty_remaining over
 * its lots with qty_remaining > 0. It is the current stock, whatever date is asked about.
 * Unrounded (numeric division); the price computed from it is rounded.
 * `productIds` null: every product with stock. Products without stock are missing from the
 * map (no stock, no cost). Keys come in SKU order. One statement.
 */
export async function averageCosts(em: EntityManager, productIds: string[] | null): Promise<Map<string, string>> {
  if (productIds && !productIds.length) return new Map();
  const rows: { product_id: string; unit_cost: string }[] = await em.execute(
    `select l.product_id, (sum(l.value_remaining) / sum(l.qty_remaining))::text as unit_cost
     from stock_lot l join product p on p.id = l.product_id
     where l.qty_remaining > 0${productIds ? ' and l.product_id in (?)' : ''}
     group by l.product_id, p.sku
     order by p.sku`,
    productIds ? [[...new Set(productIds)]] : [],
  );
  return new Map(rows.map((row) => [row.product_id, String(row.unit_cost)]));
}
