import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { EVENTS_CHANNEL, type DomainEvent } from './event-bus';
import { sqlOnTransaction, type JobQueue } from './job-queue';
import { defineJob, type JobDefinition } from './jobs';

declare module './jobs' {
  interface JobPayloads {
    'outbox.prune': Record<string, never>;
  }
}

/** pg_advisory_xact_lock key held by the one dispatcher publishing (7426001 is the migrations'). */
const DISPATCH_LOCK = 7426002;
const BATCH = 500;

/** A published outbox row. */
export interface PublishedEvent {
  id: string;
  seq: string;
  topic: string;
  aggregate: string | null;
  payload: Record<string, unknown>;
}

/**
 * Writes a transaction's events to the outbox, in their order, in one statement of that
 * transaction: they commit or roll back with the change they tell of. True when any was written.
 */
export async function writeOutbox(em: EntityManager, events: DomainEvent[]): Promise<boolean> {
  if (!events.length) return false;
  await em.execute(
    `insert into outbox_event (topic, aggregate, payload)
     select e.event->>'topic', e.event->>'aggregate', e.event->'payload'
     from jsonb_array_elements(?::jsonb) with ordinality as e(event, n) order by e.n`,
    [JSON.stringify(events)],
  );
  return true;
}

export interface DispatcherOptions {
  /** False: this instance never publishes (OUTBOX_DISPATCH=off); another instance or the worker does. */
  enabled: boolean;
  /** How often waiting rows are looked for (left by a crash, a failed publish, a busy dispatcher). */
  pollMs: number;
  /** Published rows are kept this long, then pruned (outbox.prune). */
  retentionHours: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes the outbox after commit (DESIGN §9), at least once, in order.
 *
 * Design: one dispatcher at a time across all instances, by a transaction-level advisory
 * lock taken with try (a busy instance steps aside instead of queueing). Holding it, a
 * dispatcher takes the waiting rows in writing order, numbers them after the last published
 * `seq`, creates the pg-boss jobs of the topics' event handlers and NOTIFYs the last seq —
 * all in one transaction, so a row is published (numbered, its jobs created, announced)
 * exactly when that commits. Because numbering is serial and committed before the lock is
 * released, seqs become visible in order, without gaps behind a visible one: every
 * instance's EventBus reads "seq > the last I delivered" once per NOTIFY (not once per
 * subscriber, no NOTIFY per instance) and after a reconnect, and misses nothing.
 * Order per aggregate: a transaction writes its events at its end, after the row locks
 * its changes took, so two transactions changing one aggregate write in commit order.
 *
 * The instance that committed wakes its dispatcher at once; every instance also polls, so
 * rows left by a crash between commit and publish, or by a failed publish, go out later.
 * A failed publish is logged and retried; it never reaches the mutation that committed.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private pending = false;
  private stopped = false;

  constructor(
    private readonly knex: Knex,
    private readonly jobs: JobQueue,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    if (!this.options.enabled) return;
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
    this.wake(); // what an instance that stopped before publishing left behind
  }

  /** Publishes soon, in the background; never throws. */
  wake(): void {
    if (!this.options.enabled || this.stopped) return;
    this.pending = true;
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
  }

  private async run(): Promise<void> {
    let busy = 0;
    while (this.pending && !this.stopped) {
      this.pending = false;
      try {
        const result = await this.dispatchBatch();
        if (result === 'busy') {
          // another instance is publishing and may have read before our rows committed: look again shortly
          if (++busy <= 20) {
            this.pending = true;
            await pause(10 + Math.random() * 20);
          }
        } else {
          busy = 0;
          if (result.count === BATCH) this.pending = true;
          this.jobs.wake(result.jobs);
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'publishing events failed; they stay in the outbox and are tried again');
      }
    }
  }

  private async poll(): Promise<void> {
    if (this.running || this.stopped) return;
    try {
      const { rows } = await this.knex.raw<{ rows: { pending: boolean }[] }>('select exists (select 1 from outbox_event where seq is null) as pending');
      if (rows[0].pending) this.wake();
    } catch (error) {
      this.logger.warn({ err: error }, 'looking for events to publish failed');
    }
  }

  /** One batch in one transaction; 'busy' when another dispatcher holds the lock. */
  private dispatchBatch(): Promise<'busy' | { count: number; jobs: string[] }> {
    return this.knex.transaction(async (trx) => {
      const { rows: lock } = await trx.raw<{ rows: { locked: boolean }[] }>(`select pg_try_advisory_xact_lock(${DISPATCH_LOCK}) as locked`);
      if (!lock[0].locked) return 'busy' as const;
      const { rows } = await trx.raw<{ rows: PublishedEvent[] }>(
        `with batch as (
           select id, row_number() over (order by id) as n from outbox_event where seq is null order by id limit ?
         ), last as (
           select coalesce(max(seq), 0) as seq from outbox_event
         )
         update outbox_event o set seq = last.seq + batch.n, dispatched_at = now()
         from batch, last where o.id = batch.id
         returning o.id, o.seq, o.topic, o.aggregate, o.payload`,
        [BATCH],
      );
      if (!rows.length) return { count: 0, jobs: [] };
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      const jobs = await this.jobs.insertEventJobs(sqlOnTransaction(trx), rows);
      await trx.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, rows[rows.length - 1].seq]);
      return { count: rows.length, jobs };
    });
  }

  /** Deletes rows published longer ago than the retention, keeping the last one (its seq is where new instances start). */
  async prune(em: EntityManager): Promise<number> {
    const [{ pruned }]: { pruned: string }[] = await em.execute(
      `with pruned as (
         delete from outbox_event
         where dispatched_at < now() - make_interval(hours => ?) and seq < (select max(seq) from outbox_event)
         returning 1
       ) select count(*) as pruned from pruned`,
      [this.options.retentionHours],
    );
    return Number(pruned);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

/** The core's jobs: keeping the outbox bounded (published rows older than OUTBOX_RETENTION_HOURS go, every 10 minutes, on one instance). */
export const outboxJobs: readonly JobDefinition[] = [defineJob('outbox.prune', async (ctx) => void (await ctx.services.outbox.prune(ctx.em)), { schedule: '*/10 * * * *', policy: 'short' })];
