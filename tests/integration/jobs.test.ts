import type { Context } from '../../api/src/server/context';
import { defaultModules } from '../../api/src/modules';
import { defineModule } from '../../api/src/server/module';
import { defineEventHandler, defineJob } from '../../api/src/shared/jobs';
import { inTransaction } from '../../api/src/shared/transaction';
import { PRICES_CHANGED } from '../../api/src/modules/pricing/price-list.document';
import { Role, startTestApp, type AnotherInstance, type TestApp } from '../support/harness';
import { settle } from '../support/subscriptions';

declare module '../../api/src/shared/jobs' {
  interface JobPayloads {
    'test.tally': { key: string; failFirst?: boolean };
    'test.reminder': { note: string };
    'test.digest': { n: number };
    'test.slow': { key: string };
  }
}

let app: TestApp;
let second: AnotherInstance;

/** Which instance a job ran on, from the services it was given. */
const instanceOf = (ctx: Context) => (ctx.services === app.services ? 'first' : 'second');
const record = (ctx: Context, job: string, key: string, detail = '') =>
  ctx.em.execute('insert into job_probe (job, key, instance, detail) values (?, ?, ?, ?)', [job, key, instanceOf(ctx), detail]);

// test-only jobs, declared by a module of the test's own: each writes what it did in its own transaction
const attempts = new Map<string, number>();
const tally = defineJob(
  'test.tally',
  async (ctx, { key, failFirst }) => {
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    await record(ctx, 'test.tally', key, String(attempt));
    await settle(100); // long enough for both instances to take jobs
    if (failFirst && attempt === 1) throw new Error('first attempt fails after writing');
  },
  { concurrency: 4, retryDelaySeconds: 0 },
);
const ranAt = new Map<string, number>();
const reminder = defineJob('test.reminder', async (ctx, { note }) => {
  ranAt.set(note, Date.now());
  await record(ctx, 'test.reminder', note);
});
const digest = defineJob('test.digest', async (ctx, { n }) => void (await record(ctx, 'test.digest', String(n))), { policy: 'short' });
const slowAttempts = new Map<string, number>();
const slow = defineJob(
  'test.slow',
  async (ctx, { key }) => {
    const attempt = (slowAttempts.get(key) ?? 0) + 1;
    slowAttempts.set(key, attempt);
    if (attempt === 1) await settle(3000); // outlives its expiry: pg-boss gives the job to another attempt meanwhile
    await record(ctx, 'test.slow', key, String(attempt));
  },
  { expireInSeconds: 1, retryDelaySeconds: 0 },
);
const pricesLog = defineEventHandler<{ priceListId: string; action: string }>(PRICES_CHANGED, 'test.prices-log', async (ctx, event) => {
  await record(ctx, 'test.prices-log', event.payload.priceListId, `${event.seq} ${event.payload.action}`);
});

const jobsProbe = defineModule({ name: 'jobs-probe', jobs: [tally, reminder, digest, slow, pricesLog] });

