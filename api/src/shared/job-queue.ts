import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { systemContext } from '../server/context';
import { runMutation } from '../server/mutation-transaction';
import type { Services } from '../server/services';
import type { DispatchedEvent, JobCatalog, JobDefinition, JobName, JobPayloads } from './jobs';
import { orderedJobId } from './job-ids';
import type { PublishedEvent } from './outbox';

/** Where the jobs run: `inline` in this process (the default), `off` only enqueued here and run by `npm run worker`. */
export type JobsMode = 'inline' | 'off';

export interface EnqueueOptions {
  /** Not before this moment (a reminder's time). */
  startAfter?: Date;
  /** Deduplicates as the job's policy says (JobPolicy); ignored by `standard` queues. */
  singletonKey?: string;
  priority?: number;
  retryLimit?: number;
}

/** pg-boss's SQL ($1 placeholders) on a knex transaction's own connection: what it writes commits with the transaction. */
export function sqlOnTransaction(trx: Knex.Transaction): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      // a transaction's client hands out the transaction's connection (knex makeTxClient)
      const connection: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } = await trx.client.acquireConnection();
      return connection.query(text, values);
    },
  };
}

function sqlOn(em: EntityManager): PgBoss.Db {
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error('Jobs are enqueued inside a transaction (a mutation or a job), so that they commit with it');
  return sqlOnTransaction(trx);
}

/** A job whose completion another attempt already committed (it expired while running): this attempt's work is rolled back. */
class JobAlreadyDone extends Error {}

/**
 * The job queue (DESIGN §9) on pg-boss 10, in its own `pgboss` schema of the database.
 * Jobs are enqueued on the caller's transaction connection (pg-boss's `db` option), so a
 * job exists exactly when the business change that wanted it commits. With JOBS=inline
 * this process also runs them (and pg-boss's cron and maintenance); with JOBS=off only
 * `npm run worker` processes do. pg-boss hands each job to one worker (SKIP LOCKED); the
 * handler's work and the job's completion commit in one transaction, so a job tried
 * again after a crash or an expiry never does its work twice.
 */
