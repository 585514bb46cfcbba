import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

/** graphql-ws clients of a test, signed in with a token; `dispose()` closes them all. */
export function wsClients() {
  const clients: WsClient[] = [];
  return {
    open(graphqlUrl: string, token: string): WsClient {
      const client = createWsClient({
        url: graphqlUrl.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { token },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined, // a server a test stops closes its sockets; that is no failure
      });
      clients.push(client);
      return client;
    },
    dispose: () => Promise.all(clients.map((client) => client.dispose())),
  };
}

/** Collects what a subscription delivers; `next()` waits for the following one. */
export function subscribeAll(client: WsClient, query: string, variables: Record<string, unknown>) {
  const received: unknown[] = [];
  const waiters: ((value: unknown) => void)[] = [];
  let failure: unknown;
  client.subscribe(
    { query, variables },
    {
      next: (value) => (waiters.length ? waiters.shift()!(value) : received.push(value)),
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return {
    next: (timeoutMs = 10_000) =>
      received.length
        ? Promise.resolve(received.shift())
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms${failure ? `: ${JSON.stringify(failure)}` : ''}`)), timeoutMs);
            waiters.push((value) => {
              clearTimeout(timer);
              resolve(value);
            });
          }),
    /** Delivered and not yet taken by next(). */
    pending: () => received.length,
    failure: () => failure,
  };
}

/** Lets a subscription reach the server before the test acts. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
