import type { TradebookClient } from '@tradebook/client';
import { demoEmail, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const ORDER_STATUS_CHANGED = 'subscription ($id: ID!) { orderStatusChanged(orderId: $id) { orderId number status change } }';
const STOCK_CHANGED = 'subscription ($w: ID, $p: ID) { stockChanged(warehouseId: $w, productId: $p) { warehouseId productId onHand } }';

/** orderStatusChanged (issue 12, item 10): every change of one order, to those who may read it; stockChanged on release and reserve. */
describe('events: orderStatusChanged and stockChanged as orders move', () => {
  let world: SalesWorld;
  let app: TestApp;
  let manager: TradebookClient;
  let partner: TradebookClient;
  let dealer: string;
  let valve: string;
  const sockets = wsClients();

  beforeAll(async () => {
    world = await startSalesWorld({ JOBS_POLL_SECONDS: '0.5' });
    ({ app, manager } = world);
    partner = await app.as(Role.PARTNER);
    dealer = (await world.admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0].id;
    valve = await world.product('VALVE', '100.00', '80.00');
    await world.receive(world.w1, valve, '10');
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(async () => {
    await sockets.dispose();
    await app.close();
  });

  const draft = async (client: TradebookClient, clientId: string, quantity: string) =>
    (await client.CreateOrder({ input: { clientId, date: world.today, warehouseId: world.w1, lines: [{ productId: valve, quantity }] } })).createOrder;
  const socketOf = async (role: Role) => sockets.open(app.graphqlUrl, (await app.login(demoEmail(role))).token);

  it("tells the manager of each step of their order, and stockChanged on release and reserve", async () => {
    // given a draft of 4 VALVE for "Розница", the manager following it and a warehouse user following VALVE at W1
    const order = await draft(manager, world.retailClient, '4');
    const following = subscribeAll(await socketOf(Role.SALES_MANAGER), ORDER_STATUS_CHANGED, { id: order.id });
    const stock = subscribeAll(await socketOf(Role.WAREHOUSE), STOCK_CHANGED, { p: valve, w: world.w1 });
    await settle();

    // when it is confirmed, released, reserved again and cancelled
    await manager.ConfirmOrder({ id: order.id });
    await manager.ReleaseOrder({ id: order.id });
    await manager.ReserveOrder({ id: order.id });
    await manager.CancelOrder({ id: order.id });

    // then the manager hears each step in order, with the status it left the order in
    const step = (status: string, change: string) => ({ data: { orderStatusChanged: { orderId: order.id, number: order.number, status, change } } });
    expect([await following.next(), await following.next(), await following.next(), await following.next()]).toEqual([
      step('CONFIRMED', 'CONFIRMED'),
      step('CONFIRMED', 'RELEASED'),
      step('CONFIRMED', 'RESERVED'),
      step('CANCELLED', 'CANCELLED'),
    ]);
    // and the warehouse user hears VALVE change four times (reserve, release, reserve, release; on hand stays 10)
    const change = { data: { stockChanged: { warehouseId: world.w1, productId: valve, onHand: '10' } } };
    expect([await stock.next(), await stock.next(), await stock.next(), await stock.next()]).toEqual([change, change, change, change]);
    await settle();
    expect([following.pending(), stock.pending()]).toEqual([0, 0]);
  });

  it('tells of a backorder reserved when goods arrive', async () => {
    // given an order of 12 VALVE confirmed with 10 on hand: 10 reserved, 2 backordered
    const order = await draft(manager, world.retailClient, '12');
    const following = subscribeAll(await socketOf(Role.SALES_MANAGER), ORDER_STATUS_CHANGED, { id: order.id });
    await settle();
    await manager.ConfirmOrder({ id: order.id, allowBackorder: true });

    // when 2 VALVE arrive at W1
    await world.receive(world.w1, valve, '2');

    // then the confirmation, and then the backorder reserved by the job
    expect(await following.next()).toEqual({ data: { orderStatusChanged: { orderId: order.id, number: order.number, status: 'CONFIRMED', change: 'CONFIRMED' } } });
    expect(await following.next()).toEqual({ data: { orderStatusChanged: { orderId: order.id, number: order.number, status: 'CONFIRMED', change: 'BACKORDER_RESERVED' } } });
    expect((await manager.Order({ id: order.id })).order!.lines.map((l) => [l.reserved, l.backordered])).toEqual([['12', '0']]);
    await manager.CancelOrder({ id: order.id });
  });

  it("a partner hears of its own order, and of another client's order nothing at all (as for an order that does not exist)", async () => {
    // given the partner's own draft and a draft of the manager's "Розница"
    const own = await draft(partner, dealer, '1');
    const others = await draft(manager, world.retailClient, '1');
    const socket = await socketOf(Role.PARTNER);
    const ownEvents = subscribeAll(socket, ORDER_STATUS_CHANGED, { id: own.id });
    const otherEvents = subscribeAll(socket, ORDER_STATUS_CHANGED, { id: others.id });
    const missing = subscribeAll(socket, ORDER_STATUS_CHANGED, { id: '00000000-0000-4000-8000-000000000001' });
    await settle();

    // when both are confirmed and cancelled
    await partner.ConfirmOrder({ id: own.id });
    await manager.ConfirmOrder({ id: others.id });
    await manager.CancelOrder({ id: others.id });
    await partner.CancelOrder({ id: own.id });

    // then the partner hears its own two steps; of the other client's order nothing, no error — the same as for a missing order
    expect((await ownEvents.next()) as unknown).toEqual({ data: { orderStatusChanged: { orderId: own.id, number: own.number, status: 'CONFIRMED', change: 'CONFIRMED' } } });
    expect((await ownEvents.next()) as unknown).toEqual({ data: { orderStatusChanged: { orderId: own.id, number: own.number, status: 'CANCELLED', change: 'CANCELLED' } } });
    await settle(500);
    expect([otherEvents.pending(), otherEvents.failure(), missing.pending(), missing.failure()]).toEqual([0, undefined, 0, undefined]);
  });
});
