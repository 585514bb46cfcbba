import 'reflect-metadata';
import { fork } from 'node:child_process';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { loadConfig } from '../../api/src/config';
import { Product } from '../../api/src/modules/catalog/product.entity';
import { Unit } from '../../api/src/modules/catalog/unit.entity';
import { costEstimator, queryCost } from '../../api/src/server/query-cost';
import { createClient } from '@tradebook/client';
import { createBenchDatabase, startBenchServer, timed, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';
import { LoadGenerator, type LoadResult } from './load';
import { PRODUCT_QUERY } from './throughput';
import type { WsLoadJob, WsLoadResult } from './ws-load-worker';

export interface HostileOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  /** product(id) connections of the admin. */
  connections: number;
  /** Anonymous connections sending wrong logins. */
  stormConnections: number;
}

export interface StormRound {
  round: number;
  idle: LoadResult;
  /** The storm from one IP (the per-IP limits bite), then from a new IP per request (only the password-check queue protects). */
  oneIp: { admin: LoadResult; storm: LoadResult };
  manyIps: { admin: LoadResult; storm: LoadResult };
}

export interface HostileReport {
  database: string;
  setup: SetupTimings;
  storm: StormRound[];
  largest: { query: string; aliases: number; cost: number; maxCost: number; rows: number; rounds: { round: number; idle: LoadResult; loaded: LoadResult; ws: WsLoadResult }[] };
  /** product(id) answers the right product after all of it. */
  sameAnswerAfter: boolean;
}

// one product's page: items 1 + 4 scalars + unit (1 + 3) + group (1 + 2) = 12, so 1 + 500 × 12 = 6,001 a page
const PAGE = 'products(perPage: 500) { items { id sku name vatRate unit { id code name } group { id name } } }';
const PRODUCTS_TO_ADD = 500;

