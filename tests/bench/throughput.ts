import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from '../../api/src/config';
import { connect, migrate } from '../../api/src/db/database';
import { withDatabase } from '../../api/src/db/database-url';
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres';
import { seedDemo } from '../../api/src/db/seed/demo.seed';
import { startServer } from '../../api/src/server/app';
import { createSchema } from '../../api/src/server/schema';
import { createServices } from '../../api/src/server/services';
import { createClient } from '../../schema/client';
import { startBaselineServer } from './baseline-server';
import { killPostmaster, removeDir, type Cleanup } from './cleanup';
import { LoadGenerator, type LoadResult } from './load';

export const PRODUCT_QUERY = 'query($id: ID!){ product(id: $id){ id sku name vatRate unit { id code name } group { id name } } }';
const POOL_MAX = 10; // DB_POOL_MAX's default, for both servers

export interface ThroughputOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface ThroughputReport {
  database: string;
  setup: { label: string; ms: number }[];
  productId: string;
  responseBytes: { a: number; b: number };
  rounds: { round: number; a: LoadResult; b: LoadResult }[];
  /** Sanity check after the runs: both servers still answer the same JSON. */
  sameAnswerAfter: boolean;
}

async function timed<T>(setup: { label: string; ms: number }[], label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  setup.push({ label, ms: performance.now() - started });
  return value;
}

async function post(url: string, body: string, token: string): Promise<{ status: number; json: unknown; bytes: number }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/**
 * A: our server (in-process, as tests/support/harness.ts starts it) vs B: node:http + pg,
 * same database, same query, same JSON; interleaved autocannon rounds from a child process.
 */
export async function measureThroughput(options: ThroughputOptions, cleanup: Cleanup, log: (line: string) => void): Promise<ThroughputReport> {
  const setup: { label: string; ms: number }[] = [];

  // A database server: DATABASE_URL's, or an embedded one in a temp dir
  let serverUrl: string;
  let databaseLabel: string;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    databaseLabel = `DATABASE_URL server (${new URL(serverUrl).host})`;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tradebook-bench-pg-'));
    cleanup.last(`remove ${dataDir}`, () => removeDir(dataDir));
    cleanup.last('kill the bench PostgreSQL', () => killPostmaster(dataDir));
    const embedded = await timed(setup, 'embedded PostgreSQL: initdb + start', () => startEmbeddedPostgres({ dataDir, persistent: false }));
    cleanup.add('stop the bench PostgreSQL', () => embedded.stop());
    serverUrl = embedded.url;
    databaseLabel = 'embedded PostgreSQL (temp dir, fsync=off)';
  }

  const database = `tb_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  cleanup.add(`drop database ${database}`, async () => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${database} with (force)`);
    } finally {
      await client.end();
    }
  });
  const url = withDatabase(serverUrl, database);
  log(`database ${database} on ${databaseLabel}`);

  // A: our server, in-process
  const orm = await connect(url, POOL_MAX);
  cleanup.add('close the ORM', () => orm.close());
  await timed(setup, 'migrate', () => migrate(orm));
  await timed(setup, 'seedDemo', () => seedDemo(orm.em.fork()));
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: url, SEED_DEMO: 'false', DB_POOL_MAX: String(POOL_MAX) });
  const server = await timed(setup, 'schema + services + startServer (in-process)', async () => {
    const schema = await createSchema();
    const services = await createServices(orm, config);
    cleanup.add('close the services', () => services.close());
    return startServer({ config, orm, schema, services, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  });
  cleanup.add('stop our server', () => server.close());
  const aUrl = `${server.url}/graphql`;

  // B: the minimal server
  const baseline = await startBaselineServer(url, POOL_MAX);
  cleanup.add('stop the baseline server', () => baseline.close());
  const bUrl = `${baseline.url}/graphql`;

  const { login } = await createClient({ url: aUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
  const token = login.token;

  const probe = new Client({ connectionString: url });
  await probe.connect();
  let productId: string;
  try {
    const { rows } = await probe.query<{ id: string }>('select id from product where group_id is not null order by sku limit 1');
    if (!rows[0]) throw new Error('the demo seed left no product');
    productId = rows[0].id;
  } finally {
    await probe.end();
  }

  // both must give the same answer, or the comparison means nothing
  const body = JSON.stringify({ query: PRODUCT_QUERY, variables: { id: productId } });
  const compare = async () => {
    const [a, b] = await Promise.all([post(aUrl, body, token), post(bUrl, body, token)]);
    if (a.status !== 200 || (a.json as { errors?: unknown }).errors) throw new Error(`our server answered ${a.status}: ${JSON.stringify(a.json)}`);
    if (!(a.json as { data?: { product?: unknown } }).data?.product) throw new Error(`our server found no product ${productId}: ${JSON.stringify(a.json)}`);
    return { a, b, same: isDeepStrictEqual(a.json, b.json) };
  };
  const before = await compare();
  if (!before.same) throw new Error(`A and B answer differently:\nA ${JSON.stringify(before.a.json)}\nB ${JSON.stringify(before.b.json)}`);
  log(`product ${productId}: ${JSON.stringify(before.a.json)}`);

  const load = new LoadGenerator(cleanup);
  const job = (target: string) => ({
    url: target,
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    connections: options.connections,
  });
  const measure = async (name: 'A' | 'B', target: string, round: number) => {
    if (options.warmupSeconds > 0) await load.run({ ...job(target), seconds: options.warmupSeconds });
    const result = await load.run({ ...job(target), seconds: options.seconds });
    const problems = result.errors + result.timeouts + result.non2xx;
    log(
      `round ${round} ${name}: ${result.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${result.latencyP50} ms  p99 ${result.latencyP99} ms` +
        (problems ? `  (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)` : ''),
    );
    return result;
  };

  const rounds: ThroughputReport['rounds'] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const a = await measure('A', aUrl, round);
    const b = await measure('B', bUrl, round);
    rounds.push({ round, a, b });
  }
  const after = await compare();

  return { database: databaseLabel, setup, productId, responseBytes: { a: before.a.bytes, b: before.b.bytes }, rounds, sameAnswerAfter: after.same };
}
