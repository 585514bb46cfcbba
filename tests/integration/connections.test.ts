import { holdRowLock, holdTableLock } from '../support/row-lock';
import { wsClient, wsRequest } from '../support/ws-request';
import { errorOf, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

describe('connections: logins under attack never starve the server', () => {
  let app: TestApp;
  beforeAll(async () => {
    // each story's attempts from this IP stay under its allowance, so only the per-email limit shows
    app = await startTestApp({ LOGIN_ATTEMPTS_PER_EMAIL: '5', LOGIN_ATTEMPTS_PER_IP: '1000' });
  });
  afterAll(() => app.close());

  it('serves an admin while 100 anonymous clients send wrong logins at once; the logins are refused, none fails', async () => {
    // given a signed-in admin
    const admin = await app.as(Role.ADMIN);

    // when 100 wrong logins for 100 emails arrive at once while the admin creates and lists units
    const logins = Array.from({ length: 100 }, (_, i) => rawRequest(app.graphqlUrl, { query: LOGIN, variables: { email: `intruder-${i}@example.com`, password: 'wrong-password' } }));
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      work.push(admin.CreateUnit({ input: { code: `storm-${i}`, name: `storm ${i}` } }));
      work.push(admin.Units({ filter: { q: 'storm' } }));
    }
    const adminResults = await Promise.allSettled(work);
    const answers = await Promise.all(logins);

    // then every admin request succeeded
    expect(adminResults.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect((await admin.Units({ filter: { q: 'storm' } })).units.total).toBe(10);
    // and every login was refused as a login (tried: UNAUTHENTICATED) or for the load (TOO_MANY_REQUESTS, 429), never as a failure
    const codes = answers.map((a) => a.json?.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c !== 'UNAUTHENTICATED' && c !== 'TOO_MANY_REQUESTS')).toEqual([]);
    expect(answers.filter((a) => a.json?.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS').every((a) => a.status === 429)).toBe(true);
    // at least the 4 running and 32 waiting anonymous requests of this IP were really tried
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeGreaterThanOrEqual(36);
  });

  it('tries exactly 5 of 8 wrong logins sent at once for one email (limit 5); the rest get 429 with Retry-After', async () => {
    // when 8 wrong passwords for the warehouse user arrive at once
    const email = 'warehouse@demo.tradebook';
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOGIN, variables: { email, password: `wrong-${i}` } }) })),
    );
    const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ errors: { extensions: { code: string; details?: { retryAfterSeconds?: number } } }[] }>));

    // then 5 were checked and refused, 3 were not tried
    const codes = bodies.map((b) => b.errors[0].extensions.code).sort();
    expect(codes).toEqual([...Array(3).fill('TOO_MANY_REQUESTS'), ...Array(5).fill('UNAUTHENTICATED')]);
    const limited = answers.filter((_, i) => bodies[i].errors[0].extensions.code === 'TOO_MANY_REQUESTS');
    expect(limited.map((a) => a.status)).toEqual([429, 429, 429]);
    // the window is 900 s from the first attempt
    for (const answer of limited) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(890);

    // and even the right password waits for the window
    expect((await errorOf(app.anonymous.Login({ email, password: 'tradebook' }))).code).toBe('TOO_MANY_REQUESTS');
  });

  it('gives a successful login its attempt back, so signing in does not use up the IP allowance', async () => {
    // given an IP allowance of 3 attempts
    const strict = await startTestApp({ LOGIN_ATTEMPTS_PER_IP: '3' });
    try {
      // when one user signs in five times from the same IP
      for (let i = 0; i < 5; i++) await strict.anonymous.Login({ email: 'service@demo.tradebook', password: 'tradebook' });

      // then a sixth login still works, and three failures use the allowance up
      await expect(strict.anonymous.Login({ email: 'marketing@demo.tradebook', password: 'tradebook' })).resolves.toBeDefined();
      for (let i = 0; i < 3; i++) expect((await errorOf(strict.anonymous.Login({ email: 'marketing@demo.tradebook', password: `no-${i}` }))).code).toBe('UNAUTHENTICATED');
      expect((await errorOf(strict.anonymous.Login({ email: 'service@demo.tradebook', password: 'tradebook' }))).code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await strict.close();
    }
  });
});

