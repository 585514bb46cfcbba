import 'reflect-metadata';
import { Client } from 'pg';
import { createClient } from '@tradebook/client';
import { createBenchDatabase, startBenchServer, timed, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';
import { table } from './format';

export const CLIENT_SEARCH_P95_GOAL_MS = 50;

export interface ClientSearchOptions {
  clients: number;
  rounds: number;
  /** Searches of each kind per round. */
  queries: number;
}

type Kind = 'name' | 'inn' | 'phone';
interface Figures {
  p50: number;
  p95: number;
}
export interface ClientSearchReport {
  database: string;
  setup: SetupTimings;
  clients: number;
  rounds: { round: number; kinds: Record<Kind, { ours: Figures; sql: Figures; found: number }> }[];
}

const WORDS = ['Ромашка', 'Василёк', 'Техснаб', 'Стройторг', 'Агромир', 'Энергопром', 'Северлес', 'Волгахим', 'Уралмет', 'Балтсервис'];
const QUERY = 'query($q: String!){ counterparties(filter: { q: $q }, perPage: 25){ items { id name inn phone } total } }';

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const figures = (values: number[]): Figures => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95) });

/**
 * The clients list searched over `clients` generated clients (issue 13): by a name
 * fragment, an INN fragment and a phone fragment typed with spaces, through GraphQL as an
 * administrator (the page of 25 and its total), each search interleaved with the same two
 * statements sent straight to PostgreSQL (the floor: no server, no ORM).
 */
export async function measureClientSearch(options: ClientSearchOptions, cleanup: Cleanup, log: (line: string) => void): Promise<ClientSearchReport> {
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  const { graphqlUrl } = await startBenchServer(url, cleanup, setup, { SESSION_CACHE_SECONDS: '300' });
  const sql = new Client({ connectionString: url });
  await sql.connect();
  cleanup.add('close the SQL client', () => sql.end());
  await timed(setup, `${options.clients.toLocaleString('en-US')} clients (generate_series) + analyze`, async () => {
    const { rows } = await sql.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'counterparty' and table_schema = current_schema()`);
    const set: Record<string, string> = {
      id: 'gen_random_uuid()', created_at: 'now()', updated_at: 'now()', version: '1', roles: `'{CLIENT}'`,
      name: `'ООО «' || (array[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + i % ${WORDS.length}] || ' ' || i || '»'`,
      full_name: 'null', inn: `'77' || lpad(i::text, 8, '0')`, kpp: 'null', phone: `'+7 912 ' || lpad(i::text, 7, '0')`, phone_key: `'+7912' || lpad(i::text, 7, '0')`,
      email: `'client' || i || '@bench.example'`, email_key: `'client' || i || '@bench.example'`, status: `'CUSTOMER'`, tags: `'{}'`,
    };
    const names = rows.map((r) => r.column_name);
    await sql.query(`insert into counterparty (${names.map((n) => `"${n}"`).join(', ')}) select ${names.map((n) => set[n] ?? `t."${n}"`).join(', ')}
      from (select * from counterparty where 'CLIENT' = any(roles) limit 1) t, generate_series(1, ${options.clients}) i`);
    await sql.query('analyze counterparty');
  });
  const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });

  const ask = async (q: string): Promise<number> => {
    const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: JSON.stringify({ query: QUERY, variables: { q } }) });
    const json = (await response.json()) as { data?: { counterparties: { total: number } }; errors?: unknown };
    if (!json.data) throw new Error(`search ${q} failed: ${JSON.stringify(json.errors)}`);
    return json.data.counterparties.total;
  };
  const floor = async (q: string, kind: Kind) => {
    // what clientSearchCondition asks: a name as text; an INN or a phone as a number (INN and phone only)
    const like = `%${q}%`;
    const digits = `%${q.replace(/\D/g, '')}%`;
    const where = kind === 'name' ? '(name ilike $1 or full_name ilike $1 or inn like $1)' : '(inn like $1 or phone_key like $2)';
    const params = kind === 'name' ? [like] : [digits, digits];
    await sql.query(`select id, name, inn, phone from counterparty where ${where} order by name, id limit 25`, params);
    await sql.query(`select count(*) from counterparty where ${where}`, params);
  };
  const searches = (kind: Kind, round: number): string[] =>
    Array.from({ length: options.queries }, (_, k) => {
      const n = 1 + ((round * 7919 + k * 104_729) % options.clients);
      if (kind === 'name') return `${WORDS[n % WORDS.length]} ${n}`;
      if (kind === 'inn') return `77${String(n).padStart(8, '0')}`.slice(0, 8);
      return `912 ${String(n).padStart(7, '0').slice(0, 3)} ${String(n).padStart(7, '0').slice(3, 5)}`;
    });

  for (const kind of ['name', 'inn', 'phone'] as Kind[]) for (const q of searches(kind, 0).slice(0, 5)) await ask(q); // warm-up
  const rounds: ClientSearchReport['rounds'] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const kinds = {} as ClientSearchReport['rounds'][number]['kinds'];
    for (const kind of ['name', 'inn', 'phone'] as Kind[]) {
      const ours: number[] = [];
      const raw: number[] = [];
      let found = 0;
      for (const q of searches(kind, round)) {
        let started = performance.now();
        found += await ask(q);
        ours.push(performance.now() - started);
        started = performance.now();
        await floor(q, kind);
        raw.push(performance.now() - started);
      }
      kinds[kind] = { ours: figures(ours), sql: figures(raw), found };
    }
    rounds.push({ round, kinds });
    log(`round ${round}: ${(['name', 'inn', 'phone'] as Kind[]).map((k) => `${k} p95 ${kinds[k].ours.p95.toFixed(1)} ms (SQL ${kinds[k].sql.p95.toFixed(1)})`).join(', ')}`);
  }
  return { database: label, setup, clients: options.clients, rounds };
}

export function printClientSearch(report: ClientSearchReport, log: (line: string) => void) {
  console.log(`\nClients list search over ${report.clients.toLocaleString('en-US')} clients: a page of 25 and its total (${report.database})`);
  const rows = report.rounds.flatMap((r) =>
    (['name', 'inn', 'phone'] as Kind[]).map((k) => {
      const f = r.kinds[k];
      return [String(r.round), k, `${f.ours.p50.toFixed(1)} / ${f.ours.p95.toFixed(1)} ms`, `${f.sql.p50.toFixed(1)} / ${f.sql.p95.toFixed(1)} ms`, `${(f.ours.p95 / Math.max(0.1, f.sql.p95)).toFixed(2)}×`, String(f.found)];
    }),
  );
  console.log(table([['round', 'search by', 'GraphQL p50 / p95', 'bare SQL p50 / p95', 'p95 ratio', 'rows found'], ...rows], ['r', 'l', 'r', 'r', 'r', 'r']));
  const worst = Math.max(...report.rounds.flatMap((r) => Object.values(r.kinds).map((f) => f.ours.p95)));
  log(`worst p95 ${worst.toFixed(1)} ms (goal < ${CLIENT_SEARCH_P95_GOAL_MS} ms) → ${worst < CLIENT_SEARCH_P95_GOAL_MS ? 'met' : 'NOT met'}`);
}
