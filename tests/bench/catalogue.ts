import 'reflect-metadata';
import { print } from 'graphql';
import { isDeepStrictEqual } from 'node:util';
import { createClient, PartnerCatalogueDocument, type PartnerCatalogueQuery } from '@tradebook/client';
import { createBenchDatabase, POOL_MAX, startBenchServer, timed, type SetupTimings } from './bench-server';
import { startCatalogueRawServer } from './catalogue-raw-server';
import { seedCatalogue } from './catalogue-seed';
import type { Cleanup } from './cleanup';
import { LoadGenerator, round, type LoadResult } from './load';
import { countStatements, type StatementCount } from './statement-count';

export interface CatalogueOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Products added to the catalogue (the page is the first `perPage` of them). */
  products: number;
  perPage: number;
}

export interface CatalogueReport {
  database: string;
  setup: SetupTimings;
  /** What the page holds: products, of them priced and available somewhere, and the total. */
  page: { items: number; priced: number; available: number; total: number };
  responseBytes: { a: number; raw: number };
  /** Statements per request of ours, over `requests` requests one after another. */
  statements: { requests: number; perRequest: StatementCount };
  rounds: { round: number; a: LoadResult; raw: LoadResult }[];
  sameAnswerAfter: boolean;
}

/** The portal's catalogue operation of the SDK (schema/operations/catalogue.graphql), as it goes over the wire. */
export const CATALOGUE_QUERY = print(PartnerCatalogueDocument);
const QUERY = CATALOGUE_QUERY;
const STATEMENT_REQUESTS = 20;

async function post(url: string, body: string, token: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as { data?: PartnerCatalogueQuery; errors?: unknown }, bytes: Buffer.byteLength(text) };
}

/**
 * A partner portal's catalogue page (perPage products with unit, group, the partner's price
 * and availability, one request, as the demo partner) from our server in-process vs a raw
 * node:http server answering the same JSON from one SQL statement; same database, the same
 * JSON checked before and after; interleaved autocannon rounds; our statements per request.
 */
export async function measureCatalogue(options: CatalogueOptions, cleanup: Cleanup, log: (line: string) => void): Promise<CatalogueReport> {
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  // a long session cache: the counted requests re-read no user
  const { orm, services, graphqlUrl } = await startBenchServer(url, cleanup, setup, { SESSION_CACHE_SECONDS: '300' });
  const signIn = async (email: string) => (await createClient({ url: graphqlUrl }).Login({ email, password: 'tradebook' })).login.token;
  const admin = createClient({ url: graphqlUrl, token: await signIn('admin@demo.tradebook'), timeoutMs: 0 });
  const { groupId } = await timed(setup, `demo prices + ${options.products} products priced and stocked`, () => seedCatalogue(orm, services, admin, options.products));

  const token = await signIn('partner@demo.tradebook');
  const { counterparties } = await createClient({ url: graphqlUrl, token }).Counterparties({ perPage: 1 });
  const raw = await startCatalogueRawServer(url, POOL_MAX, counterparties.items[0].id);
  cleanup.add('stop the raw catalogue server', () => raw.close());
  const rawUrl = `${raw.url}/graphql`;

  const body = JSON.stringify({ query: QUERY, variables: { filter: { groupId, active: true }, sort: [{ field: 'sku', order: 'ASC' }], page: 1, perPage: options.perPage } });
  const compare = async () => {
    const [a, r] = await Promise.all([post(graphqlUrl, body, token), post(rawUrl, body, token)]);
    if (a.status !== 200 || a.json.errors || !a.json.data) throw new Error(`our server answered ${a.status}: ${JSON.stringify(a.json).slice(0, 2000)}`);
    return { a, r, same: isDeepStrictEqual(a.json, r.json) };
  };
  const before = await compare();
  if (!before.same) throw new Error(`our server and the raw one answer differently:\nours ${JSON.stringify(before.a.json)}\nraw  ${JSON.stringify(before.r.json)}`);
  const { items, total } = before.a.json.data!.products;
  const page = { items: items.length, priced: items.filter((p) => p.price).length, available: items.filter((p) => p.availability?.length).length, total };
  if (page.items !== options.perPage) throw new Error(`the page holds ${page.items} products, not ${options.perPage}`);
  log(`page: ${page.items} products of ${page.total}, ${page.priced} priced, ${page.available} available somewhere; first: ${JSON.stringify(items[0])}`);

  const started = performance.now();
  const counted = await countStatements(async () => {
    for (let i = 0; i < STATEMENT_REQUESTS; i++) await post(graphqlUrl, body, token);
  });
  const alone = (performance.now() - started) / STATEMENT_REQUESTS;
  const perRequest = { orm: counted.orm / STATEMENT_REQUESTS, wire: counted.wire / STATEMENT_REQUESTS };
  log(`statements per request over ${STATEMENT_REQUESTS} requests one at a time (${alone.toFixed(1)} ms each): ${perRequest.orm} through MikroORM, ${perRequest.wire} on the wire (pg clients of the process)`);
  const texts: string[] = [];
  await countStatements(() => post(graphqlUrl, body, token), (sql) => texts.push(sql.replace(/\s+/g, ' ').slice(0, 110)));
  log(`the statements of one request:\n${texts.map((text, i) => `    ${i + 1}. ${text}`).join('\n')}`);

  const load = new LoadGenerator(cleanup);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const measure = (name: string, target: string, n: number) => round(load, { url: target, body, headers, connections: options.connections }, options, `round ${n} ${name}`, log);
  const rounds: CatalogueReport['rounds'] = [];
  for (let n = 1; n <= options.rounds; n++) {
    const a = await measure('Tradebook', graphqlUrl, n);
    const r = await measure('raw      ', rawUrl, n);
    rounds.push({ round: n, a, raw: r });
  }
  const after = await compare();
  return { database: label, setup, page, responseBytes: { a: before.a.bytes, raw: before.r.bytes }, statements: { requests: STATEMENT_REQUESTS, perRequest }, rounds, sameAnswerAfter: after.same };
}
