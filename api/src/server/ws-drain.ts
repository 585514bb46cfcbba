import type { WebSocketServer } from 'ws';

/** What the drain needs of a graphql-ws connection: its open operations (null until a subscription's stream exists, and for queries and mutations). */
interface Connection {
  readonly subscriptions: Record<string, unknown>;
}

// a kept (ref'd) timer: while draining, it may be all that keeps the process alive
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Shutdown of the WebSocket side: no new sockets, the queries and mutations running on
 * open ones answered (graphql-ws drops an operation from `subscriptions` once its result
 * is sent), then every socket closed with 1001 Going away, which ends its subscriptions.
 */
export class WebSocketDrain {
  private readonly connections = new Set<Connection>();
  draining = false;

  constructor(
    private readonly server: WebSocketServer,
    private readonly dispose: () => Promise<void>,
  ) {}

  opened(connection: Connection): void {
    this.connections.add(connection);
  }

  closed(connection: Connection): void {
    this.connections.delete(connection);
  }

  private busy(): boolean {
    return [...this.connections].some((c) => Object.values(c.subscriptions).some((operation) => operation === null));
  }

  /** Waits at most `graceMs` for running operations, then closes the sockets and waits a moment for their closing handshakes. */
  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    for (const started = Date.now(); this.busy() && Date.now() - started < graceMs; ) await pause(20);
    const sockets = [...this.server.clients];
    await this.dispose();
    await Promise.race([Promise.all(sockets.map((s) => (s.readyState === s.CLOSED ? undefined : new Promise((resolve) => s.once('close', resolve))))), pause(2000)]);
  }
}
