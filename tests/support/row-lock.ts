import { Client } from 'pg';

/**
 * Holds a row lock from a session of the test's own (begin; select … for update), so a
 * request that writes the row waits on it, as long as the test likes.
 */
export async function holdRowLock(databaseUrl: string, table: string, id: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query(`select 1 from ${table} where id = $1 for update`, [id]);
  const waiting = async () =>
    (await client.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)).rows.map((r) => r.pid);
  return {
    /** The backend pids of the sessions waiting on a lock, once there are `count` of them. */
    async untilWaiting(count = 1, timeoutMs = 10_000): Promise<number[]> {
      for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((r) => setTimeout(r, 20))) {
        const pids = await waiting();
        if (pids.length >= count) return pids;
      }
      throw new Error(`no ${count} session(s) waited on the lock within ${timeoutMs} ms`);
    },
    async release(): Promise<void> {
      await client.query('commit').catch(() => undefined);
      await client.end();
    },
  };
}
