import { AppError, ErrorCode } from './errors';

/**
 * SQLSTATEs after which the same request may well succeed a moment later: the connection
 * was ended (57P01 admin_shutdown: pg_terminate_backend or a restart, 57P02, 57P03 while
 * starting, class 08), a timeout we set fired (57014 statement, 55P03 lock, 25P03 idle in
 * transaction), or the server had no connection to give (53300).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '55P03', '25P03', '53300']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres and knex say these without a code (MikroORM puts the SQL before them)
const UNAVAILABLE_MESSAGES = [/Connection terminated/, /connection error and is not queryable/, /Timeout acquiring a connection/, /Client was closed and is not queryable/];

// `cause` of MikroORM's and our wrappers, `originalError` of a GraphQLError, `thrownValue` of graphql's NonErrorThrown (a rejection with a plain object)
const inner = (e: object) => (e as { cause?: unknown }).cause ?? (e as { originalError?: unknown }).originalError ?? (e as { thrownValue?: unknown }).thrownValue;

/**
 * Whether an error means the database could not serve the request just now (its
 * connection died, it restarted, a timeout fired, the pool had no free connection),
 * as opposed to a bug or bad input. Looked for on the error and the errors it wraps.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = inner(e), depth++) {
    const { code, sqlState, name, message } = e as { code?: unknown; sqlState?: unknown; name?: unknown; message?: unknown };
    const state = String(sqlState ?? code ?? '');
    if (UNAVAILABLE_SQLSTATES.has(state) || state.startsWith('08') || UNAVAILABLE_ERRNOS.has(String(code))) return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** What a client sees then: retryable, no SQL (the same reason as a lost serialization race). */
export const databaseUnavailable = () =>
  new AppError(ErrorCode.CONFLICT, 'The database is busy or was briefly unreachable; try again', { reason: 'DATABASE_BUSY' });
