import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '../../api/src/db/database-url';
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres';

/**
 * Once per `npm test`: a PostgreSQL server (TEST_DATABASE_URL / DATABASE_URL, or an
 * embedded one on a free port) and a template database, migrated and holding the
 * demo logins, that every test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let serverUrl: string;
  if (given) {
    serverUrl = withDatabase(given, 'postgres');
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), 'tradebook-test-pg-')), persistent: false });
    (globalThis as { __tradebookPg?: typeof embedded }).__tradebookPg = embedded;
    serverUrl = embedded.url;
  }
  const template = `tb_template_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();

  // In a child process: MikroORM loaded here would clash with the copy a test file loads in-band.
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'prepare-template.ts'), withDatabase(serverUrl, template)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  process.env.TB_TEST_SERVER_URL = serverUrl;
  process.env.TB_TEST_TEMPLATE = template;
}
