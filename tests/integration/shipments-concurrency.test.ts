import type { TradebookClient } from '@tradebook/client';
import { Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { count, outcome } from '../support/outcomes';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/**
 * Shipping while others reserve the same goods (issue 12), every request on its own
 * pooled connection, all at once: a shipment takes its order's reservation and stock
 * under the same balance-row locks the reservations take, so nothing is oversold.
 */
describe('shipping while others reserve the same product', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;

  beforeAll(async () => {
    world = await startSalesWorld({ REQUESTS_PER_USER: '100', REQUESTS_QUEUED_PER_USER: '500', DB_POOL_MAX: '24', DB_ACQUIRE_TIMEOUT_MS: '120000', DB_LOCK_TIMEOUT_MS: '120000' });
    ({ app, admin } = world);
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const PATIENCE = 110_000;

  it('5 order shipments, 30 one-unit orders and 3 standalone shipments at once: the 10 free go to exactly 10, none oversold', async () => {
    // given HOT: 20 at W1, and 5 confirmed orders of 2 each (10 held), each with a shipment draft of all of it
    const hot = await world.product('HOT', '100.00', '90.00');
    await world.receive(world.w1, hot, '20');
    const manager = await app.as(Role.SALES_MANAGER);
    const shipments: string[] = [];
    for (let i = 0; i < 5; i++) {
      const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: hot, quantity: '2' }] } })).createOrder;
      await manager.ConfirmOrder({ id: order.id });
      shipments.push((await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder.id);
    }
    const standalone = await Promise.all(
      Array.from({ length: 3 }, async () => (await manager.CreateShipment({ input: { clientId: world.wholesaleClient, warehouseId: world.w1, date: world.today, lines: [{ productId: hot, quantity: '1', unitPrice: '90' }] } })).createShipment.id),
    );

    // when all of it runs at once, the balance watched meanwhile
    let storming = true;
    const seen: string[] = [];
    const watch = (async () => {
      while (storming) {
        const [row] = (await admin.StockBalances({ filter: { warehouseId: world.w1, productId: hot } })).stockBalances.items;
        seen.push(row.available);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const [ordered, shipped, sold] = await Promise.all([
      Promise.all(
        Array.from({ length: 30 }, () =>
          outcome(
            manager
              .CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: hot, quantity: '1' }] } }, { timeoutMs: PATIENCE })
              .then(({ createOrder }) => manager.ConfirmOrder({ id: createOrder.id }, { timeoutMs: PATIENCE })),
          ),
        ),
      ),
      Promise.all(shipments.map((id) => outcome(manager.PostShipment({ id }, { timeoutMs: PATIENCE })))),
      Promise.all(standalone.map((id) => outcome(manager.PostShipment({ id }, { timeoutMs: PATIENCE })))),
    ]);
    storming = false;
    await watch;

    // then every order shipment went out on its own reservation
    expect(count(shipped)).toEqual({ OK: 5 });
    // and the 10 free were taken by exactly 10 of the 33 others, the rest refused for stock
    const others = count([...ordered, ...sold]);
    expect(others).toEqual({ OK: 10, INSUFFICIENT_STOCK: 23 });
    // and nothing went below zero: 20 − 10 − standalone shipped on hand, the confirmed orders' units held, none free
    const standaloneShipped = sold.filter((o) => o === 'OK').length;
    const [end] = (await admin.Availability({ productIds: [hot], warehouseIds: [world.w1] })).availability;
    expect([end.onHand, end.reserved, end.available]).toEqual([String(10 - standaloneShipped), String(10 - standaloneShipped), '0']);
    expect(seen.filter((available) => Number(available) < 0)).toEqual([]);
  });
});
