import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

/**
 * What the console needs of the API to show complete screens: which fields need permissions
 * of their own (so it never asks a user for what they may not read), lists sorted by the
 * name of a linked record (documents by warehouse and supplier, stock balances by any of
 * their columns), and products found by barcode or by a list of SKUs.
 */
describe('the API the console builds on', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('tells a signed-in user which fields need permissions of their own, and the warehouse user lacks the one a price type\'s base type needs', async () => {
    // given a warehouse user
    const warehouse = await app.as(Role.WAREHOUSE);

    // when they ask for their session
    const { me, fieldPermissions } = await warehouse.Session();

    // then PriceType.basePriceType is listed as needing priceType:read, which their roles do not grant
    expect(fieldPermissions).toContainEqual({ type: 'PriceType', field: 'basePriceType', permissions: ['priceType:read'] });
    expect(me.permissions).not.toContain('priceType:read');
  });

  it('sorts products by the name of their group and counterparties by their owner\'s name', async () => {
    // given products in groups "Б-группа" and "А-группа", and one without a group
    const admin = await app.as(Role.ADMIN);
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: 'cs-pcs', name: 'piece' } });
    const { createProductGroup: b } = await admin.CreateProductGroup({ input: { name: 'CS Б-группа' } });
    const { createProductGroup: a } = await admin.CreateProductGroup({ input: { name: 'CS А-группа' } });
    await admin.CreateProduct({ input: { sku: 'CS-1', name: 'One', unitId: unit.id, groupId: b.id } });
    await admin.CreateProduct({ input: { sku: 'CS-2', name: 'Two', unitId: unit.id, groupId: a.id } });
    await admin.CreateProduct({ input: { sku: 'CS-3', name: 'Three', unitId: unit.id } });

    // when they are listed by group name, ascending and descending
    const asc = await admin.Products({ filter: { q: 'CS-' }, sort: [{ field: 'group.name', order: 'ASC' }] });
    const desc = await admin.Products({ filter: { q: 'CS-' }, sort: [{ field: 'group.name', order: 'DESC' }] });

    // then А comes before Б, and the product without a group last (PostgreSQL puts nulls last ascending, first descending)
    expect(asc.products.items.map((p) => p.sku)).toEqual(['CS-2', 'CS-1', 'CS-3']);
    expect(desc.products.items.map((p) => p.sku)).toEqual(['CS-3', 'CS-1', 'CS-2']);

    // and counterparties sort by their owner's name
    const users = (await admin.Users({ filter: {} })).users.items;
    const head = users.find((u) => u.roles?.includes('SALES_HEAD'))!;
    const manager = users.find((u) => u.roles?.includes('SALES_MANAGER'))!;
    await admin.CreateCounterparty({ input: { name: 'CS клиент 1', ownerId: head.id } });
    await admin.CreateCounterparty({ input: { name: 'CS клиент 2', ownerId: manager.id } });
    const byOwner = await admin.Counterparties({ filter: { q: 'CS клиент' }, sort: [{ field: 'owner.name', order: 'ASC' }] });
    // Мария Продажина (sales manager) before Сергей Начальников (head of sales)
    expect(byOwner.counterparties.items.map((c) => c.owner?.name)).toEqual([manager.name, head.name]);
  });

  it('sorts stock documents by their warehouses\' and suppliers\' names and their own columns, and stock balances by any column, cost only for cost readers', async () => {
    // given warehouses whose codes and names sort opposite ways (A-code "Яр", B-code "Альфа"), and suppliers "Юг" and "Бор"
    const admin = await app.as(Role.ADMIN);
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: 'cs-kg', name: 'kg' } });
    const ya = (await admin.CreateWarehouse({ input: { code: 'CS-SORT-A', name: 'CS Яр' } })).createWarehouse.id;
    const alfa = (await admin.CreateWarehouse({ input: { code: 'CS-SORT-B', name: 'CS Альфа' } })).createWarehouse.id;
    const south = (await admin.CreateCounterparty({ input: { name: 'CS Юг', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const bor = (await admin.CreateCounterparty({ input: { name: 'CS Бор', roles: ['SUPPLIER'] } })).createCounterparty.id;
    // and products "Яблоко" (CS-SB-1) and "Груша" (CS-SB-2)
    const apple = (await admin.CreateProduct({ input: { sku: 'CS-SB-1', name: 'Яблоко', unitId: unit.id } })).createProduct.id;
    const pear = (await admin.CreateProduct({ input: { sku: 'CS-SB-2', name: 'Груша', unitId: unit.id } })).createProduct.id;
    // and receipts: 1 into Яр from Юг (5 apples at 10, 2 pears at 100), 2 into Альфа from Бор (3 apples at 20)
    const receipt = async (warehouseId: string, supplierId: string, lines: [string, string, string][]) => {
      const { createGoodsReceipt: draft } = await admin.CreateGoodsReceipt({
        input: { date: '2026-03-02', warehouseId, supplierId, lines: lines.map(([productId, quantity, unitCost]) => ({ productId, quantity, unitCost })) },
      });
      return (await admin.PostGoodsReceipt({ id: draft.id })).postGoodsReceipt;
    };
    const { id: firstId, number: first } = await receipt(ya, south, [[apple, '5', '10'], [pear, '2', '100']]);
    const { number: second } = await receipt(alfa, bor, [[apple, '3', '20']]);
    // and write-offs: from Яр for DAMAGE, from Альфа for SHORTAGE
    const writeOff = async (warehouseId: string, reason: 'DAMAGE' | 'SHORTAGE') =>
      (await admin.CreateWriteOff({ input: { date: '2026-03-03', warehouseId, reason, lines: [{ productId: apple, quantity: '1' }] } })).createWriteOff.number;
    const damage = await writeOff(ya, 'DAMAGE');
    const shortage = await writeOff(alfa, 'SHORTAGE');
    // and landed cost drafts on the first receipt: 30 from Юг, 7 from Бор
    const landed = async (supplierId: string, amount: string) =>
      (await admin.CreateLandedCost({ input: { date: '2026-03-04', supplierId, description: `CS ${amount}`, amount, method: 'VALUE', goodsReceiptIds: [firstId] } })).createLandedCost.number;
    const thirty = await landed(south, '30');
    const seven = await landed(bor, '7');

    // then receipts sort by warehouse name (Альфа before Яр) and by supplier name (Бор before Юг), each way
    const receipts = async (field: string, order: 'ASC' | 'DESC') =>
      (await admin.GoodsReceipts({ filter: { q: '' }, sort: [{ field, order }] })).goodsReceipts.items.map((r) => r.number);
    expect(await receipts('warehouse.name', 'ASC')).toEqual([second, first]);
    expect(await receipts('warehouse.name', 'DESC')).toEqual([first, second]);
    expect(await receipts('supplier.name', 'ASC')).toEqual([second, first]);
    // and write-offs by warehouse name and by reason (DAMAGE before SHORTAGE)
    const writeOffs = async (field: string) => (await admin.WriteOffs({ sort: [{ field, order: 'ASC' }] })).writeOffs.items.map((w) => w.number);
    expect(await writeOffs('warehouse.name')).toEqual([shortage, damage]);
    expect(await writeOffs('reason')).toEqual([damage, shortage]);
    // and landed costs by amount (7 before 30) and by supplier name (Бор before Юг)
    const landedCosts = async (field: string, order: 'ASC' | 'DESC' = 'ASC') => (await admin.LandedCosts({ sort: [{ field, order }] })).landedCosts.items.map((l) => l.number);
    expect(await landedCosts('amount')).toEqual([seven, thirty]);
    expect(await landedCosts('amount', 'DESC')).toEqual([thirty, seven]);
    expect(await landedCosts('supplier.name', 'DESC')).toEqual([thirty, seven]);

    // and stock balances (the write-offs are drafts: Яр holds 5 apples worth 50 and 2 pears worth 200, Альфа 3 apples worth 60) by any column, then warehouse code and SKU
    const balances = async (client: typeof admin, field: string, order: 'ASC' | 'DESC') =>
      (await client.StockBalances({ filter: { productId: null }, sort: [{ field, order }] })).stockBalances.items
        .filter((b) => b.product.sku.startsWith('CS-SB-'))
        .map((b) => `${b.warehouse.code} ${b.product.sku} ${b.onHand} ${b.cost ?? '-'}`);
    expect(await balances(admin, 'warehouse.name', 'ASC')).toEqual(['CS-SORT-B CS-SB-1 3 60.00', 'CS-SORT-A CS-SB-1 5 50.00', 'CS-SORT-A CS-SB-2 2 200.00']);
    // (Груша before Яблоко, and the two apple rows by warehouse code)
    expect(await balances(admin, 'product.name', 'ASC')).toEqual(['CS-SORT-A CS-SB-2 2 200.00', 'CS-SORT-A CS-SB-1 5 50.00', 'CS-SORT-B CS-SB-1 3 60.00']);
    expect(await balances(admin, 'onHand', 'DESC')).toEqual(['CS-SORT-A CS-SB-1 5 50.00', 'CS-SORT-B CS-SB-1 3 60.00', 'CS-SORT-A CS-SB-2 2 200.00']);
    expect(await balances(admin, 'available', 'ASC')).toEqual(['CS-SORT-A CS-SB-2 2 200.00', 'CS-SORT-B CS-SB-1 3 60.00', 'CS-SORT-A CS-SB-1 5 50.00']);
    expect(await balances(admin, 'cost', 'DESC')).toEqual(['CS-SORT-A CS-SB-2 2 200.00', 'CS-SORT-B CS-SB-1 3 60.00', 'CS-SORT-A CS-SB-1 5 50.00']);
    // averages: pears 100, Альфа's apples 20, Яр's apples 10
    expect(await balances(admin, 'averageUnitCost', 'DESC')).toEqual(['CS-SORT-A CS-SB-2 2 200.00', 'CS-SORT-B CS-SB-1 3 60.00', 'CS-SORT-A CS-SB-1 5 50.00']);

    // and the warehouse user, who does not see cost, sorts by quantity but may not sort by cost (the order would tell it)
    const warehouse = await app.as(Role.WAREHOUSE);
    expect(await balances(warehouse, 'onHand', 'ASC')).toEqual(['CS-SORT-A CS-SB-2 2 -', 'CS-SORT-B CS-SB-1 3 -', 'CS-SORT-A CS-SB-1 5 -']);
    const refused = await errorOf(warehouse.StockBalances({ sort: [{ field: 'cost', order: 'DESC' }] }));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.fieldErrors).toEqual([expect.objectContaining({ field: 'sort', reason: 'NOT_SORTABLE', params: expect.objectContaining({ field: 'cost' }) })]);
  });

  it('finds a product by its barcode in the free-text search, and products by a list of SKUs', async () => {
    // given two products, one with a barcode
    const admin = await app.as(Role.ADMIN);
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: 'cs-box', name: 'box' } });
    await admin.CreateProduct({ input: { sku: 'CS-BAR-1', name: 'Scanned', unitId: unit.id, barcode: '4600000000017' } });
    await admin.CreateProduct({ input: { sku: 'CS-BAR-2', name: 'Typed', unitId: unit.id } });

    // when the search is the barcode, and then the SKUs of a pasted sheet
    const byBarcode = await admin.Products({ filter: { q: '4600000000017' } });
    const bySkus = await admin.Products({ filter: { skus: ['CS-BAR-2', 'CS-BAR-1', 'NO-SUCH'] }, sort: [{ field: 'sku', order: 'ASC' }] });

    // then the barcode finds its product, and the SKUs exactly theirs
    expect(byBarcode.products.items.map((p) => p.sku)).toEqual(['CS-BAR-1']);
    expect(bySkus.products.items.map((p) => p.sku)).toEqual(['CS-BAR-1', 'CS-BAR-2']);
  });
});
