import { createClient, type TradebookClient } from '@tradebook/client';
import { demoEmail, Role, type AnotherInstance, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';
import { settle } from '../support/subscriptions';

/*
 * Backorders reserved when goods arrive (issue 12, item 2): a receipt or a transfer into a
 * warehouse hands what came to the confirmed orders waiting there, oldest promised date first,
 * through a pg-boss job created in the posting transaction (the real queue, polling every 0.5 s).
 */
describe('backorders: reserved automatically when goods arrive', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let second: AnotherInstance;

  beforeAll(async () => {
    // given two API instances on one database, both running jobs
    world = await startSalesWorld({ JOBS_POLL_SECONDS: '0.5' });
    ({ app, admin, manager } = world);
    second = await app.anotherInstance();
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  const confirmed = async (productId: string, quantity: string, promisedDate: string | null) => {
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, promisedDate, lines: [{ productId, quantity }] } })).createOrder;
    return (await manager.ConfirmOrder({ id: order.id, allowBackorder: true })).confirmOrder;
  };
  const held = async (id: string) => {
    const order = (await manager.Order({ id })).order!;
    return [order.lines[0].reserved, order.lines[0].backordered];
  };
  /** Waits until the orders hold what is expected (the job runs after the posting commits). */
  const until = async (expected: Record<string, string[]>, timeoutMs = 15_000) => {
    const read = async () => Object.fromEntries(await Promise.all(Object.keys(expected).map(async (id) => [id, await held(id)] as const)));
    for (const started = Date.now(); Date.now() - started < timeoutMs; await settle(200)) {
      if (JSON.stringify(await read()) === JSON.stringify(expected)) break;
    }
    return read();
  };
  const availability = async (productId: string) =>
    (await admin.Availability({ productIds: [productId], warehouseIds: [world.w1] })).availability.map((a) => [a.warehouse.code, a.onHand, a.reserved, a.available, a.backordered]);

  it('a receipt of 6 gives the order promised first its 5 and the next one 1; that one still waits for 2', async () => {
    // given GEAR with nothing in stock; order B (3, promised in 20 days) confirmed first, then A (5, promised in 10 days)
    const gear = await world.product('GEAR', '50.00', '40.00');
    const b = await confirmed(gear, '3', world.daysFromToday(20));
    const a = await confirmed(gear, '5', world.daysFromToday(10));
    expect([await held(a.id), await held(b.id)]).toEqual([['0', '5'], ['0', '3']]);

    // when a receipt of 6 GEAR into W1 is posted
    await world.receive(world.w1, gear, '6');

    // then A (older promise) takes 5, B the remaining 6 − 5 = 1 and waits for 3 − 1 = 2
    expect(await until({ [a.id]: ['5', '0'], [b.id]: ['1', '2'] })).toEqual({ [a.id]: ['5', '0'], [b.id]: ['1', '2'] });
    // W1: on hand 6, reserved 5 + 1 = 6, available 0, backordered 2
    expect(await availability(gear)).toEqual([['W1', '6', '6', '0', '2']]);

    // and when 2 more arrive, B is complete: reserved 3, nothing waits
    await world.receive(world.w1, gear, '2');
    expect(await until({ [b.id]: ['3', '0'] })).toEqual({ [b.id]: ['3', '0'] });
    expect(await availability(gear)).toEqual([['W1', '8', '8', '0', '0']]);
  });

  it('a transfer into the warehouse does the same; a cancelled order and an order with no promised date wait their turn', async () => {
    // given NUT: 10 at W2 and none at W1 (orders of W1 reserve only from W1);
    //   at W1: C (4, promised in 5 days), D (3, promised in 6 days), E (2, no promised date), and F (1, promised in 1 day) cancelled
    const nut = await world.product('NUT', '5.00', '4.00');
    await world.receive(world.w2, nut, '10');
    const e = await confirmed(nut, '2', null);
    const d = await confirmed(nut, '3', world.daysFromToday(6));
    const c = await confirmed(nut, '4', world.daysFromToday(5));
    const f = await confirmed(nut, '1', world.daysFromToday(1));
    await manager.CancelOrder({ id: f.id });

    // when 5 NUT are transferred from W2 into W1
    const transfer = (await admin.CreateStockTransfer({ input: { date: world.today, fromWarehouseId: world.w2, toWarehouseId: world.w1, lines: [{ productId: nut, quantity: '5' }] } })).createStockTransfer;
    await admin.PostStockTransfer({ id: transfer.id });

    // then C takes 4, D the remaining 5 − 4 = 1 and waits for 2; E (no promise: last) and the cancelled F get nothing
    const expected = { [c.id]: ['4', '0'], [d.id]: ['1', '2'], [e.id]: ['0', '2'], [f.id]: ['0', '0'] };
    expect(await until(expected)).toEqual(expected);
    expect((await manager.Order({ id: f.id })).order!.status).toBe('CANCELLED');
    // W1: on hand 5, reserved 5, available 0; waiting 2 (D) + 2 (E) = 4
    expect(await availability(nut)).toEqual([['W1', '5', '5', '0', '4']]);

    // and nothing more happens afterwards: the job chain has stopped (W1 has nothing free)
    await settle(1500);
    expect(await until(expected, 0)).toEqual(expected);
  });

  it('two receipts posted at once, on two instances, reserve each unit once', async () => {
    // given PIN with nothing in stock and three orders waiting for 4 each (12 in all), promised in 1, 2 and 3 days
    const pin = await world.product('PIN', '1.00', '0.80');
    const orders = [];
    for (const days of [1, 2, 3]) orders.push(await confirmed(pin, '4', world.daysFromToday(days)));

    // when two receipts of 3 and 4 are posted at the same moment, one through each instance
    const receipts = await Promise.all(
      ['3', '4'].map(async (quantity) => (await admin.CreateGoodsReceipt({ input: { date: '2026-01-10', warehouseId: world.w1, supplierId: world.supplier, lines: [{ productId: pin, quantity, unitCost: '1' }] } })).createGoodsReceipt),
    );
    const onSecond = createClient({ url: second.graphqlUrl, token: (await app.login(demoEmail(Role.ADMIN))).token });
    await Promise.all([admin.PostGoodsReceipt({ id: receipts[0].id }), onSecond.PostGoodsReceipt({ id: receipts[1].id })]);

    // then the 7 go 4 to the first order and 3 to the second, which waits for 1; the third waits for all 4
    const expected = { [orders[0].id]: ['4', '0'], [orders[1].id]: ['3', '1'], [orders[2].id]: ['0', '4'] };
    expect(await until(expected)).toEqual(expected);
    expect(await availability(pin)).toEqual([['W1', '7', '7', '0', '5']]);
  });
});
