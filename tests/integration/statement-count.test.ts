import { Product } from '../../api/src/modules/catalog/product.entity';
import { ProductGroup } from '../../api/src/modules/catalog/product-group.entity';
import { Unit } from '../../api/src/modules/catalog/unit.entity';
import { Role, startTestApp, type TestApp } from '../support/harness';

/** DESIGN §7: relations resolve through per-request DataLoaders, so a list costs the same statements at any page size. */
describe('statement count of lists', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();

    // given 100 products over six groups three levels deep (two top groups, four
    // subgroups, two sub-subgroups) and two units, written straight to the database
    const em = app.orm.em.fork();
    const units = [em.create(Unit, { code: 'pcs', name: 'штука' }), em.create(Unit, { code: 'kg', name: 'килограмм', precision: 3 })];
    const tops = ['Электрика', 'Сантехника'].map((name) => em.create(ProductGroup, { name }));
    const subs = tops.flatMap((parent, t) => [1, 2].map((n) => em.create(ProductGroup, { name: `Подгруппа ${t + 1}.${n}`, parent })));
    const subSubs = [subs[0], subs[2]].map((parent) => em.create(ProductGroup, { name: `${parent.name}.1`, parent }));
    const leaves = [...subs, ...subSubs];
    for (let i = 0; i < 100; i++) {
      em.create(Product, {
        sku: `SC-${String(i).padStart(3, '0')}`,
        name: `Товар ${i}`,
        unit: units[i % units.length],
        group: leaves[i % leaves.length],
        weight: '1.5',
      });
    }
    await em.flush();
  });
  afterAll(() => app.close());

  it('is the same for a page of 10 and a page of 100 products with unit, group and group parent', async () => {
    const admin = await app.as(Role.ADMIN);
    await admin.Products({ perPage: 1 }); // warm up: the session is known, the schema is built

    // when the same list is read with 10 and with 100 rows per page
    let small: Awaited<ReturnType<typeof admin.Products>> | undefined;
    let large: Awaited<ReturnType<typeof admin.Products>> | undefined;
    const ten = await app.countStatements(async () => {
      small = await admin.Products({ perPage: 10 });
    });
    const hundred = await app.countStatements(async () => {
      large = await admin.Products({ perPage: 100 });
    });

    // then the relations really were resolved on every row
    expect(small!.products.items).toHaveLength(10);
    expect(large!.products.items).toHaveLength(100);
    expect(large!.products.total).toBe(100);
    for (const item of large!.products.items) {
      expect(item.unit.code).toMatch(/^(pcs|kg)$/);
      expect(item.group?.parent).not.toBeNull();
    }
    expect(large!.products.items.find((p) => p.sku === 'SC-004')?.group).toMatchObject({ name: 'Подгруппа 1.1.1', parent: { name: 'Подгруппа 1.1' } });

    // and the statements are the same few: the page with its total (count over the
    // filtered rows) and its units and groups joined in, then the parent groups
    expect(ten).toBe(hundred);
    expect(hundred).toBe(2);
  });
});

describe('statement count: one product', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reads a product with its unit and group in one statement', async () => {
    // given a product in a group with a unit
    const admin = await app.as(Role.ADMIN);
    const { createUnit } = await admin.CreateUnit({ input: { code: 'pc1', name: 'piece' } });
    const { createProductGroup } = await admin.CreateProductGroup({ input: { name: 'One' } });
    const { createProduct } = await admin.CreateProduct({ input: { sku: 'ONE-1', name: 'One', unitId: createUnit.id, groupId: createProductGroup.id } });
    await admin.Product({ id: createProduct.id }); // warm the session cache

    // when it is read with unit and group
    let product: unknown;
    const statements = await app.countStatements(async () => {
      product = (await admin.Product({ id: createProduct.id })).product;
    });

    // then the unit and group come joined in, not by extra queries
    expect(product).toMatchObject({ sku: 'ONE-1', unit: { code: 'pc1' }, group: { name: 'One' } });
    expect(statements).toBe(1);
  });
});
