import { randomUUID } from 'node:crypto';
import { wrap } from '@mikro-orm/postgresql';
import { Product } from '../../api/src/modules/catalog/product.entity';
import { ProductGroup } from '../../api/src/modules/catalog/product-group.entity';
import { Unit } from '../../api/src/modules/catalog/unit.entity';
import { findOneJoined } from '../../api/src/shared/joined-lookup';
import { startTestApp, type TestApp } from '../support/harness';

/** findOneJoined must load exactly what em.findOne with a joined populate loads, in one statement. */
describe('findOneJoined', () => {
  let app: TestApp;
  let grouped: string;
  let ungrouped: string;
  beforeAll(async () => {
    app = await startTestApp();
    // given a product with a unit and a group, and one with a unit only
    const em = app.orm.em.fork();
    const unit = em.create(Unit, { code: 'jl-kg', name: 'kilogram', okeiCode: '166', precision: 3 });
    const parent = em.create(ProductGroup, { name: 'JL parent' });
    const group = em.create(ProductGroup, { name: 'JL child', parent });
    grouped = em.create(Product, { sku: 'JL-1', name: 'Grouped', unit, group, vatRate: '10', weight: '1.250', barcode: '4600000000017' }).id;
    ungrouped = em.create(Product, { sku: 'JL-2', name: 'Ungrouped', unit, description: 'no group' }).id;
    await em.flush();
  });
  afterAll(() => app.close());

  const viaFindOne = (id: string) => app.orm.em.fork().findOne(Product, { id }, { populate: ['unit', 'group'], strategy: 'joined' });

  it.each([
    ['with a group', () => grouped],
    ['without a group', () => ungrouped],
  ])('loads a product %s as em.findOne does, in one statement', async (_, id) => {
    // when the product is looked up both ways
    const expected = await viaFindOne(id());
    const em = app.orm.em.fork();
    let product: Product | null = null;
    const statements = await app.countStatements(async () => {
      product = await findOneJoined(em, Product, id(), ['unit', 'group']);
    });

    // then it is the same record, with its unit and group loaded, from one statement
    expect(statements).toBe(1);
    expect(wrap(product!).toObject()).toEqual(wrap(expected!).toObject());
    expect(product!.unit.isInitialized()).toBe(true);
    expect(product!.unit.unwrap()).toMatchObject({ code: 'jl-kg', name: 'kilogram', okeiCode: '166', precision: 3 });
    expect(product!.group?.isInitialized() ?? null).toBe(expected!.group ? true : null);
    expect(em.getUnitOfWork().getById(Unit.name, product!.unit.id)).toBe(product!.unit.unwrap());
  });

  it('leaves nothing to flush and finds nothing for an unknown id', async () => {
    // given a looked-up product
    const em = app.orm.em.fork();
    await findOneJoined(em, Product, grouped, ['unit', 'group']);

    // when the EntityManager is flushed and an unknown id is looked up
    const statements = await app.countStatements(() => em.flush());
    const missing = await findOneJoined(em, Product, randomUUID(), ['unit', 'group']);

    // then nothing was written and nothing was found
    expect(statements).toBe(0);
    expect(missing).toBeNull();
  });

  it('sees a change made after an earlier lookup', async () => {
    // given a product read once, then renamed elsewhere
    await findOneJoined(app.orm.em.fork(), Product, ungrouped, ['unit', 'group']);
    const writer = app.orm.em.fork();
    (await writer.findOneOrFail(Product, ungrouped)).name = 'Renamed';
    await writer.flush();

    // when it is read again
    const product = await findOneJoined(app.orm.em.fork(), Product, ungrouped, ['unit', 'group']);

    // then the new name is there
    expect(product!.name).toBe('Renamed');
  });

  it('refuses a relation that is not many-to-one', async () => {
    await expect(findOneJoined(app.orm.em.fork(), Product, grouped, ['sku'])).rejects.toThrow('Product.sku is not a many-to-one relation');
  });
});
