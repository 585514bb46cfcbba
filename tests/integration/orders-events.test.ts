import { demoEmail, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const STOCK_CHANGED = 'subscription ($w: ID, $p: ID) { stockChanged(warehouseId: $w, productId: $p) { warehouseId productId onHand } }';

/** Reserving and releasing change what is available: stockChanged tells the screens watching the product (issue 12, item 10). */
describe('events: stockChanged when orders reserve and release', () => {
  let world: SalesWorld;
  let app: TestApp;
  const sockets = wsClients();

  beforeAll(async () => {
    world = await startSalesWorld();
    app = world.app;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(async () => {
    await sockets.dispose();
    await app.close();
  });

  it('tells the subscriber of a product when an order reserves it, and again when it is cancelled', async () => {
    // given SCREW: 10 at W1, and a warehouse user watching it
    const screw = await world.product('SCREW', '2.00', '1.50');
    await world.receive(world.w1, screw, '10');
    const { token } = await app.login(demoEmail(Role.WAREHOUSE));
    const watching = subscribeAll(sockets.open(app.graphqlUrl, token), STOCK_CHANGED, { p: screw, w: world.w1 });
    await settle();

    // when an order of 4 is confirmed and then cancelled
    const order = (await world.manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: screw, quantity: '4' }] } })).createOrder;
    await world.manager.ConfirmOrder({ id: order.id });
    await world.manager.CancelOrder({ id: order.id });

    // then it hears of both (on hand stays 10: what changed is what is reserved)
    expect(await watching.next()).toEqual({ data: { stockChanged: { warehouseId: world.w1, productId: screw, onHand: '10' } } });
    expect(await watching.next()).toEqual({ data: { stockChanged: { warehouseId: world.w1, productId: screw, onHand: '10' } } });
    await settle();
    expect(watching.pending()).toBe(0);
  });
});
