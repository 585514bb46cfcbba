import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { systemContext } from '../../api/src/server/context';
import { inTransaction } from '../../api/src/shared/transaction';
import { startMain } from '../support/main-process';
import { createBenchDatabase, startBenchServer, timed, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';
import { table } from './format';
import type { Arrival, FanoutJob } from './reminder-fanout-worker';

export const FANOUT_P99_GOAL_MS = 100;

export interface FanoutOptions {
  /** Subscribers, each its own user with one reminder per round, half on each instance. */
  subscribers: number;
  rounds: number;
}

interface Latencies {
  p50: number;
  p99: number;
  max: number;
}

export interface FanoutRound {
  round: number;
  ours: Latencies & { delivered: number; duplicates: number; missing: number; firedInMs: number };
  baseline: Latencies & { delivered: number };
}

export interface FanoutReport {
  database: string;
  setup: SetupTimings;
  subscribers: number;
  rounds: FanoutRound[];
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
const latencies = (values: number[]): Latencies => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN };
};

function startWorker(job: FanoutJob): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'reminder-fanout-worker.ts'), [], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send(job);
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`a fan-out worker exited (${code}) before its clients connected`)));
  });
}

const collect = (child: ChildProcess) =>
  new Promise<{ arrivals: Arrival[]; errors: number }>((resolve) => {
    child.once('message', (m) => resolve(m as { arrivals: Arrival[]; errors: number }));
    child.send({ collect: true });
  });

/**
 * Reminder fan-out (issue 13): `subscribers` users, each with one graphql-ws connection
 * subscribed to reminderDue — half on instance A (in this process), half on instance B
 * (its own process), from two client processes. Each round gives every user one reminder
 * due at the same moment; the pg-boss jobs of both instances fire them, the outbox and
 * LISTEN/NOTIFY carry them to both instances. Latency = arrival at the client − the
 * moment the job marked it delivered. Interleaved with each round, the floor: as many
 * bare NOTIFYs from one connection to one LISTEN connection (pg, no application).
 */
