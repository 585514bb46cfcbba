import type { DocumentNode } from 'graphql';
import { createClient as createWsClient, type Client as WsClient, type ClientOptions as WsClientOptions } from 'graphql-ws';
import { TradebookError, type GraphQLErrorShape } from './errors';
import { callSignal, DEFAULT_TIMEOUT_MS, queryText, stoppedError, tokenOf, type CallOptions, type Operations, type TokenSource } from './http';
import { getSdk, type Requester } from './sdk';

/** The server closes a socket with this when it refuses the token, the user's access changed or the key was revoked. */
const FORBIDDEN_CLOSE = 4403;

export interface SubscriptionOptions {
  /** The /graphql endpoint: http(s):// (turned into ws(s)://) or ws(s)://. */
  url: string;
  /** Sent as `connectionParams: { token }` when the socket opens: a JWT from `login`, or an API key. */
  token?: TokenSource;
  /**
   * The WebSocket class, where there is no global one (Node.js before 22):
   * `import WebSocket from 'ws'` and pass `webSocketImpl: WebSocket`.
   */
  webSocketImpl?: unknown;
  /** How often a dropped socket is opened again before its subscriptions fail with CONNECTION_CLOSED (5). */
  retryAttempts?: number;
  /** Ends every subscription (and fails queries in flight with ABORTED). */
  signal?: AbortSignal;
  /** How long a query or mutation sent over the socket may take (30 s; 0: no limit). Subscriptions run until ended. */
  timeoutMs?: number;
  /** graphql-ws's event listeners (connected, closed, …): e.g. read the current state again on `connected`. */
  on?: WsClientOptions['on'];
}

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && 'reason' in value && typeof (value as { code: unknown }).code === 'number';

/** What graphql-ws reports (errors of the operation, a close event, a thrown Error) as a TradebookError. */
function socketError(error: unknown): TradebookError {
  if (error instanceof TradebookError) return error;
  if (Array.isArray(error)) return new TradebookError(error as GraphQLErrorShape[], 0);
  if (isCloseEvent(error)) {
    const why = error.code === FORBIDDEN_CLOSE ? 'the server refused the token, the user\'s access changed or the key was revoked' : error.reason || 'no reason given';
    return TradebookError.client('CONNECTION_CLOSED', `The WebSocket closed with ${error.code}: ${why}`, { details: { closeCode: error.code, reason: error.reason } });
  }
  return TradebookError.client('NETWORK_ERROR', `WebSocket: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/** Every SDK operation over the socket, and documents of your own. */
export interface SubscriptionClient extends Operations {
  /** The events of a subscription until the loop breaks or a signal fires; an error rejects with TradebookError. */
  subscribe<R = Record<string, unknown>, V = Record<string, unknown>>(document: DocumentNode | string, variables?: V, call?: CallOptions): AsyncGenerator<R, void, undefined>;
  /** A query or mutation over the socket: its one answer. */
  request<R = Record<string, unknown>, V = Record<string, unknown>>(document: DocumentNode | string, variables?: V, call?: CallOptions): Promise<R>;
  /** Closes the socket; its subscriptions end. */
  dispose(): Promise<void>;
}

export const isSubscription = (document: DocumentNode) => document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'subscription');

/**
 * Operations over one graphql-ws WebSocket: every SDK operation (a subscription is an
 * AsyncIterable of its events, a query or mutation a Promise of its answer), `subscribe`
 * and `request` for documents of your own, and `dispose()` to close the socket. The socket
 * opens with the first operation and closes when none is left; a dropped one is opened
 * again and its subscriptions sent again (events in between are not replayed: read the
 * current state again on `on.connected`).
 */
export function createSubscriptionClient(options: SubscriptionOptions): SubscriptionClient {
  const ws: WsClient = createWsClient({
    url: options.url.replace(/^http/, 'ws'),
    connectionParams: async () => ({ token: await tokenOf(options.token) }),
    webSocketImpl: options.webSocketImpl,
    retryAttempts: options.retryAttempts,
    // a refused token stays refused: fail at once instead of trying for a minute
    shouldRetry: (event) => isCloseEvent(event) && event.code !== FORBIDDEN_CLOSE,
    on: options.on,
  });

  async function* subscribe<R = Record<string, unknown>, V = Record<string, unknown>>(document: DocumentNode | string, variables?: V, call: CallOptions = {}): AsyncGenerator<R, void, undefined> {
    const { signal, release } = callSignal([options.signal, call.signal], 0);
    if (signal.aborted) return release();
    const results = ws.iterate<R>({ query: queryText(document), variables: variables as Record<string, unknown> | undefined });
    const end = () => void results.return?.();
    signal.addEventListener('abort', end, { once: true });
    try {
      for await (const result of results) {
        if (result.errors?.length) throw new TradebookError(result.errors as GraphQLErrorShape[], 0, { data: result.data });
        yield result.data as R;
      }
    } catch (error) {
      throw socketError(error);
    } finally {
      signal.removeEventListener('abort', end);
      release();
      await results.return?.();
    }
  }

  async function request<R = Record<string, unknown>, V = Record<string, unknown>>(document: DocumentNode | string, variables?: V, call: CallOptions = {}): Promise<R> {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { signal, release } = callSignal([options.signal, call.signal], timeoutMs);
    try {
      for await (const answer of subscribe<R, V>(document, variables, { signal })) return answer;
      // ended without an answer: the time ran out or a signal fired
      throw signal.aborted ? stoppedError(signal, timeoutMs, 'over the WebSocket') : TradebookError.client('BAD_RESPONSE', 'The WebSocket operation ended without an answer');
    } finally {
      release();
    }
  }

  const requester: Requester<CallOptions> = (document, variables, call) => (isSubscription(document) ? subscribe(document, variables, call) : request(document, variables, call));
  return {
    ...getSdk(requester),
    subscribe,
    request,
    dispose: async () => ws.dispose(),
  };
}
