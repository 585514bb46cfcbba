import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

describe('warehouses', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates, lists, updates and deletes a warehouse, with optimistic locking', async () => {
    // given an administrator
    const admin = await app.as(Role.ADMIN);

    // when they create a warehouse without saying whether stock may go negative
    const { createWarehouse } = await admin.CreateWarehouse({ input: { code: 'MAIN', name: 'Основной склад', address: 'г. Москва, ул. Складская, 1' } });

    // then it refuses negative stock by default, is active, and is found by search on code or name
    expect(createWarehouse).toMatchObject({ code: 'MAIN', name: 'Основной склад', address: 'г. Москва, ул. Складская, 1', allowsNegativeStock: false, active: true, version: 1 });
    expect((await admin.Warehouses({ filter: { q: 'основн' } })).warehouses.items.map((w) => w.code)).toEqual(['MAIN']);
    expect((await admin.Warehouses({ filter: { q: 'mai' } })).warehouses.items.map((w) => w.code)).toEqual(['MAIN']);

    // and an update with the current version succeeds and bumps the version
    const { updateWarehouse } = await admin.UpdateWarehouse({ id: createWarehouse.id, input: { version: 1, name: 'Главный склад', allowsNegativeStock: true, address: null } });
    expect(updateWarehouse).toMatchObject({ name: 'Главный склад', allowsNegativeStock: true, address: null, version: 2 });

    // but a second update still holding version 1 is refused and changes nothing
    const stale = await errorOf(admin.UpdateWarehouse({ id: createWarehouse.id, input: { version: 1, name: 'lost update' } }));
    expect(stale.code).toBe('CONFLICT');
    expect((await admin.Warehouse({ id: createWarehouse.id })).warehouse?.name).toBe('Главный склад');

    // when it is deleted, it is gone
    await admin.DeleteWarehouse({ id: createWarehouse.id });
    expect((await admin.Warehouse({ id: createWarehouse.id })).warehouse).toBeNull();
  });

  it('refuses to delete a warehouse a receipt names, as CONFLICT REFERENCED, and keeps both', async () => {
    // given a warehouse a draft receipt is for
    const admin = await app.as(Role.ADMIN);
    const unitId = (await admin.CreateUnit({ input: { code: 'wh-pcs', name: 'штука' } })).createUnit.id;
    const productId = (await admin.CreateProduct({ input: { sku: 'WH-REF', name: 'Гвоздь', unitId } })).createProduct.id;
    const supplierId = (await admin.CreateCounterparty({ input: { name: 'Поставщик гвоздей', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const warehouse = (await admin.CreateWarehouse({ input: { code: 'REF-1', name: 'Склад с приходом' } })).createWarehouse;
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-01', warehouseId: warehouse.id, supplierId, lines: [{ productId, quantity: '1', unitCost: '2' }] } })).createGoodsReceipt;

    // when it is deleted, the database's foreign key refuses (whatever SQLSTATE this PostgreSQL uses for RESTRICT)
    const error = await errorOf(admin.DeleteWarehouse({ id: warehouse.id }));

    // then the caller is told the record is still used, and nothing is gone
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'REFERENCED' });
    expect((await admin.Warehouse({ id: warehouse.id })).warehouse?.code).toBe('REF-1');
    expect((await admin.GoodsReceipt({ id: receipt.id })).goodsReceipt?.warehouse.id).toBe(warehouse.id);
  });

  it('filters by active', async () => {
    // given an active and an inactive warehouse
    const admin = await app.as(Role.ADMIN);
    await admin.CreateWarehouse({ input: { code: 'ACT-1', name: 'Действующий' } });
    await admin.CreateWarehouse({ input: { code: 'OLD-1', name: 'Закрытый', active: false } });

    // when listing only inactive ones, then only the closed one comes back
    const { warehouses } = await admin.Warehouses({ filter: { active: false } });
    expect(warehouses.items.map((w) => w.code)).toEqual(['OLD-1']);
    expect(warehouses.total).toBe(1);
  });

  it('refuses a duplicate code with CONFLICT naming the field', async () => {
    // given a warehouse with code NORTH
    const admin = await app.as(Role.ADMIN);
    await admin.CreateWarehouse({ input: { code: 'NORTH', name: 'Склад Север' } });

    // when another is created with the same code, then CONFLICT on code
    const error = await errorOf(admin.CreateWarehouse({ input: { code: 'NORTH', name: 'Склад Север 2' } }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ code: 'is already taken' });
    expect((await admin.Warehouses({ filter: { q: 'Север' } })).warehouses.total).toBe(1);
  });

  it('refuses bad input with BAD_USER_INPUT per field', async () => {
    const admin = await app.as(Role.ADMIN);
    const error = await errorOf(admin.CreateWarehouse({ input: { code: '', name: '' } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fields).sort()).toEqual(['code', 'name']);
  });

  it('lets the WAREHOUSE role update a warehouse but not create or delete one', async () => {
    // given a warehouse created by an administrator
    const admin = await app.as(Role.ADMIN);
    const { createWarehouse: shop } = await admin.CreateWarehouse({ input: { code: 'SHOP', name: 'Магазин' } });
    const keeper = await app.as(Role.WAREHOUSE);

    // when the storekeeper renames it, then it works
    const { updateWarehouse } = await keeper.UpdateWarehouse({ id: shop.id, input: { version: shop.version, name: 'Магазин на Ленинском' } });
    expect(updateWarehouse.name).toBe('Магазин на Ленинском');

    // but deleting or creating is FORBIDDEN, and the warehouse is still there
    expect((await errorOf(keeper.DeleteWarehouse({ id: shop.id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(keeper.CreateWarehouse({ input: { code: 'X', name: 'X' } }))).code).toBe('FORBIDDEN');
    expect((await admin.Warehouse({ id: shop.id })).warehouse?.name).toBe('Магазин на Ленинском');
  });

  it('lets a sales manager read warehouses but not change them', async () => {
    const manager = await app.as(Role.SALES_MANAGER);
    await expect(manager.Warehouses({})).resolves.toBeDefined();
    const { warehouses } = await manager.Warehouses({ filter: { q: 'SHOP' } });
    const error = await errorOf(manager.UpdateWarehouse({ id: warehouses.items[0].id, input: { version: warehouses.items[0].version, name: 'nope' } }));
    expect(error.code).toBe('FORBIDDEN');
  });
});
