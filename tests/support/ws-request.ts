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
