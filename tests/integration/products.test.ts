import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

describe('products', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: { id: string };
  let kg: { id: string };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit;
    kg = (await admin.CreateUnit({ input: { code: 'kg', name: 'килограмм', precision: 3 } })).createUnit;
  });
  afterAll(() => app.close());

  const skus = (page: { items: { sku: string }[] }) => page.items.map((p) => p.sku);

  it('creates, reads, updates and deletes a product, keeping decimals exact', async () => {
    // given a group
    const { createProductGroup: group } = await admin.CreateProductGroup({ input: { name: 'Крепёж' } });

    // when a product is created with a fractional weight and a 10% VAT rate
    const { createProduct } = await admin.CreateProduct({
      input: { sku: '  BOLT-M8  ', name: 'Болт М8', description: 'DIN 933', unitId: kg.id, groupId: group.id, vatRate: '10.00', weight: '0.125', barcode: '4601234567893' },
    });

    // then it comes back trimmed and the decimals exactly as sent
    expect(createProduct).toMatchObject({
      sku: 'BOLT-M8',
      name: 'Болт М8',
      kind: 'GOODS',
      vatRate: '10',
      weight: '0.125',
      barcode: '4601234567893',
      active: true,
      version: 1,
      unit: { id: kg.id, code: 'kg' },
      group: { id: group.id, name: 'Крепёж' },
    });
    const { product } = await admin.Product({ id: createProduct.id });
    expect(product).toMatchObject({ vatRate: '10', weight: '0.125', unit: { code: 'kg' }, group: { name: 'Крепёж', parent: null } });

    // when it is updated with the current version: another unit, no group, default-free fields cleared
    const { updateProduct } = await admin.UpdateProduct({
      id: createProduct.id,
      input: { version: 1, name: 'Болт М8×40', unitId: pcs.id, groupId: null, weight: null, vatRate: '22', kind: 'GOODS', active: false },
    });

    // then the changes are kept and the version goes up
    expect(updateProduct).toMatchObject({ name: 'Болт М8×40', unit: { code: 'pcs' }, group: null, weight: null, vatRate: '22', active: false, version: 2 });
    expect(updateProduct.sku).toBe('BOLT-M8');

    // and a product with defaults only gets 22% VAT and no weight
    const { createProduct: service } = await admin.CreateProduct({ input: { sku: 'SRV-1', name: 'Доставка', kind: 'SERVICE', unitId: pcs.id } });
    expect(service).toMatchObject({ kind: 'SERVICE', vatRate: '22', weight: null, group: null, barcode: null });

    // when it is deleted, it is gone
    await admin.DeleteProduct({ id: createProduct.id });
    expect((await admin.Product({ id: createProduct.id })).product).toBeNull();
  });

  it('refuses a duplicate SKU with CONFLICT naming the field', async () => {
    // given a product
    await admin.CreateProduct({ input: { sku: 'DUP-1', name: 'First', unitId: pcs.id } });
    // when another one takes the same SKU
    const error = await errorOf(admin.CreateProduct({ input: { sku: 'DUP-1', name: 'Second', unitId: pcs.id } }));
    // then CONFLICT names sku, and only the first exists
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ sku: 'is already taken' });
    expect((await admin.Products({ filter: { q: 'DUP-1' } })).products.total).toBe(1);
  });

  it('refuses an update holding a stale version', async () => {
    // given a product changed once
    const { createProduct } = await admin.CreateProduct({ input: { sku: 'LOCK-1', name: 'Lock', unitId: pcs.id } });
    await admin.UpdateProduct({ id: createProduct.id, input: { version: 1, name: 'Lock v2' } });
    // when a second writer still holds version 1
    const stale = await errorOf(admin.UpdateProduct({ id: createProduct.id, input: { version: 1, name: 'lost update' } }));
    // then CONFLICT, and the first change stays
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toMatchObject({ reason: 'STALE_VERSION', currentVersion: 2 });
    expect((await admin.Product({ id: createProduct.id })).product?.name).toBe('Lock v2');
  });

  it('refuses a VAT rate outside 0, 10, 22 and bad weight, SKU and barcode, per field', async () => {
    // when the VAT rate is 18%
    const vat = await errorOf(admin.CreateProduct({ input: { sku: 'VAT-18', name: 'Old VAT', unitId: pcs.id, vatRate: '18' } }));
    // then BAD_USER_INPUT names vatRate only
    expect(vat.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(vat.fields)).toEqual(['vatRate']);

    // when SKU has a space, weight four decimals and VAT is 0.00 (allowed)
    const several = await errorOf(admin.CreateProduct({ input: { sku: 'A B', name: 'x', unitId: pcs.id, vatRate: '0.00', weight: '1.0005' } }));
    expect(several.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(several.fields).sort()).toEqual(['sku', 'weight']);

    // when the weight is negative, the SKU too long, or the barcode not 8-14 digits
    const negative = await errorOf(admin.CreateProduct({ input: { sku: 'X'.repeat(65), name: 'x', unitId: pcs.id, weight: '-1' } }));
    expect(Object.keys(negative.fields).sort()).toEqual(['sku', 'weight']);
    const barcode = await errorOf(admin.CreateProduct({ input: { sku: 'BC-1', name: 'x', unitId: pcs.id, barcode: '12345' } }));
    expect(Object.keys(barcode.fields)).toEqual(['barcode']);

    // and an update is checked the same way
    const { createProduct } = await admin.CreateProduct({ input: { sku: 'VAT-OK', name: 'ok', unitId: pcs.id, vatRate: '0' } });
    expect(createProduct.vatRate).toBe('0');
    const update = await errorOf(admin.UpdateProduct({ id: createProduct.id, input: { version: 1, vatRate: '20' } }));
    expect(Object.keys(update.fields)).toEqual(['vatRate']);

    // and nothing invalid was written
    expect((await admin.Products({ filter: { q: 'VAT-18' } })).products.total).toBe(0);
  });

  it('refuses an unknown unit or group', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const unit = await errorOf(admin.CreateProduct({ input: { sku: 'NOUNIT', name: 'x', unitId: missing } }));
    expect(unit.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(unit.fields)).toEqual(['unitId']);
    const group = await errorOf(admin.CreateProduct({ input: { sku: 'NOGROUP', name: 'x', unitId: pcs.id, groupId: missing } }));
    expect(group.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(group.fields)).toEqual(['groupId']);
    const notUuid = await errorOf(admin.CreateProduct({ input: { sku: 'NOUUID', name: 'x', unitId: 'pcs' } }));
    expect(notUuid.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(notUuid.fields)).toEqual(['unitId']);
  });

  it('filters by a group including all groups below it, but not its siblings', async () => {
    // given Tree > (Sub1 > SubSub, Sub2) and a sibling top group Other
    const group = async (name: string, parentId?: string) => (await admin.CreateProductGroup({ input: { name, parentId } })).createProductGroup.id;
    const tree = await group('Tree');
    const sub1 = await group('Tree sub 1', tree);
    const subSub = await group('Tree sub-sub', sub1);
    const sub2 = await group('Tree sub 2', tree);
    const other = await group('Other');
    const add = (sku: string, groupId: string | null) => admin.CreateProduct({ input: { sku, name: `Tree product ${sku}`, unitId: pcs.id, groupId } });
    await add('T-TOP', tree);
    await add('T-SUB1', sub1);
    await add('T-SUBSUB', subSub);
    await add('T-SUB2', sub2);
    await add('T-OTHER', other);
    await add('T-NONE', null);

    // when filtering by the top group, a subgroup and the sibling
    const top = (await admin.Products({ filter: { groupId: tree } })).products;
    const one = (await admin.Products({ filter: { groupId: sub1 } })).products;
    const sibling = (await admin.Products({ filter: { groupId: other } })).products;

    // then each returns exactly its subtree
    expect(skus(top)).toEqual(['T-SUB1', 'T-SUB2', 'T-SUBSUB', 'T-TOP']);
    expect(top.total).toBe(4);
    expect(skus(one)).toEqual(['T-SUB1', 'T-SUBSUB']);
    expect(skus(sibling)).toEqual(['T-OTHER']);

    // and the relations come along: a sub-subgroup product shows its group and that group's parent
    const deep = top.items.find((p) => p.sku === 'T-SUBSUB')!;
    expect(deep.group).toEqual({ id: subSub, name: 'Tree sub-sub', parent: { id: sub1, name: 'Tree sub 1' } });
    expect(deep.unit).toEqual({ id: pcs.id, code: 'pcs', name: 'штука' });

    // and the group filter combines with text search
    expect(skus((await admin.Products({ filter: { groupId: tree, q: 'sub' } })).products)).toEqual(['T-SUB1', 'T-SUB2', 'T-SUBSUB']);
    // and a page past the end still counts the subtree (the raw subtree condition is read once per builder)
    expect((await admin.Products({ filter: { groupId: tree }, page: 3, perPage: 2 })).products).toEqual({ items: [], total: 4 });
  });

  it('searches, filters, sorts and pages', async () => {
    // given five products of one family
    const made = [
      { sku: 'PG-01', name: 'Гайка М6', unitId: pcs.id },
      { sku: 'PG-02', name: 'Шайба М6', unitId: pcs.id },
      { sku: 'PG-03', name: 'Анкер', unitId: pcs.id, active: false },
      { sku: 'PG-04', name: 'Гвозди весовые', unitId: kg.id },
      { sku: 'PG-05', name: 'Монтаж', unitId: pcs.id, kind: 'SERVICE' as const },
    ];
    for (const input of made) await admin.CreateProduct({ input });

    // when searching by a part of the SKU or of the name (any case)
    expect(skus((await admin.Products({ filter: { q: 'pg-0' } })).products)).toEqual(['PG-01', 'PG-02', 'PG-03', 'PG-04', 'PG-05']);
    expect(skus((await admin.Products({ filter: { q: 'м6' } })).products)).toEqual(['PG-01', 'PG-02']);

    // when filtering by kind, active and unit
    expect(skus((await admin.Products({ filter: { q: 'PG-', kind: 'SERVICE' } })).products)).toEqual(['PG-05']);
    expect(skus((await admin.Products({ filter: { q: 'PG-', active: false } })).products)).toEqual(['PG-03']);
    expect(skus((await admin.Products({ filter: { q: 'PG-', unitId: kg.id } })).products)).toEqual(['PG-04']);

    // when sorting by name descending
    const sorted = (await admin.Products({ filter: { q: 'PG-' }, sort: [{ field: 'name', order: 'DESC' }] })).products;
    expect(sorted.items.map((p) => p.name)).toEqual(['Шайба М6', 'Монтаж', 'Гвозди весовые', 'Гайка М6', 'Анкер']);

    // when paging two at a time, the total is the whole list and the pages do not overlap
    const page = async (n: number) => (await admin.Products({ filter: { q: 'PG-' }, page: n, perPage: 2 })).products;
    const pages = [await page(1), await page(2), await page(3)];
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map(skus)).toEqual([['PG-01', 'PG-02'], ['PG-03', 'PG-04'], ['PG-05']]);

    // and an unknown sort field (the free-text description) or a page over 500 is refused
    const badSort = await errorOf(admin.Products({ sort: [{ field: 'description' }] }));
    expect(badSort.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(badSort.fields)).toEqual(['sort']);
    expect(badSort.fieldErrors[0]).toMatchObject({ field: 'sort', reason: 'NOT_SORTABLE', params: { field: 'description' } });
    const tooBig = await errorOf(admin.Products({ perPage: 501 }));
    expect(tooBig.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(tooBig.fields)).toEqual(['perPage']);
  });

  it('lets a warehouse worker update a product but not create one', async () => {
    const { createProduct } = await admin.CreateProduct({ input: { sku: 'WH-1', name: 'Warehouse', unitId: pcs.id } });
    const warehouse = await app.as(Role.WAREHOUSE);
    await expect(warehouse.UpdateProduct({ id: createProduct.id, input: { version: 1, weight: '2.5' } })).resolves.toMatchObject({ updateProduct: { weight: '2.5' } });
    const error = await errorOf(warehouse.CreateProduct({ input: { sku: 'WH-2', name: 'nope', unitId: pcs.id } }));
    expect(error.code).toBe('FORBIDDEN');
  });
});
