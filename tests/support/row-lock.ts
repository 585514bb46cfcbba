import { Client } from 'pg';

/**
 * Holds a row lock from a session of the test's own (begin; select … for update), so a
 * request that writes the row waits on it, as long as the test likes.
 */
export async function holdRowLock(databaseUrl: string, table: string, ids: string | string[]) {
  return holdLock(databaseUrl, `select 1 from ${table} where id = any($1::uuid[]) for update`, [[ids].flat()]);
}

/** The same on a product's stock balance at a warehouse (its key is the pair): a posting or reservation of it waits. */
export async function holdBalanceLock(databaseUrl: string, warehouseId: string, productId: string) {
  return holdLock(databaseUrl, 'select 1 from stock_balance where warehouse_id = $1 and product_id = $2 for update', [warehouseId, productId]);
}

/** The same with a table locked against every access: even a read waits. */
export async function holdTableLock(databaseUrl: string, table: string) {
  return holdLock(databaseUrl, `lock table ${table} in access exclusive mode`);
}

async function holdLock(databaseUrl: string, statement: string, params: unknown[] = []) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query(statement, params);
  let released = false;
  // inside a transaction pg_stat_activity is read once and kept, unless the snapshot is cleared
  const waiting = async () =>
    (await client.query('select pg_stat_clear_snapshot()'), await client.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)).rows.map((r) => r.pid);
  return {
    /** The backend pids of the sessions waiting on a lock, once there are `count` of them. */
    async untilWaiting(count = 1, timeoutMs = 10_000): Promise<number[]> {
      for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((r) => setTimeout(r, 20))) {
        const pids = await waiting();
        if (pids.length >= count) return pids;
      }
      throw new Error(`no ${count} session(s) waited on the lock within ${timeoutMs} ms`);
    },
    /** Ends a waiting session as an administrator would (pg_terminate_backend). */
    async terminate(pid: number): Promise<void> {
      await client.query('select pg_terminate_backend($1)', [pid]);
    },
    /** Commits and ends the session (again: nothing). */
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await client.query('commit').catch(() => undefined);
      await client.end();
    },
  };
}
