import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

describe('stock balances, lots and movements', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const warehouseOf = async (code: string) => (await admin.CreateWarehouse({ input: { code, name: code } })).createWarehouse.id;
  const group = async (name: string, parentId?: string) => (await admin.CreateProductGroup({ input: { name, parentId } })).createProductGroup.id;
  const product = async (sku: string, groupId: string | null = null) => (await admin.CreateProduct({ input: { sku, name: sku, unitId: pcs, groupId } })).createProduct.id;
  const receive = async (warehouseId: string, date: string, lines: { productId: string; quantity: string; unitCost: string }[]) => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines } })).createGoodsReceipt;
    return (await admin.PostGoodsReceipt({ id: draft.id })).postGoodsReceipt;
  };
  const balances = async (client: TradebookClient, filter: NonNullable<Parameters<TradebookClient['StockBalances']>[0]>['filter']) =>
    (await client.StockBalances({ filter })).stockBalances.items.map((b) => [b.warehouse.code, b.product.sku, b.onHand, b.cost, b.averageUnitCost]);

  it('filters by warehouse, by group with the groups below it, and leaves out zero rows on request', async () => {
    // given tools (with a subgroup drills) and food; A1 in drills, A2 in tools, B1 in food
    const tools = await group('Инструмент');
    const drills = await group('Дрели', tools);
    const food = await group('Еда');
    const [a1, a2, b1] = [await product('BAL-A1', drills), await product('BAL-A2', tools), await product('BAL-B1', food)];
    const n = await warehouseOf('BAL-N');
    const s = await warehouseOf('BAL-S');
    // and receipts: N gets 5 A1 @ 10 and 2 A2 @ 7.5; S gets 3 A1 @ 12 and 4 B1 @ 1
    await receive(n, '2026-02-01', [{ productId: a1, quantity: '5', unitCost: '10' }, { productId: a2, quantity: '2', unitCost: '7.5' }]);
    const sReceipt = await receive(s, '2026-02-01', [{ productId: a1, quantity: '3', unitCost: '12' }, { productId: b1, quantity: '4', unitCost: '1' }]);

    // then the tools group (with drills below it) shows A1 and A2 in both warehouses, ordered by warehouse code and SKU
    expect(await balances(admin, { groupId: tools })).toEqual([
      ['BAL-N', 'BAL-A1', '5', '50.00', '10.00'],
      ['BAL-N', 'BAL-A2', '2', '15.00', '7.50'],
      ['BAL-S', 'BAL-A1', '3', '36.00', '12.00'],
    ]);
    expect(await balances(admin, { groupId: drills, warehouseId: s })).toEqual([['BAL-S', 'BAL-A1', '3', '36.00', '12.00']]);
    expect(await balances(admin, { groupId: food })).toEqual([['BAL-S', 'BAL-B1', '4', '4.00', '1.00']]);

    // and paging counts all rows of the filter
    const page2 = (await admin.StockBalances({ filter: { groupId: tools }, page: 2, perPage: 2 })).stockBalances;
    expect([page2.total, page2.items.map((b) => b.product.sku)]).toEqual([3, ['BAL-A1']]);
    const beyond = (await admin.StockBalances({ filter: { groupId: tools }, page: 5, perPage: 2 })).stockBalances;
    expect([beyond.total, beyond.items]).toEqual([3, []]);

    // when S's receipt is unposted, its rows stay at zero, and onlyNonZero leaves them out
    await admin.UnpostGoodsReceipt({ id: sReceipt.id });
    expect(await balances(admin, { warehouseId: s })).toEqual([
      ['BAL-S', 'BAL-A1', '0', '0.00', null],
      ['BAL-S', 'BAL-B1', '0', '0.00', null],
    ]);
    expect(await balances(admin, { warehouseId: s, onlyNonZero: true })).toEqual([]);
  });

  it('answers as of a date from month totals plus the movements of that month', async () => {
    // given receipts of one product on 2026-01-20 (4 @ 25), 2026-02-03 (6 @ 30) and 2026-02-20 (10 @ 31)
    const w = await warehouseOf('ASOF');
    const p = await product('ASOF-1');
    await receive(w, '2026-01-20', [{ productId: p, quantity: '4', unitCost: '25' }]);
    await receive(w, '2026-02-03', [{ productId: p, quantity: '6', unitCost: '30' }]);
    await receive(w, '2026-02-20', [{ productId: p, quantity: '10', unitCost: '31' }]);
    const asOf = (date: string) => balances(admin, { productId: p, asOf: date });

    // then: before anything nothing; end of January 4 worth 100; 2026-02-10 4 + 6 = 10 worth 100 + 180 = 280 (average 28);
    // 2026-02-20 and later 20 worth 280 + 310 = 590 (average 29.5)
    expect(await asOf('2026-01-19')).toEqual([]);
    expect(await asOf('2026-01-31')).toEqual([['ASOF', 'ASOF-1', '4', '100.00', '25.00']]);
    expect(await asOf('2026-02-10')).toEqual([['ASOF', 'ASOF-1', '10', '280.00', '28.00']]);
    expect(await asOf('2026-02-20')).toEqual([['ASOF', 'ASOF-1', '20', '590.00', '29.50']]);
    expect(await asOf('2026-07-01')).toEqual([['ASOF', 'ASOF-1', '20', '590.00', '29.50']]);
    // and today's balance agrees
    expect(await balances(admin, { productId: p })).toEqual([['ASOF', 'ASOF-1', '20', '590.00', '29.50']]);

    // and the movements list by date and range
    const moves = async (filter: NonNullable<Parameters<TradebookClient['StockMovements']>[0]>['filter']) =>
      (await admin.StockMovements({ filter })).stockMovements.items.map((m) => [m.date, m.quantity, m.cost]);
    expect(await moves({ productId: p })).toEqual([
      ['2026-01-20', '4', '100.00'],
      ['2026-02-03', '6', '180.00'],
      ['2026-02-20', '10', '310.00'],
    ]);
    expect(await moves({ productId: p, warehouseId: w, dateFrom: '2026-02-01', dateTo: '2026-02-19' })).toEqual([['2026-02-03', '6', '180.00']]);
  });

  it('shows a sales manager quantities but not cost; refuses stock to roles without stock:read', async () => {
    // given 3 pcs at 40 in a warehouse
    const w = await warehouseOf('ROLE');
    const p = await product('ROLE-1');
    const receipt = await receive(w, '2026-03-01', [{ productId: p, quantity: '3', unitCost: '40' }]);

    // then a sales manager sees 3 on hand and available, and null cost everywhere
    const manager = await app.as(Role.SALES_MANAGER);
    expect((await manager.StockBalances({ filter: { productId: p } })).stockBalances.items).toMatchObject([{ onHand: '3', available: '3', cost: null, averageUnitCost: null }]);
    expect((await manager.Lots({ productId: p, warehouseId: w })).lots).toMatchObject([{ qtyIn: '3', qtyRemaining: '3', unitCost: null, valueRemaining: null }]);
    expect((await manager.StockMovements({ filter: { recorderId: receipt.id } })).stockMovements.items).toMatchObject([{ quantity: '3', cost: null }]);
    // and an accountant sees the cost
    const accountant = await app.as(Role.ACCOUNTANT);
    expect((await accountant.StockBalances({ filter: { productId: p } })).stockBalances.items).toMatchObject([{ onHand: '3', cost: '120.00', averageUnitCost: '40.00' }]);
    // and marketing may not read stock
    expect((await errorOf((await app.as(Role.MARKETING)).StockBalances({})) ).code).toBe('FORBIDDEN');
  });
});
