import { EventEmitter, on } from 'node:events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from 'pino';

/** The channel the outbox dispatcher NOTIFYs (with the last seq it published) after each batch. */
export const EVENTS_CHANNEL = 'tradebook_events';

export interface DomainEvent {
  topic: string;
  payload: Record<string, unknown>;
  /** What the event is about (e.g. `warehouse:product`); jobs of one aggregate run one at a time, in order. */
  aggregate?: string | null;
}

/**
 * Queues an event of the current transaction. The transaction's runner (runMutation, a
 * job) writes the queue to the outbox in the same transaction, so an event exists exactly
 * when the change it tells of is committed; the dispatcher publishes it afterwards.
 */
export function emitAfterCommit(ctx: { em: EntityManager; pendingEvents: DomainEvent[] }, topic: string, payload: Record<string, unknown>, aggregate?: string): void {
  if (!ctx.em.isInTransaction()) throw new Error(`Event ${topic} raised outside a transaction: it would never reach the outbox`);
  ctx.pendingEvents.push(aggregate ? { topic, payload, aggregate } : { topic, payload });
}

const perEvent = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * What subscribers of one event read (a balance, a record), read once per event on this
 * instance however many subscribers it has: every subscriber receives the same payload
 * object, so the first read is kept on it. `key` names what is read; data that differs
 * by role (cost) must use a key per visibility, never one shared read.
 */
export function oncePerEvent<T>(event: object, key: string, read: () => Promise<T>): Promise<T> {
  let reads = perEvent.get(event);
  if (!reads) perEvent.set(event, (reads = new Map()));
  let value = reads.get(key) as Promise<T> | undefined;
  if (!value) reads.set(key, (value = read()));
  return value;
}

interface PublishedRow {
  seq: string;
  topic: string;
  payload: Record<string, unknown>;
}

const PAGE = 500;

/**
 * Domain events for this instance's subscribers (DESIGN §9). The outbox dispatcher (one
 * at a time across all instances) gives published events a `seq` and NOTIFYs the last one;
 * each instance then reads the rows after the last seq it delivered, once, on its own
 * LISTEN connection, and hands them to its subscribers. So an event reaches every
 * instance's subscribers once, NOTIFY never carries a payload (no 8 KB limit), and after
 * the listener reconnects it reads what was published meanwhile: nothing is lost.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private listener: Client | null = null;
  private closed = false;
  /** The last seq delivered here; the next read starts after it. */
  private delivered = 0;
  private draining: Promise<void> | null = null;
  private drainAgain = false;

  private constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  static async start(url: string, logger: Logger): Promise<EventBus> {
    const bus = new EventBus(url, logger);
    await bus.listen(true);
    return bus;
  }

  private async listen(first: boolean): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'tradebook-events' });
    client.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL) this.drain();
    });
    client.on('error', (error) => this.logger.warn({ err: error }, 'event listener connection failed'));
    client.on('end', () => {
      if (this.listener !== client) return;
      this.listener = null;
      this.reconnect(1000);
    });
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}`);
      // a new instance starts from what is published now; a reconnected one catches up
      if (first) this.delivered = Number((await client.query<{ seq: string }>('select coalesce(max(seq), 0) as seq from outbox_event')).rows[0].seq);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
    if (!first) this.drain();
  }

  private reconnect(delayMs: number): void {
    if (this.closed) return;
    setTimeout(() => {
      if (this.closed) return;
      this.listen(false).catch((error) => {
        this.logger.warn({ err: error }, 'event listener did not reconnect; trying again');
        this.reconnect(Math.min(delayMs * 2, 10_000));
      });
    }, delayMs).unref();
  }

  /** Reads and delivers everything published after `delivered`; one read at a time, again if NOTIFYs came meanwhile. */
  private drain(): void {
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.drainAgain = false;
        for (;;) {
          const client = this.listener;
          if (!client || this.closed) return;
          const { rows } = await client.query<PublishedRow>('select seq, topic, payload from outbox_event where seq > $1 order by seq limit $2', [this.delivered, PAGE]);
          for (const row of rows) {
            const seq = Number(row.seq);
            if (seq <= this.delivered) continue;
            this.delivered = seq;
            this.emitter.emit(row.topic, row.payload, seq);
          }
          if (rows.length < PAGE) break;
        }
      } while (this.drainAgain);
    })()
      // a lost connection reconnects and drains again; nothing is marked delivered that was not
      .catch((error) => this.logger.warn({ err: error }, 'reading published events failed'))
      .finally(() => {
        this.draining = null;
      });
  }

  /**
   * The payloads of one topic that pass `accept`, each event once (an event whose seq this
   * subscriber has seen is skipped). Ending the iteration (a client's `complete`, a closed
   * socket) detaches at once, even while waiting for the next event.
   */
  subscribe<T extends Record<string, unknown>>(topic: string, accept: (payload: T) => boolean = () => true): AsyncIterableIterator<T> {
    const abort = new AbortController();
    const source = on(this.emitter, topic, { signal: abort.signal });
    const done = { done: true as const, value: undefined };
    let seen = 0;
    const iterator: AsyncIterableIterator<T> = {
      async next() {
        try {
          for (;;) {
            const result = await source.next();
            if (result.done) return done;
            const [payload, seq] = result.value as [T, number];
            if (seq <= seen) continue;
            seen = seq;
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
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }
}
