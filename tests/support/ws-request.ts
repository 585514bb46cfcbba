import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsResult {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A graphql-ws client signed in with `token` (not lazy: the socket opens now). */
export function wsClient(graphqlUrl: string, token: string): Client {
  return createClient({ url: graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { token }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
}

/** One query or mutation over the socket: its result, or the errors the server refused it with. */
export function wsRequest(client: Client, query: string, variables?: Record<string, unknown>): Promise<WsResult> {
  return new Promise((resolve, reject) => {
    let result: WsResult | undefined;
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as WsResult),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => resolve(result ?? {}),
      },
    );
  });
}

/** A signed-in WebSocket that records how it was closed and what it was sent. */
export function watchedSocket(graphqlUrl: string, token: string) {
  const closes: { code: number; at: number }[] = [];
  const events: unknown[] = [];
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const client: Client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { token },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined, // the closes are what the tests look at
    on: { connected: () => connected(), closed: (event) => closes.push({ code: (event as { code: number }).code, at: Date.now() }) },
  });
  // a subscription ends with an error when its socket closes: only what it was sent counts
  const subscribe = (query: string) => client.subscribe({ query }, { next: (value) => events.push(value), error: () => undefined, complete: () => undefined });
  const closed = (timeoutMs: number) =>
    new Promise<{ code: number; at: number }>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (closes.length) resolve(closes[0]);
        else if (Date.now() - started > timeoutMs) reject(new Error(`still open after ${timeoutMs} ms`));
        else return;
        clearInterval(poll);
      }, 20);
    });
  return { client, ready, subscribe, closed, events, closes };
}
