import type { TradebookClient } from '@tradebook/client';
import { systemContext } from '../../api/src/server/context';
import { inTransaction } from '../../api/src/shared/transaction';
import { errorOf, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';
import { settle } from '../support/subscriptions';

/*
 * Orders awaiting prepayment (issue 12, item 2): confirming with awaitingPrepayment creates, in the
 * confirming transaction, a pg-boss job that releases the reservation after
 * salesSettings.prepaymentReservationHours unless the order was paid or cancelled by then.
 * Here the setting is 0.0005 h = 1.8 s and the real queue polls every 0.5 s.
 */
describe('orders awaiting prepayment release their reservation after the configured time', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let valve: string;

  beforeAll(async () => {
    world = await startSalesWorld({ JOBS_POLL_SECONDS: '0.5' });
    ({ app, admin, manager } = world);
    valve = await world.product('VALVE', '100.00', '80.00');
    await world.receive(world.w1, valve, '10');
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const draft = async (quantity: string) =>
    (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: valve, quantity }] } })).createOrder;
  const reserved = async (id: string) => {
    const order = (await manager.Order({ id })).order!;
    return [order.status, order.lines[0].reserved, order.lines[0].backordered, order.reservationExpiresAt === null];
  };
  const available = async () => (await admin.Availability({ productIds: [valve], warehouseIds: [world.w1] })).availability[0].available;

  it('refuses a time that is not more than 0 hours, or more than a year, on the field', async () => {
    for (const hours of ['0', '-1', '8761']) {
      const error = await errorOf(admin.UpdateSalesSettings({ input: { prepaymentReservationHours: hours } }));
      expect([error.code, Object.keys(error.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['prepaymentReservationHours']]);
    }
    // the default is 72 hours, and the priority is kept when only the hours are sent
    expect((await admin.SalesSettings()).salesSettings).toEqual({ reservationPriority: [], prepaymentReservationHours: '72', overdueBlockDays: null });
  });

  it('an unpaid order gives its goods back when the time is up; a paid one and an ordinary one keep theirs', async () => {
    // given 7.2 seconds to pay (room for three confirmations on a busy machine before the first check), and 10 VALVE at W1
    expect((await admin.UpdateSalesSettings({ input: { prepaymentReservationHours: '0.002' } })).updateSalesSettings.prepaymentReservationHours).toBe('0.002');

    // when three orders are confirmed: UNPAID (4, awaiting prepayment), PAID (3, awaiting, then paid) and PLAIN (2)
    const unpaid = (await manager.ConfirmOrder({ id: (await draft('4')).id, awaitingPrepayment: true })).confirmOrder;
    const paid = (await manager.ConfirmOrder({ id: (await draft('3')).id, awaitingPrepayment: true })).confirmOrder;
    const plain = (await manager.ConfirmOrder({ id: (await draft('2')).id })).confirmOrder;
    // (the payments slice sets prepaidAt through this service in its own transaction)
    await inTransaction(app.orm.em.fork(), (em) => app.services.orderPrepayments.recordPrepayment(systemContext(em, app.services), paid.id));

    // then at first all three hold their goods: 10 − 4 − 3 − 2 = 1 available; the unpaid one shows when it expires (7.2 s after it reserved, a moment after confirmedAt)
    expect([unpaid.awaitingPrepayment, unpaid.lines[0].reserved, unpaid.reservationExpiresAt !== null]).toEqual([true, '4', true]);
    const expiresIn = Date.parse(unpaid.reservationExpiresAt!) - Date.parse(unpaid.confirmedAt!);
    expect(expiresIn >= 7200 && expiresIn < 7900).toBe(true);
    expect(await available()).toBe('1');

    // and once the time is up, the unpaid order releases its 4 (still CONFIRMED, waiting for nothing): 1 + 4 = 5 available
    for (const started = Date.now(); (await reserved(unpaid.id))[1] !== '0' && Date.now() - started < 30_000; ) await settle(200);
    expect(await reserved(unpaid.id)).toEqual(['CONFIRMED', '0', '0', true]);
    expect(await reserved(paid.id)).toEqual(['CONFIRMED', '3', '0', true]);
    expect(await reserved(plain.id)).toEqual(['CONFIRMED', '2', '0', true]);
    expect(await available()).toBe('5');

    // and reserving it again starts a new clock, which runs out the same way
    const again = (await manager.ReserveOrder({ id: unpaid.id })).reserveOrder;
    expect([again.lines[0].reserved, again.reservationExpiresAt !== null]).toEqual(['4', true]);
    for (const started = Date.now(); (await reserved(unpaid.id))[1] !== '0' && Date.now() - started < 30_000; ) await settle(200);
    expect(await reserved(unpaid.id)).toEqual(['CONFIRMED', '0', '0', true]);
  });

  it('a job whose order was cancelled or released meanwhile does nothing', async () => {
    // given 1.8 seconds to pay; CANCELLED (2, awaiting) is cancelled and RELEASED (1, awaiting) is released by hand
    await admin.UpdateSalesSettings({ input: { prepaymentReservationHours: '0.0005' } });
    const cancelled = (await manager.ConfirmOrder({ id: (await draft('2')).id, awaitingPrepayment: true })).confirmOrder;
    const released = (await manager.ConfirmOrder({ id: (await draft('1')).id, awaitingPrepayment: true })).confirmOrder;
    await manager.CancelOrder({ id: cancelled.id });
    expect((await manager.ReleaseOrder({ id: released.id })).releaseOrder.reservationExpiresAt).toBeNull();
    const before = await available();

    // when their time has passed
    await settle(3500);

    // then nothing was released twice and nothing changed: the cancelled order holds nothing, the released one holds nothing
    expect(await reserved(cancelled.id)).toEqual(['CANCELLED', '0', '0', true]);
    expect(await reserved(released.id)).toEqual(['CONFIRMED', '0', '0', true]);
    expect(await available()).toBe(before);
  });
});