export class JobQueue {
  private boss: PgBoss | null = null;
  private readonly workers = new Map<string, string[]>();
  private routes = new Map<string, string[]>();
  /** The handlers running now: stop() waits for them, so no pg-boss worker outlives it. */
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly url: string,
    private readonly catalog: JobCatalog,
    private readonly options: { mode: JobsMode; pollSeconds: number },
    private readonly logger: Logger,
  ) {}

  /** Installs or upgrades pg-boss's schema, creates the queues and schedules and, inline, starts the workers. */
  async start(orm: MikroORM, services: Services): Promise<void> {
    const inline = this.options.mode === 'inline';
    const boss = new PgBoss({ connectionString: this.url, schema: 'pgboss', application_name: 'tradebook-jobs', max: 2, migrate: true, supervise: inline, schedule: inline });
    boss.on('error', (error) => this.logger.warn({ err: error }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    this.routes = this.catalog.eventHandlersByTopic();
    for (const definition of this.catalog.all()) {
      const { policy = 'standard', retryLimit, retryDelaySeconds: retryDelay, retryBackoff, expireInSeconds, schedule } = definition.settings;
      // pg-boss checks `key in options`: a key set to undefined fails its checks
      const queue = JSON.parse(JSON.stringify({ name: definition.name, policy, retryLimit, retryDelay, retryBackoff, expireInSeconds })) as PgBoss.Queue;
      await boss.createQueue(definition.name, queue);
      await boss.updateQueue(definition.name, queue);
      if (!inline) continue;
      if (schedule) await boss.schedule(definition.name, schedule, {}, { tz: 'UTC' });
      const ids: string[] = [];
      for (let i = 0; i < (definition.settings.concurrency ?? 1); i++) {
        let id = '';
        id = await boss.work(definition.name, { pollingIntervalSeconds: this.options.pollSeconds, batchSize: 1 }, async ([job]) => {
          // a job fetched while stopping is failed back to the queue (tried again later), not run on closing connections
          if (this.stopping) throw new Error(`job ${definition.name} ${job.id} was fetched while this instance stopped`);
          const run = this.run(orm, services, definition, job as PgBoss.Job<object>);
          this.running.add(run);
          try {
            await run;
          } finally {
            this.running.delete(run);
            boss.notifyWorker(id); // look for the next job at once: a worker waits a poll interval only when it found none
          }
        });
        ids.push(id);
      }
      this.workers.set(definition.name, ids);
    }
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started');
    return this.boss;
  }

  /**
   * Enqueues a job in the caller's transaction (`ctx.em` must be one): it is created when
   * that commits and never when it rolls back. Null when the queue's policy dropped it as a
   * duplicate of a waiting job with the same singletonKey.
   */
  async enqueue<N extends JobName>(ctx: { em: EntityManager }, name: N, data: JobPayloads[N], options: EnqueueOptions = {}): Promise<string | null> {
    if (!this.catalog.has(name)) throw new Error(`No module declares job ${name}`);
    return this.started().send(name, data as object, { ...options, db: sqlOn(ctx.em) });
  }

  /** The dispatcher's part: one job per event and handler of its topic, on the publishing transaction; the names of the queues that got jobs. */
  async insertEventJobs(db: PgBoss.Db, events: PublishedEvent[]): Promise<string[]> {
    const jobs = events.flatMap((event) =>
      (this.routes.get(event.topic) ?? []).map((name) => {
        const data: DispatchedEvent = { eventId: event.id, seq: event.seq, topic: event.topic, aggregate: event.aggregate, payload: event.payload };
        // ids ordered by seq: pg-boss takes jobs created together in id order
        return { id: orderedJobId(event.seq, name), name, data, singletonKey: event.aggregate ?? event.topic };
      }),
    );
    if (!jobs.length) return [];
    await this.started().insert(jobs, { db });
    return [...new Set(jobs.map((job) => job.name))];
  }

  /** Lets this instance's workers of these queues look for jobs now instead of at their next poll. */
  wake(names: string[]): void {
    for (const name of names) for (const id of this.workers.get(name) ?? []) this.boss?.notifyWorker(id);
  }

  private async run(orm: MikroORM, services: Services, definition: JobDefinition, job: PgBoss.Job<object>): Promise<void> {
    const em = orm.em.fork();
    const ctx = { ...systemContext(em, services), requestId: `job:${definition.name}:${job.id}` };
    try {
      await runMutation(ctx, async () => {
        await definition.handler(ctx, job.data as never, { id: job.id, name: definition.name });
        // pg-boss's complete(name, id, data, options) answers { affected } at run time; its types say void
        const complete = this.started().complete as unknown as (name: string, id: string, data: null, options: { db: PgBoss.Db }) => Promise<{ affected: number }>;
        const { affected } = await complete(definition.name, job.id, null, { db: sqlOn(ctx.em) });
        if (affected !== 1) throw new JobAlreadyDone(`job ${definition.name} ${job.id} is no longer active`);
      });
    } catch (error) {
      if (error instanceof JobAlreadyDone) return void this.logger.info({ job: job.id, name: definition.name }, error.message);
      this.logger.warn({ err: error, job: job.id, name: definition.name }, 'job failed; pg-boss tries it again within its retry limit');
      throw error;
    }
  }

  /**
   * Stops taking jobs, lets running ones finish (up to 10 s) and closes pg-boss's
   * connections. pg-boss resolves its stop when no job is active or the 10 s are up, but
   * a handler may still be running then (it outlived the 10 s, or its worker fetched a job
   * while stopping), and pg-boss keeps checking each second until its worker ends; so the
   * handlers are awaited too (another 10 s at most) and their workers given a turn to end.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.boss?.stop({ graceful: true, timeout: 10_000, wait: true });
    this.boss = null;
    const limit = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
    await Promise.race([Promise.allSettled([...this.running]), limit]);
    await new Promise((resolve) => setTimeout(resolve, 10)); // pg-boss's completion on its closed pool fails within a tick; then its worker ends
  }
}
