import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../api/src/db/embedded-postgres';
import { killPostmaster, removeDir, type Cleanup } from './cleanup';

export const ROOT = path.join(__dirname, '../..');
const MAIN_JS = path.join(ROOT, 'dist/api/src/main.js');

export interface BuildTiming {
  ms: number;
  /** 'dist' when dist was missing or stale and was rebuilt; 'temp' when dist was fresh and the build went to a throw-away dir. */
  target: 'dist' | 'temp';
  reason: string;
  /** tsc's output when it exited non-zero (it still emits unless noEmitOnError). */
  errors?: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why dist must be rebuilt, or null when it is newer than every source it is built from. */
export function distStaleness(): string | null {
  if (!existsSync(MAIN_JS)) return 'dist/api/src/main.js is missing';
  const built = statSync(MAIN_JS).mtimeMs;
  const sources = Math.max(newestSource(path.join(ROOT, 'api/src')), statSync(path.join(ROOT, 'tsconfig.json')).mtimeMs, statSync(path.join(ROOT, 'tsconfig.build.json')).mtimeMs);
  return sources > built ? 'sources are newer than dist' : null;
}

function runTimed(command: string, args: string[]): Promise<{ ms: number; code: number | null; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code, output }));
  });
}

/**
 * `npx tsc -p tsconfig.build.json`, timed. When dist is up to date the same build goes
 * to a temp outDir instead (dist untouched), so `npm start`'s build cost is still known.
 */
export async function timeBuild(cleanup: Cleanup): Promise<BuildTiming> {
  const result = (run: { ms: number; code: number | null; output: string }, target: BuildTiming['target'], reason: string): BuildTiming => ({
    ms: run.ms,
    target,
    reason,
    ...(run.code === 0 ? {} : { errors: `tsc exited with ${run.code}:\n${run.output.trim().split('\n').slice(0, 15).join('\n')}` }),
  });
  const stale = distStaleness();
  if (stale) return result(await runTimed('npx', ['tsc', '-p', 'tsconfig.build.json']), 'dist', stale);
  const outDir = mkdtempSync(path.join(tmpdir(), 'tradebook-bench-build-'));
  const forget = cleanup.last(`remove ${outDir}`, () => removeDir(outDir));
  try {
    return result(await runTimed('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', outDir]), 'temp', 'dist was up to date; timed into a temp outDir');
  } finally {
    removeDir(outDir);
    forget();
  }
}

export interface StartupTiming {
  /** spawn → /health 200 */
  readyMs: number;
  /** Moments the process logged, ms after spawn (from pino's own timestamps). */
  marks: { label: string; ms: number }[];
  /** SIGTERM → exit */
  stopMs: number;
  exitCode: number | null;
  seeded: boolean;
}

const MARKS: [RegExp, string][] = [
  [/^starting embedded PostgreSQL/, 'node loaded, config read'],
  [/^seeding demo data/, 'database up + migrated'],
  [/^Tradebook is listening/, 'listening'],
];

/**
 * Spawns `node dist/api/src/main.js` as `npm start` does (embedded PostgreSQL in
 * DATA_DIR, no DATABASE_URL), times spawn → /health 200, then SIGTERM → exit.
 */
export async function timeStartup(dataDir: string, cleanup: Cleanup, timeoutMs = 90_000, options: { asNpmStart?: boolean } = {}): Promise<StartupTiming> {
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing (the build failed?)`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  const spawnedAt = Date.now();
  const started = performance.now();
  // asNpmStart: what `npm start` runs (scripts/start.js: the build check, then the server in the same process)
  const child = options.asNpmStart
    ? spawn(process.execPath, [path.join(ROOT, 'scripts/start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [MAIN_JS], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const forgetKill = cleanup.last(`kill main.js ${pid}`, () => {
    if (alive()) process.kill(pid, 'SIGKILL');
    killPostmaster(path.join(dataDir, 'pg'));
  });
  const forgetStop = cleanup.add(`stop main.js ${pid}`, async () => {
    if (!alive()) return;
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  });

  let output = '';
  const marks: { label: string; ms: number }[] = [];
  let seeded = false;
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { msg?: string; time?: number };
        const mark = MARKS.find(([pattern]) => pattern.test(entry.msg ?? ''));
        if (mark) marks.push({ label: mark[1], ms: (entry.time ?? Date.now()) - spawnedAt });
        if (/^seeding demo data/.test(entry.msg ?? '')) seeded = true;
      } catch {
        // not a pino line
      }
    }
  });
  child.stderr.on('data', (chunk) => (output += chunk));

  let readyMs: number | undefined;
  try {
    while (readyMs === undefined) {
      if (!alive()) throw new Error(`main.js exited (${child.exitCode ?? child.signalCode}) before /health answered:\n${output.slice(-4000)}`);
      if (performance.now() - started > timeoutMs) throw new Error(`/health did not answer 200 within ${timeoutMs} ms:\n${output.slice(-4000)}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        if (response.status === 200) readyMs = performance.now() - started;
      } catch {
        // not listening yet
      }
      if (readyMs === undefined) await new Promise((r) => setTimeout(r, 20));
    }
  } catch (error) {
    if (alive()) child.kill('SIGKILL');
    await exited;
    killPostmaster(path.join(dataDir, 'pg'));
    forgetStop();
    forgetKill();
    throw error;
  }

  const stopping = performance.now();
  child.kill('SIGTERM');
  const exitCode = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
  if (exitCode === 'timeout') {
    child.kill('SIGKILL');
    await exited;
    killPostmaster(path.join(dataDir, 'pg'));
    forgetStop();
    forgetKill();
    throw new Error(`main.js did not exit within 20 s of SIGTERM:\n${output.slice(-4000)}`);
  }
  const stopMs = performance.now() - stopping;
  forgetStop();
  forgetKill();
  return { readyMs, marks, stopMs, exitCode, seeded };
}
