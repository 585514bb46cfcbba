import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

describe('period close', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let accountant: TradebookClient;
  let productId: string;
  let supplier: string;
  let warehouse: string;
  let retailId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    accountant = await app.as(Role.ACCOUNTANT);
    const pcs = (await admin.CreateUnit({ input: { code: 'pc-pcs', name: 'штука' } })).createUnit.id;
    productId = (await admin.CreateProduct({ input: { sku: 'PC-1', name: 'Товар', unitId: pcs } })).createProduct.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик PC', roles: ['SUPPLIER'] } })).createCounterparty.id;
    warehouse = (await admin.CreateWarehouse({ input: { code: 'PCW', name: 'Склад' } })).createWarehouse.id;
    retailId = (await admin.CreatePriceType({ input: { code: 'PC-RETAIL', name: 'Retail' } })).createPriceType.id;
  });
  afterEach(async () => {
    await assertLedgerInvariants(app.orm);
    await admin.ClosePeriod({ through: null });
  });
  afterAll(() => app.close());

  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);
  const receive = async (date: string) =>
    (await admin.CreateGoodsReceipt({ input: { date, warehouseId: warehouse, supplierId: supplier, lines: [{ productId, quantity: '10', unitCost: '100', vatRate: '22' }] } })).createGoodsReceipt;
  const rowsOf = async (recorderId: string) => ({
    movements: (await sql<{ n: string }>('select count(*)::text as n from stock_movement where recorder_id = ?', [recorderId]))[0].n,
    lots: (await sql<{ n: string }>('select count(*)::text as n from stock_lot where recorder_id = ?', [recorderId]))[0].n,
    settlements: (await sql<{ n: string }>('select count(*)::text as n from supplier_settlement where recorder_id = ?', [recorderId]))[0].n,
    vat: (await sql<{ n: string }>('select count(*)::text as n from purchase_vat_book where recorder_id = ?', [recorderId]))[0].n,
  });

  it('an accountant closes the period and the query tells who and when; an earlier date reopens', async () => {
    // given no period closed
    expect((await accountant.PeriodClose()).periodClose).toMatchObject({ closedThrough: null });

    // when the accountant closes through 2026-03-31
    const closed = (await accountant.ClosePeriod({ through: '2026-03-31' })).closePeriod;

    // then the date, the accountant and a time are kept, and a warehouse user can read them
    expect(closed).toMatchObject({ closedThrough: '2026-03-31', closedBy: { email: expect.stringContaining('accountant') } });
    expect(closed.closedAt).not.toBeNull();
    expect((await (await app.as(Role.WAREHOUSE)).PeriodClose()).periodClose.closedThrough).toBe('2026-03-31');

    // and the admin may reopen by setting an earlier date
    expect((await admin.ClosePeriod({ through: '2026-02-28' })).closePeriod).toMatchObject({ closedThrough: '2026-02-28', closedBy: { email: expect.stringContaining('admin') } });
  });

  it('refuses a sales manager (and a warehouse user) closing a period', async () => {
    const sales = await app.as(Role.SALES_MANAGER);
    expect((await errorOf(sales.ClosePeriod({ through: '2026-03-31' }))).code).toBe('FORBIDDEN');
    expect((await errorOf((await app.as(Role.WAREHOUSE)).ClosePeriod({ through: '2026-03-31' }))).code).toBe('FORBIDDEN');
    expect((await admin.PeriodClose()).periodClose.closedThrough).toBeNull();
  });

  it('refuses posting a receipt dated on the closed date, writing nothing; a receipt after it posts', async () => {
    // given receipts dated 2026-03-31 and 2026-04-01, and the period closed through 2026-03-31
    const onDate = await receive('2026-03-31');
    const after = await receive('2026-04-01');
    await accountant.ClosePeriod({ through: '2026-03-31' });

    // when the first is posted, then PERIOD_CLOSED with the dates, and nothing was written
    const error = await errorOf(admin.PostGoodsReceipt({ id: onDate.id }));
    expect(error.code).toBe('PERIOD_CLOSED');
    expect(error.details).toMatchObject({ closedThrough: '2026-03-31', date: '2026-03-31' });
    expect((await admin.GoodsReceipt({ id: onDate.id })).goodsReceipt?.status).toBe('DRAFT');
    expect(await rowsOf(onDate.id)).toEqual({ movements: '0', lots: '0', settlements: '0', vat: '0' });

    // and the one dated after the closed date posts
    expect((await admin.PostGoodsReceipt({ id: after.id })).postGoodsReceipt.status).toBe('POSTED');
    expect(await rowsOf(after.id)).toEqual({ movements: '1', lots: '1', settlements: '1', vat: '1' });
    await admin.UnpostGoodsReceipt({ id: after.id });
  });

  it('refuses unposting or cancelling a posted receipt dated before the closed date, leaving its rows', async () => {
    // given a receipt posted on 2026-03-15 and then the period closed through 2026-03-31
    const receipt = await receive('2026-03-15');
    await admin.PostGoodsReceipt({ id: receipt.id });
    await accountant.ClosePeriod({ through: '2026-03-31' });

    // when it is unposted or cancelled, then PERIOD_CLOSED, and its register rows are all still there
    expect((await errorOf(admin.UnpostGoodsReceipt({ id: receipt.id }))).code).toBe('PERIOD_CLOSED');
    expect((await errorOf(admin.CancelGoodsReceipt({ id: receipt.id }))).code).toBe('PERIOD_CLOSED');
    expect((await admin.GoodsReceipt({ id: receipt.id })).goodsReceipt?.status).toBe('POSTED');
    expect(await rowsOf(receipt.id)).toEqual({ movements: '1', lots: '1', settlements: '1', vat: '1' });

    // and once reopened it unposts
    await accountant.ClosePeriod({ through: '2026-03-14' });
    expect((await admin.UnpostGoodsReceipt({ id: receipt.id })).unpostGoodsReceipt.status).toBe('DRAFT');
    expect(await rowsOf(receipt.id)).toEqual({ movements: '0', lots: '0', settlements: '0', vat: '0' });
  });

  it('refuses posting and unposting a price list dated in the closed period', async () => {
    const list = (await admin.CreatePriceList({ input: { priceTypeId: retailId, date: '2026-03-01', lines: [{ productId, price: '150' }] } })).createPriceList;
    await accountant.ClosePeriod({ through: '2026-03-01' });
    expect((await errorOf(admin.PostPriceList({ id: list.id }))).code).toBe('PERIOD_CLOSED');
    await accountant.ClosePeriod({ through: '2026-02-28' });
    await admin.PostPriceList({ id: list.id });
    await accountant.ClosePeriod({ through: '2026-03-01' });
    expect((await errorOf(admin.UnpostPriceList({ id: list.id }))).code).toBe('PERIOD_CLOSED');
    expect((await sql<{ n: string }>('select count(*)::text as n from price_register where recorder_id = ?', [list.id]))[0].n).toBe('1');
  });
});
