import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

describe('product groups', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates a tree, reads it through parent, children and path, updates with optimistic locking and deletes a leaf', async () => {
    // given an administrator
    const admin = await app.as(Role.ADMIN);

    // when they create a top group with two subgroups
    const { createProductGroup: tools } = await admin.CreateProductGroup({ input: { name: '  Инструмент  ' } });
    const { createProductGroup: drills } = await admin.CreateProductGroup({ input: { name: 'Дрели', parentId: tools.id } });
    const { createProductGroup: saws } = await admin.CreateProductGroup({ input: { name: 'Пилы', parentId: tools.id } });

    // then the names are trimmed and the tree reads back both ways
    expect(tools).toMatchObject({ name: 'Инструмент', parent: null, path: 'Инструмент', version: 1 });
    expect(drills).toMatchObject({ name: 'Дрели', parent: { id: tools.id, name: 'Инструмент' }, path: 'Инструмент / Дрели' });
    const { productGroup } = await admin.ProductGroup({ id: tools.id });
    expect(productGroup?.children.map((c) => c.name)).toEqual(['Дрели', 'Пилы']);

    // and the list filters by parent, by top level and by text
    const children = await admin.ProductGroups({ filter: { parentId: tools.id } });
    expect(children.productGroups.items.map((g) => g.name)).toEqual(['Дрели', 'Пилы']);
    expect(children.productGroups.total).toBe(2);
    const roots = await admin.ProductGroups({ filter: { rootsOnly: true, q: 'инстр' } });
    expect(roots.productGroups.items.map((g) => g.id)).toEqual([tools.id]);
    expect(roots.productGroups.items[0].children.map((c) => c.id)).toEqual([drills.id, saws.id]);

    // when the subgroup is renamed with the current version
    const { updateProductGroup } = await admin.UpdateProductGroup({ id: saws.id, input: { version: 1, name: 'Пилы и лобзики' } });

    // then the version goes up, and an update still holding version 1 is refused
    expect(updateProductGroup).toMatchObject({ name: 'Пилы и лобзики', version: 2, path: 'Инструмент / Пилы и лобзики' });
    const stale = await errorOf(admin.UpdateProductGroup({ id: saws.id, input: { version: 1, name: 'lost update' } }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details.reason).toBe('STALE_VERSION');

    // and a leaf can be deleted
    await admin.DeleteProductGroup({ id: saws.id });
    expect((await admin.ProductGroup({ id: saws.id })).productGroup).toBeNull();
    expect((await admin.ProductGroup({ id: tools.id })).productGroup?.children.map((c) => c.id)).toEqual([drills.id]);
  });

  it('moves a group within the tree but refuses to make it its own ancestor', async () => {
    // given a chain A > B > C
    const admin = await app.as(Role.ADMIN);
    const { createProductGroup: a } = await admin.CreateProductGroup({ input: { name: 'Cycle A' } });
    const { createProductGroup: b } = await admin.CreateProductGroup({ input: { name: 'Cycle B', parentId: a.id } });
    const { createProductGroup: c } = await admin.CreateProductGroup({ input: { name: 'Cycle C', parentId: b.id } });
    expect(c.path).toBe('Cycle A / Cycle B / Cycle C');

    // when A is moved under its grandchild C, then under itself
    const underDescendant = await errorOf(admin.UpdateProductGroup({ id: a.id, input: { version: a.version, parentId: c.id } }));
    const underItself = await errorOf(admin.UpdateProductGroup({ id: a.id, input: { version: a.version, parentId: a.id } }));

    // then both are refused naming parentId, and A stays top-level
    expect(underDescendant.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(underDescendant.fields)).toEqual(['parentId']);
    expect(underItself.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(underItself.fields)).toEqual(['parentId']);
    expect((await admin.ProductGroup({ id: a.id })).productGroup?.parent).toBeNull();

    // but C can be moved to the top and then A under C
    const { updateProductGroup: movedC } = await admin.UpdateProductGroup({ id: c.id, input: { version: c.version, parentId: null } });
    expect(movedC).toMatchObject({ parent: null, path: 'Cycle C' });
    const { updateProductGroup: movedA } = await admin.UpdateProductGroup({ id: a.id, input: { version: a.version, parentId: c.id } });
    expect(movedA.path).toBe('Cycle C / Cycle A');
    expect((await admin.ProductGroup({ id: b.id })).productGroup?.path).toBe('Cycle C / Cycle A / Cycle B');
  });

  it('refuses an unknown parent and a duplicate name under the same parent', async () => {
    const admin = await app.as(Role.ADMIN);

    // when the parent does not exist
    const unknown = await errorOf(admin.CreateProductGroup({ input: { name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' } }));
    // then BAD_USER_INPUT names parentId
    expect(unknown.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(unknown.fields)).toEqual(['parentId']);

    // given a group with a child "Bolts"
    const { createProductGroup: top } = await admin.CreateProductGroup({ input: { name: 'Fasteners' } });
    await admin.CreateProductGroup({ input: { name: 'Bolts', parentId: top.id } });
    // when another "bolts" (any case) is added under the same parent
    const duplicate = await errorOf(admin.CreateProductGroup({ input: { name: 'BOLTS', parentId: top.id } }));
    // then CONFLICT names the field; the same name elsewhere is fine
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.fields).toEqual({ name: 'is already taken' });
    await expect(admin.CreateProductGroup({ input: { name: 'Bolts' } })).resolves.toBeDefined();
  });

  it('refuses to delete a group that still has subgroups or products', async () => {
    // given a group with a subgroup, and the subgroup with a product
    const admin = await app.as(Role.ADMIN);
    const { createUnit: pcs } = await admin.CreateUnit({ input: { code: 'pcs-g', name: 'штука' } });
    const { createProductGroup: top } = await admin.CreateProductGroup({ input: { name: 'Delete top' } });
    const { createProductGroup: sub } = await admin.CreateProductGroup({ input: { name: 'Delete sub', parentId: top.id } });
    const { createProduct } = await admin.CreateProduct({ input: { sku: 'DEL-1', name: 'Used', unitId: pcs.id, groupId: sub.id } });

    // when either group is deleted
    const withChild = await errorOf(admin.DeleteProductGroup({ id: top.id }));
    const withProduct = await errorOf(admin.DeleteProductGroup({ id: sub.id }));

    // then both are refused with CONFLICT saying why, and nothing is deleted
    expect(withChild.code).toBe('CONFLICT');
    expect(withChild.details).toMatchObject({ reason: 'IN_USE', children: 1, products: 0 });
    expect(withProduct.code).toBe('CONFLICT');
    expect(withProduct.details).toMatchObject({ reason: 'IN_USE', children: 0, products: 1 });
    expect((await admin.ProductGroup({ id: sub.id })).productGroup).not.toBeNull();

    // and once the product is gone, the groups can go bottom-up
    await admin.DeleteProduct({ id: createProduct.id });
    await admin.DeleteProductGroup({ id: sub.id });
    await admin.DeleteProductGroup({ id: top.id });
    expect((await admin.ProductGroup({ id: top.id })).productGroup).toBeNull();
  });

  it('refuses to delete a group a discount rule is for, which would silently stop the rule', async () => {
    const admin = await app.as(Role.ADMIN);
    const { createProductGroup: group } = await admin.CreateProductGroup({ input: { name: 'Discounted' } });
    const { createDiscountRule: rule } = await admin.CreateDiscountRule({ input: { name: 'Discounted −5 %', kind: 'PRODUCT_GROUP', activeFrom: '2026-01-01', groupId: group.id, percent: '5' } });
    const refused = await errorOf(admin.DeleteProductGroup({ id: group.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details).toMatchObject({ reason: 'IN_USE', children: 0, products: 0, discountRules: 1 });
    // once the rule is gone, so may the group be
    await admin.DeleteDiscountRule({ id: rule.id });
    await admin.DeleteProductGroup({ id: group.id });
    expect((await admin.ProductGroup({ id: group.id })).productGroup).toBeNull();
  });

  it('lets a sales manager read groups but not change them', async () => {
    const manager = await app.as(Role.SALES_MANAGER);
    await expect(manager.ProductGroups({})).resolves.toBeDefined();
    const error = await errorOf(manager.CreateProductGroup({ input: { name: 'nope' } }));
    expect(error.code).toBe('FORBIDDEN');
  });
});
