import { localToday } from '../../api/src/shared/local-date.scalar';
import { benchPool } from './baseline-server';
import { jsonAnswer, serveGraphqlPosts, type BenchHttpServer } from './json-http';

/**
 * The partner catalogue page as `products { items { … price … availability … } total }`
 * answers it for a partner, in one statement that writes the JSON itself: the page of
 * active products of a group and the groups below it, by SKU, each with its unit and group,
 * the price in effect today of the partner's price type (its client's, else the default
 * type) and what an order today may take from each active partner-shipping warehouse that
 * holds or reserves some (on hand less reserved, and no more than the lowest balance that
 * movements dated after today leave; never below 0). Numbers written as the API's scalars
 * do: prices with 2 to 4 places, quantities in their shortest form.
 * $1 group, $2 perPage, $3 offset, $4 the partner's client, $5 today.
 */
const CATALOGUE_SQL = `
with recursive subtree (id) as (
  select id from product_group where id = $1
  union
  select g.id from product_group g join subtree s on g.parent_id = s.id
),
page as (
  select p.id, p.sku, p.name, p.kind, p.unit_id, p.group_id, count(*) over () as total
  from product p
  where p.group_id in (select id from subtree) and p.active
  order by p.sku, p.id
  limit $2 offset $3
),
own_type as (
  select coalesce(c.price_type_id, (select t.id from price_type t where t.is_default)) as id from counterparty c where c.id = $4
)
select json_build_object('data', json_build_object('products', json_build_object(
  'items', coalesce(json_agg(json_build_object(
    'id', pg.id, 'sku', pg.sku, 'name', pg.name,
    'unit', json_build_object('code', u.code),
    'group', case when g.id is null then null else json_build_object('name', g.name) end,
    'price', case when r.price is null then null
                  else json_build_object('price', round(r.price, greatest(2, scale(trim_scale(r.price))))::text, 'validFrom', r.valid_from::text) end,
    'availability', case when pg.kind = 'SERVICE' then '[]'::json else coalesce(a.rows, '[]'::json) end
  ) order by pg.sku, pg.id), '[]'::json),
  'total', coalesce(max(pg.total), 0)
)))::text as body
from page pg
join unit u on u.id = pg.unit_id
left join product_group g on g.id = pg.group_id
left join lateral (
  select r.price, r.valid_from from price_register r
  where r.product_id = pg.id and r.price_type_id = (select id from own_type) and r.valid_from <= $5::date
  order by r.valid_from desc, r.posted_at desc
  limit 1
) r on true
left join lateral (
  select json_agg(json_build_object(
           'warehouseId', w.id,
           'available', trim_scale(greatest(0, least(b.on_hand - coalesce(later.total, 0) + least(0, coalesce(later.dip, 0)), b.on_hand - coalesce(b.reserved, 0))))::text
         ) order by w.code) as rows
  from stock_balance b
  join warehouse w on w.id = b.warehouse_id and w.partner_shipping and w.active
  left join lateral (
    select sum(d.quantity) as total, min(d.running) as dip
    from (select sum(m.quantity) as quantity, sum(sum(m.quantity)) over (order by m.date) as running
          from stock_movement m
          where m.warehouse_id = b.warehouse_id and m.product_id = b.product_id and m.date > $5::date
          group by m.date) d
  ) later on true
  where b.product_id = pg.id and (b.on_hand <> 0 or b.reserved <> 0)
) a on true`;

interface CatalogueVariables {
  filter?: { groupId?: string };
  page?: number;
  perPage?: number;
}

/**
 * The floor for the catalogue page: node:http + a pg Pool, no framework, no auth (it acts
 * for `counterpartyId`, the partner's client, as a token would say), one SQL statement.
 */
export async function startCatalogueRawServer(databaseUrl: string, poolMax: number, counterpartyId: string): Promise<BenchHttpServer> {
  const pool = benchPool(databaseUrl, poolMax);
  return serveGraphqlPosts(
    async (raw) => {
      const { variables = {} } = JSON.parse(raw.toString('utf8')) as { variables?: CatalogueVariables };
      const perPage = variables.perPage ?? 25;
      const offset = ((variables.page ?? 1) - 1) * perPage;
      const { rows } = await pool.query<{ body: string }>(CATALOGUE_SQL, [variables.filter?.groupId, perPage, offset, counterpartyId, localToday()]);
      return jsonAnswer(rows[0].body);
    },
    () => pool.end(),
  );
}
