import { mkdtempSync, rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { loadConfig } from '../../api/src/config';
import { connect, migrate } from '../../api/src/db/database';
import { withDatabase } from '../../api/src/db/database-url';
import { poolSettings } from '../../api/src/db/orm.config';
import { seedDemo } from '../../api/src/db/seed/demo.seed';
import { startServer } from '../../api/src/server/app';
import { createSchema } from '../../api/src/server/schema';
import { createServices } from '../../api/src/server/services';
import { createClient, TradebookError } from '@tradebook/client';
import { startMain } from '../support/main-process';
import { startOwnPostgres } from '../support/own-postgres';
import { holdRowLock, holdTableLock } from '../support/row-lock';
import { wsClient, wsRequest } from '../support/ws-request';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('faults: a database connection killed in the middle of a request', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers a mutation whose connection is terminated CONFLICT DATABASE_BUSY, writes nothing, and serves the next request', async () => {
    // given an admin's update waiting on a row lock
    const admin = await app.as(Role.ADMIN);
    const { createUnit } = await admin.CreateUnit({ input: { code: 'kill-pcs', name: 'piece' } });
    const lock = await holdRowLock(app.databaseUrl, 'unit', createUnit.id);
    try {
      const update = errorOf(admin.UpdateUnit({ id: createUnit.id, input: { version: 1, name: 'killed' } }));
      const [pid] = await lock.untilWaiting(1);

      // when an administrator terminates its connection
      await lock.terminate(pid);

      // then the client is told to try again, without SQL
      const refused = await update;
      expect([refused.code, refused.details.reason]).toEqual(['CONFLICT', 'DATABASE_BUSY']);
      expect(refused.message).not.toMatch(/terminat|administrator|select|update/i);
    } finally {
      await lock.release();
    }

    // and the unit is unchanged, and the same request now succeeds
    expect((await admin.Units({ filter: { q: 'kill-pcs' } })).units.items.map((u) => u.name)).toEqual(['piece']);
    expect((await admin.UpdateUnit({ id: createUnit.id, input: { version: 1, name: 'renamed' } })).updateUnit.version).toBe(2);
  });

  it('answers a query whose connection is terminated CONFLICT DATABASE_BUSY', async () => {
    // given a sales manager's read waiting on a table another session locked
    const manager = await app.as(Role.SALES_MANAGER);
    const lock = await holdTableLock(app.databaseUrl, 'unit');
    try {
      const read = errorOf(manager.Units({}));
      const [pid] = await lock.untilWaiting(1);

      // when its connection is terminated, then it may try again
      await lock.terminate(pid);
      const refused = await read;
      expect([refused.code, refused.details.reason]).toEqual(['CONFLICT', 'DATABASE_BUSY']);
    } finally {
      await lock.release();
    }
    expect((await manager.Units({})).units.total).toBeGreaterThan(0);
  });
});

