import { onStatement } from '../../api/src/db/orm.config';
import { demoEmail, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const STOCK_CHANGED = 'subscription ($w: ID, $p: ID) { stockChanged(warehouseId: $w, productId: $p) { warehouseId productId onHand } }';

describe('events: stockChanged over WebSocket', () => {
  let app: TestApp;
  const sockets = wsClients();
  const ws = (token: string) => sockets.open(app.graphqlUrl, token);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(async () => {
    await sockets.dispose();
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
    await settle();

    // when a receipt of 10 of the first product is posted, and then unposted
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId, supplierId, lines: [{ productId: p1, quantity: '10', unitCost: '100' }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
    await admin.UnpostGoodsReceipt({ id: receipt.id });

    // then its subscriber hears on hand 10, then 0
    expect(await mine.next()).toEqual({ data: { stockChanged: { warehouseId, productId: p1, onHand: '10' } } });
    expect(await mine.next()).toEqual({ data: { stockChanged: { warehouseId, productId: p1, onHand: '0' } } });
    // and the other product's subscriber hears nothing
    await settle();
    expect(other.pending()).toBe(0);
  });

  it('reads the on hand an event delivers once, however many subscribers hear it', async () => {
    // given a product, a warehouse, a supplier, and five subscribers to the product on five sockets
    const admin = await app.as(Role.ADMIN);
    const pcs = (await admin.CreateUnit({ input: { code: 'sc-once', name: 'штука' } })).createUnit.id;
    const productId = (await admin.CreateProduct({ input: { sku: 'SC-ONCE', name: 'Шайба', unitId: pcs } })).createProduct.id;
    const supplierId = (await admin.CreateCounterparty({ input: { name: 'Поставщик SC-ONCE', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const warehouseId = (await admin.CreateWarehouse({ input: { code: 'SCW-ONCE', name: 'Склад' } })).createWarehouse.id;
    const { token } = await app.login(demoEmail(Role.WAREHOUSE));
    const subscribers = Array.from({ length: 5 }, () => subscribeAll(ws(token), STOCK_CHANGED, { p: productId }));
    await settle();
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-11', warehouseId, supplierId, lines: [{ productId, quantity: '7', unitCost: '3' }] } })).createGoodsReceipt;

    // when the receipt of 7 is posted and all five hear of it
    let balanceReads = 0;
    const stop = onStatement((sql) => void (/^select on_hand from stock_balance/.test(sql) && balanceReads++));
    try {
      await admin.PostGoodsReceipt({ id: receipt.id });
      const heard = await Promise.all(subscribers.map((s) => s.next()));

      // then each heard on hand 7, and the balance was read once for all of them
      expect(heard).toEqual(Array(5).fill({ data: { stockChanged: { warehouseId, productId, onHand: '7' } } }));
      expect(balanceReads).toBe(1);
    } finally {
      stop();
    }
  });

  it('refuses a user without stock:read', async () => {
    const { token } = await app.login('partner@demo.tradebook');
    const events = subscribeAll(ws(token), STOCK_CHANGED, {});
    expect(await events.next(3000)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });
});
