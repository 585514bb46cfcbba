import Decimal from 'decimal.js';
import { Pool } from 'pg';
import { jsonAnswer, serveGraphqlPosts, type BenchHttpServer } from './json-http';

/** The same lookup as `product(id)` with unit and group, in one statement. */
const PRODUCT_SQL = `
  select p.id, p.sku, p.name, p.vat_rate,
         u.id as unit_id, u.code as unit_code, u.name as unit_name,
         g.id as group_id, g.name as group_name
    from product p
    join unit u on u.id = p.unit_id
    left join product_group g on g.id = p.group_id
   where p.id = $1`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  sku: string;
  name: string;
  vat_rate: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  group_id: string | null;
  group_name: string | null;
}

export interface ProductAnswer {
  id: string;
  sku: string;
  name: string;
  vatRate: string;
  unit: { id: string; code: string; name: string };
  group: { id: string; name: string | null } | null;
}

/** A pg Pool for a comparison server: an idle client losing its connection (the database stopping at Ctrl-C) must not crash the process. */
export function benchPool(databaseUrl: string, max: number): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => undefined);
  return pool;
}

/** `product(id)` in one statement through the pool, shaped as our GraphQL endpoint answers it; null for no such product. */
export async function lookupProduct(pool: Pool, id: unknown): Promise<ProductAnswer | null> {
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const { rows } = await pool.query<Row>(PRODUCT_SQL, [id]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    vatRate: new Decimal(row.vat_rate).toFixed(), // as the Decimal scalar serializes it
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    group: row.group_id ? { id: row.group_id, name: row.group_name } : null,
  };
}

/**
 * Benchmark C: the floor for the same work — node:http + a pg Pool, no framework,
 * no auth, one SQL statement — answering with the JSON our GraphQL endpoint gives.
 */
export async function startBaselineServer(databaseUrl: string, poolMax: number): Promise<BenchHttpServer> {
  const pool = benchPool(databaseUrl, poolMax);
  return serveGraphqlPosts(
    async (raw) => {
      const body = JSON.parse(raw.toString('utf8')) as { variables?: { id?: unknown } };
      return jsonAnswer(JSON.stringify({ data: { product: await lookupProduct(pool, body.variables?.id) } }));
    },
    () => pool.end(),
  );
}
