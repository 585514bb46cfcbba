import { print, type DocumentNode } from 'graphql';
import { TradebookError, type GraphQLErrorShape } from './errors';
import type { getSdk } from './sdk';

/** A request is given up after this long unless `timeoutMs` says otherwise (0: never). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A token, or a function giving the current one (called for every request). */
export type TokenSource = string | undefined | (() => string | undefined | Promise<string | undefined>);

export interface HttpOptions {
  /** The /graphql endpoint, e.g. https://tradebook.example/graphql. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`: a JWT from `login`, or an API key. */
  token?: TokenSource;
  headers?: Record<string, string>;
  /** How long one request may take before it fails with TIMEOUT; 30 s by default, 0 for no limit. */
  timeoutMs?: number;
  /** Aborts every request of this client (ABORTED) and ends its subscriptions. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** What each call takes besides its variables: `client.Products(vars, { signal, timeoutMs })`. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeoutMs for this call. */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** Every operation of schema/operations as a method taking its variables and CallOptions. */
export type Operations = ReturnType<typeof getSdk<CallOptions>>;

/** The answer of one HTTP request: its data and errors as the API sent them. */
export interface HttpAnswer<R> {
  data: R | null;
  errors: GraphQLErrorShape[];
  status: number;
  retryAfter: number | undefined;
}

export const tokenOf = async (token: TokenSource): Promise<string | undefined> => (typeof token === 'function' ? token() : token);

const printed = new WeakMap<DocumentNode, string>();
export function queryText(document: DocumentNode | string): string {
  if (typeof document === 'string') return document;
  let query = printed.get(document);
  if (!query) printed.set(document, (query = print(document)));
  return query;
}

/**
 * One signal for a call: it fires when the client's or the call's signal does, or when the
 * time is up (its reason then says which). `release` clears the timer and the listeners.
 */
export function callSignal(signals: (AbortSignal | undefined)[], timeoutMs: number) {
  const controller = new AbortController();
  const stops: (() => void)[] = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort('ABORTED');
      break;
    }
    const abort = () => controller.abort('ABORTED');
    signal.addEventListener('abort', abort, { once: true });
    stops.push(() => signal.removeEventListener('abort', abort));
  }
  if (timeoutMs > 0 && !controller.signal.aborted) {
    const timer = setTimeout(() => controller.abort('TIMEOUT'), timeoutMs);
    stops.push(() => clearTimeout(timer));
  }
  return { signal: controller.signal, release: () => stops.forEach((stop) => stop()) };
}

/** TIMEOUT or ABORTED, as the call's signal says. */
export const stoppedError = (signal: AbortSignal, timeoutMs: number, where: string) =>
  signal.reason === 'TIMEOUT'
    ? TradebookError.client('TIMEOUT', `No answer ${where} within ${timeoutMs} ms`, { details: { timeoutMs } })
    : TradebookError.client('ABORTED', 'The request was aborted');

const retryAfterOf = (response: Response) => {
  const seconds = Number(response.headers.get('retry-after'));
  return response.headers.has('retry-after') && Number.isFinite(seconds) ? seconds : undefined;
};

/**
 * Sends one operation over HTTP POST. Resolves with whatever GraphQL answer came (data,
 * errors or both); rejects with a TradebookError TIMEOUT, ABORTED, NETWORK_ERROR or
 * BAD_RESPONSE when none did.
 */
export async function postOperation<R>(options: HttpOptions, document: DocumentNode | string, variables: unknown, call: CallOptions = {}): Promise<HttpAnswer<R>> {
  const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { signal, release } = callSignal([options.signal, call.signal], timeoutMs);
  const failed = (error: unknown): TradebookError =>
    signal.aborted
      ? stoppedError(signal, timeoutMs, `from ${options.url}`)
      : TradebookError.client('NETWORK_ERROR', `Could not reach ${options.url}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  try {
    if (signal.aborted) throw failed(undefined);
    const token = await tokenOf(options.token);
    let response: Response;
    let text: string;
    try {
      response = await (options.fetch ?? fetch)(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options.headers,
          ...call.headers,
        },
        body: JSON.stringify({ query: queryText(document), variables }),
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw failed(error);
    }
    let body: { data?: R | null; errors?: GraphQLErrorShape[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!body || typeof body !== 'object' || (!body.data && !body.errors?.length)) {
      throw TradebookError.client('BAD_RESPONSE', `${options.url} answered HTTP ${response.status} ${response.statusText} without a GraphQL response`, {
        status: response.status,
        details: { status: response.status, body: text.slice(0, 200) },
      });
    }
    return { data: body.data ?? null, errors: body.errors ?? [], status: response.status, retryAfter: retryAfterOf(response) };
  } finally {
    release();
  }
}
