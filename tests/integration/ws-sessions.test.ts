import pino from 'pino';
import type { Client as WsClient } from 'graphql-ws';
import { loadConfig } from '../../api/src/config';
import { startServer, type RunningServer } from '../../api/src/server/app';
import { createSchema } from '../../api/src/server/schema';
import { createServices, type Services } from '../../api/src/server/services';
import type { TradebookClient } from '@tradebook/client';
import { Role, startTestApp, type TestApp } from '../support/harness';
import { watchedSocket as socket } from '../support/ws-request';

const STOCK_CHANGED = 'subscription { stockChanged { warehouseId productId onHand } }';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('websockets follow the access of their user', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let second: RunningServer;
  let secondServices: Services;
  const sockets: WsClient[] = [];
  let n = 0;

  /** A new warehouse user (stock:read) and a signed-in socket of theirs on `url`. */
  async function connectedUser(url = app.url) {
    const email = `ws-${++n}@example.com`;
    const user = (await admin.CreateUser({ input: { email, name: `WS ${n}`, password: 'password-1', roles: ['WAREHOUSE'] } })).createUser;
    const { token } = await app.login(email, 'password-1');
    const ws = socket(`${url}/graphql`, token);
    sockets.push(ws.client);
    await ws.ready;
    return { user, token, ws };
  }

  beforeAll(async () => {
    // given two instances on one database: the first caches sessions for 300 s, the second re-reads them every second
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SESSION_CACHE_SECONDS: '1' });
    secondServices = await createServices(app.orm, config);
    second = await startServer({ config, orm: app.orm, schema: await createSchema(), services: secondServices, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await second.close();
    await secondServices.close();
    await app.close();
  });

  it('closes the sockets of a deactivated user with 4403 at once, on every instance, sends them no later event and lets none open again', async () => {
    // given stock to move, and a user with a stockChanged subscription on each instance
    const pcs = (await admin.CreateUnit({ input: { code: 'ws-pcs', name: 'штука' } })).createUnit.id;
    const productId = (await admin.CreateProduct({ input: { sku: 'WS-1', name: 'Болт', unitId: pcs } })).createProduct.id;
    const supplierId = (await admin.CreateCounterparty({ input: { name: 'Поставщик WS', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const warehouseId = (await admin.CreateWarehouse({ input: { code: 'WSW', name: 'Склад' } })).createWarehouse.id;
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId, supplierId, lines: [{ productId, quantity: '1', unitCost: '1' }] } })).createGoodsReceipt;
    const { user, token, ws } = await connectedUser();
    const onSecond = socket(`${second.url}/graphql`, token);
    sockets.push(onSecond.client);
    await onSecond.ready;
    ws.subscribe(STOCK_CHANGED);
    onSecond.subscribe(STOCK_CHANGED);
    await pause(200);

    // when an administrator deactivates the user, and stock moves right after
    const at = Date.now();
    await admin.UpdateUser({ id: user.id, input: { version: user.version, active: false } });
    await admin.PostGoodsReceipt({ id: receipt.id });

    // then both sockets are closed with 4403 — the first instance's well before its 300 s re-read
    const closed = await ws.closed(5000);
    expect(closed.code).toBe(4403);
    expect(closed.at - at).toBeLessThan(2000);
    expect((await onSecond.closed(5000)).code).toBe(4403);
    // and neither heard of the stock that moved after the deactivation
    await pause(300);
    expect([...ws.events, ...onSecond.events]).toEqual([]);
    // and a new socket with the same token is refused with 4403
    const again = socket(`${app.url}/graphql`, token);
    sockets.push(again.client);
    expect((await again.closed(5000)).code).toBe(4403);
  });

  it('closes the socket of a user whose roles were changed in the database within SESSION_CACHE_SECONDS, with no event', async () => {
    // given a user's socket on the instance that re-reads sessions every second, and a change
    // of their roles that bypasses the API (so no event tells anyone)
    const { user, ws } = await connectedUser(second.url);
    await pause(200);
    const at = Date.now();
    await app.orm.em.getConnection().execute(`update app_user set roles = '{PARTNER}' where id = ?`, [user.id]);

    // then the sweep closes it with 4403 within the cache time of 1 s (and the sweep's own round)
    const closed = await ws.closed(5000);
    expect(closed.code).toBe(4403);
    expect(closed.at - at).toBeLessThan(2000);
  });

  it('leaves open the sockets of users whose access did not change', async () => {
    // given two users' sockets on the instance that re-reads sessions every second
    const renamed = await connectedUser(second.url);
    const bystander = await connectedUser(second.url);

    // when one is renamed and another user is deactivated
    await admin.UpdateUser({ id: renamed.user.id, input: { version: renamed.user.version, name: 'Новое имя' } });
    const other = await connectedUser();
    await admin.UpdateUser({ id: other.user.id, input: { version: other.user.version, active: false } });
    await other.ws.closed(5000);

    // then, past a sweep of the second instance, the renamed user and the bystander are still connected and served
    await pause(1500);
    expect(renamed.ws.closes).toEqual([]);
    expect(bystander.ws.closes).toEqual([]);
    const answer = await new Promise((resolve) => renamed.ws.client.subscribe({ query: '{ me { name } }' }, { next: resolve, error: resolve, complete: () => undefined }));
    expect(answer).toEqual({ data: { me: { name: 'Новое имя' } } });
  });
});
