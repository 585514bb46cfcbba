import { inTransaction } from '../../api/src/shared/transaction';
import { startWorker } from '../support/main-process';
import { Role, startTestApp, type TestApp } from '../support/harness';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const PRICES_CHANGED = 'subscription ($id: ID!) { pricesChanged(priceTypeId: $id) { priceListId action } }';

describe('npm run worker: jobs and publishing outside the API process (JOBS=off, OUTBOX_DISPATCH=off on the API)', () => {
  let app: TestApp;
  let worker: ReturnType<typeof startWorker>;
  const sockets = wsClients();
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute<T[]>(text, params);
  const published = () => sql<{ seq: string; topic: string }>('select seq, topic from outbox_event where seq is not null order by seq');

  beforeAll(async () => {
    // given an API instance that neither runs jobs nor publishes, and a worker on its database
    app = await startTestApp({ JOBS: 'off', OUTBOX_DISPATCH: 'off' });
    worker = startWorker({ DATABASE_URL: app.databaseUrl, JOBS_POLL_SECONDS: '0.5', OUTBOX_RETENTION_HOURS: '24' });
    await worker.ready;
  });
  afterAll(async () => {
    await sockets.dispose();
    worker.child.kill('SIGKILL');
    await app.close();
  });

  it('publishes what the API commits, and runs the jobs the API enqueues (pruning the outbox)', async () => {
    // given a subscriber on the API and a draft price list
    const admin = await app.as(Role.ADMIN);
    const { token } = await app.login('admin@demo.tradebook');
    const unitId = (await admin.CreateUnit({ input: { code: 'wk-pcs', name: 'piece' } })).createUnit.id;
    const productId = (await admin.CreateProduct({ input: { sku: 'WK-1', name: 'Worker bolt', unitId } })).createProduct.id;
    const priceTypeId = (await admin.CreatePriceType({ input: { code: 'WK-RETAIL', name: 'Retail' } })).createPriceType.id;
    const list = (await admin.CreatePriceList({ input: { priceTypeId, date: '2026-09-01', lines: [{ productId, price: '10' }] } })).createPriceList.id;
    const events = subscribeAll(sockets.open(app.graphqlUrl, token), PRICES_CHANGED, { id: priceTypeId });
    await settle();

    // when the list is posted, withdrawn and posted again through the API
    await admin.PostPriceList({ id: list });
    await admin.UnpostPriceList({ id: list });
    await admin.PostPriceList({ id: list });

    // then the worker published the three, and the API's subscriber heard them in order
    expect([await events.next(), await events.next(), await events.next()]).toEqual(
      ['POSTED', 'WITHDRAWN', 'POSTED'].map((action) => ({ data: { pricesChanged: { priceListId: list, action } } })),
    );
    const [first, second, third] = await published();

    // when the first two were published 25 hours ago (the retention is 24) and the API enqueues a prune
    await sql('update outbox_event set dispatched_at = dispatched_at - interval \'25 hours\' where seq in (?, ?)', [first.seq, second.seq]);
    await inTransaction(app.orm.em.fork(), (em) => app.services.jobs.enqueue({ em }, 'outbox.prune', {}));

    // then the worker ran it: only the third is left
    for (const started = Date.now(); (await published()).length > 1 && Date.now() - started < 15_000; ) await settle(100);
    expect(await published()).toEqual([third]);
  });

  it('refuses to start without DATABASE_URL: it would start an embedded database of its own', async () => {
    const lone = startWorker({});
    expect(await lone.exited).toBe(2);
    expect(lone.output()).toContain('DATABASE_URL: required by the worker');
  });

  it('stops cleanly on SIGTERM', async () => {
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
});
