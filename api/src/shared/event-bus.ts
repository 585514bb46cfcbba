import { EventEmitter, on } from 'node:events';
import { Client } from 'pg';
import type { Logger } from 'pino';

export const EVENTS_CHANNEL = 'tradebook_events';

export interface DomainEvent {
  topic: string;
  payload: Record<string, unknown>;
}

/** Queues an event to be published once the current mutation's transaction commits (dropped on rollback). */
export function emitAfterCommit(ctx: { pendingEvents: DomainEvent[] }, topic: string, payload: Record<string, unknown>): void {
  ctx.pendingEvents.push({ topic, payload });
}

/**
 * Domain events across every instance (DESIGN §9): published with pg_notify after the
 * transaction commits, received by each instance on one LISTEN connection, and handed
 * to its subscribers. An event published on one instance reaches subscribers on all.
 * Payloads are small (ids and numbers): NOTIFY carries at most 8,000 bytes.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private listener: Client | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  static async start(url: string, logger: Logger): Promise<EventBus> {
    const bus = new EventBus(url, logger);
    await bus.listen();
    return bus;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      try {
        const event = JSON.parse(message.payload) as DomainEvent;
        this.emitter.emit(event.topic, event.payload);
      } catch (error) {
        this.logger.warn({ err: error }, 'unreadable event');
      }
    });
    // a lost connection is re-established; events sent meanwhile are missed, as with any NOTIFY
    client.on('error', (error) => this.logger.warn({ err: error }, 'event listener connection failed'));
    client.on('end', () => {
      if (!this.closed) setTimeout(() => void this.listen().catch((error) => this.logger.error({ err: error }, 'event listener did not reconnect')), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${EVENTS_CHANNEL}`);
    this.listener = client;
  }

  /** Sends events to every instance, one NOTIFY each (identical ones once), in one statement; call after the transaction that caused them committed. */
  async publish(execute: (sql: string, params: unknown[]) => Promise<unknown>, events: DomainEvent[]): Promise<void> {
    if (!events.length) return;
    // the array's elements come out in order, so the NOTIFYs keep the events' order
    await execute('select pg_notify(?, payload) from jsonb_array_elements_text(?::jsonb) as payload', [EVENTS_CHANNEL, JSON.stringify(events.map((event) => JSON.stringify(event)))]);
  }

  /**
   * The payloads of one topic that pass `accept`. Ending the iteration (a client's
   * `complete`, a closed socket) detaches at once, even while waiting for the next event.
   */
  subscribe<T extends Record<string, unknown>>(topic: string, accept: (payload: T) => boolean = () => true): AsyncIterableIterator<T> {
    const abort = new AbortController();
    const source = on(this.emitter, topic, { signal: abort.signal });
    const done = { done: true as const, value: undefined };
    const iterator: AsyncIterableIterator<T> = {
      async next() {
        try {
          for (;;) {
            const result = await source.next();
            if (result.done) return done;
            const [payload] = result.value as [T];
            if (accept(payload)) return { done: false, value: payload };
          }
        } catch (error) {
          if ((error as { name?: string }).name === 'AbortError') return done;
          throw error;
        }
      },
      async return() {
        abort.abort();
        return done;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    await this.listener?.end().catch(() => undefined);
  }
}
