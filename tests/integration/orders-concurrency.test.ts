import type { TradebookClient } from '@tradebook/client';
import { Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { count, outcomeWithReason as outcome } from '../support/outcomes';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/**
 * Reservations under real concurrency (issue 12, DESIGN §6): every request on its own
 * pooled connection, all at once. The server is given room for that many requests of one
 * user (the per-user gate would otherwise queue them) and for waiting on the hot row: every
 * confirmation locks its balance row in turn, so on two busy cores the last of 200 can wait
 * longer than the default 30 s statement timeout (it would get CONFLICT DATABASE_BUSY).
 */
describe('orders reserving the same goods at once', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;

  beforeAll(async () => {
    world = await startSalesWorld({ REQUESTS_PER_USER: '200', REQUESTS_QUEUED_PER_USER: '1000', DB_POOL_MAX: '24', DB_ACQUIRE_TIMEOUT_MS: '280000', DB_LOCK_TIMEOUT_MS: '280000', DB_STATEMENT_TIMEOUT_MS: '280000', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '280000' });
    ({ app, admin } = world);
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  /**
   * 200 requests of two each on two busy shared cores (the other jest worker running beside):
   * a client waits its turn rather than giving up after the SDK's 30 s, and the storm may take
   * minutes in all, so the test has its own time and the server's timeouts stay above it.
   */
  const PATIENCE = 280_000;
  const STORM_MS = 300_000;

  it('200 one-unit orders for 10 in stock: exactly 10 confirmed, 190 INSUFFICIENT_STOCK, available never below 0', async () => {
    // given HOT: 10 at W1
    const hot = await world.product('HOT', '100.00', '90.00');
    await world.receive(world.w1, hot, '10');
    const manager = await app.as(Role.SALES_MANAGER);

    // while 200 orders are created and confirmed at once, the balance is watched
    let storming = true;
    const seen: string[] = [];
    const watch = (async () => {
      while (storming) {
        const [row] = (await admin.StockBalances({ filter: { warehouseId: world.w1, productId: hot } })).stockBalances.items;
        seen.push(row.available);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        outcome(
          manager
            .CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: hot, quantity: '1' }], comment: `storm ${i}` } }, { timeoutMs: PATIENCE })
            .then(({ createOrder }) => manager.ConfirmOrder({ id: createOrder.id }, { timeoutMs: PATIENCE })),
        ),
      ),
    );
    storming = false;
    await watch;

    // then exactly 10 were confirmed and 190 refused for stock, nothing else
    expect(count(results)).toEqual({ OK: 10, INSUFFICIENT_STOCK: 190 });
    // and on hand − reserved never went below 0 while it ran, and ends at 0 with 10 reserved
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((available) => Number(available) < 0)).toEqual([]);
    const [end] = (await admin.Availability({ productIds: [hot], warehouseIds: [world.w1] })).availability;
    expect([end.onHand, end.reserved, end.available]).toEqual(['10', '10', '0']);
    expect((await admin.Orders({ filter: { status: 'CONFIRMED' }, perPage: 1 })).orders.total).toBe(10);
    expect((await admin.Orders({ filter: { status: 'DRAFT' }, perPage: 1 })).orders.total).toBe(190);
  }, STORM_MS);

  it('two-line orders taking A then B and B then A at once never deadlock a client', async () => {
    // given A and B: 20 each at W1; 15 orders of A, B and 15 of B, A (one of each)
    const a = await world.product('PAIR-A', '10.00', '9.00');
    const b = await world.product('PAIR-B', '10.00', '9.00');
    await world.receive(world.w1, a, '20');
    await world.receive(world.w1, b, '20');
    const head = await app.as(Role.SALES_HEAD);
    const orders = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const pair = i % 2 ? [a, b] : [b, a];
        return (await head.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: pair.map((productId) => ({ productId, quantity: '1' })) } }, { timeoutMs: PATIENCE })).createOrder.id;
      }),
    );

    // when all 30 are confirmed at once
    const results = await Promise.all(orders.map((id) => outcome(head.ConfirmOrder({ id }, { timeoutMs: PATIENCE }))));

    // then 20 take a pair each and 10 are refused for stock: no deadlock, no busy database reached a client
    expect(count(results)).toEqual({ OK: 20, INSUFFICIENT_STOCK: 10 });
    const ends = (await admin.Availability({ productIds: [a, b], warehouseIds: [world.w1] })).availability.map((x) => [x.reserved, x.available]);
    expect(ends).toEqual([['20', '0'], ['20', '0']]);

    // when they are all cancelled at once, then everything is free again
    expect(count(await Promise.all(orders.map((id) => outcome(head.CancelOrder({ id }, { timeoutMs: PATIENCE })))))).toEqual({ OK: 30 });
    expect((await admin.Availability({ productIds: [a, b], warehouseIds: [world.w1] })).availability.map((x) => [x.reserved, x.available])).toEqual([['0', '20'], ['0', '20']]);
  }, STORM_MS);
});
