import type { TradebookClient } from '@tradebook/client';
import { demoEmail, errorOf, rawRequest, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { fetchPrint, pdfPages } from '../support/pdf-text';
import { startStockWorld } from '../support/stock-world';

/*
 * Supplier settlements (issue 14 §7), by hand: receipts and a landed cost make the payable,
 * outgoing payments write it down (oldest due first, or as told), an overpayment stays an
 * advance the next receipt takes; ageing by the supplier's payment terms; the clients'
 * reconciliation statement over the suppliers' register, printed.
 * A receipt is due its date + the supplier's paymentTermsDays (as they are when it is posted).
 */
describe('supplier payments and settlements', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let accountant: TradebookClient;
  let pcs: string;
  let w1: string;

  beforeAll(async () => {
    ({ app, admin, pcs, w1 } = await startStockWorld());
    accountant = await app.as(Role.ACCOUNTANT);
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);
  const supplier = async (name: string, paymentTermsDays: number) => (await admin.CreateCounterparty({ input: { name, roles: ['SUPPLIER'], paymentTermsDays } })).createCounterparty.id;
  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, kind: 'GOODS' } })).createProduct.id;
  /** A posted receipt into W1: its id, number and line ids. */
  const receive = async (supplierId: string, date: string, lines: { productId: string; quantity: string; unitCost: string; vatRate?: string }[]) => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId: w1, supplierId, lines: lines.map((l) => ({ vatRate: '0', ...l })) } })).createGoodsReceipt;
    const posted = (await admin.PostGoodsReceipt({ id: draft.id })).postGoodsReceipt;
    const rows = await sql<{ id: string }>('select id from goods_receipt_line where goods_receipt_id = ? order by line_no', [draft.id]);
    return { id: draft.id, number: posted.number, lines: rows.map((r) => r.id) };
  };
  const pay = (supplierId: string, date: string, amount: string, more: Partial<Parameters<TradebookClient['PaySupplier']>[0]['input']> = {}) =>
    accountant.PaySupplier({ input: { date, supplierId, amount, method: 'BANK', ...more } }).then((r) => r.paySupplier);
  const open = async (supplierId: string, asOf?: string) => (await accountant.SupplierOpenItems({ supplierId, asOf })).supplierOpenItems!.map((i) => [i.number, i.dueDate, i.open]);

  describe('one supplier on 10 days terms', () => {
    let s: string;
    let r1: { id: string; number: string; lines: string[] };
    let r2: { id: string; number: string };
    let lc: { id: string; number: string };
    let p3: Awaited<ReturnType<typeof pay>>;

    beforeAll(async () => {
      s = await supplier('Поставщик на 10 дней', 10);
      const goods = await product('SP-1');
      // R1 2026-05-01: 10 × 100.00 at VAT 0 = 1 000.00, due 05-11
      r1 = await receive(s, '2026-05-01', [{ productId: goods, quantity: '10', unitCost: '100' }]);
      // R2 2026-05-10: 5 × 120.00 = 600.00 + 22 % VAT 132.00 = 732.00, due 05-20
      r2 = await receive(s, '2026-05-10', [{ productId: goods, quantity: '5', unitCost: '120', vatRate: '22' }]);
      // LC 2026-05-12: freight 100.00 at VAT 0 by the same supplier over R1's line, due 05-22
      const draft = (await admin.CreateLandedCost({ input: { date: '2026-05-12', supplierId: s, description: 'Доставка', vatRate: '0', amount: '100', method: 'VALUE', lines: [{ goodsReceiptLineId: r1.lines[0] }] } as never })).createLandedCost;
      lc = (await admin.PostLandedCost({ id: draft.id })).postLandedCost;
    });

    it('owes 1 000.00 + 732.00 + 100.00 = 1 832.00, due by the terms, and ages it on a chosen date', async () => {
      expect(await open(s)).toEqual([
        [r1.number, '2026-05-11', '1000.00'],
        [r2.number, '2026-05-20', '732.00'],
        [lc.number, '2026-05-22', '100.00'],
      ]);
      // on 2026-05-14: R1 is 3 days past due (1–30); R2 and LC are not due: 732.00 + 100.00 = 832.00
      const ageing = (await accountant.PayablesAgeing({ asOf: '2026-05-14', filter: { supplierId: s } })).payablesAgeing;
      expect(ageing.items.map((r) => [r.counterparty?.id, r.notDue, r.overdue1to30, r.overdue31to60, r.receivable, r.advances, r.balance])).toEqual([[s, '832.00', '1000.00', '0.00', '1832.00', '0.00', '1832.00']]);
    });

    it('a partial payment goes to the oldest due first, an explicit one where it is told, an overpayment stays an advance the next receipt takes', async () => {
      // when 1 200.00 is paid on 05-15 without allocations: R1 (due first) takes 1 000.00, R2 200.00; R2 still owes 532.00
      const p1 = await pay(s, '2026-05-15', '1200');
      expect(p1.number).toMatch(/^SP-2026-\d{6}$/);
      expect([p1.status, p1.amount, p1.advance]).toEqual(['POSTED', '1200.00', '0.00']);
      expect(p1.applications.map((a) => [a.number, a.amount])).toEqual([[r1.number, '1000.00'], [r2.number, '200.00']]);

      // when a draft tells 150.00 to LC, which owes 100.00, posting it is refused on the allocation and writes nothing
      const draft = (await accountant.CreateOutgoingPayment({ input: { date: '2026-05-16', supplierId: s, amount: '150', method: 'BANK', allocations: [{ documentType: 'LandedCost', documentId: lc.id, amount: '150' }] } })).createOutgoingPayment;
      const refused = await errorOf(accountant.PostOutgoingPayment({ id: draft.id }));
      expect([refused.code, refused.fields?.['allocations.0.amount']]).toEqual(['BAD_USER_INPUT', expect.stringContaining('owes 100.00')]);
      expect((await accountant.OutgoingPayment({ id: draft.id })).outgoingPayment?.status).toBe('DRAFT');
      // when it is told LC 100.00 and R2 50.00 instead: LC is paid, R2 owes 532.00 − 50.00 = 482.00
      const fixed = (await accountant.UpdateOutgoingPayment({ id: draft.id, input: { version: draft.version, allocations: [{ documentType: 'LandedCost', documentId: lc.id, amount: '100' }, { documentType: 'GoodsReceipt', documentId: r2.id, amount: '50' }] } })).updateOutgoingPayment;
      const p2 = (await accountant.PostOutgoingPayment({ id: fixed.id })).postOutgoingPayment;
      expect(p2.applications.map((a) => [a.number, a.amount])).toEqual([[lc.number, '100.00'], [r2.number, '50.00']].sort((a, b) => a[0].localeCompare(b[0])));
      expect(await open(s)).toEqual([[r2.number, '2026-05-20', '482.00']]);

      // when 600.00 is paid on 05-18: R2 takes its last 482.00, 118.00 stays as an advance
      p3 = await pay(s, '2026-05-18', '600');
      expect([p3.applications.map((a) => [a.number, a.amount]), p3.advance]).toEqual([[[r2.number, '482.00']], '118.00']);
      expect((await accountant.SupplierBalance({ supplierId: s })).supplierBalance).toMatchObject({ balance: '-118.00', payable: '0.00', advances: '118.00', overdue: '0.00' });

      // when R3 of 2 × 100.00 = 200.00 comes on 06-01 it takes the 118.00 advance and is owed 82.00 (due 06-11)
      const goods = await product('SP-2');
      const r3 = await receive(s, '2026-06-01', [{ productId: goods, quantity: '2', unitCost: '100' }]);
      expect(await open(s)).toEqual([[r3.number, '2026-06-11', '82.00']]);
      expect((await accountant.OutgoingPayment({ id: p3.id })).outgoingPayment?.advance).toBe('0.00');
      expect((await accountant.SupplierBalance({ supplierId: s })).supplierBalance).toMatchObject({ balance: '82.00', payable: '82.00', advances: '0.00' });

      // and (guarded like sales) the payment whose advance R3 took cannot be unposted before R3, nor R2, which P1, P2 and P3 pay
      const p3Refused = await errorOf(accountant.UnpostOutgoingPayment({ id: p3.id }));
      expect([p3Refused.code, (p3Refused.details as { reason: string }).reason]).toEqual(['INVALID_STATE', 'SETTLED']);
      expect(p3Refused.message).toContain(`Goods receipt ${r3.number}`);
      const r2Refused = await errorOf(admin.UnpostGoodsReceipt({ id: r2.id }));
      expect([r2Refused.code, (r2Refused.details as { reason: string }).reason]).toEqual(['INVALID_STATE', 'SETTLED']);
      for (const p of [p1, p2, p3]) expect(r2Refused.message).toContain(`Supplier payment ${p.number}`);
      expect(await open(s)).toEqual([[r3.number, '2026-06-11', '82.00']]);
    });

    it('states the reconciliation as for clients: across the month, opening from the month totals, our payments debit, receipts credit', async () => {
      // from 05-11: opening −(R1 1 000.00 + R2 732.00) = −1 732.00 (in the supplier's favour);
      // LC credit 100.00, P1 1 200.00, P2 150.00, P3 600.00 debit, R3 credit 200.00 (its own 200.00; the advance it took nets to 0)
      // closing −1 732.00 + 1 950.00 − 300.00 = −82.00
      const may = (await accountant.SupplierReconciliationStatement({ supplierId: s, from: '2026-05-11', to: '2026-06-30' })).supplierReconciliationStatement!;
      expect([may.opening, may.debit, may.credit, may.closing]).toEqual(['-1732.00', '1950.00', '300.00', '-82.00']);
      expect(may.lines.map((l) => [l.date, l.documentType, l.debit, l.credit])).toEqual([
        ['2026-05-12', 'LandedCost', '0.00', '100.00'],
        ['2026-05-15', 'OutgoingPayment', '1200.00', '0.00'],
        ['2026-05-16', 'OutgoingPayment', '150.00', '0.00'],
        ['2026-05-18', 'OutgoingPayment', '600.00', '0.00'],
        ['2026-06-01', 'GoodsReceipt', '0.00', '200.00'],
      ]);
      // June alone: May closed at 1 832.00 − 1 950.00 = −118.00 owed, i.e. +118.00 in our favour; R3 credit 200.00 → −82.00
      const june = (await accountant.SupplierReconciliationStatement({ supplierId: s, from: '2026-06-01', to: '2026-06-30' })).supplierReconciliationStatement!;
      expect([june.counterparty.id, june.opening, june.debit, june.credit, june.closing]).toEqual([s, '118.00', '0.00', '200.00', '-82.00']);

      // printed: the same statement, the balance in the supplier's favour
      const { token } = await app.login(demoEmail(Role.ACCOUNTANT));
      const res = await fetchPrint(`${app.url}/print/supplier/${s}.pdf?form=reconciliation&from=2026-06-01&to=2026-06-30`, token);
      expect([res.status, res.type]).toEqual([200, 'application/pdf']);
      const [page] = await pdfPages(res.body);
      expect(page).toContain('Акт сверки взаимных расчётов за период с 01.06.2026 по 30.06.2026');
      expect(page).toContain('Сальдо на 01.06.2026 118,00');
      expect(page).toMatch(/01\.06\.2026 Поступление товаров № RC-2026-\d{6} 200,00/);
      expect(page).toContain('Обороты за период 0,00 200,00');
      expect(page).toContain('Сальдо на 30.06.2026 82,00');
      expect(page).toContain('в пользу Поставщик на 10 дней составляет 82,00 руб.');
    });
  });

  it('ages what we owe into not due, 1–30, 31–60, 61–90 and over 90 days past the due date', async () => {
    // given a supplier on 0 days terms: 10.00 due 09-30, 20.00 due 09-15, 30.00 due 08-16, 40.00 due 07-17, 50.00 due 06-01
    const s = await supplier('Поставщик без отсрочки', 0);
    const goods = await product('SP-AGE');
    for (const [date, cost] of [['2026-09-30', '10'], ['2026-09-15', '20'], ['2026-08-16', '30'], ['2026-07-17', '40'], ['2026-06-01', '50']]) await receive(s, date, [{ productId: goods, quantity: '1', unitCost: cost }]);
    // when aged on 2026-09-30: 0 days (not due), 15 (1–30), 15 + 30 = 45 (31–60), 14 + 31 + 30 = 75 (61–90), 29 + 31 + 31 + 30 = 121 (over 90)
    const ageing = (await accountant.PayablesAgeing({ asOf: '2026-09-30', filter: { supplierId: s } })).payablesAgeing;
    expect(ageing.total).toBe(1);
    expect([ageing.totals.notDue, ageing.totals.overdue1to30, ageing.totals.overdue31to60, ageing.totals.overdue61to90, ageing.totals.overdueOver90, ageing.totals.receivable]).toEqual(['10.00', '20.00', '30.00', '40.00', '50.00', '150.00']);
    // and the balance today (after 2026-09-30) sees the oldest 121 days past due or more
    const balance = (await accountant.SupplierBalance({ supplierId: s })).supplierBalance!;
    expect([balance.payable, balance.overdueDays >= 121]).toEqual(['150.00', true]);
  });

  it('registers one payment for the same idempotency key sent 20 times at once', async () => {
    // given a receipt owing 1 000.00
    const s = await supplier('Повторный поставщик', 0);
    await receive(s, '2026-04-01', [{ productId: await product('SP-IDEM'), quantity: '10', unitCost: '100' }]);
    // when the same payment of 250.00 is sent 20 times at once with one key
    const sent = await Promise.allSettled(Array.from({ length: 20 }, () => pay(s, '2026-04-02', '250', { idempotencyKey: 'платёжка-17' })));
    // then every call returns the same payment and the payable went down once: 1 000.00 − 250.00 = 750.00
    const ids = new Set(sent.map((r) => (r.status === 'fulfilled' ? r.value.id : `failed: ${(r.reason as Error).message}`)));
    expect(ids.size).toBe(1);
    expect((await accountant.OutgoingPayments({ filter: { supplierId: s } })).outgoingPayments.total).toBe(1);
    expect((await accountant.SupplierBalance({ supplierId: s })).supplierBalance?.balance).toBe('750.00');
  });

  it('pays the receipt it names first, then the oldest; a receipt of another supplier is refused on receiptId', async () => {
    // given an older receipt owing 100.00 and a newer one owing 50.00
    const s = await supplier('Поставщик с выбором', 0);
    const goods = await product('SP-FIRST');
    const older = await receive(s, '2026-04-01', [{ productId: goods, quantity: '1', unitCost: '100' }]);
    const newer = await receive(s, '2026-04-05', [{ productId: goods, quantity: '1', unitCost: '50' }]);
    // when 80.00 pays the newer receipt: it takes its 50.00, the older the other 80.00 − 50.00 = 30.00
    const p = await pay(s, '2026-04-06', '80', { receiptId: newer.id });
    expect([p.receiptId, p.applications.map((a) => [a.number, a.amount])]).toEqual([newer.id, [[older.number, '30.00'], [newer.number, '50.00']]]);
    expect(await open(s)).toEqual([[older.number, '2026-04-01', '70.00']]);
    // and a receipt of another supplier is no receipt of this one
    const other = await supplier('Чужой поставщик', 0);
    const foreign = await receive(other, '2026-04-01', [{ productId: goods, quantity: '1', unitCost: '10' }]);
    const refused = await errorOf(pay(s, '2026-04-06', '5', { receiptId: foreign.id }));
    expect([refused.code, Object.keys(refused.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['receiptId']]);
  });

  it('never pays one receipt twice when payments go at once', async () => {
    // given a receipt owing 1 000.00
    const s = await supplier('Одновременный поставщик', 0);
    const receipt = await receive(s, '2026-04-01', [{ productId: await product('SP-RACE'), quantity: '10', unitCost: '100' }]);
    // when two payments of 600.00 are posted at once (the supplier's balance row orders them)
    const [x, y] = await Promise.all([pay(s, '2026-04-02', '600'), pay(s, '2026-04-02', '600')]);
    // then the receipt took 600.00 from one and 1 000.00 − 600.00 = 400.00 from the other, whose other 200.00 is an advance
    expect([x, y].map((p) => p.applications.map((a) => [a.number, a.amount])[0]).sort()).toEqual([[receipt.number, '400.00'], [receipt.number, '600.00']]);
    expect([x.advance, y.advance].sort()).toEqual(['0.00', '200.00']);
    expect((await accountant.SupplierBalance({ supplierId: s })).supplierBalance).toMatchObject({ balance: '-200.00', payable: '0.00', advances: '200.00' });
  });

  it('refuses 0, a negative amount and a counterparty that is not a supplier on their fields, writing nothing', async () => {
    const s = await supplier('Строгий поставщик', 0);
    const client = (await admin.CreateCounterparty({ input: { name: 'Только клиент', roles: ['CLIENT'] } })).createCounterparty.id;
    for (const amount of ['0', '-5']) {
      const e = await errorOf(pay(s, '2026-04-02', amount));
      expect([e.code, Object.keys(e.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['amount']]);
    }
    const notSupplier = await errorOf(pay(client, '2026-04-02', '10'));
    expect([notSupplier.code, Object.keys(notSupplier.fields ?? {})]).toEqual(['BAD_USER_INPUT', ['supplierId']]);
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from outgoing_payment where supplier_id in (?, ?)', [s, client]);
    expect(n).toBe(0);
    expect((await accountant.SupplierBalance({ supplierId: s })).supplierBalance?.balance).toBe('0.00');
  });

  it('shows supplier money to ACCOUNTANT, PURCHASING and ADMIN only; PURCHASING reads but does not pay', async () => {
    const s = await supplier('Закрытый поставщик', 0);
    await receive(s, '2026-04-01', [{ productId: await product('SP-RULES'), quantity: '1', unitCost: '70' }]);
    const purchasing = await app.as(Role.PURCHASING);
    expect((await purchasing.SupplierBalance({ supplierId: s })).supplierBalance?.payable).toBe('70.00');
    expect((await admin.SupplierBalance({ supplierId: s })).supplierBalance?.payable).toBe('70.00');
    expect((await errorOf(purchasing.PaySupplier({ input: { date: '2026-04-02', supplierId: s, amount: '10', method: 'BANK' } }))).code).toBe('FORBIDDEN');
    for (const role of [Role.WAREHOUSE, Role.PARTNER, Role.SALES_MANAGER]) {
      const other = await app.as(role);
      expect([role, (await errorOf(other.SupplierBalance({ supplierId: s }))).code]).toEqual([role, 'FORBIDDEN']);
      expect([role, (await errorOf(other.OutgoingPayments({}))).code]).toEqual([role, 'FORBIDDEN']);
      expect([role, (await errorOf(other.PayablesAgeing({ asOf: '2026-04-02' }))).code]).toEqual([role, 'FORBIDDEN']);
    }
  });

  it('reads 2 or 6 supplier payments with their suppliers, allocations, applications and advances in the same statements', async () => {
    // given (with the payments above) at least 6 supplier payments
    const s = await supplier('Частый поставщик', 0);
    await receive(s, '2026-04-01', [{ productId: await product('SP-N1'), quantity: '1', unitCost: '300' }]);
    for (const amount of ['100', '100', '150']) await pay(s, '2026-04-02', amount);
    const { token } = await app.login(demoEmail(Role.ACCOUNTANT));
    const read = (query: string) => rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${token}` });
    const payments = (n: number) => `{ outgoingPayments(perPage: ${n}) { items { number supplier { name } allocations { amount } applications { number amount } advance } } }`;
    await read(payments(1)); // warm up
    const two = await app.countStatements(() => read(payments(2)));
    let six: Awaited<ReturnType<typeof read>> | undefined;
    const more = await app.countStatements(async () => void (six = await read(payments(6))));
    expect(six!.json?.errors).toBeUndefined();
    expect((six!.json!.data as { outgoingPayments: { items: unknown[] } }).outgoingPayments.items).toHaveLength(6);
    expect(more).toBe(two);
  });
});
