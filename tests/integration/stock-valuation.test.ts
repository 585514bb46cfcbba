import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

type Filter = NonNullable<Parameters<TradebookClient['StockValuation']>[0]>['filter'];

describe('stock valuation by warehouse × product group', () => {
  let app: TestApp;
  let admin: TradebookClient;
  const ids: Record<string, string> = {};

  /** The report as [warehouse, group path ('—' for no group), quantity, value] rows, warehouse totals and the grand total. */
  const valuation = async (client: TradebookClient, filter?: Filter) => {
    const { stockValuation: v } = await client.StockValuation({ filter });
    return {
      asOf: v.asOf,
      rows: v.rows.map((r) => [r.warehouse.code, r.groupPath ?? '—', r.quantity, r.value]),
      warehouses: v.warehouses.map((w) => [w.warehouse.code, w.quantity, w.value]),
      total: [v.total.quantity, v.total.value],
    };
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    const unit = (await admin.CreateUnit({ input: { code: 'pcs', name: 'piece' } })).createUnit.id;
    const supplier = (await admin.CreateCounterparty({ input: { name: 'Supplier', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const group = async (name: string, parentId?: string) => (await admin.CreateProductGroup({ input: { name, parentId } })).createProductGroup.id;
    const product = async (sku: string, groupId: string | null) => (await admin.CreateProduct({ input: { sku, name: sku, unitId: unit, groupId } })).createProduct.id;
    const post = async (kind: 'receipt' | 'transfer' | 'writeOff', create: () => Promise<string>) => {
      const id = await create();
      if (kind === 'receipt') await admin.PostGoodsReceipt({ id });
      if (kind === 'transfer') await admin.PostStockTransfer({ id });
      if (kind === 'writeOff') await admin.PostWriteOff({ id });
    };

    // given groups Tools with its subgroup Drills, and Food; D1 in Drills, T1 in Tools, F1 in Food, N1 in no group
    ids.tools = await group('Tools');
    ids.drills = await group('Drills', ids.tools);
    ids.food = await group('Food');
    const [d1, t1, f1, n1] = [await product('D1', ids.drills), await product('T1', ids.tools), await product('F1', ids.food), await product('N1', null)];
    ids.a = (await admin.CreateWarehouse({ input: { code: 'VAL-A', name: 'Main' } })).createWarehouse.id;
    ids.b = (await admin.CreateWarehouse({ input: { code: 'VAL-B', name: 'Branch' } })).createWarehouse.id;
    const receipt = (warehouseId: string, date: string, lines: [string, string, string][]) => async () =>
      (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines: lines.map(([productId, quantity, unitCost]) => ({ productId, quantity, unitCost })) } })).createGoodsReceipt.id;

    // and receipts: 2026-01-15 at A: D1 10 @ 12.50 = 125.00, T1 4 @ 30 = 120.00, N1 3 @ 7.35 = 22.05
    await post('receipt', receipt(ids.a, '2026-01-15', [[d1, '10', '12.50'], [t1, '4', '30'], [n1, '3', '7.35']]));
    // 2026-02-10 at A: D1 5 @ 13 = 65.00, F1 20 @ 2.25 = 45.00
    await post('receipt', receipt(ids.a, '2026-02-10', [[d1, '5', '13'], [f1, '20', '2.25']]));
    // 2026-02-12 at B: T1 2 @ 31 = 62.00, F1 8 @ 2.50 = 20.00
    await post('receipt', receipt(ids.b, '2026-02-12', [[t1, '2', '31'], [f1, '8', '2.50']]));
    // and on 2026-02-20 12 D1 go from A to B at FIFO cost 10 × 12.50 + 2 × 13 = 151.00 (A keeps 3 @ 13 = 39.00)
    await post('transfer', async () => (await admin.CreateStockTransfer({ input: { date: '2026-02-20', fromWarehouseId: ids.a, toWarehouseId: ids.b, lines: [{ productId: d1, quantity: '12' }] } })).createStockTransfer.id);
    // and on 2026-03-05 5 F1 are written off at A: 5 × 2.25 = 11.25 (A keeps 15 worth 33.75)
    await post('writeOff', async () => (await admin.CreateWriteOff({ input: { date: '2026-03-05', warehouseId: ids.a, reason: 'DAMAGE', lines: [{ productId: f1, quantity: '5' }] } })).createWriteOff.id);
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  it('values the stock now by warehouse and own group, subgroups in their own rows, no group last, with totals', async () => {
    // then A: Food 15 / 33.75, Tools 4 / 120.00, Tools / Drills 3 / 39.00, no group 3 / 22.05 → 25 / 214.80
    // and B: Food 8 / 20.00, Tools 2 / 62.00, Tools / Drills 12 / 151.00 → 22 / 233.00
    // and the grand total 47 / 447.80 = everything received (459.05) less the write-off (11.25)
    expect(await valuation(admin)).toEqual({
      asOf: null,
      rows: [
        ['VAL-A', 'Food', '15', '33.75'],
        ['VAL-A', 'Tools', '4', '120.00'],
        ['VAL-A', 'Tools / Drills', '3', '39.00'],
        ['VAL-A', '—', '3', '22.05'],
        ['VAL-B', 'Food', '8', '20.00'],
        ['VAL-B', 'Tools', '2', '62.00'],
        ['VAL-B', 'Tools / Drills', '12', '151.00'],
      ],
      warehouses: [
        ['VAL-A', '25', '214.80'],
        ['VAL-B', '22', '233.00'],
      ],
      total: ['47', '447.80'],
    });
    // and a row names its group and warehouse
    const [drills] = (await admin.StockValuation({ filter: { groupId: ids.drills, warehouseId: ids.b } })).stockValuation.rows;
    expect(drills).toMatchObject({ warehouse: { id: ids.b, code: 'VAL-B', name: 'Branch' }, group: { id: ids.drills, name: 'Drills' } });
  });

  it('narrows to a group with the groups below it, and to a warehouse', async () => {
    // Tools with Drills: A 4 / 120 + 3 / 39 = 7 / 159; B 2 / 62 + 12 / 151 = 14 / 213; together 21 / 372
    expect(await valuation(admin, { groupId: ids.tools })).toMatchObject({
      rows: [
        ['VAL-A', 'Tools', '4', '120.00'],
        ['VAL-A', 'Tools / Drills', '3', '39.00'],
        ['VAL-B', 'Tools', '2', '62.00'],
        ['VAL-B', 'Tools / Drills', '12', '151.00'],
      ],
      warehouses: [
        ['VAL-A', '7', '159.00'],
        ['VAL-B', '14', '213.00'],
      ],
      total: ['21', '372.00'],
    });
    // B alone: 22 / 233
    expect(await valuation(admin, { warehouseId: ids.b })).toMatchObject({ warehouses: [['VAL-B', '22', '233.00']], total: ['22', '233.00'] });
    // Food at A alone: 15 / 33.75
    expect(await valuation(admin, { groupId: ids.food, warehouseId: ids.a })).toMatchObject({ rows: [['VAL-A', 'Food', '15', '33.75']], total: ['15', '33.75'] });
  });

  it('values the stock as of a past day from the month totals and that month’s movements', async () => {
    // at the end of 2026-01-31: only January's receipt at A: 10 / 125, 4 / 120, 3 / 22.05 → 17 / 267.05
    expect(await valuation(admin, { asOf: '2026-01-31' })).toEqual({
      asOf: '2026-01-31',
      rows: [
        ['VAL-A', 'Tools', '4', '120.00'],
        ['VAL-A', 'Tools / Drills', '10', '125.00'],
        ['VAL-A', '—', '3', '22.05'],
      ],
      warehouses: [['VAL-A', '17', '267.05']],
      total: ['17', '267.05'],
    });
    // at the end of 2026-02-15: all receipts, before the transfer and the write-off:
    // A Food 20 / 45, Tools 4 / 120, Drills 15 / 125 + 65 = 190, no group 3 / 22.05 → 42 / 377.05; B 10 / 82; all 52 / 459.05
    expect(await valuation(admin, { asOf: '2026-02-15' })).toEqual({
      asOf: '2026-02-15',
      rows: [
        ['VAL-A', 'Food', '20', '45.00'],
        ['VAL-A', 'Tools', '4', '120.00'],
        ['VAL-A', 'Tools / Drills', '15', '190.00'],
        ['VAL-A', '—', '3', '22.05'],
        ['VAL-B', 'Food', '8', '20.00'],
        ['VAL-B', 'Tools', '2', '62.00'],
      ],
      warehouses: [
        ['VAL-A', '42', '377.05'],
        ['VAL-B', '10', '82.00'],
      ],
      total: ['52', '459.05'],
    });
    // and at the end of March it agrees with now
    const { asOf: _march, ...march } = await valuation(admin, { asOf: '2026-03-31' });
    const { asOf: _now, ...now } = await valuation(admin);
    expect(march).toEqual(now);
  });

  it('shows quantities without values to a user without cost:read, and refuses users without stock:read', async () => {
    // a sales manager has stock:read but not cost:read: every value is null, quantities as for the accountant
    const manager = await valuation(await app.as(Role.SALES_MANAGER), { warehouseId: ids.b });
    expect(manager).toEqual({
      asOf: null,
      rows: [
        ['VAL-B', 'Food', '8', null],
        ['VAL-B', 'Tools', '2', null],
        ['VAL-B', 'Tools / Drills', '12', null],
      ],
      warehouses: [['VAL-B', '22', null]],
      total: ['22', null],
    });
    expect((await valuation(await app.as(Role.ACCOUNTANT), { warehouseId: ids.b })).total).toEqual(['22', '233.00']);
    // and marketing may not read stock at all
    expect((await errorOf((await app.as(Role.MARKETING)).StockValuation({}))).code).toBe('FORBIDDEN');
  });

  it('costs one statement, rows, warehouses and groups included', async () => {
    await admin.StockValuation({}); // warm up
    const statements = await app.countStatements(() => admin.StockValuation({}));
    expect(statements).toBe(1);
  });
});
