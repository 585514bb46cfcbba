import { Client } from 'pg';
import { EVENTS_CHANNEL } from '../../api/src/shared/event-bus';
import { createClient, type TradebookClient } from '@tradebook/client';
import { startMain } from '../support/main-process';
import { DEMO_PASSWORD, Role, startTestApp, type AnotherInstance, type TestApp } from '../support/harness';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const PRICES_CHANGED = 'subscription ($id: ID!) { pricesChanged(priceTypeId: $id) { priceListId action } }';

/** A price type, a product and drafts of price lists to post: the events here are pricesChanged. */
async function priceWorld(app: TestApp, code: string) {
  const admin = await app.as(Role.ADMIN);
  const unitId = (await admin.CreateUnit({ input: { code: `${code}-pcs`, name: 'piece' } })).createUnit.id;
  const productId = (await admin.CreateProduct({ input: { sku: `${code}-1`, name: 'Outbox bolt', unitId } })).createProduct.id;
  const priceTypeId = (await admin.CreatePriceType({ input: { code, name: code } })).createPriceType.id;
  let day = 0;
  const draft = async () => {
    day++;
    const date = `2026-07-${String(day).padStart(2, '0')}`;
    return (await admin.CreatePriceList({ input: { priceTypeId, date, lines: [{ productId, price: String(100 + day) }] } })).createPriceList.id;
  };
  return { admin, priceTypeId, draft };
}

const posted = (priceListId: string) => ({ data: { pricesChanged: { priceListId, action: 'POSTED' } } });
const withdrawn = (priceListId: string) => ({ data: { pricesChanged: { priceListId, action: 'WITHDRAWN' } } });

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await settle(50);
  }
}

describe('outbox: events published after commit, nothing lost', () => {
  let app: TestApp;
  let token: string;
  const sockets = wsClients();
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute<T[]>(text, params);
  const unpublished = async () => Number((await sql<{ n: string }>('select count(*) as n from outbox_event where seq is null'))[0].n);

  beforeAll(async () => {
    app = await startTestApp();
    ({ token } = await app.login('admin@demo.tradebook'));
  });
  afterAll(async () => {
    await sockets.dispose();
    await app.close();
  });

  it('answers a committed mutation as done while its event cannot be published, and publishes it once publishing works again', async () => {
    // given a subscriber, and publishing broken: the database refuses to number outbox rows
    const world = await priceWorld(app, 'OB-FAIL');
    const events = subscribeAll(sockets.open(app.graphqlUrl, token), PRICES_CHANGED, { id: world.priceTypeId });
    await settle();
    const list = await world.draft();
    await sql(`create function refuse_publishing() returns trigger language plpgsql as $$ begin raise exception 'publishing is down'; end $$`);
    await sql('create trigger refuse_publishing before update on outbox_event for each row execute function refuse_publishing()');

    // when the list is posted
    const { postPriceList } = await world.admin.PostPriceList({ id: list });

    // then the mutation succeeded, and after a few failed publishing rounds the event still waits, unheard
    expect(postPriceList.status).toBe('POSTED');
    await settle(1500);
    expect(events.pending()).toBe(0);
    expect(await unpublished()).toBe(1);

    // when publishing works again, then the subscriber hears of the posting, once
    await sql('drop trigger refuse_publishing on outbox_event');
    await sql('drop function refuse_publishing()');
    expect(await events.next()).toEqual(posted(list));
    await settle(500);
    expect(events.pending()).toBe(0);
  });

  it('delivers what was published while the listener was reconnecting, once it is back', async () => {
    // given a subscriber and a draft
    const world = await priceWorld(app, 'OB-RECONNECT');
    const events = subscribeAll(sockets.open(app.graphqlUrl, token), PRICES_CHANGED, { id: world.priceTypeId });
    await settle();
    const list = await world.draft();
    const listeners = async () => Number((await sql<{ n: string }>(`select count(*) as n from pg_stat_activity where application_name = 'tradebook-events' and datname = current_database()`))[0].n);

    // when the instance's LISTEN connection is cut and the list is posted and published before it reconnects
    await sql(`select pg_terminate_backend(pid, 5000) from pg_stat_activity where application_name = 'tradebook-events' and datname = current_database()`);
    await world.admin.PostPriceList({ id: list });
    await waitFor(async () => (await unpublished()) === 0, 'the posting is published');
    expect(await listeners()).toBe(0); // its NOTIFY reached no listener of this instance

    // then once the listener is back, the subscriber hears of the posting
    expect(await events.next()).toEqual(posted(list));
    expect(await listeners()).toBe(1);
  });

  describe('with two instances', () => {
    let second: AnotherInstance;
    beforeAll(async () => {
      second = await app.anotherInstance();
    });
    afterAll(() => second.close());

    it('delivers each event once to the subscribers of every instance, in order, with one NOTIFY per published batch at most', async () => {
      // given a subscriber on each instance, a connection counting the NOTIFYs, and two drafts
      const world = await priceWorld(app, 'OB-TWO');
      const onFirst = subscribeAll(sockets.open(app.graphqlUrl, token), PRICES_CHANGED, { id: world.priceTypeId });
      const onSecond = subscribeAll(sockets.open(second.graphqlUrl, token), PRICES_CHANGED, { id: world.priceTypeId });
      const counter = new Client({ connectionString: app.databaseUrl });
      await counter.connect();
      let notifications = 0;
      counter.on('notification', () => notifications++);
      await counter.query(`listen ${EVENTS_CHANNEL}`);
      await settle();
      const [a, b] = [await world.draft(), await world.draft()];
      const viaSecond = createClient({ url: second.graphqlUrl, token });

      try {
        // when the two lists are posted and withdrawn, alternately through each instance (6 events)
        await world.admin.PostPriceList({ id: a });
        await viaSecond.PostPriceList({ id: b });
        await world.admin.UnpostPriceList({ id: a });
        await viaSecond.UnpostPriceList({ id: b });
        await world.admin.PostPriceList({ id: a });
        await viaSecond.UnpostPriceList({ id: a });
        const expected = [posted(a), posted(b), withdrawn(a), withdrawn(b), posted(a), withdrawn(a)];

        // then each subscriber hears the six in the order they happened, and nothing twice
        for (const subscriber of [onFirst, onSecond]) {
          const heard = [];
          for (let i = 0; i < expected.length; i++) heard.push(await subscriber.next());
          expect(heard).toEqual(expected);
        }
        await settle(500);
        expect([onFirst.pending(), onSecond.pending()]).toEqual([0, 0]);
        // and the six were numbered once each, one after another, and announced by at most six NOTIFYs (never one per instance)
        const seqs = (await sql<{ seq: string }>(`select seq from outbox_event where payload->>'priceTypeId' = ? order by seq`, [world.priceTypeId])).map((r) => Number(r.seq));
        expect(seqs).toHaveLength(6);
        expect(seqs.map((seq) => seq - seqs[0])).toEqual([0, 1, 2, 3, 4, 5]);
        expect(notifications).toBeGreaterThanOrEqual(1);
        expect(notifications).toBeLessThanOrEqual(6);
      } finally {
        await counter.end();
      }
    });
  });
});