describe('jobs: pg-boss in the API process, enqueued in the business transaction', () => {
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute<T[]>(text, params);
  const probe = (job: string) => sql<{ key: string; instance: string; detail: string }>('select key, instance, detail from job_probe where job = ? order by id', [job]);
  /** A business transaction of this test: what `work` enqueues commits with it. */
  const transaction = <T>(work: (ctx: { em: Context['em'] }) => Promise<T>) => inTransaction(app.orm.em.fork(), (em) => work({ em }));
  const waitForRows = async (job: string, count: number, timeoutMs = 15_000) => {
    for (const started = Date.now(); (await probe(job)).length < count; ) {
      if (Date.now() - started > timeoutMs) throw new Error(`${job}: fewer than ${count} rows within ${timeoutMs} ms`);
      await settle(100);
    }
    return probe(job);
  };

  beforeAll(async () => {
    // given two API instances on one database, both running jobs (polling every half second)
    app = await startTestApp({ JOBS_POLL_SECONDS: '0.5' }, { modules: [...defaultModules, jobsProbe] });
    second = await app.anotherInstance();
    await sql('create table job_probe (id serial primary key, job text not null, key text not null, instance text not null, detail text not null)');
  });
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  it('runs each of 40 jobs exactly once across two instances, and only jobs whose transaction committed', async () => {
    // when 40 jobs are enqueued in a transaction that commits, and 5 more in one that rolls back
    await transaction(async (ctx) => {
      for (let i = 1; i <= 40; i++) await app.services.jobs.enqueue(ctx, 'test.tally', { key: `k${i}` });
    });
    await transaction(async (ctx) => {
      for (let i = 41; i <= 45; i++) await app.services.jobs.enqueue(ctx, 'test.tally', { key: `k${i}` });
      throw new Error('the business transaction fails');
    }).catch(() => undefined);

    // then each of the 40 ran once, and both instances took part
    const rows = await waitForRows('test.tally', 40);
    await settle(1500); // time for a duplicate or a rolled-back job to show up
    const final = await probe('test.tally');
    expect(final.map((r) => r.key).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `k${i + 1}`).sort());
    expect(new Set(rows.map((r) => r.instance))).toEqual(new Set(['first', 'second']));
  });

  it('commits a job’s work with its completion: a failed attempt leaves nothing and the retry does the work once', async () => {
    // when a job that fails on its first attempt (after writing) is enqueued
    await transaction((ctx) => app.services.jobs.enqueue(ctx, 'test.tally', { key: 'flaky', failFirst: true }));

    // then one row is left, written by the second attempt
    await waitForRows('test.tally', 41);
    await settle(1000);
    expect((await probe('test.tally')).filter((r) => r.key === 'flaky').map((r) => r.detail)).toEqual(['2']);
  });

  it('does the work of a job that expired while running once: the attempt that completes it second rolls back', async () => {
    // when a job whose first attempt outlives its 1 s expiry is enqueued
    await transaction((ctx) => app.services.jobs.enqueue(ctx, 'test.slow', { key: 'slow' }));

    // then the second attempt did the work, and the first, finishing later, left nothing
    expect((await waitForRows('test.slow', 1)).map((r) => r.detail)).toEqual(['2']);
    await settle(3500);
    expect(slowAttempts.get('slow')).toBe(2);
    expect((await probe('test.slow')).map((r) => r.detail)).toEqual(['2']);
  });

  it('runs a job not before its startAfter', async () => {
    // when a reminder is enqueued for 2 seconds from now
    const due = Date.now() + 2000;
    await transaction((ctx) => app.services.jobs.enqueue(ctx, 'test.reminder', { note: 'call the client' }, { startAfter: new Date(due) }));

    // then it runs once, at or after its time
    expect((await waitForRows('test.reminder', 1)).map((r) => r.key)).toEqual(['call the client']);
    expect(ranAt.get('call the client')).toBeGreaterThanOrEqual(due);
  });

  it('keeps one waiting job per singletonKey in a queue with the short policy', async () => {
    // when three digests with one key and one with another are enqueued together
    const ids = await transaction(async (ctx) => [
      await app.services.jobs.enqueue(ctx, 'test.digest', { n: 1 }, { singletonKey: 'team-a', startAfter: new Date(Date.now() + 500) }),
      await app.services.jobs.enqueue(ctx, 'test.digest', { n: 2 }, { singletonKey: 'team-a' }),
      await app.services.jobs.enqueue(ctx, 'test.digest', { n: 3 }, { singletonKey: 'team-a' }),
      await app.services.jobs.enqueue(ctx, 'test.digest', { n: 4 }, { singletonKey: 'team-b' }),
    ]);

    // then the 2nd and 3rd were dropped, and the two kept ran
    expect(ids.map((id) => id !== null)).toEqual([true, false, false, true]);
    expect((await waitForRows('test.digest', 2)).map((r) => r.key).sort()).toEqual(['1', '4']);
  });

  it('refuses to enqueue outside a transaction, where the job could outlive a rolled-back change', async () => {
    await expect(app.services.jobs.enqueue({ em: app.orm.em.fork() }, 'test.reminder', { note: 'x' })).rejects.toThrow('Jobs are enqueued inside a transaction');
  });

  it('hands every event of a topic to its event handler once, in publishing order, whichever instance runs it', async () => {
    // given a price type, a product and a draft list
    const admin = await app.as(Role.ADMIN);
    const unitId = (await admin.CreateUnit({ input: { code: 'job-pcs', name: 'piece' } })).createUnit.id;
    const productId = (await admin.CreateProduct({ input: { sku: 'JOB-1', name: 'Job bolt', unitId } })).createProduct.id;
    const priceTypeId = (await admin.CreatePriceType({ input: { code: 'JOB-RETAIL', name: 'Retail' } })).createPriceType.id;
    const list = (await admin.CreatePriceList({ input: { priceTypeId, date: '2026-08-01', lines: [{ productId, price: '10' }] } })).createPriceList.id;

    // when the list is posted and withdrawn three times (six events)
    for (let i = 0; i < 3; i++) {
      await admin.PostPriceList({ id: list });
      await admin.UnpostPriceList({ id: list });
    }

    // then the handler saw six events for the list, each once, in the order they were published
    const rows = await waitForRows('test.prices-log', 6);
    await settle(1000);
    expect((await probe('test.prices-log')).length).toBe(6);
    const seen = rows.map((r) => r.detail.split(' '));
    expect(seen.map(([, action]) => action)).toEqual(['POSTED', 'WITHDRAWN', 'POSTED', 'WITHDRAWN', 'POSTED', 'WITHDRAWN']);
    const seqs = seen.map(([seq]) => Number(seq));
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set([list]));
  });
});
