import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Credit control (issue 12 §6), by hand. Given: GADGET (goods, VAT 22) WHOLESALE 1000.00 (VAT on top), 100 in W1;
 *   AUDIT, a SERVICE at VAT 0; the wholesale client "Оптовик" with a credit limit of 10000.00 and 21 days to pay.
 */
describe('credit control', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let head: TradebookClient;
  const p: Record<string, string> = {};

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    head = await app.as(Role.SALES_HEAD);
    p.GADGET = await world.product('GADGET', '1220.00', '1000.00');
    p.AUDIT = await world.product('AUDIT', '1.00', '1.00', { kind: 'SERVICE', vatRate: '0' });
    await world.receive(world.w1, p.GADGET, '100', '500');
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const terms = async (client: TradebookClient, id: string, input: { creditLimit?: string | null; paymentTermsDays?: number }) => {
    const { version } = (await admin.ClientCreditTerms({ id })).counterparty!;
    return (await client.SetClientCreditTerms({ id, input: { version, ...input } })).updateCounterparty;
  };
  const order = async (clientId: string, quantity: string) => (await manager.CreateOrder({ input: { clientId, date: world.today, warehouseId: world.w1, lines: [{ productId: p.GADGET, quantity }] } })).createOrder;
  const act = async (clientId: string, date: string, amount: string, paymentTermsDays: number) => {
    const draft = (await manager.CreateServiceAct({ input: { date, clientId, paymentTermsDays, lines: [{ productId: p.AUDIT, quantity: '1', price: amount, vatRate: '0' }] } })).createServiceAct;
    return (await manager.PostServiceAct({ id: draft.id })).postServiceAct;
  };

  it('sets the credit limit only with credit:update, and an order takes the client\'s payment terms', async () => {
    // when the manager tries to lift the limit of their own client, then FORBIDDEN
    expect((await errorOf(terms(manager, world.wholesaleClient, { creditLimit: '1000000' }))).code).toBe('FORBIDDEN');
    // and a negative limit is BAD_USER_INPUT on it
    expect(Object.keys(((await errorOf(terms(admin, world.wholesaleClient, { creditLimit: '-1' }))).details as { fields: object }).fields)).toEqual(['creditLimit']);
    // when the head of sales sets 10000.00 and 21 days (the manager may set the days alone)
    expect(await terms(head, world.wholesaleClient, { creditLimit: '10000' })).toMatchObject({ creditLimit: '10000.00' });
    expect(await terms(manager, world.wholesaleClient, { paymentTermsDays: 21 })).toMatchObject({ creditLimit: '10000.00', paymentTermsDays: 21 });
    // then a new order of the client is paid in 21 days unless it says otherwise
    const o = await order(world.wholesaleClient, '1');
    expect(o.paymentTermsDays).toBe(21);
    await manager.DeleteOrder({ id: o.id });
  });

  it('refuses an order past the limit with the numbers, and lets a head of sales through with a reason in the audit log', async () => {
    // given an act of 3000.00 the client owes (not due yet) and a confirmed order of GADGET ×4: 4000.00 + VAT 880.00 = 4880.00
    await act(world.wholesaleClient, world.today, '3000', 30);
    const first = (await manager.ConfirmOrder({ id: (await order(world.wholesaleClient, '4')).id })).confirmOrder;
    expect(first).toMatchObject({ status: 'CONFIRMED', total: '4880.00' });

    // when an order of GADGET ×2 (2000.00 + 440.00 = 2440.00) is confirmed: 3000.00 + 4880.00 + 2440.00 = 10320.00 > 10000.00
    const second = await order(world.wholesaleClient, '2');
    const refused = await errorOf(manager.ConfirmOrder({ id: second.id }));
    // then CREDIT_LIMIT_EXCEEDED with every number, and the order stays a draft holding nothing
    expect(refused.code).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(refused.details).toMatchObject({ clientId: world.wholesaleClient, limit: '10000.00', receivable: '3000.00', openOrders: '4880.00', order: '2440.00', exposure: '10320.00', reasons: ['CREDIT_LIMIT'] });
    expect((await manager.Order({ id: second.id })).order?.lines.map((l) => [l.reserved])).toEqual([['0']]);
    expect((await manager.Order({ id: second.id })).order?.status).toBe('DRAFT');

    // and a manager cannot override it
    expect((await errorOf(manager.ConfirmOrder({ id: second.id, creditOverride: { reason: 'свой клиент' } }))).code).toBe('FORBIDDEN');

    // when the head of sales confirms it with a reason, then it goes through
    const passed = (await head.ConfirmOrder({ id: second.id, creditOverride: { reason: 'Гарантийное письмо от 01.12' } })).confirmOrder;
    expect([passed.status, passed.lines[0].reserved]).toEqual(['CONFIRMED', '2']);
    // and the audit log keeps who, why and the numbers passed
    const headId = (await head.Me()).me.id;
    const entries = (await admin.AuditEntries({ filter: { entity: 'CreditOverride' } })).auditEntries.items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'CREATE', userId: headId });
    expect(entries[0].changes).toMatchObject({ orderId: { after: second.id }, reason: { after: 'Гарантийное письмо от 01.12' }, figures: { after: { limit: '10000.00', exposure: '10320.00' } } });

    // and shipping the act's worth of goods is not the question here: once the first order is cancelled, 3000.00 + 2440.00 + 2440.00 fits
    await manager.CancelOrder({ id: first.id });
    const third = (await manager.ConfirmOrder({ id: (await order(world.wholesaleClient, '2')).id })).confirmOrder;
    expect(third.status).toBe('CONFIRMED');
    await manager.CancelOrder({ id: third.id });
    await manager.CancelOrder({ id: second.id });
  });

  it('refuses an order of a client with debt overdue past the configured days', async () => {
    // given a client without a limit, an act dated 20 days ago due in 10 (10 days overdue), and a block past 5 days
    const c = (await manager.CreateCounterparty({ input: { name: 'Должник' } })).createCounterparty.id;
    await act(c, world.daysFromToday(-20), '700', 10);
    const { salesSettings } = await admin.SalesSettings();
    await admin.UpdateSalesSettings({ input: { reservationPriority: salesSettings.reservationPriority, overdueBlockDays: 5 } });
    try {
      // when its order is confirmed, then CREDIT_LIMIT_EXCEEDED for the overdue 700.00, 10 days past due
      const o = await order(c, '1');
      const refused = await errorOf(manager.ConfirmOrder({ id: o.id }));
      expect(refused.code).toBe('CREDIT_LIMIT_EXCEEDED');
      expect(refused.details).toMatchObject({ limit: null, receivable: '700.00', overdue: { amount: '700.00', days: 10, blockDays: 5 }, reasons: ['OVERDUE_DEBT'] });

      // when the block is 10 days, then 10 days overdue is not more than that, and it goes through
      await admin.UpdateSalesSettings({ input: { reservationPriority: salesSettings.reservationPriority, overdueBlockDays: 10 } });
      expect((await admin.SalesSettings()).salesSettings.overdueBlockDays).toBe(10);
      expect((await manager.ConfirmOrder({ id: o.id })).confirmOrder.status).toBe('CONFIRMED');
      await manager.CancelOrder({ id: o.id });
    } finally {
      await admin.UpdateSalesSettings({ input: { reservationPriority: salesSettings.reservationPriority, overdueBlockDays: null } });
    }
  });
});