describe('outbox: a process killed between commit and publishing', () => {
  let app: TestApp;
  const sockets = wsClients();

  beforeAll(async () => {
    // given this test's instance does not publish: only the processes below may
    app = await startTestApp({ OUTBOX_DISPATCH: 'off' });
  });
  afterAll(async () => {
    await sockets.dispose();
    await app.close();
  });

  it('loses nothing: the event is published when a process starts again, and reaches a subscriber of another instance', async () => {
    // given a subscriber on this instance, and an API process that commits but does not publish yet
    const world = await priceWorld(app, 'OB-KILL');
    const { token } = await app.login('admin@demo.tradebook');
    const events = subscribeAll(sockets.open(app.graphqlUrl, token), PRICES_CHANGED, { id: world.priceTypeId });
    const list = await world.draft();
    const env = { DATABASE_URL: app.databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', JOBS: 'off' };
    const first = startMain({ ...env, OUTBOX_DISPATCH: 'off' });
    const signedIn = async (port: number): Promise<TradebookClient> => {
      const url = `http://127.0.0.1:${port}/graphql`;
      const { login } = await createClient({ url }).Login({ email: 'admin@demo.tradebook', password: DEMO_PASSWORD });
      return createClient({ url, token: login.token });
    };

    try {
      // when the list is posted through that process, which is then killed with SIGKILL
      const { postPriceList } = await (await signedIn(await first.listening)).PostPriceList({ id: list });
      expect(postPriceList.status).toBe('POSTED');
      first.child.kill('SIGKILL');
      await first.exited;

      // then nothing has been heard yet
      await settle(1000);
      expect(events.pending()).toBe(0);
    } finally {
      first.child.kill('SIGKILL');
    }

    // when an API process starts again on the database
    const restarted = startMain(env);
    try {
      await restarted.listening;

      // then the subscriber hears of the posting, once
      expect(await events.next(20_000)).toEqual(posted(list));
      await settle(500);
      expect(events.pending()).toBe(0);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });
});
