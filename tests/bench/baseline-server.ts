import { createServer, type Server } from 'node:http';
import Decimal from 'decimal.js';
import { Pool } from 'pg';

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

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Benchmark B: the floor for the same work — node:http + a pg Pool, no framework,
 * no auth, one SQL statement — answering with the JSON our GraphQL endpoint gives.
 */
export async function startBaselineServer(databaseUrl: string, poolMax: number): Promise<BaselineServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolMax });
  // an idle client losing its connection (the database stopping at Ctrl-C) must not crash the process
  pool.on('error', () => undefined);

  const lookup = async (id: unknown) => {
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
  };

  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { id?: unknown } };
          const json = JSON.stringify({ data: { product: await lookup(body.variables?.id) } });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
        }
      })();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
