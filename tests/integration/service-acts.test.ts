import type { TradebookClient } from '@tradebook/client';
import { demoEmail, errorOf, Role, type TestApp } from '../support/harness';
import { fetchPrint, pdfPages } from '../support/pdf-text';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Service acts and invoices for payment (issue 12 §4, §5), every figure worked out by hand.
 * Given: MOUNT (a SERVICE, VAT 22) RETAIL 1220.00 / WHOLESALE 1000.00, CONSULT (a SERVICE, VAT 10),
 *   DRILL (goods, VAT 22) RETAIL 12000.00; the wholesale client "Оптовик" pays in 10 days.
 */
describe('service acts and invoices', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  const p: Record<string, string> = {};

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    p.MOUNT = await world.product('MOUNT', '1220.00', '1000.00', { kind: 'SERVICE' });
    p.CONSULT = await world.product('CONSULT', '500.00', '400.00', { kind: 'SERVICE', vatRate: '10' });
    p.DRILL = await world.product('DRILL', '12000.00', '9000.00');
    await world.receive(world.w1, p.DRILL, '5', '8000');
    const terms = (await admin.ClientCreditTerms({ id: world.wholesaleClient })).counterparty!;
    await admin.SetClientCreditTerms({ id: world.wholesaleClient, input: { version: terms.version, paymentTermsDays: 10 } });
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const sql = <T>(query: string, params: unknown[]) => app.orm.em.getConnection().execute<T[]>(query, params);

  it('posts a standalone act to the sales register, the receivable and the sales VAT book, and takes it all back', async () => {
    // given a draft for "Оптовик" dated 2026-03-02, prices without VAT:
    //   MOUNT 2 × 1000.00 = 2000.00, VAT 22 % 440.00, total 2440.00
    //   CONSULT 3 × 333.33 = 999.99, VAT 10 % 99.999 → 100.00, total 1099.99
    const draft = (
      await manager.CreateServiceAct({
        input: { date: '2026-03-02', clientId: world.wholesaleClient, lines: [{ productId: p.MOUNT, quantity: '2', price: '1000' }, { productId: p.CONSULT, quantity: '3', price: '333.33' }] },
      })
    ).createServiceAct;
    // then it is numbered SA-2026-…, due in the client's 10 days (2026-03-12), totals 2999.99 + 540.00 = 3539.99
    expect(draft.number).toMatch(/^SA-2026-\d{6}$/);
    expect([draft.status, draft.paymentTermsDays, draft.dueDate, draft.amount, draft.vat, draft.total]).toEqual(['DRAFT', 10, '2026-03-12', '2999.99', '540.00', '3539.99']);
    expect(draft.lines.map((l) => [l.product.sku, l.quantity, l.price, l.vatRate, l.amount, l.vat, l.total])).toEqual([
      ['MOUNT', '2', '1000.00', '22', '2000.00', '440.00', '2440.00'],
      ['CONSULT', '3', '333.33', '10', '999.99', '100.00', '1099.99'],
    ]);

    // when posted
    const act = (await manager.PostServiceAct({ id: draft.id })).postServiceAct;
    expect(act.status).toBe('POSTED');

    // then the client owes 3539.99 on it, due 2026-03-12, not yet overdue on 2026-03-05
    expect((await manager.OpenItems({ clientId: world.wholesaleClient, asOf: '2026-03-05' })).openItems).toEqual([
      { documentType: 'ServiceAct', documentId: act.id, number: act.number, date: '2026-03-02', dueDate: '2026-03-12', amount: '3539.99', open: '3539.99', daysOverdue: 0 },
    ]);
    // and on 2026-03-20 it is 8 days past due
    expect((await manager.OpenItems({ clientId: world.wholesaleClient, asOf: '2026-03-20' })).openItems?.[0].daysOverdue).toBe(8);
    // and the sales register has one SALE per line: no warehouse, cost 0, revenue without VAT
    expect(await sql(`select product_id, warehouse_id, quantity::text, revenue::text, vat::text, cost::text, kind from sales_register where recorder_id = ? order by recorder_line`, [act.id])).toEqual([
      { product_id: p.MOUNT, warehouse_id: null, quantity: '2.000', revenue: '2000.0000', vat: '440.0000', cost: '0.0000', kind: 'SALE' },
      { product_id: p.CONSULT, warehouse_id: null, quantity: '3.000', revenue: '999.9900', vat: '100.0000', cost: '0.0000', kind: 'SALE' },
    ]);
    // and the sales VAT book one row per rate, ascending: 10 % 999.99 + 100.00; 22 % 2000.00 + 440.00
    expect(await sql(`select rate::text, amount::text, vat::text from sales_vat_book where recorder_id = ? order by recorder_line`, [act.id])).toEqual([
      { rate: '10.00', amount: '999.9900', vat: '100.0000' },
      { rate: '22.00', amount: '2000.0000', vat: '440.0000' },
    ]);
    // and no stock moved
    expect(await sql(`select count(*)::int as n from stock_movement where recorder_id = ?`, [act.id])).toEqual([{ n: 0 }]);

    // when unposted, then the receivable, the sales and the VAT book rows are gone
    await manager.UnpostServiceAct({ id: act.id });
    expect((await manager.OpenItems({ clientId: world.wholesaleClient, asOf: '2026-03-05' })).openItems).toEqual([]);
    expect(await sql(`select count(*)::int as n from sales_register where recorder_id = ?`, [act.id])).toEqual([{ n: 0 }]);
    await manager.DeleteServiceAct({ id: act.id });
  });

  it('edits a draft: VAT moved into the prices prices the lines again; a posted act is not edited', async () => {
    // given a draft of MOUNT 1 × 1220.00, VAT on top: 1220.00 + 268.40 = 1488.40
    const draft = (await manager.CreateServiceAct({ input: { date: '2026-03-02', clientId: world.wholesaleClient, lines: [{ productId: p.MOUNT, quantity: '1', price: '1220' }] } })).createServiceAct;
    expect([draft.amount, draft.vat, draft.total]).toEqual(['1220.00', '268.40', '1488.40']);
    // when the prices are said to include VAT, then 1220.00 holds 1220 × 22 / 122 = 220.00 of VAT
    const edited = (await manager.UpdateServiceAct({ id: draft.id, input: { version: draft.version, vatIncluded: true, paymentTermsDays: 5 } })).updateServiceAct;
    expect([edited.vatIncluded, edited.amount, edited.vat, edited.total, edited.dueDate]).toEqual([true, '1220.00', '220.00', '1220.00', '2026-03-07']);
    // and a stale version is a CONFLICT; once posted, an edit is INVALID_STATE
    expect((await errorOf(manager.UpdateServiceAct({ id: draft.id, input: { version: draft.version, comment: 'x' } }))).code).toBe('CONFLICT');
    await manager.PostServiceAct({ id: draft.id });
    expect((await errorOf(manager.UpdateServiceAct({ id: draft.id, input: { version: edited.version + 1, comment: 'x' } }))).code).toBe('INVALID_STATE');
    await manager.CancelServiceAct({ id: draft.id });
    expect((await manager.OpenItems({ clientId: world.wholesaleClient })).openItems).toEqual([]);
  });

  it('refuses a goods line on the line, and bad quantities and prices on theirs', async () => {
    const fieldsOf = async (lines: { productId: string; quantity: string; price: string }[]) => {
      const error = await errorOf(manager.CreateServiceAct({ input: { date: '2026-03-02', clientId: world.wholesaleClient, lines } }));
      expect(error.code).toBe('BAD_USER_INPUT');
      return (error.details as { fieldErrors: { field: string; reason: string }[] }).fieldErrors.map((f) => [f.field, f.reason]);
    };
    expect(await fieldsOf([{ productId: p.MOUNT, quantity: '1', price: '1' }, { productId: p.DRILL, quantity: '1', price: '1' }])).toEqual([['lines.1.productId', 'NOT_A_SERVICE']]);
    expect(await fieldsOf([{ productId: p.MOUNT, quantity: '0', price: '1' }])).toEqual([['lines.0.quantity', 'GREATER_THAN']]);
    expect(await fieldsOf([{ productId: p.MOUNT, quantity: '1', price: '-1' }])).toEqual([['lines.0.price', 'NEGATIVE']]);
  });

  it('acts the services of an order at their frozen prices, due after the order\'s terms, and bills the whole order in an invoice', async () => {
    // given a confirmed RETAIL order (VAT in the price) of MOUNT ×2 (1220.00 × 2 = 2440.00, VAT 2440 × 22 / 122 = 440.00) and DRILL ×1
    //   (12000.00, VAT 12000 × 22 / 122 = 2163.934… → 2163.93), paid in 14 days; a service line reserves nothing
    const order = (
      await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, paymentTermsDays: 14, lines: [{ productId: p.MOUNT, quantity: '2' }, { productId: p.DRILL, quantity: '1' }] } })
    ).createOrder;
    const confirmed = (await manager.ConfirmOrder({ id: order.id })).confirmOrder;
    expect(confirmed.lines.map((l) => [l.product.sku, l.total, l.vat, l.reserved])).toEqual([
      ['MOUNT', '2440.00', '440.00', '0'],
      ['DRILL', '12000.00', '2163.93', '1'],
    ]);

    // when an act is made from it
    const act = (await manager.CreateServiceActFromOrder({ orderId: order.id })).createServiceActFromOrder;

    // then it holds the service line only, at the frozen price, VAT included, due today + 14
    expect([act.orderId, act.client.id, act.vatIncluded, act.paymentTermsDays, act.dueDate, act.amount, act.vat, act.total]).toEqual([order.id, world.retailClient, true, 14, world.daysFromToday(14), '2440.00', '440.00', '2440.00']);
    expect(act.lines.map((l) => [l.product.sku, l.quantity, l.price, l.amount, l.vat, l.total, l.discount])).toEqual([['MOUNT', '2', '1220.00', '2440.00', '440.00', '2440.00', '0.00']]);
    // and a second act finds nothing left to act (the draft holds both)
    expect((await errorOf(manager.CreateServiceActFromOrder({ orderId: order.id }))).code).toBe('INVALID_STATE');

    // when posted, then its sale names the order and the manager, revenue 2440.00 − 440.00 = 2000.00
    await manager.PostServiceAct({ id: act.id });
    const managerId = (await manager.Me()).me.id;
    expect(await sql(`select order_id, manager_id, revenue::text, vat::text from sales_register where recorder_id = ?`, [act.id])).toEqual([{ order_id: order.id, manager_id: managerId, revenue: '2000.0000', vat: '440.0000' }]);
    expect((await manager.OpenItems({ clientId: world.retailClient })).openItems?.map((i) => [i.number, i.open, i.dueDate])).toEqual([[act.number, '2440.00', world.daysFromToday(14)]]);
    // and the order has its services done, its drill still to ship: PARTIALLY_SHIPPED
    expect((await manager.Order({ id: order.id })).order?.status).toBe('PARTIALLY_SHIPPED');
    // when what is left of it ships (the drill only: a service is acted, not shipped), then it is SHIPPED
    const shipment = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder;
    expect(shipment.lines.map((l) => [l.product.sku, l.quantity])).toEqual([['DRILL', '1']]);
    await manager.PostShipment({ id: shipment.id });
    expect((await manager.Order({ id: order.id })).order?.status).toBe('SHIPPED');

    // when an invoice is made from the order, then it copies every line and the totals: 2440.00 + 12000.00 = 14440.00, VAT 440.00 + 2163.93 = 2603.93
    const invoice = (await manager.CreateInvoiceFromOrder({ orderId: order.id })).createInvoiceFromOrder;
    expect(invoice.number).toMatch(new RegExp(`^IN-${world.today.slice(0, 4)}-\\d{6}$`));
    expect([invoice.orderId, invoice.payUntil, invoice.amount, invoice.vat, invoice.total]).toEqual([order.id, world.daysFromToday(14), '14440.00', '2603.93', '14440.00']);
    expect(invoice.lines.map((l) => [l.product.sku, l.quantity, l.price, l.total])).toEqual([
      ['MOUNT', '2', '1220.00', '2440.00'],
      ['DRILL', '1', '12000.00', '12000.00'],
    ]);
    // and posting issues it without a register row
    expect((await manager.PostInvoice({ id: invoice.id })).postInvoice.status).toBe('POSTED');
    expect(await sql(`select (select count(*) from client_settlement where recorder_id = ?)::int + (select count(*) from sales_register where recorder_id = ?)::int as n`, [invoice.id, invoice.id])).toEqual([{ n: 0 }]);
    expect((await manager.Invoices({ filter: { orderId: order.id } })).invoices.items.map((i) => i.number)).toEqual([invoice.number]);

    // and a draft order bills nothing yet
    const draftOrder = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: p.MOUNT, quantity: '1' }] } })).createOrder;
    expect((await errorOf(manager.CreateServiceActFromOrder({ orderId: draftOrder.id }))).code).toBe('INVALID_STATE');
    await manager.DeleteOrder({ id: draftOrder.id });
  });

  it('hides another manager\'s client and its acts: NOT_FOUND, null, absent', async () => {
    // given a client the demo manager neither owns nor works with, and a posted act for it
    const stranger = (await admin.CreateCounterparty({ input: { name: 'Чужой клиент', ownerId: null } })).createCounterparty.id;
    const act = (await admin.CreateServiceAct({ input: { date: '2026-03-02', clientId: stranger, lines: [{ productId: p.MOUNT, quantity: '1', price: '100' }] } })).createServiceAct;
    await admin.PostServiceAct({ id: act.id });
    // then the manager sees none of it
    expect((await manager.ServiceAct({ id: act.id })).serviceAct).toBeNull();
    expect((await manager.ServiceActs({ filter: { clientId: stranger } })).serviceActs.total).toBe(0);
    expect((await errorOf(manager.UnpostServiceAct({ id: act.id }))).code).toBe('NOT_FOUND');
    expect((await manager.ClientBalance({ clientId: stranger })).clientBalance).toBeNull();
    expect((await errorOf(manager.CreateServiceAct({ input: { date: '2026-03-02', clientId: stranger, lines: [{ productId: p.MOUNT, quantity: '1', price: '1' }] } }))).code).toBe('BAD_USER_INPUT');
    await admin.UnpostServiceAct({ id: act.id });
  });

  it('keeps a unit from counting more coarsely than the acts and invoices hold', async () => {
    // given hours counted to 0.01 and a draft act of 1.25 h of SUPPORT
    const { createUnit: hours } = await admin.CreateUnit({ input: { code: 'h', name: 'час', precision: 2 } });
    const support = await world.product('SUPPORT', '100.00', '100.00', { kind: 'SERVICE', unitId: hours.id });
    const draft = (await manager.CreateServiceAct({ input: { date: '2026-03-02', clientId: world.wholesaleClient, lines: [{ productId: support, quantity: '1.25', price: '100' }] } })).createServiceAct;
    // when hours would be counted to 0.1, then refused: one line of one product holds more places
    const refused = await errorOf(admin.UpdateUnit({ id: hours.id, input: { version: hours.version, precision: 1 } }));
    expect(refused.fieldErrors[0].params).toEqual({ places: 1, lines: 1, products: 1, unit: 'h' });
    await manager.DeleteServiceAct({ id: draft.id });
  });

  it('prints an act of services and an invoice for payment; another client\'s partner gets 404', async () => {
    // given a posted act: MOUNT 2 × 1000.00 + 22 % (440.00), CONSULT 3 × 333.33 + 10 % (100.00): 3539.99 in all, and an invoice of the same lines
    const lines = [{ productId: p.MOUNT, quantity: '2', price: '1000' }, { productId: p.CONSULT, quantity: '3', price: '333.33' }];
    const act = (await manager.CreateServiceAct({ input: { date: '2026-03-02', clientId: world.wholesaleClient, lines } })).createServiceAct;
    await manager.PostServiceAct({ id: act.id });
    const invoice = (await manager.CreateInvoice({ input: { date: '2026-03-01', clientId: world.wholesaleClient, lines } })).createInvoice;
    expect([invoice.amount, invoice.vat, invoice.total]).toEqual(['2999.99', '540.00', '3539.99']);
    const token = (await app.login(demoEmail(Role.SALES_MANAGER))).token;
    const print = async (path: string) => {
      const res = await fetchPrint(`${app.url}${path}`, token);
      expect([res.status, res.type]).toEqual([200, 'application/pdf']);
      return (await pdfPages(res.body)).join('\n');
    };
    // when the act is printed, then its lines without VAT, the count, the total and the sum in words
    const actText = await print(`/print/service-act/${act.id}.pdf?form=act`);
    expect(actText).toContain(act.number);
    expect(actText).toContain('1 MOUNT 2 штука 1 000,00 22 % 2 000,00');
    expect(actText).toContain('2 CONSULT 3 штука 333,33 10 % 999,99');
    expect(actText).toContain('Всего оказано услуг 2, на сумму 3 539,99 руб.');
    expect(actText).toContain('Три тысячи пятьсот тридцать девять рублей 99 копеек');
    // and the invoice
    const invoiceText = await print(`/print/invoice/${invoice.id}.pdf?form=invoice`);
    expect(invoiceText).toContain(`Счёт на оплату № ${invoice.number} от 01.03.2026`);
    expect(invoiceText).toContain('Всего к оплате: 3 539,99 руб.');
    // and the partner of another client finds neither
    const partner = (await app.login(demoEmail(Role.PARTNER))).token;
    expect((await fetchPrint(`${app.url}/print/service-act/${act.id}.pdf?form=act`, partner)).status).toBe(404);
    expect((await fetchPrint(`${app.url}/print/invoice/${invoice.id}.pdf?form=invoice`, partner)).status).toBe(404);
    await manager.UnpostServiceAct({ id: act.id });
  });
});