describe('connections: a pool of one connection', () => {
  let app: TestApp;
  beforeAll(async () => {
    // given one pooled connection, a short wait for it and short lock and statement timeouts
    app = await startTestApp({ DB_POOL_MAX: '1', DB_ACQUIRE_TIMEOUT_MS: '500', DB_LOCK_TIMEOUT_MS: '1500', DB_STATEMENT_TIMEOUT_MS: '4000', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '6000' });
  });
  afterAll(() => app.close());

  it('is enough for every kind of request, since none waits for a second connection while it holds one', async () => {
    // when a user logs in (wrongly, then rightly), reads itself, writes in a mutation, lists with relations and queries over a WebSocket
    expect((await errorOf(app.anonymous.Login({ email: 'admin@demo.tradebook', password: 'wrong' }))).code).toBe('UNAUTHENTICATED');
    const { token, client } = await app.login('admin@demo.tradebook');
    expect((await client.Me()).me.email).toBe('admin@demo.tradebook');
    const { createUnit } = await client.CreateUnit({ input: { code: 'one-pcs', name: 'piece' } });
    await client.CreateProduct({ input: { sku: 'ONE-1', name: 'Single bolt', unitId: createUnit.id } });
    const { products } = await client.Products({ filter: { q: 'Single' } });
    const socket = wsClient(app.graphqlUrl, token);
    const overSocket = await wsRequest(socket, '{ units(filter: { q: "one-pcs" }) { total } }');
    await socket.dispose();

    // then everything was answered
    expect(products.items.map((p) => [p.sku, p.unit.code])).toEqual([['ONE-1', 'one-pcs']]);
    expect(overSocket).toEqual({ data: { units: { total: 1 } } });
  });

  it('sets the statement, lock and idle-in-transaction timeouts on its connection', async () => {
    const [settings] = await app.orm.em.fork().execute(
      "select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock, current_setting('idle_in_transaction_session_timeout') as idle",
    );
    expect(settings).toEqual({ statement: '4s', lock: '1500ms', idle: '6s' });
  });

  it('answers CONFLICT DATABASE_BUSY, not an internal error, when the connection is taken too long or a lock waits too long', async () => {
    // given a unit whose row another session keeps locked
    const admin = await app.as(Role.ADMIN);
    const manager = await app.as(Role.SALES_MANAGER);
    const { createUnit } = await admin.CreateUnit({ input: { code: 'busy-pcs', name: 'piece' } });
    const lock = await holdRowLock(app.databaseUrl, 'unit', createUnit.id);
    try {
      // when the admin's update waits on it, holding the only connection, and a sales manager reads meanwhile
      const update = errorOf(admin.UpdateUnit({ id: createUnit.id, input: { version: 1, name: 'busy' } }));
      await lock.untilWaiting(1);
      const read = await errorOf(manager.Units({}));

      // then the read gave up waiting for the connection after 0.5 s, the update after the 1.5 s lock timeout, both retryable
      expect([read.code, read.details.reason]).toEqual(['CONFLICT', 'DATABASE_BUSY']);
      const refused = await update;
      expect([refused.code, refused.details.reason]).toEqual(['CONFLICT', 'DATABASE_BUSY']);
      expect(refused.message).not.toMatch(/lock|select|update|unit/i);
    } finally {
      await lock.release();
    }

    // and nothing was written: the unit is as it was and the connection serves again
    const { units } = await manager.Units({ filter: { q: 'busy-pcs' } });
    expect(units.items.map((u) => [u.name, u.version])).toEqual([['piece', 1]]);
  });
});

describe('connections: one pooled connection per request at a time', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('runs the parallel fields of one query on one connection in turn, leaving the pool to others', async () => {
    // given units and products locked against every access by another session
    const { token } = await app.login('admin@demo.tradebook');
    const lock = await holdTableLock(app.databaseUrl, 'unit, product');
    try {
      // when the admin asks for both in one query (graphql-js resolves the two fields in parallel)
      const both = rawRequest(app.graphqlUrl, { query: '{ units { total } products { total } }' }, { authorization: `Bearer ${token}` });
      await lock.untilWaiting(1);
      await new Promise((r) => setTimeout(r, 300));

      // then only one of its fields waits on the lock, the other waits for the request's one connection
      expect(await lock.untilWaiting(1)).toHaveLength(1);
      // and a sales manager's request that touches neither table is served meanwhile
      expect((await (await app.as(Role.SALES_MANAGER)).Me()).me.email).toBe('sales_manager@demo.tradebook');
      await lock.release();
      expect((await both).json).toEqual({ data: { units: { total: expect.any(Number) }, products: { total: 0 } } });
    } finally {
      await lock.release();
    }
  });
});
