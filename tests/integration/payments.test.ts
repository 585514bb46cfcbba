import type { TradebookClient } from '@tradebook/client';
import { demoEmail, errorOf, rawRequest, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Incoming payments, settlements, ageing and the reconciliation statement (issue 12 §5), by hand.
 * Given: AUDIT, a SERVICE at VAT 0, so an act of price X owes exactly X; each story has its own client.
 */
describe('incoming payments and settlements', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let audit: string;

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    audit = await world.product('AUDIT', '1.00', '1.00', { kind: 'SERVICE', vatRate: '0' });
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const client = async (name: string) => (await manager.CreateCounterparty({ input: { name } })).createCounterparty.id;
  /** A posted act of `amount` (VAT 0) for the client, dated `date`, due after `terms` days. */
  const act = async (clientId: string, date: string, amount: string, terms = 0) => {
    const draft = (await manager.CreateServiceAct({ input: { date, clientId, paymentTermsDays: terms, lines: [{ productId: audit, quantity: '1', price: amount, vatRate: '0' }] } })).createServiceAct;
    return (await manager.PostServiceAct({ id: draft.id })).postServiceAct;
  };
  const pay = (clientId: string, date: string, amount: string, more: Partial<Parameters<TradebookClient['RegisterPayment']>[0]['input']> = {}) =>
    manager.RegisterPayment({ input: { date, clientId, amount, method: 'BANK', ...more } }).then((r) => r.registerPayment);
  const open = async (clientId: string, asOf?: string) => (await manager.OpenItems({ clientId, asOf })).openItems!.map((i) => [i.number, i.open]);

  it('settles the oldest debts first, partly, keeps the rest as an advance, and a later act consumes it', async () => {
    // given acts A1 1000.00 (2026-02-01, due 02-11) and A2 500.00 (2026-02-10, due 02-20)
    const c = await client('Платёжный');
    const a1 = await act(c, '2026-02-01', '1000', 10);
    const a2 = await act(c, '2026-02-10', '500', 10);

    // when 1200.00 comes on 2026-02-15, then A1 (due first) takes 1000.00 and A2 200.00; 300.00 of A2 stays open
    const p1 = await pay(c, '2026-02-15', '1200');
    expect(p1.number).toMatch(/^PM-2026-\d{6}$/);
    expect([p1.status, p1.amount, p1.advance]).toEqual(['POSTED', '1200.00', '0.00']);
    expect(p1.applications.map((a) => [a.number, a.amount])).toEqual([[a1.number, '1000.00'], [a2.number, '200.00']]);
    expect(await open(c)).toEqual([[a2.number, '300.00']]);

    // when 500.00 comes on 2026-02-20, then A2 takes its last 300.00 and 200.00 stays as an advance
    const p2 = await pay(c, '2026-02-20', '500');
    expect(p2.applications.map((a) => [a.number, a.amount])).toEqual([[a2.number, '300.00']]);
    expect(p2.advance).toBe('200.00');
    expect((await manager.OpenItems({ clientId: c })).openItems).toEqual([
      { documentType: 'IncomingPayment', documentId: p2.id, number: p2.number, date: '2026-02-20', dueDate: null, amount: '-200.00', open: '-200.00', daysOverdue: 0 },
    ]);
    expect((await manager.ClientBalance({ clientId: c })).clientBalance).toMatchObject({ balance: '-200.00', receivable: '0.00', advances: '200.00', overdue: '0.00' });

    // when act A3 of 350.00 is posted on 2026-02-25, then it takes the 200.00 advance and owes 150.00
    const a3 = await act(c, '2026-02-25', '350');
    expect(await open(c)).toEqual([[a3.number, '150.00']]);
    expect((await manager.IncomingPayment({ id: p2.id })).incomingPayment?.advance).toBe('0.00');

    // and the payment whose advance A3 consumed cannot be unposted before A3
    const refused = await errorOf(manager.UnpostIncomingPayment({ id: p2.id }));
    expect([refused.code, (refused.details as { reason: string }).reason]).toEqual(['INVALID_STATE', 'SETTLED']);
    expect(refused.message).toContain(`Service act ${a3.number}`);
    // nor can A1, which a payment settled
    expect((await errorOf(manager.UnpostServiceAct({ id: a1.id }))).message).toContain(`Payment ${p1.number}`);

    // when A3 is unposted, the advance is open again; the payment can then go, and A2 owes its 300.00 again
    await manager.UnpostServiceAct({ id: a3.id });
    expect((await manager.IncomingPayment({ id: p2.id })).incomingPayment?.advance).toBe('200.00');
    await manager.UnpostIncomingPayment({ id: p2.id });
    expect(await open(c)).toEqual([[a2.number, '300.00']]);
  });

  it('settles the debts it is told to, each at most what it owes, and refuses a zero or negative amount on the field', async () => {
    // given B1 100.00 (due 2026-03-01) and B2 80.00 (due 2026-03-05)
    const c = await client('Адресный');
    const b1 = await act(c, '2026-03-01', '100');
    const b2 = await act(c, '2026-03-05', '80');

    // when 120.00 is told to settle 100.00 of B2, then BAD_USER_INPUT on that allocation: B2 owes 80.00
    const over = await errorOf(pay(c, '2026-03-10', '120', { allocations: [{ documentType: 'ServiceAct', documentId: b2.id, amount: '100' }] }));
    expect(over.code).toBe('BAD_USER_INPUT');
    expect((over.details as { fieldErrors: { field: string; reason: string; params: object }[] }).fieldErrors).toMatchObject([{ field: 'allocations.0.amount', reason: 'AT_MOST', params: { max: '80.00' } }]);
    // and nothing was written: no payment, both still open
    expect((await manager.IncomingPayments({ filter: { clientId: c } })).incomingPayments.total).toBe(0);
    expect(await open(c)).toEqual([[b1.number, '100.00'], [b2.number, '80.00']]);

    // when 120.00 settles B2 by 80.00, then B1 (older) keeps its 100.00 and 40.00 is an advance
    const p = await pay(c, '2026-03-10', '120', { allocations: [{ documentType: 'ServiceAct', documentId: b2.id, amount: '80' }] });
    expect(p.applications.map((a) => [a.number, a.amount])).toEqual([[b2.number, '80.00']]);
    expect(p.advance).toBe('40.00');
    expect(await open(c)).toEqual([[b1.number, '100.00'], [p.number, '-40.00']]);

    // and a payment of 0 or less is BAD_USER_INPUT on amount
    for (const amount of ['0', '-5', '0.001']) {
      const error = await errorOf(pay(c, '2026-03-10', amount));
      expect([error.code, Object.keys((error.details as { fields: object }).fields)]).toEqual(['BAD_USER_INPUT', ['amount']]);
    }
  });

  it('registers one payment for the same idempotency key sent 20 times at once', async () => {
    // given a debt of 1000.00
    const c = await client('Повторный');
    await act(c, '2026-04-01', '1000');
    // when the same payment of 250.00 is sent 20 times at once with one key
    const sent = await Promise.allSettled(Array.from({ length: 20 }, () => pay(c, '2026-04-02', '250', { idempotencyKey: 'bank-statement-17/3' })));
    // then every call returns the same payment, and the debt went down once: 1000.00 − 250.00 = 750.00
    const ids = new Set(sent.map((s) => (s.status === 'fulfilled' ? s.value.id : `failed: ${(s.reason as Error).message}`)));
    expect(ids.size).toBe(1);
    expect((await manager.IncomingPayments({ filter: { clientId: c } })).incomingPayments.total).toBe(1);
    expect((await manager.ClientBalance({ clientId: c })).clientBalance?.balance).toBe('750.00');
  });

  it('never settles one debt twice when payments come at once', async () => {
    // given a debt of 1000.00
    const c = await client('Одновременный');
    const debt = await act(c, '2026-04-01', '1000');
    // when two payments of 600.00 are posted at once
    const [x, y] = await Promise.all([pay(c, '2026-04-02', '600'), pay(c, '2026-04-02', '600')]);
    // then the debt took 600.00 from one and 400.00 from the other, whose other 200.00 is an advance
    const applied = [x, y].map((p) => p.applications.map((a) => [a.number, a.amount])).sort((a, b) => String(b[0][1]).localeCompare(String(a[0][1])));
    expect(applied).toEqual([[[debt.number, '600.00']], [[debt.number, '400.00']]]);
    expect([x.advance, y.advance].sort()).toEqual(['0.00', '200.00']);
    expect((await manager.ClientBalance({ clientId: c })).clientBalance).toMatchObject({ balance: '-200.00', receivable: '0.00', advances: '200.00' });
  });

  it('a payment naming an order awaiting prepayment lets it keep its reservation, and stays as an advance until the goods go', async () => {
    // given an order confirmed awaiting prepayment (AUDIT ×1 at RETAIL 1.00: nothing to reserve, the clock still runs)
    const c = await client('Предоплатный');
    const order = (await manager.CreateOrder({ input: { clientId: c, date: world.today, warehouseId: world.w1, lines: [{ productId: audit, quantity: '1' }] } })).createOrder;
    const confirmed = (await manager.ConfirmOrder({ id: order.id, awaitingPrepayment: true })).confirmOrder;
    expect([confirmed.awaitingPrepayment, confirmed.prepaidAt, confirmed.reservationExpiresAt !== null]).toEqual([true, null, true]);
    // when 1.00 is paid for it
    const p = await pay(c, '2026-07-15', '1', { orderId: order.id });
    // then the order is prepaid, its clock stopped, and the money is an advance against the payment (nothing owed yet)
    expect((await manager.Order({ id: order.id })).order).toMatchObject({ prepaidAt: expect.any(String), reservationExpiresAt: null });
    expect([p.orderId, p.advance]).toEqual([order.id, '1.00']);
    await manager.CancelOrder({ id: order.id });
  });

  it('ages receivables by days past the due date on a fixed date, advances apart', async () => {
    // given, as of 2026-06-30 (due = date + terms):
    //   X1 100.00 2026-06-20 + 30 → due 07-20: not due
    //   X2 200.00 2026-06-01 + 10 → due 06-11: 19 days overdue (1–30)
    //   X3 300.00 2026-05-01 → 60 days (31–60: 30 in May after the 1st, 30 in June)
    //   X4 400.00 2026-04-01 → 90 days (61–90: 29 + 31 + 30)
    //   X5 500.00 2026-03-01 → 121 days (over 90)
    //   a payment of 550.00 on 2026-06-25 takes X5 (500.00) and 50.00 of X4 → X4 350.00
    //   X6 999.00 dated 2026-07-05, after the day: not counted
    const c = await client('Стареющий');
    await act(c, '2026-06-20', '100', 30);
    await act(c, '2026-06-01', '200', 10);
    await act(c, '2026-05-01', '300');
    await act(c, '2026-04-01', '400');
    await act(c, '2026-03-01', '500');
    await pay(c, '2026-06-25', '550');
    await act(c, '2026-07-05', '999');
    // and another client with only an advance of 70.00
    const e = await client('Авансовый');
    await pay(e, '2026-06-01', '70');

    // when the ageing is read as of 2026-06-30
    const ageing = async (clientId: string) => (await manager.ReceivablesAgeing({ asOf: '2026-06-30', filter: { clientId } })).receivablesAgeing;
    const mine = await ageing(c);
    // then 100.00 not due, 200.00 1–30, 300.00 31–60, 350.00 61–90, nothing over 90; 950.00 in all
    expect(mine.items).toEqual([{ client: { id: c, name: 'Стареющий' }, notDue: '100.00', overdue1to30: '200.00', overdue31to60: '300.00', overdue61to90: '350.00', overdueOver90: '0.00', receivable: '950.00', advances: '0.00', balance: '950.00' }]);
    expect(mine.total).toBe(1);
    // and the advance is shown apart
    expect((await ageing(e)).items[0]).toMatchObject({ receivable: '0.00', advances: '70.00', balance: '-70.00' });
    // and as of 2026-06-24, before the payment, X5 is 115 days over and X4 84 days: 500.00 over 90, 400.00 61–90
    expect((await manager.ReceivablesAgeing({ asOf: '2026-06-24', filter: { clientId: c } })).receivablesAgeing.items[0]).toMatchObject({ notDue: '100.00', overdue1to30: '200.00', overdue31to60: '300.00', overdue61to90: '400.00', overdueOver90: '500.00' });
    // and over every client of the manager, the largest balance first, with the totals: the stories above left
    //   "Стареющий" 950.00; "Повторный" 750.00 due 04-01 (61–90); "Платёжный" A2's 300.00 due 02-20 (130 days, over 90);
    //   "Адресный" B1's 100.00 due 03-01 (over 90) less a 40.00 advance; "Авансовый" the 70.00 advance
    const all = (await manager.ReceivablesAgeing({ asOf: '2026-06-30' })).receivablesAgeing;
    //   and "Одновременный" a 200.00 advance ("Предоплатный" paid on 2026-07-15: not yet)
    expect(all.items.map((i) => [i.client?.name, i.balance])).toEqual([['Стареющий', '950.00'], ['Повторный', '750.00'], ['Платёжный', '300.00'], ['Адресный', '60.00'], ['Авансовый', '-70.00'], ['Одновременный', '-200.00']]);
    expect(all.totals).toEqual({ notDue: '100.00', overdue1to30: '200.00', overdue31to60: '300.00', overdue61to90: '1100.00', overdueOver90: '400.00', receivable: '2100.00', advances: '310.00', balance: '1790.00' });
    expect(all.total).toBe(6);
  });

  it('states the reconciliation across a month boundary: opening from the month totals, every document, closing', async () => {
    // given R1 1000.00 on 2026-01-20, 400.00 paid on 01-25, R2 600.00 on 02-05, 300.00 paid on 02-10, R3 50.00 on 03-01
    const c = await client('Сверочный');
    const r1 = await act(c, '2026-01-20', '1000');
    const p1 = await pay(c, '2026-01-25', '400');
    const r2 = await act(c, '2026-02-05', '600');
    const p2 = await pay(c, '2026-02-10', '300');
    await act(c, '2026-03-01', '50');

    // when stated for 2026-01-22 … 2026-02-28
    const statement = (await manager.ReconciliationStatement({ clientId: c, from: '2026-01-22', to: '2026-02-28' })).reconciliationStatement!;
    // then it opens with R1's 1000.00 (a partial January), lists the three documents, and closes at 1000 − 400 + 600 − 300 = 900.00
    expect(statement.opening).toBe('1000.00');
    expect(statement.lines.map((l) => [l.date, l.number, l.debit, l.credit])).toEqual([
      ['2026-01-25', p1.number, '0.00', '400.00'],
      ['2026-02-05', r2.number, '600.00', '0.00'],
      ['2026-02-10', p2.number, '0.00', '300.00'],
    ]);
    expect([statement.debit, statement.credit, statement.closing]).toEqual(['600.00', '700.00', '900.00']);
    expect(r1.number).not.toBe(r2.number);

    // and for February alone it opens with January's closing, 1000 − 400 = 600.00, and closes at 900.00 too
    const february = (await manager.ReconciliationStatement({ clientId: c, from: '2026-02-01', to: '2026-02-28' })).reconciliationStatement!;
    expect([february.opening, february.lines.length, february.closing]).toEqual(['600.00', 2, '900.00']);
    // and March closes at 950.00
    expect((await manager.ReconciliationStatement({ clientId: c, from: '2026-03-01', to: '2026-03-31' })).reconciliationStatement).toMatchObject({ opening: '900.00', debit: '50.00', closing: '950.00' });
  });

  it('shows a partner its own balance, acts and payments, and nothing of another client', async () => {
    // given the partner's client "Дилер Восток" (the demo manager's) owing 300.00 less 120.00 paid, and another client's payment
    const partner = await app.as(Role.PARTNER);
    const own = (await manager.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0].id;
    const a = await act(own, '2026-05-01', '300', 30);
    const paid = await pay(own, '2026-05-10', '120');
    const other = await client('Сосед');
    const theirs = await pay(other, '2026-05-10', '55');

    // then the partner reads its balance, its act and its payment with what it settled
    expect((await partner.ClientBalance({ clientId: own })).clientBalance).toMatchObject({ balance: '180.00', receivable: '180.00', advances: '0.00' });
    expect((await partner.ServiceActs({})).serviceActs.items.map((i) => i.number)).toEqual([a.number]);
    expect((await partner.IncomingPayments({})).incomingPayments.items.map((i) => i.number)).toEqual([paid.number]);
    expect((await partner.IncomingPayment({ id: paid.id })).incomingPayment?.applications.map((x) => [x.number, x.amount])).toEqual([[a.number, '120.00']]);
    // and nothing of the other client: null, absent
    expect((await partner.ClientBalance({ clientId: other })).clientBalance).toBeNull();
    expect((await partner.OpenItems({ clientId: other })).openItems).toBeNull();
    expect((await partner.ReconciliationStatement({ clientId: other, from: '2026-05-01', to: '2026-05-31' })).reconciliationStatement).toBeNull();
    expect((await partner.IncomingPayment({ id: theirs.id })).incomingPayment).toBeNull();
    expect((await partner.ReceivablesAgeing({ asOf: '2026-05-31' })).receivablesAgeing.items.map((i) => i.client?.id)).toEqual([own]);
    // and it may not register payments
    expect((await errorOf(partner.RegisterPayment({ input: { date: '2026-05-10', clientId: own, amount: '1', method: 'BANK' } }))).code).toBe('FORBIDDEN');
  });

  it('reads 2 or 6 payments and acts with their clients, lines, allocations, applications and advances in the same statements', async () => {
    const { token } = await app.login(demoEmail(Role.ADMIN));
    const read = (query: string) => rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${token}` });
    const payments = (n: number) => `{ incomingPayments(perPage: ${n}) { items { number client { name } allocations { amount } applications { number amount } advance } } }`;
    const acts = (n: number) => `{ serviceActs(perPage: ${n}) { items { number client { name } dueDate lines { product { sku } total } } } }`;
    for (const query of [payments, acts]) {
      await read(query(1)); // warm up
      const two = await app.countStatements(() => read(query(2)));
      let six: Awaited<ReturnType<typeof read>> | undefined;
      const more = await app.countStatements(async () => void (six = await read(query(6))));
      expect(six!.json?.errors).toBeUndefined();
      expect(Object.values(six!.json!.data as Record<string, { items: unknown[] }>)[0].items).toHaveLength(6);
      expect(more).toBe(two);
    }
  });
});
