import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { createClient } from '@tradebook/client';
import { startBareApolloServer } from './apollo-server';
import { startBaselineServer } from './baseline-server';
import { createBenchDatabase, POOL_MAX, startBenchServer, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';
import { LoadGenerator, round, type LoadResult } from './load';

export const PRODUCT_QUERY = 'query($id: ID!){ product(id: $id){ id sku name vatRate unit { id code name } group { id name } } }';

export interface ThroughputOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

/** A: our server; B: a bare Apollo Server 5 doing C's lookup; C: node:http + pg. */
export type ServerName = 'a' | 'b' | 'c';
const SERVERS: ServerName[] = ['a', 'b', 'c'];

export interface ThroughputReport {
  database: string;
  setup: SetupTimings;
  productId: string;
  responseBytes: Record<ServerName, number>;
  rounds: ({ round: number } & Record<ServerName, LoadResult>)[];
  /** Sanity check after the runs: the three servers still answer the same JSON. */
  sameAnswerAfter: boolean;
}

async function post(url: string, body: string, token: string): Promise<{ status: number; json: unknown; bytes: number }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/**
 * A: our server (in-process, as tests/support/harness.ts starts it) vs B: a bare Apollo
 * Server 5 with a hand-written schema vs C: node:http + pg (both one statement through a
 * pg Pool); same database, same query, same JSON; interleaved autocannon rounds from a
 * child process.
 */
export async function measureThroughput(options: ThroughputOptions, cleanup: Cleanup, log: (line: string) => void): Promise<ThroughputReport> {
  const setup: SetupTimings = [];
  const { url, label: databaseLabel } = await createBenchDatabase(cleanup, setup, log);
  // A: our server, in-process
  const { graphqlUrl: aUrl } = await startBenchServer(url, cleanup, setup);

  // B: bare Apollo, C: the minimal server
  const bare = await startBareApolloServer(url, POOL_MAX);
  cleanup.add('stop the bare Apollo server', () => bare.close());
  const baseline = await startBaselineServer(url, POOL_MAX);
  cleanup.add('stop the baseline server', () => baseline.close());
  const urls: Record<ServerName, string> = { a: aUrl, b: `${bare.url}/graphql`, c: `${baseline.url}/graphql` };

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

  // all must give the same answer, or the comparison means nothing
  const body = JSON.stringify({ query: PRODUCT_QUERY, variables: { id: productId } });
  const compare = async () => {
    const [a, b, c] = await Promise.all(SERVERS.map((name) => post(urls[name], body, token)));
    if (a.status !== 200 || (a.json as { errors?: unknown }).errors) throw new Error(`our server answered ${a.status}: ${JSON.stringify(a.json)}`);
    if (!(a.json as { data?: { product?: unknown } }).data?.product) throw new Error(`our server found no product ${productId}: ${JSON.stringify(a.json)}`);
    return { a, b, c, same: isDeepStrictEqual(a.json, b.json) && isDeepStrictEqual(a.json, c.json) };
  };
  const before = await compare();
  if (!before.same) throw new Error(`A, B and C answer differently:\nA ${JSON.stringify(before.a.json)}\nB ${JSON.stringify(before.b.json)}\nC ${JSON.stringify(before.c.json)}`);
  log(`product ${productId}: ${JSON.stringify(before.a.json)}`);

  const load = new LoadGenerator(cleanup);
  const job = (target: string) => ({
    url: target,
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    connections: options.connections,
  });
  const measure = (name: string, target: string, n: number) => round(load, job(target), options, `round ${n} ${name}`, log);

  const rounds: ThroughputReport['rounds'] = [];
  for (let n = 1; n <= options.rounds; n++) {
    const a = await measure('A', urls.a, n);
    const b = await measure('B', urls.b, n);
    const c = await measure('C', urls.c, n);
    rounds.push({ round: n, a, b, c });
  }
  const after = await compare();

  return { database: databaseLabel, setup, productId, responseBytes: { a: before.a.bytes, b: before.b.bytes, c: before.c.bytes }, rounds, sameAnswerAfter: after.same };
}