/** The graphql-ws client of ws-load-worker.ts, in a child process of its own. */
function startWsLoad(cleanup: Cleanup, job: WsLoadJob): Promise<{ stop(): Promise<WsLoadResult> }> {
  const child = fork(path.join(__dirname, 'ws-load-worker.ts'), [], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pid = child.pid!;
  cleanup.last('kill the WebSocket load', () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
  });
  const reply = () => new Promise<{ started?: boolean; result?: WsLoadResult }>((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the WebSocket load exited (${code})`)));
  });
  const started = reply();
  child.send(job);
  return started.then(() => ({
    async stop() {
      const done = reply();
      child.send('stop');
      const { result } = await done;
      child.disconnect();
      return result!;
    },
  }));
}

/**
 * Hostile use, against our server in-process on a demo database:
 * (1) product(id) throughput for an admin while 100 anonymous connections send wrong logins
 *     (from one IP, then from a new IP each), against the same load idle, interleaved rounds;
 * (2) /health latency while one WebSocket client keeps sending the largest query the limits
 *     allow (as many at once as one user may run), against /health idle.
 */
export async function measureHostile(options: HostileOptions, cleanup: Cleanup, log: (line: string) => void): Promise<HostileReport> {
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  // X-Forwarded-For is trusted so the storm can come from many IPs
  const { orm, server, graphqlUrl } = await startBenchServer(url, cleanup, setup, { TRUST_PROXY: 'true' });
  const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
  const token = login.token;

  await timed(setup, `add ${PRODUCTS_TO_ADD} products (full pages of 500)`, async () => {
    const em = orm.em.fork();
    const [unit] = await em.find(Unit, {}, { orderBy: { code: 'asc' }, limit: 1 });
    for (let i = 0; i < PRODUCTS_TO_ADD; i++) em.create(Product, { sku: `HOSTILE-${String(i).padStart(4, '0')}`, name: `Hostile bench product ${i}`, unit });
    await em.flush();
  });
  const probe = new Client({ connectionString: url });
  await probe.connect();
  const [{ id: productId }] = (await probe.query<{ id: string }>('select id from product where group_id is not null order by sku limit 1')).rows;
  const rows = Number((await probe.query<{ n: string }>('select count(*) as n from product')).rows[0].n);
  await probe.end();

  const body = JSON.stringify({ query: PRODUCT_QUERY, variables: { id: productId } });
  const answer = async () => (await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })).text();
  const expected = await answer();
  if (!expected.includes(productId)) throw new Error(`product(id) does not answer: ${expected}`);

  const admin = new LoadGenerator(cleanup);
  const storm = new LoadGenerator(cleanup);
  const adminJob = (seconds: number) => ({ url: graphqlUrl, body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, connections: options.connections, seconds });
  const stormJob = (ips: 'one' | 'many', seconds: number) => ({ url: graphqlUrl, headers: { 'content-type': 'application/json' }, connections: options.stormConnections, seconds, loginStorm: { ips } });
  const underStorm = async (ips: 'one' | 'many') => {
    // the admin's connections first (during a storm a new connection can wait seconds to be accepted), then the storm for the rest of the run
    const measured = admin.run(adminJob(options.seconds + 0.5));
    await new Promise((r) => setTimeout(r, 500));
    const attack = await storm.run(stormJob(ips, options.seconds));
    return { admin: await measured, storm: attack };
  };
  const line = (name: string, r: LoadResult) =>
    `${name}: ${r.reqPerSec.toFixed(0).padStart(5)} req/s  p50 ${r.latencyP50} ms  p99 ${r.latencyP99} ms  errors ${r.errors + r.timeouts + r.non2xx}`;

  if (options.warmupSeconds > 0) await admin.run(adminJob(options.warmupSeconds));
  const stormRounds: StormRound[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const idle = await admin.run(adminJob(options.seconds));
    log(`round ${round} ${line('idle', idle)}`);
    const oneIp = await underStorm('one');
    log(`round ${round} ${line('storm from one IP', oneIp.admin)}  (storm: ${oneIp.storm.requests} logins tried, ${oneIp.storm.non2xx} refused 429)`);
    const manyIps = await underStorm('many');
    log(`round ${round} ${line('storm from many IPs', manyIps.admin)}  (storm: ${manyIps.storm.requests} logins tried, ${manyIps.storm.non2xx} refused 429)`);
    stormRounds.push({ round, idle, oneIp, manyIps });
  }

  // (2) the largest query the limits allow: as many full pages as the cost limit takes (and the alias limit lets through)
  const config = loadConfig({});
  const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
  const costOf = (n: number) => queryCost({ schema, estimator: costEstimator(schema), document: parse(`{ ${Array.from({ length: n }, (_, i) => `p${i}: ${PAGE}`).join(' ')} }`) })!;
  let aliases = 1;
  while (aliases < config.QUERY_MAX_ALIASES && costOf(aliases + 1) <= config.QUERY_MAX_COST) aliases++;
  const largestQuery = `{ ${Array.from({ length: aliases }, (_, i) => `p${i}: ${PAGE}`).join(' ')} }`;
  const health = (seconds: number) => ({ url: `${server.url}/health`, method: 'GET' as const, headers: {}, connections: 1, seconds });
  const largestRounds: HostileReport['largest']['rounds'] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const idle = await admin.run(health(options.seconds));
    const ws = await startWsLoad(cleanup, { url: graphqlUrl.replace(/^http/, 'ws'), token, query: largestQuery, inFlight: config.REQUESTS_PER_USER });
    await new Promise((r) => setTimeout(r, 500));
    const loaded = await admin.run(health(options.seconds));
    const wsResult = await ws.stop();
    log(`round ${round} /health idle p50 ${idle.latencyP50} / p99 ${idle.latencyP99} ms; with the WebSocket load p50 ${loaded.latencyP50} / p99 ${loaded.latencyP99} ms; ${wsResult.answered} largest queries answered (${(wsResult.bytes / Math.max(1, wsResult.answered) / 1e6).toFixed(2)} MB each), ${wsResult.errors} errors${wsResult.firstError ? `: ${wsResult.firstError}` : ''}`);
    largestRounds.push({ round, idle, loaded, ws: wsResult });
  }

  return {
    database: label,
    setup,
    storm: stormRounds,
    largest: { query: `${aliases} × ${PAGE}`, aliases, cost: costOf(aliases), maxCost: config.QUERY_MAX_COST, rows, rounds: largestRounds },
    sameAnswerAfter: (await answer()) === expected,
  };
}
