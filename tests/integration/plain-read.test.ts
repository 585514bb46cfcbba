import { getMetadataStorage } from 'type-graphql';
import { onStatement } from '../../api/src/db/statement-listeners';
import { createSchema } from '../../api/src/server/schema';
import { rawRequest, Role, startTestApp, type TestApp } from '../support/harness';

const FIELDS = `id sku name description kind vatRate barcode weight active createdAt updatedAt version
  unit { id code name precision createdAt version }
  group { id name path parent { id name } }`;
const FULL = `query($id: ID!) { product(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${FIELDS} } }`;
const LISTED = `query($ids: [ID!]) { products(filter: { ids: $ids }) { items { ${FIELDS} } } }`;

/**
 * `product(id)` is answered from a plain row by a prepared statement (PlainReads): the same
 * answer as the entity path of the list, reading only the columns the query selects.
 */
describe('product(id) from plain rows', () => {
  let app: TestApp;
  let auth: Record<string, string>;
  let productId: string;
  let loneId: string;
  /** The product as the mutation answered it: an entity, as MikroORM hydrates it. */
  let created: Record<string, unknown>;
  beforeAll(async () => {
    app = await startTestApp();
    const admin = await app.as(Role.ADMIN);
    const { token } = await app.login('admin@demo.tradebook');
    auth = { authorization: `Bearer ${token}` };
    const { createUnit } = await admin.CreateUnit({ input: { code: 'kgx', name: 'kilogram', precision: 3 } });
    const { createProductGroup: top } = await admin.CreateProductGroup({ input: { name: 'Top' } });
    const { createProductGroup: sub } = await admin.CreateProductGroup({ input: { name: 'Sub', parentId: top.id } });
    const input = { sku: 'PLAIN-1', name: 'Plain one', description: 'with a description', unitId: createUnit.id, groupId: sub.id, vatRate: '10', barcode: '4600000000017', weight: '1.250' };
    const { json } = await rawRequest(app.graphqlUrl, { query: CREATE, variables: { input } }, auth);
    created = (json as { data: { createProduct: Record<string, unknown> } }).data.createProduct;
    productId = created.id as string;
    const lone = await admin.CreateProduct({ input: { sku: 'PLAIN-2', name: 'No group', unitId: createUnit.id } });
    loneId = lone.createProduct.id;
  });
  afterAll(() => app.close());

  const statementsOf = async (query: string, variables: unknown) => {
    const sent: string[] = [];
    const stop = onStatement((sql) => sent.push(sql));
    try {
      const { json } = await rawRequest(app.graphqlUrl, { query, variables }, auth);
      return { json: json as { data?: Record<string, unknown>; errors?: unknown[] }, sent };
    } finally {
      stop();
    }
  };

  it('answers every field as the entity path (the mutation) does, and as the list does, in one statement', async () => {
    await statementsOf(FULL, { id: productId }); // the session known
    const one = await statementsOf(FULL, { id: productId });
    const listed = await statementsOf(LISTED, { ids: [productId] });
    expect(one.json.errors).toBeUndefined();
    const product = one.json.data!.product as Record<string, unknown>;
    expect(product).toEqual(created);
    expect((listed.json.data!.products as { items: unknown[] }).items[0]).toEqual(created);
    expect(product).toMatchObject({
      sku: 'PLAIN-1',
      description: 'with a description',
      kind: 'GOODS',
      vatRate: '10',
      barcode: '4600000000017',
      weight: '1.25',
      active: true,
      version: 1,
      unit: { code: 'kgx', precision: 3, version: 1 },
      group: { name: 'Sub', path: 'Top / Sub', parent: { name: 'Top' } },
    });
    expect(new Date(product.createdAt as string).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    // the product with unit and group in one statement, then the parent group (the path reads it from the loader)
    expect(one.sent).toHaveLength(2);
    expect(one.sent[0]).toMatch(/^select .* from "product" "e" left join "unit" .* left join "product_group" .* where "e"."id" = \$1$/);
  });

  it('selects only the columns asked for, and joins only the relations asked for', async () => {
    const { json, sent } = await statementsOf('query($id: ID!) { product(id: $id) { sku } }', { id: productId });
    expect(json.data).toEqual({ product: { sku: 'PLAIN-1' } });
    expect(sent).toEqual(['select "e"."id" as "e.id", "e"."sku" as "e.sku" from "product" "e"  where "e"."id" = $1']);

    const withUnit = await statementsOf('query($id: ID!) { product(id: $id) { name unit { code } } }', { id: productId });
    expect(withUnit.json.data).toEqual({ product: { name: 'Plain one', unit: { code: 'kgx' } } });
    expect(withUnit.sent).toHaveLength(1);
    expect(withUnit.sent[0]).toContain('left join "unit" "e_0"');
    expect(withUnit.sent[0]).not.toContain('product_group');
    expect(withUnit.sent[0]).not.toContain('"e"."barcode"');
  });

  it('reads every column when a field of another module is selected (its resolver may read any of them)', async () => {
    const { json, sent } = await statementsOf('query($id: ID!) { product(id: $id) { sku availability { available } } }', { id: productId });
    expect(json.errors).toBeUndefined();
    expect(json.data).toEqual({ product: { sku: 'PLAIN-1', availability: [] } });
    expect(sent[0]).toContain('"e"."kind"');
    expect(sent[0]).toContain('"e"."barcode"');
  });

  it('gives null for a product without a group, and for one that does not exist', async () => {
    const lone = await statementsOf('query($id: ID!) { product(id: $id) { sku group { name } } }', { id: loneId });
    expect(lone.json.data).toEqual({ product: { sku: 'PLAIN-2', group: null } });
    const missing = await statementsOf('query($id: ID!) { product(id: $id) { sku } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.json).toEqual({ data: { product: null } });
  });

  it('sees a change at once (nothing is cached between requests)', async () => {
    const admin = await app.as(Role.ADMIN);
    await admin.UpdateProduct({ id: loneId, input: { name: 'Renamed', version: 1 } });
    const { json } = await statementsOf('query($id: ID!) { product(id: $id) { name version } }', { id: loneId });
    expect(json.data).toEqual({ product: { name: 'Renamed', version: 2 } });
  });
});

describe('roots served from plain records', () => {
  it('reach every field resolver of Product, Unit and ProductGroup as they are (no class to convert them into)', async () => {
    await createSchema(); // the metadata is complete once the schema is built
    const storage = getMetadataStorage();
    const plainTypes = new Set(['Product', 'Unit', 'ProductGroup']);
    const objectTypeOf = (r: (typeof storage.resolverClasses)[number]) => {
      try {
        return (r.getObjectType?.() as { name?: string } | undefined)?.name ?? '';
      } catch {
        return ''; // a resolver of root fields only
      }
    };
    const resolversOfPlain = storage.resolverClasses.filter((r) => plainTypes.has(objectTypeOf(r)));
    const roots = storage.params.filter((p) => p.kind === 'root' && resolversOfPlain.some((r) => r.target === p.target));
    expect(roots.length).toBeGreaterThanOrEqual(7);
    // a root typed as the entity class would be copied into `new Product()` for every row (type-graphql's convertToType)
    expect(roots.filter((p) => (p as { getType?: unknown }).getType).map((p) => `${(p.target as { name: string }).name}.${p.methodName}`)).toEqual([]);
  });
});
