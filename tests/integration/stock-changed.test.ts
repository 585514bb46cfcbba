import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { demoEmail, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

/** Collects what a subscription delivers; `next()` waits for the following one. */
function subscribeAll(client: WsClient, query: string, variables: Record<string, unknown>) {
  const received: unknown[] = [];
  const waiters: ((value: unknown) => void)[] = [];
  let failure: unknown;
  client.subscribe(
    { query, variables },
    {
      next: (value) => (waiters.length ? waiters.shift()!(value) : received.push(value)),
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return {
    next: (timeoutMs = 10_000) =>
      received.length
        ? Promise.resolve(received.shift())
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms${failure ? `: ${JSON.stringify(failure)}` : ''}`)), timeoutMs);
            waiters.push((value) => {
              clearTimeout(timer);
              resolve(value);
            });
          }),
    pending: () => received.length,
  };
}

const STOCK_CHANGED = 'subscription ($w: ID, $p: ID) { stockChanged(warehouseId: $w, productId: $p) { warehouseId productId onHand } }';

describe('events: stockChanged over WebSocket', () => {
  let app: TestApp;
  const sockets: WsClient[] = [];
  const ws = (token: string) => {
    const client = createWsClient({ url: app.graphqlUrl.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { token }, retryAttempts: 0, lazy: false });
    sockets.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await app.close();
  });

  it('tells the subscriber of a product its new on hand when a receipt is posted, and not the subscriber of another product', async () => {
    // given two products, a warehouse, a supplier, and a warehouse user subscribed to each product
    const admin = await app.as(Role.ADMIN);
    const pcs = (await admin.CreateUnit({ input: { code: 'sc-pcs', name: 'штука' } })).createUnit.id;
    const p1 = (await admin.CreateProduct({ input: { sku: 'SC-1', name: 'Болт', unitId: pcs } })).createProduct.id;
    const p2 = (await admin.CreateProduct({ input: { sku: 'SC-2', name: 'Гайка', unitId: pcs } })).createProduct.id;
    const supplierId = (await admin.CreateCounterparty({ input: { name: 'Поставщик SC', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const warehouseId = (await admin.CreateWarehouse({ input: { code: 'SCW', name: 'Склад' } })).createWarehouse.id;
    const { token } = await app.login(demoEmail(Role.WAREHOUSE));
    const mine = subscribeAll(ws(token), STOCK_CHANGED, { p: p1 });
    const other = subscribeAll(ws(token), STOCK_CHANGED, { p: p2, w: warehouseId });
    await new Promise((r) => setTimeout(r, 300));

    // when a receipt of 10 of the first product is posted, and then unposted
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId, supplierId, lines: [{ productId: p1, quantity: '10', unitCost: '100' }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
    await admin.UnpostGoodsReceipt({ id: receipt.id });

    // then its subscriber hears on hand 10, then 0
    expect(await mine.next()).toEqual({ data: { stockChanged: { warehouseId, productId: p1, onHand: '10' } } });
    expect(await mine.next()).toEqual({ data: { stockChanged: { warehouseId, productId: p1, onHand: '0' } } });
    // and the other product's subscriber hears nothing
    await new Promise((r) => setTimeout(r, 300));
    expect(other.pending()).toBe(0);
  });

  it('refuses a user without stock:read', async () => {
    const { token } = await app.login('partner@demo.tradebook');
    const events = subscribeAll(ws(token), STOCK_CHANGED, {});
    expect(await events.next(3000)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });
});