export async function measureReminderFanout(options: FanoutOptions, cleanup: Cleanup, log: (line: string) => void): Promise<FanoutReport> {
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  const { orm, services, graphqlUrl } = await startBenchServer(url, cleanup, setup, { JOBS_POLL_SECONDS: '0.5', SESSION_CACHE_SECONDS: '300' });
  const other = startMain({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', JOBS_POLL_SECONDS: '0.5', SESSION_CACHE_SECONDS: '300', NODE_ENV: 'development' });
  cleanup.add('stop instance B', async () => {
    other.child.kill('SIGTERM');
    await other.exited;
  });
  const portB = await timed(setup, 'instance B (its own process)', () => other.listening);
  const wsA = graphqlUrl.replace('http', 'ws');
  const wsB = `ws://127.0.0.1:${portB}/graphql`;

  const userIds = await timed(setup, `${options.subscribers} users`, async () => {
    const sql = orm.em.fork().getConnection();
    const columns: { column_name: string }[] = await sql.execute(`select column_name from information_schema.columns where table_name = 'app_user' and table_schema = current_schema()`);
    const set: Record<string, string> = { id: 'gen_random_uuid()', email: `'fanout-' || i || '@bench.tradebook'`, name: `'Fanout ' || i`, created_at: 'now()', updated_at: 'now()' };
    const names = columns.map((c) => c.column_name);
    const rows: { id: string }[] = await sql.execute(
      `insert into app_user (${names.map((n) => `"${n}"`).join(', ')}) select ${names.map((n) => set[n] ?? `u."${n}"`).join(', ')}
       from app_user u, generate_series(1, ${options.subscribers}) i where u.email = 'sales_manager@demo.tradebook' returning id`,
    );
    return rows.map((r) => r.id);
  });
  const tokens = await Promise.all(userIds.map((id) => services.tokens.sign(id)));
  const half = Math.ceil(tokens.length / 2);
  const workers = await timed(setup, `${options.subscribers} graphql-ws subscribers (two client processes)`, () => Promise.all([startWorker({ url: wsA, tokens: tokens.slice(0, half) }), startWorker({ url: wsB, tokens: tokens.slice(half) })]));
  cleanup.add('stop the subscribers', () => void workers.forEach((w) => w.send({ stop: true })));
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const notifyFloor = async (count: number): Promise<FanoutRound['baseline']> => {
    const listener = new Client({ connectionString: url });
    const sender = new Client({ connectionString: url });
    await Promise.all([listener.connect(), sender.connect()]);
    try {
      const got: number[] = [];
      const done = new Promise<void>((resolve) => listener.on('notification', (n) => got.push(Date.now() - Number(n.payload)) === count && resolve()));
      await listener.query('listen bench_floor');
      for (let i = 0; i < count; i++) await sender.query(`select pg_notify('bench_floor', $1)`, [String(Date.now())]);
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      return { ...latencies(got), delivered: got.length };
    } finally {
      await Promise.all([listener.end(), sender.end()]);
    }
  };

  const rounds: FanoutRound[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const remindAt = new Date(Date.now() + 3000 + options.subscribers * 15); // after all of them are made (each a row and a job)
    const ids = new Set<string>();
    await inTransaction(orm.em.fork(), async (em) => {
      const ctx = systemContext(em, services);
      for (const userId of userIds) ids.add((await services.reminders.create(ctx, { userId, title: `Round ${round}`, remindAt })).id);
    });
    const until = Date.now() + 60_000;
    const arrivals: Arrival[] = [];
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const w of workers) arrivals.push(...(await collect(w)).arrivals);
      if (arrivals.filter((a) => ids.has(a.reminderId)).length >= ids.size) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const w of workers) arrivals.push(...(await collect(w)).arrivals);
    const own = arrivals.filter((a) => ids.has(a.reminderId));
    const seen = new Set(own.map((a) => a.reminderId));
    const delivered = own.map((a) => Date.parse(a.deliveredAt));
    const ours = { ...latencies(own.map((a) => a.receivedAt - Date.parse(a.deliveredAt))), delivered: own.length, duplicates: own.length - seen.size, missing: ids.size - seen.size, firedInMs: Math.max(...delivered) - Math.min(...delivered) };
    const baseline = await notifyFloor(options.subscribers);
    rounds.push({ round, ours, baseline });
    log(`round ${round}: delivered ${ours.delivered}/${ids.size} (duplicates ${ours.duplicates}), p50 ${ours.p50} / p99 ${ours.p99} ms; NOTIFY floor p50 ${baseline.p50} / p99 ${baseline.p99} ms`);
  }
  return { database: label, setup, subscribers: options.subscribers, rounds };
}

export function printReminderFanout(report: FanoutReport, log: (line: string) => void) {
  console.log(`\nReminder fan-out: ${report.subscribers} subscribers over graphql-ws on two instances, one reminder each per round (${report.database})`);
  console.log(
    table(
      [
        ['round', 'delivered', 'duplicates', 'missing', 'jobs fired within', 'delivery p50 / p99 / max', 'bare NOTIFY p50 / p99', 'p99 ratio'],
        ...report.rounds.map((r) => [
          String(r.round), String(r.ours.delivered), String(r.ours.duplicates), String(r.ours.missing), `${r.ours.firedInMs} ms`,
          `${r.ours.p50} / ${r.ours.p99} / ${r.ours.max} ms`, `${r.baseline.p50} / ${r.baseline.p99} ms`, `${(r.ours.p99 / Math.max(1, r.baseline.p99)).toFixed(1)}×`,
        ]),
      ],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  const worst = Math.max(...report.rounds.map((r) => r.ours.p99));
  const exact = report.rounds.every((r) => r.ours.delivered === report.subscribers && r.ours.duplicates === 0);
  log(`worst p99 ${worst} ms (goal < ${FANOUT_P99_GOAL_MS} ms) → ${worst < FANOUT_P99_GOAL_MS ? 'met' : 'NOT met'}; every round delivered exactly ${report.subscribers}, no duplicates → ${exact ? 'yes' : 'NO'}`);
}
