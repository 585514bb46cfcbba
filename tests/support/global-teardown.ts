import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __tradebookPg?: { stop(): Promise<void> } }).__tradebookPg;
  if (embedded) {
    await embedded.stop();
    return;
  }
  const admin = new Client({ connectionString: process.env.TB_TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${process.env.TB_TEST_TEMPLATE} with (force)`);
  await admin.end();
}
