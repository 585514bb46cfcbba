import type { ErrorCode, FieldErrorReason } from './sdk';

/**
 * Codes the API's GraphQL layer gives a request it could not run at all (a document that
 * does not parse, fails validation or the query limits, a subscription sent over HTTP).
 * Kept equal to the server's list by tests/sdk/error-codes.test.ts.
 */
export const PROTOCOL_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

/**
 * Codes the SDK gives when no answer came from the API:
 * - `TIMEOUT`: no answer within `timeoutMs` (the request was abandoned; a mutation may still have run),
 * - `ABORTED`: the caller's AbortSignal fired,
 * - `NETWORK_ERROR`: the request could not be sent or its answer not read (`cause` says why),
 * - `BAD_RESPONSE`: the answer was not a GraphQL response (e.g. a proxy's 502 page),
 * - `CONNECTION_CLOSED`: the WebSocket of a subscription closed for good; `details.closeCode` is
 *   4403 when the server refused the token, the user's access changed or the key was revoked.
 */
export const CLIENT_ERROR_CODES = ['TIMEOUT', 'ABORTED', 'NETWORK_ERROR', 'BAD_RESPONSE', 'CONNECTION_CLOSED'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code a TradebookError may carry: the API's ErrorCode enum, the protocol's and the SDK's own. */
export type TradebookErrorCode = ErrorCode | ProtocolErrorCode | ClientErrorCode;

/** One refused field, for a program: the field's path, a FieldErrorReason, its numbers and names, and the English message. */
export interface FieldError {
  field: string;
  reason: FieldErrorReason;
  params: Record<string, unknown>;
  message: string;
}

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    fields?: Record<string, string>;
    fieldErrors?: FieldError[];
    details?: Record<string, unknown>;
    requestId?: string;
    [key: string]: unknown;
  };
}

export interface TradebookErrorOptions {
  /** What the answer held besides its errors: a partial result. */
  data?: unknown;
  /** Seconds to wait before trying again, from the answer's Retry-After (TOO_MANY_REQUESTS). */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * A request the API refused, or one that got no answer. `code` and `details` are the first
 * error's; `fields` and `fieldErrors` gather every error's, so a request with several refused
 * values (each its own GraphQL error) names all of them. `data` is the partial result when
 * the answer had data besides its errors (a field the caller may not read is null there).
 */
export class TradebookError extends Error {
  readonly code: TradebookErrorCode | undefined;
  readonly fields: Record<string, string>;
  readonly fieldErrors: FieldError[];
  readonly details: Record<string, unknown>;
  /** The server's request id of an INTERNAL_SERVER_ERROR, to quote when reporting it. */
  readonly requestId: string | undefined;
  readonly data: unknown;
  readonly retryAfter: number | undefined;

  constructor(
    readonly errors: GraphQLErrorShape[],
    /** The HTTP status; 0 when no HTTP answer came (time-out, network, WebSocket). */
    readonly status: number,
    options: TradebookErrorOptions = {},
  ) {
    super(errors.map((e) => e.message).join('; '), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TradebookError';
    this.code = errors[0]?.extensions?.code as TradebookErrorCode | undefined;
    this.fields = Object.assign({}, ...errors.map((e) => e.extensions?.fields ?? {}));
    this.fieldErrors = errors.flatMap((e) => e.extensions?.fieldErrors ?? []);
    this.details = errors[0]?.extensions?.details ?? {};
    this.requestId = errors.find((e) => e.extensions?.requestId)?.extensions?.requestId;
    this.data = options.data ?? null;
    this.retryAfter = options.retryAfter;
  }

  /** A failure the SDK itself saw (no GraphQL answer), with one of the CLIENT_ERROR_CODES. */
  static client(code: ClientErrorCode, message: string, options: TradebookErrorOptions & { status?: number; details?: Record<string, unknown> } = {}): TradebookError {
    return new TradebookError([{ message, extensions: { code, details: options.details ?? {} } }], options.status ?? 0, options);
  }
}

/** True when `error` is a TradebookError, with one of `codes` when given. */
export function isTradebookError(error: unknown, ...codes: TradebookErrorCode[]): error is TradebookError {
  return error instanceof TradebookError && (codes.length === 0 || (error.code !== undefined && codes.includes(error.code)));
}
