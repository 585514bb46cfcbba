import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Product } from '../../api/src/modules/catalog/product.entity';
import { createClient } from '@tradebook/client';
import { createBenchDatabase, startBenchServer, timed, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';

export interface LedgerVolumeOptions {
  products: number;
  /** Movements of the document-lookup table, in all. */
  lookupMovements: number;
  rounds: number;
}

export interface LedgerVolumeReport {
  database: string;
  setup: SetupTimings;
  products: number;
  /** Median ms of stockBalances as of a day (10,000 rows counted, a page of 500 read) per warehouse history. */
  asOf: { months: number; movements: number; ms: number[] }[];
  lookup: { movements: number; byDocumentMs: number[]; byIdMs: number[]; plan: string };
}

const AS_OF = '2026-11-20';

async function graphql<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const json = (await response.json()) as { data?: T; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`${query} failed: ${JSON.stringify(json.errors ?? json)}`);
  return json.data;
}

/**
 * A warehouse whose history is `months` months of one movement per product a month
 * (the 15th; +10 pcs, +1,000.00), ending in the as-of day's month, written straight into
 * the stock register with its balances and month closings as posting would leave them.
 */
async function seedHistory(orm: MikroORM, warehouseId: string, months: number): Promise<number> {
  const sql = (text: string, params: unknown[]) => orm.em.getConnection().execute(text, params);
  await sql(
    `insert into stock_movement (id, warehouse_id, product_id, lot_id, date, quantity, cost, recorder_type, recorder_id, recorder_line)
     select gen_random_uuid(), ?, p.id, null, (date '2026-11-15' - make_interval(months => m))::date, 10, 1000, 'BenchHistory', gen_random_uuid(), 1
     from product p cross join generate_series(0, ? - 1) m where p.sku like 'LV-%'`,
    [warehouseId, months],
  );
  await sql(
    `insert into stock_month_total (warehouse_id, product_id, month, quantity, cost, closing_quantity, closing_cost)
     select warehouse_id, product_id, month, quantity, cost, sum(quantity) over w, sum(cost) over w
     from (select warehouse_id, product_id, date_trunc('month', date)::date as month, sum(quantity) as quantity, sum(cost) as cost
           from stock_movement where warehouse_id = ? group by 1, 2, 3) t
     window w as (partition by warehouse_id, product_id order by month)`,
    [warehouseId],
  );
  await sql(
    `insert into stock_balance (warehouse_id, product_id, on_hand, reserved, cost, allows_negative)
     select warehouse_id, product_id, sum(quantity), 0, sum(cost), false from stock_movement where warehouse_id = ? group by 1, 2`,
    [warehouseId],
  );
  return months * Number((await orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from product where sku like 'LV-%'`))[0].n);
}

/** `lookupMovements` more movements of documents of 10 lines each, in a warehouse of their own: the lookup table grows past a million rows. */
async function seedDocuments(orm: MikroORM, warehouseId: string, movements: number): Promise<void> {
  // in chunks: each statement stays well inside the pool's statement timeout
  for (let from = 0; from < movements; from += 100_000) {
    await orm.em.getConnection().execute(
      `insert into stock_movement (id, warehouse_id, product_id, lot_id, date, quantity, cost, recorder_type, recorder_id, recorder_line)
       select gen_random_uuid(), ?, (array(select id from product where sku like 'LV-%' order by sku limit 100))[1 + g % 100], null, date '2026-06-01' + (g % 150), -1, -100, 'BenchDocument',
              md5('doc' || (g / 10))::uuid, (g % 10) + 1
       from generate_series(?, ? - 1) g`,
      [warehouseId, from, Math.min(movements, from + 100_000)],
    );
  }
  await orm.em.getConnection().execute('analyze stock_movement');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Balances as of a day read one stored month closing per key plus the rest of the day's
 * month (DESIGN §4): stockBalances as of 2026-11-20 over 10,000 products costs the same
 * whether the warehouse has 12 or 36 months of history. Rounds alternate the two
 * warehouses. Then movements are looked up by their document among a million and more,
 * against a lookup of one product by id (a primary key) in the same rounds.
 */
export async function measureLedgerVolume(options: LedgerVolumeOptions, cleanup: Cleanup, log: (line: string) => void): Promise<LedgerVolumeReport> {
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  const { orm, graphqlUrl } = await startBenchServer(url, cleanup, setup, { SESSION_CACHE_SECONDS: '300', QUERY_MAX_COST: '10000000' });
  const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
  // no time-out: a bench measures how long its large documents take, however long that is
  const admin = createClient({ url: graphqlUrl, token: login.token, timeoutMs: 0 });
  const token = login.token;

  const unit = (await admin.CreateUnit({ input: { code: 'lv-pcs', name: 'bench piece' } })).createUnit.id;
  const [w12, w36, wDocs] = await Promise.all(['LV-12', 'LV-36', 'LV-DOCS'].map(async (code) => (await admin.CreateWarehouse({ input: { code, name: code } })).createWarehouse.id));
  await timed(setup, `${options.products} products`, async () => {
    const em = orm.em.fork();
    for (let i = 0; i < options.products; i++) em.create(Product, { sku: `LV-${String(i).padStart(5, '0')}`, name: `Bench product ${i}`, unit });
    await em.flush();
  });
  const history = [
    { months: 12, warehouseId: w12, movements: await timed(setup, '12 months of history', () => seedHistory(orm, w12, 12)) },
    { months: 36, warehouseId: w36, movements: await timed(setup, '36 months of history', () => seedHistory(orm, w36, 36)) },
  ];
  await orm.em.getConnection().execute('analyze');
  log(`history: ${history.map((h) => `${h.months} months = ${h.movements.toLocaleString('en-US')} movements`).join(', ')}`);

  const AS_OF_QUERY = 'query($w: ID!, $asOf: LocalDate!){ stockBalances(filter: { warehouseId: $w, asOf: $asOf }, perPage: 500){ total items { onHand cost } } }';
  const asOf = history.map((h) => ({ months: h.months, movements: h.movements, ms: [] as number[] }));
  for (let round = 0; round <= options.rounds; round++) {
    // round 0 warms up; then each round runs both, in alternating order
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const started = performance.now();
      const { stockBalances } = await graphql<{ stockBalances: { total: number; items: { onHand: string; cost: string }[] } }>(graphqlUrl, token, AS_OF_QUERY, { w: history[i].warehouseId, asOf: AS_OF });
      const took = performance.now() - started;
      const wanted = String(history[i].months * 10);
      if (stockBalances.total !== options.products || stockBalances.items[0].onHand !== wanted) throw new Error(`as of ${AS_OF}: ${stockBalances.total} rows, on hand ${stockBalances.items[0]?.onHand}; expected ${options.products} of ${wanted}`);
      if (round > 0) asOf[i].ms.push(took);
    }
  }

  await timed(setup, `${options.lookupMovements.toLocaleString('en-US')} document movements`, () => seedDocuments(orm, wDocs, options.lookupMovements));
  const [{ n }] = await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from stock_movement');
  // 50 documents spread over the table
  const ids: string[] = (await orm.em.getConnection().execute<{ id: string }[]>(`select md5('doc' || (g * ?))::uuid::text as id from generate_series(1, 50) g`, [Math.floor(options.lookupMovements / 10 / 51)])).map((r) => r.id);
  const [plan] = await orm.em.getConnection().execute<{ 'QUERY PLAN': string }[]>(`explain select * from stock_movement where recorder_id = '${ids[0]}'`);
  const productId = (await orm.em.getConnection().execute<{ id: string }[]>(`select id from product where sku = 'LV-00001'`))[0].id;
  const lookup = { movements: Number(n), byDocumentMs: [] as number[], byIdMs: [] as number[], plan: plan['QUERY PLAN'] };
  const BY_DOCUMENT = 'query($id: ID!){ stockMovements(filter: { recorderId: $id }, perPage: 50){ total items { quantity cost recorderLine } } }';
  const BY_ID = 'query($id: ID!){ product(id: $id){ id sku name } }';
  for (let round = 0; round <= options.rounds; round++) {
    for (const id of ids) {
      const a = performance.now();
      const { stockMovements } = await graphql<{ stockMovements: { total: number } }>(graphqlUrl, token, BY_DOCUMENT, { id });
      const b = performance.now();
      await graphql(graphqlUrl, token, BY_ID, { id: productId });
      const c = performance.now();
      if (stockMovements.total !== 10) throw new Error(`document ${id}: ${stockMovements.total} movements, expected 10`);
      if (round > 0) (lookup.byDocumentMs.push(b - a), lookup.byIdMs.push(c - b));
    }
  }
  return { database: label, setup, products: options.products, asOf: asOf.map((a) => ({ ...a, ms: a.ms })), lookup };
}

export function printLedgerVolume(report: LedgerVolumeReport, log: (line: string) => void): void {
  const [twelve, thirtySix] = report.asOf;
  log(`stockBalances as of ${AS_OF}, ${report.products.toLocaleString('en-US')} products (total counted, 500 read), ${report.database}:`);
  for (const a of report.asOf) log(`  ${a.months} months (${a.movements.toLocaleString('en-US')} movements): median ${median(a.ms).toFixed(1)} ms over ${a.ms.length} rounds (${a.ms.map((m) => m.toFixed(0)).join(', ')})`);
  log(`  36 ÷ 12 months: ${(median(thirtySix.ms) / median(twelve.ms)).toFixed(2)} (goal: about 1 — the time does not grow with history)`);
  log(`movements by document among ${report.lookup.movements.toLocaleString('en-US')}: median ${median(report.lookup.byDocumentMs).toFixed(2)} ms; product(id) in the same rounds ${median(report.lookup.byIdMs).toFixed(2)} ms; ratio ${(median(report.lookup.byDocumentMs) / median(report.lookup.byIdMs)).toFixed(2)}`);
  log(`  plan: ${report.lookup.plan}`);
}

export { median };
