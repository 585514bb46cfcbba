import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from './errors';

/** SQLSTATEs after which PostgreSQL expects the whole transaction to be tried again: serialization_failure, deadlock_detected. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

export interface RetryOptions {
  /** Tries in all, the first included (≥ 1). */
  attempts?: number;
  /** The pause before retry n is a random time in [0, backoffMs × 2^(n−1)) ("full jitter"), so the losers of a deadlock do not meet again in step. */
  backoffMs?: number;
  /** Told of each failure that will be retried (attempt = the one that failed, from 1). */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Whether the database refused the transaction only because of concurrent ones: a
 * serialization failure or a deadlock (SQLSTATE 40001 / 40P01). MikroORM converts the
 * driver's error into a DeadlockException carrying the driver's `code`; the SQLSTATE is
 * looked for on the error and on its `cause` chain, so any wrapper that keeps a cause works.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, sqlState } = e as { code?: unknown; sqlState?: unknown };
    if (RETRYABLE_SQLSTATES.has(String(code)) || RETRYABLE_SQLSTATES.has(String(sqlState))) return true;
  }
  return false;
}

/** What a client sees when every attempt lost to concurrent transactions: no SQL, just try again. */
export const databaseBusy = (attempts?: number) =>
  new AppError(ErrorCode.CONFLICT, 'The database was busy with conflicting changes; try again', { reason: 'DATABASE_BUSY', ...(attempts ? { attempts } : {}) });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction (DESIGN §6) and, when PostgreSQL aborts it with a
 * serialization failure or a deadlock, runs it again in a fresh transaction, at most
 * `attempts` times in all (3 by default) with a short jittered pause between. Each
 * attempt starts from an empty identity map, so it sees what the database holds, not
 * what a failed attempt left in memory. Any other error is thrown at once; when the last
 * attempt fails too, CONFLICT (DATABASE_BUSY) is thrown with the attempt count.
 *
 * `work` must be safe to repeat: everything it changes lives in the transaction, and
 * whatever it does outside (events) must wait for the commit. Called inside another
 * transaction it runs once, in a savepoint: only the outermost transaction can be retried.
 */
export async function inTransaction<T>(em: EntityManager, work: (em: EntityManager, attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  // nested in an outer transaction (a savepoint), a retry cannot help: PostgreSQL aborted the outer one
  const attempts = em.isInTransaction() ? 1 : Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.transactional((tx) => work(tx as EntityManager, attempt), { clear: true });
    } catch (error) {
      if (!isRetryableTransactionError(error)) throw error;
      if (attempt >= attempts) throw Object.assign(databaseBusy(attempts), { cause: error });
      options.onRetry?.(error, attempt);
      await pause(Math.random() * backoffMs * 2 ** (attempt - 1));
    }
  }
}
