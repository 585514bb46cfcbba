import { Client } from 'pg';
import { onStatement } from '../../api/src/db/orm.config';

export interface StatementCount {
  /** What MikroORM sent (its logger's statements, as the integration tests count them). */
  orm: number;
  /** Every query any pg client of this process sent, the ORM's and the background's (pg-boss, the outbox). */
  wire: number;
}

/**
 * The SQL statements sent while `run` runs, counted twice: through MikroORM's statement
 * hook, and below every library at pg's `Client.prototype.query`, so a statement that
 * bypasses the ORM (a raw pg query, a prepared statement) is counted too. `seen` gets
 * the text of each of the ORM's.
 */
export async function countStatements(run: () => Promise<unknown>, seen?: (sql: string) => void): Promise<StatementCount> {
  const count: StatementCount = { orm: 0, wire: 0 };
  const stop = onStatement((sql) => {
    count.orm++;
    seen?.(sql);
  });
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    count.wire++;
    return query.apply(this, args);
  };
  try {
    await run();
  } finally {
    prototype.query = query;
    stop();
  }
  return count;
}
