import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig, type Config } from '../../api/src/config';
import { connect, migrate } from '../../api/src/db/database';
import { withDatabase } from '../../api/src/db/database-url';
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres';
import { seedDemo } from '../../api/src/db/seed/demo.seed';
import { startServer, type RunningServer } from '../../api/src/server/app';
import { createSchema } from '../../api/src/server/schema';
import { createServices, type Services } from '../../api/src/server/services';
import { killPostmaster, removeDir, type Cleanup } from './cleanup';

export const POOL_MAX = 10; // DB_POOL_MAX's default

export type SetupTimings = { label: string; ms: number }[];

export async function timed<T>(setup: SetupTimings, label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  setup.push({ label, ms: performance.now() - started });
  return value;
}

/**
 * A throw-away tb_bench_* database on DATABASE_URL's server, or on an embedded
 * PostgreSQL in a temp dir; dropped (and the embedded server stopped) by `cleanup`.
 */
export async function createBenchDatabase(cleanup: Cleanup, setup: SetupTimings, log: (line: string) => void): Promise<{ url: string; label: string }> {
  let serverUrl: string;
  let label: string;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    label = `DATABASE_URL server (${new URL(serverUrl).host})`;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tradebook-bench-pg-'));
    cleanup.last(`remove ${dataDir}`, () => removeDir(dataDir));
    cleanup.last('kill the bench PostgreSQL', () => killPostmaster(dataDir));
    const embedded = await timed(setup, 'embedded PostgreSQL: initdb + start', () => startEmbeddedPostgres({ dataDir, persistent: false }));
    cleanup.add('stop the bench PostgreSQL', () => embedded.stop());
    serverUrl = embedded.url;
    label = 'embedded PostgreSQL (temp dir, fsync=off)';
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
  log(`database ${database} on ${label}`);
  return { url: withDatabase(serverUrl, database), label };
}

/** Our server in-process (as tests/support/harness.ts starts it) on a migrated database with the demo data. */
export async function startBenchServer(
  url: string,
  cleanup: Cleanup,
  setup: SetupTimings,
  overrides: Partial<Record<keyof Config, string>> = {},
): Promise<{ orm: MikroORM; server: RunningServer; services: Services; graphqlUrl: string }> {
  const orm = await connect(url, { max: POOL_MAX });
  cleanup.add('close the ORM', () => orm.close());
  await timed(setup, 'migrate', () => migrate(orm));
  await timed(setup, 'seedDemo', () => seedDemo(orm.em.fork()));
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: url, SEED_DEMO: 'false', DB_POOL_MAX: String(POOL_MAX), ...overrides });
  const { server, services } = await timed(setup, 'schema + services + startServer (in-process)', async () => {
    const schema = await createSchema();
    const services = await createServices(orm, config);
    cleanup.add('close the services', () => services.close());
    return { services, server: await startServer({ config, orm, schema, services, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' }) };
  });
  cleanup.add('stop our server', () => server.close());
  return { orm, server, services, graphqlUrl: `${server.url}/graphql` };
}
