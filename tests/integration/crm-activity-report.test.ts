import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role } from '../support/harness';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/** Ten in the morning of the day `days` from today on the server's calendar (this process's TZ). */
const dayAt10 = (days: number) => {
  const at = new Date();
  at.setHours(10, 0, 0, 0);
  at.setDate(at.getDate() + days);
  return at.toISOString();
};

/**
 * Issue 13 §11: activity control — per manager over a period, activities planned, done and
 * overdue by type, new clients, deals won and lost, orders and revenue without VAT.
 */
describe('CRM: activity report', () => {
  let world: SalesWorld;
  let head: TradebookClient;
  let manager: TradebookClient;
  let boris: TradebookClient;
  let managerId: string;
  let borisId: string;
  let from: string;
  let to: string;
  const sql = (text: string, params: unknown[] = []) => world.app.orm.em.getConnection().execute(text, params);

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ manager } = world);
    head = await world.app.as(Role.SALES_HEAD);
    managerId = (await manager.Me()).me.id;
    borisId = (await world.admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис Второй', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } })).createUser.id;
    ({ client: boris } = await world.app.login('boris@demo.tradebook', 'second-manager-pass'));
    // the period: a week back to a week ahead
    from = world.daysFromToday(-7);
    to = world.daysFromToday(7);

    // clients: the manager's Дилер Восток (the demo seed's) and the world's two, all today; one of theirs from a month ago; one of Boris's
    const old = (await manager.CreateCounterparty({ input: { name: 'Давний' } })).createCounterparty.id;
    await sql(`update counterparty set created_at = now() - interval '30 days' where id = ?`, [old]);
    const borisClient = (await boris.CreateCounterparty({ input: { name: 'Клиент Бориса' } })).createCounterparty.id;

    // activities of the manager's
    const plan = async (client: TradebookClient, type: 'CALL' | 'MEETING' | 'TASK' | 'EMAIL', dueDays: number, clientId = world.retailClient) =>
      (await client.CreateActivity({ input: { type, subject: type, clientId, dueAt: dayAt10(dueDays) } })).createActivity.id;
    await plan(manager, 'CALL', -1); // planned, overdue
    await plan(manager, 'CALL', 3); // planned
    await manager.CompleteActivity({ id: await plan(manager, 'MEETING', -2) }); // planned, done
    await manager.CancelActivity({ id: await plan(manager, 'TASK', -2) }); // cancelled: nothing
    await manager.CompleteActivity({ id: await plan(manager, 'EMAIL', -30) }); // due before the period, done in it
    await plan(manager, 'CALL', 20); // after the period
    await plan(boris, 'CALL', -1, borisClient); // Boris's: planned, overdue

    // deals: one won 100 000, one lost 2 500.50, one lost a month ago, one open
    const stages = new Map((await manager.DealStages({})).dealStages.items.map((s) => [s.name, s.id]));
    const deal = async (title: string, amount: string) => (await manager.CreateDeal({ input: { clientId: world.retailClient, title, amount } })).createDeal;
    const won = await deal('Стеллажи', '100000');
    await manager.WinDeal({ id: won.id, version: won.version });
    const lost = await deal('Кабель', '2500.50');
    await manager.MoveDeal({ id: lost.id, stageId: stages.get('Lost')!, lostReason: 'дорого', version: lost.version });
    const longAgo = await deal('Давняя', '999');
    await manager.MoveDeal({ id: longAgo.id, stageId: stages.get('Lost')!, lostReason: 'давно', version: longAgo.version });
    await sql(`update deal set closed_at = now() - interval '30 days' where id = ?`, [longAgo.id]);
    await deal('Открытая', '5000');

    // an order of 3 gears to the wholesale client at 100.00 without VAT, shipped, and 1 returned: 300.00 − 100.00
    const gear = await world.product('GEAR', '122.00', '100.00');
    await world.receive(world.w1, gear, '10', '40');
    const order = (await manager.CreateOrder({ input: { clientId: world.wholesaleClient, date: world.today, warehouseId: world.w1, lines: [{ productId: gear, quantity: '3' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    const shipment = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: gear, quantity: '3' }] } })).createShipmentFromOrder;
    await manager.PostShipment({ id: shipment.id });
    const back = (await manager.CreateCustomerReturn({ input: { shipmentId: shipment.id, date: world.today, reason: 'брак', lines: [{ shipmentLineNo: 1, quantity: '1', condition: 'RESALEABLE' }] } })).createCustomerReturn;
    await manager.PostCustomerReturn({ id: back.id });
  });
  afterAll(() => world.app.close());

  it('gives each manager their period\'s figures, worked by hand', async () => {
    const rows = (await head.ActivityReport({ from, to, ownerIds: [managerId, borisId] })).activityReport;
    expect(rows).toEqual([
      {
        ownerId: managerId,
        owner: { id: managerId, name: 'Мария Продажина' },
        activities: [
          { type: 'CALL', planned: 2, done: 0, overdue: 1 },
          { type: 'MEETING', planned: 1, done: 1, overdue: 0 },
          { type: 'TASK', planned: 0, done: 0, overdue: 0 },
          { type: 'EMAIL', planned: 0, done: 1, overdue: 0 },
        ],
        planned: 3,
        done: 2,
        overdue: 1,
        newClients: 3,
        dealsWon: 1,
        dealsWonAmount: '100000.00',
        dealsLost: 1,
        dealsLostAmount: '2500.50',
        orders: 1,
        revenue: '200.00',
      },
      {
        ownerId: borisId,
        owner: { id: borisId, name: 'Борис Второй' },
        activities: [
          { type: 'CALL', planned: 1, done: 0, overdue: 1 },
          { type: 'MEETING', planned: 0, done: 0, overdue: 0 },
          { type: 'TASK', planned: 0, done: 0, overdue: 0 },
          { type: 'EMAIL', planned: 0, done: 0, overdue: 0 },
        ],
        planned: 1,
        done: 0,
        overdue: 1,
        newClients: 1,
        dealsWon: 0,
        dealsWonAmount: '0.00',
        dealsLost: 0,
        dealsLostAmount: '0.00',
        orders: 0,
        revenue: '0.00',
      },
    ]);
    // a period of yesterday alone holds only the overdue calls
    const yesterday = world.daysFromToday(-1);
    expect((await head.ActivityReport({ from: yesterday, to: yesterday, ownerIds: [managerId] })).activityReport[0]).toMatchObject({ planned: 1, done: 0, overdue: 1, newClients: 0, dealsWon: 0, orders: 0, revenue: '0.00' });
  });

  it('shows a manager only themselves, a head every sales person unless named, and refuses a period backwards', async () => {
    expect((await manager.ActivityReport({ from, to })).activityReport.map((r) => r.ownerId)).toEqual([managerId]);
    expect((await errorOf(manager.ActivityReport({ from, to, ownerIds: [borisId] }))).code).toBe('FORBIDDEN');
    const marketing = await world.app.as(Role.MARKETING);
    expect((await errorOf(marketing.ActivityReport({ from, to, ownerIds: [managerId] }))).code).toBe('FORBIDDEN');
    const everyone = (await head.ActivityReport({ from, to })).activityReport.map((r) => r.owner.name);
    expect(everyone).toEqual(expect.arrayContaining(['Мария Продажина', 'Борис Второй']));
    const backwards = await errorOf(head.ActivityReport({ from: to, to: from }));
    expect([backwards.code, backwards.fieldErrors.map((e) => [e.field, e.reason])]).toEqual(['BAD_USER_INPUT', [['to', 'NOT_BEFORE']]]);
  });
});