describe('faults: PostgreSQL restarting under load', () => {
  let postgres: Awaited<ReturnType<typeof startOwnPostgres>>;
  let dataDir: string;
  const closers: (() => Promise<unknown>)[] = [];
  let graphqlUrl: string;
  let url: string;

  beforeAll(async () => {
    // given a PostgreSQL of this test's own and the server on it, reading the user on every request
    dataDir = mkdtempSync(path.join(tmpdir(), 'tradebook-restart-pg-'));
    postgres = await startOwnPostgres(dataDir);
    const databaseUrl = withDatabase(postgres.url, 'tradebook_restart');
    const admin = new Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database tradebook_restart');
    await admin.end();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', SESSION_CACHE_SECONDS: '0', DB_ACQUIRE_TIMEOUT_MS: '1000' });
    const orm = await connect(databaseUrl, poolSettings(config));
    closers.push(() => orm.close());
    await migrate(orm);
    await seedDemo(orm.em.fork(), { usersOnly: true });
    const services = await createServices(orm, config);
    closers.push(() => services.close());
    const server = await startServer({ config, orm, schema: await createSchema(), services, logger: pino({ level: process.env.DEBUG_FAULTS ? 'error' : 'silent' }), port: 0, host: '127.0.0.1' });
    closers.push(() => server.close());
    url = server.url;
    graphqlUrl = `${server.url}/graphql`;
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await postgres.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers DATABASE_BUSY while PostgreSQL is down and serves again by itself once it is back', async () => {
    const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
    const admin = createClient({ url: graphqlUrl, token: login.token });
    await admin.CreateUnit({ input: { code: 'restart-pcs', name: 'piece' } });

    // when four clients keep reading while PostgreSQL stops for a second and starts again
    const answers: { at: number; outcome: string }[] = [];
    let loading = true;
    const client = async () => {
      while (loading) {
        const outcome = await admin.Units({ filter: { q: 'restart' } }).then(
          ({ units }) => (units.total === 1 ? 'ok' : `wrong total ${units.total}`),
          (error) => (error instanceof TradebookError ? `${error.code} ${error.details.reason ?? ''} ${error.status}`.trim() : `unreadable: ${error}`),
        );
        answers.push({ at: Date.now(), outcome });
        await pause(20);
      }
    };
    const clients = Array.from({ length: 4 }, client);
    await pause(500);
    await postgres.stop();
    const down = Date.now();
    await pause(300);
    const healthWhileDown = (await fetch(`${url}/health`)).status;
    const loginWhileDown = await errorOf(createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' }));
    await pause(700);
    await postgres.start();
    const up = Date.now();
    for (let waited = 0; waited < 15_000 && !answers.some((a) => a.at > up && a.outcome === 'ok'); waited += 100) await pause(100);
    await pause(500);
    loading = false;
    await Promise.all(clients);

    // then every answer was the data or a retryable refusal (CONFLICT DATABASE_BUSY, HTTP 200 or 503), never an internal error
    const outcomes = new Set(answers.map((a) => a.outcome));
    expect([...outcomes].filter((o) => o !== 'ok' && !/^CONFLICT DATABASE_BUSY (200|503)$/.test(o))).toEqual([]);
    expect(answers.filter((a) => a.at > down && a.at < up && a.outcome !== 'ok').length).toBeGreaterThan(0);
    expect(healthWhileDown).toBe(503);
    expect([loginWhileDown.code, loginWhileDown.details.reason]).toEqual(['CONFLICT', 'DATABASE_BUSY']);

    // and once PostgreSQL was back it served again within seconds, without a restart of the server
    const firstOkAfter = answers.find((a) => a.at > up && a.outcome === 'ok');
    expect(firstOkAfter).toBeDefined();
    expect(firstOkAfter!.at - up).toBeLessThan(5_000);
    expect(answers.slice(-4).map((a) => a.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

describe('faults: SIGTERM drains the process', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers the requests in flight over HTTP and WebSocket, then closes the sockets (1001) and exits 0', async () => {
    // given the API process on this test's database, and two units another session keeps locked
    const admin = await app.as(Role.ADMIN);
    const unitIds = await Promise.all(['drain-a', 'drain-b'].map(async (code) => (await admin.CreateUnit({ input: { code, name: 'piece' } })).createUnit.id));
    const priceTypeId = (await admin.CreatePriceType({ input: { code: 'DRAIN', name: 'Drain' } })).createPriceType.id;
    const main = startMain({ DATABASE_URL: app.databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false' });
    const lock = await holdRowLock(app.databaseUrl, 'unit', unitIds);
    try {
      const port = await main.listening;
      const graphqlUrl = `http://127.0.0.1:${port}/graphql`;
      const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });

      // and on one socket a subscription and an update waiting on the lock, and an update over HTTP waiting too
      const socket = wsClient(graphqlUrl, login.token);
      const closed = new Promise<{ code: number; at: number }>((resolve) => socket.on('closed', (event) => resolve({ code: (event as { code: number }).code, at: Date.now() })));
      const subscription = new Promise<string>((resolve) =>
        socket.subscribe({ query: 'subscription ($id: ID!) { pricesChanged(priceTypeId: $id) { action } }', variables: { id: priceTypeId } }, { next: () => resolve('event'), error: () => resolve('error'), complete: () => resolve('complete') }),
      );
      const overSocket = wsRequest(socket, `mutation { updateUnit(id: "${unitIds[0]}", input: { version: 1, name: "drained a" }) { name version } }`).then((r) => ({ ...r, at: Date.now() }));
      const overHttp = createClient({ url: graphqlUrl, token: login.token }).UpdateUnit({ id: unitIds[1], input: { version: 1, name: 'drained b' } });
      await lock.untilWaiting(2);

      // when the process is told to stop (from then on it takes no new connection), and the lock goes a little later
      main.child.kill('SIGTERM');
      await pause(500);
      const newConnection = await new Promise<string>((resolve) => {
        const attempt = connectTcp(port, '127.0.0.1', () => (attempt.destroy(), resolve('accepted')));
        attempt.on('error', () => resolve('refused'));
      });
      await lock.release();

      // then both updates are answered, the socket closes after its update with 1001 (going away), and the process exits 0
      expect(await overHttp).toMatchObject({ updateUnit: { name: 'drained b', version: 2 } });
      const socketAnswer = await overSocket;
      expect(socketAnswer).toMatchObject({ data: { updateUnit: { name: 'drained a', version: 2 } } });
      const close = await closed;
      expect(close.code).toBe(1001);
      expect(close.at).toBeGreaterThanOrEqual(socketAnswer.at);
      expect(await subscription).not.toBe('event');
      expect(newConnection).toBe('refused');
      expect(await main.exited).toBe(0);
    } finally {
      await lock.release();
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
    }
  });
});
