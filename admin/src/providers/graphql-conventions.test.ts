import { buildSchema, introspectionFromSchema, print, type IntrospectionInputObjectType, type IntrospectionObjectType, type IntrospectionType } from 'graphql';
import { buildOperation, flattenRecord, toInput } from './graphql-conventions';

const schema = introspectionFromSchema(
  buildSchema(`
    scalar Decimal
    type Unit { id: ID! code: String! owner: Product }
    type Product { id: ID! sku: String! vatRate: Decimal! version: Int! unit: Unit! related(first: Int!): [Product!]! variants: [Unit!]! }
    type ProductPage { items: [Product!]! total: Int! }
    input SortInput { field: String! order: String }
    input ProductFilter { q: String ids: [ID!] groupId: ID }
    input BankInput { bik: String account: String }
    input LineInput { productId: ID! price: Decimal! }
    input UpdateProductInput { version: Int! sku: String unitId: ID bank: BankInput lines: [LineInput!] }
    type Query { products(filter: ProductFilter, sort: [SortInput!], page: Int, perPage: Int): ProductPage! product(id: ID!): Product }
    type Mutation { updateProduct(id: ID!, input: UpdateProductInput!): Product! }
  `),
).__schema;
const lookup = (name: string) => schema.types.find((t) => t.name === name) as IntrospectionType | undefined;
const product = lookup('Product') as IntrospectionObjectType;
const query = schema.types.find((t) => t.name === 'Query') as IntrospectionObjectType;
const mutation = schema.types.find((t) => t.name === 'Mutation') as IntrospectionObjectType;
const op = (type: IntrospectionObjectType, name: string) => type.fields.find((f) => f.name === name)! as never;

describe('graphql conventions of the console data provider', () => {
  it('lists with DESIGN §7 arguments: known filter keys only, no sort by id, perPage capped at 500', () => {
    const { query: doc, variables } = buildOperation('GET_LIST', product, op(query, 'products'), { filter: { q: 'bolt', groupId: 'g1', unknown: 1 }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 2, perPage: 1000 } }, lookup);
    expect(variables).toEqual({ filter: { q: 'bolt', groupId: 'g1' }, sort: undefined, page: 2, perPage: 500 });
    // scalars and one level of related scalars; fields with required arguments are skipped
    // scalars, one level of related scalars, and no list-valued relations in a page of records
    expect(print(doc).replace(/\s+/g, ' ')).toContain('items { id sku vatRate version unit { id code owner { id } } } total');
  });

  it('reads one record with its lists of related records', () => {
    const { query: doc } = buildOperation('GET_ONE', product, op(query, 'product'), { id: 'p1' }, lookup);
    expect(print(doc).replace(/\s+/g, ' ')).toContain('variants { id code owner { id } }');
  });

  it('asks getManyReference for the target as a filter key', () => {
    const { variables } = buildOperation('GET_MANY_REFERENCE', product, op(query, 'products'), { target: 'groupId', id: 'g9', filter: {}, sort: { field: 'sku', order: 'DESC' }, pagination: { page: 1, perPage: 10 } }, lookup);
    expect(variables).toEqual({ filter: { groupId: 'g9' }, sort: [{ field: 'sku', order: 'DESC' }], page: 1, perPage: 10 });
  });

  it('updates only what changed, with the version the form was loaded with', () => {
    const previousData = { id: 'p1', sku: 'A', unitId: 'u1', version: 3, bank: { bik: '1', account: '2' } };
    const data = { ...previousData, sku: 'B', version: 99, bank: { bik: '1', account: '3' } };
    const { variables } = buildOperation('UPDATE', product, op(mutation, 'updateProduct'), { id: 'p1', data, previousData }, lookup);
    expect(variables).toEqual({ id: 'p1', input: { sku: 'B', version: 3, bank: { bik: '1', account: '3' } } });
  });

  it('maps lists of input objects item by item', () => {
    const input = lookup('UpdateProductInput') as IntrospectionInputObjectType;
    expect(toInput({ version: 2, lines: [{ id: 'l1', productId: 'p1', price: '10', product: { id: 'p1' } }] }, input, lookup)).toEqual({ version: 2, lines: [{ productId: 'p1', price: '10' }] });
  });

  it('keeps only declared input fields and turns an emptied text into null', () => {
    const input = lookup('UpdateProductInput') as IntrospectionInputObjectType;
    expect(toInput({ version: 1, sku: '', unitId: 'u', extra: 'x', bank: { bik: '044525225', other: 1 } }, input, lookup)).toEqual({ version: 1, sku: null, unitId: 'u', bank: { bik: '044525225' } });
  });

  it('flattens inside lists too, so a line carries productId', () => {
    expect(flattenRecord({ id: 'pl', lines: [{ id: 'l1', product: { id: 'p1' }, price: '5' }] })).toEqual({
      id: 'pl',
      lines: [{ id: 'l1', product: { id: 'p1' }, productId: 'p1', price: '5' }],
      lineIds: ['l1'],
    });
  });

  it('puts unitId beside unit and teamMemberIds beside teamMembers, so forms use the input names', () => {
    expect(flattenRecord({ id: 'c1', unit: { id: 'u1', code: 'pcs' }, teamMembers: [{ id: 'a' }, { id: 'b' }], bank: { bik: '1' } })).toEqual({
      id: 'c1',
      unit: { id: 'u1', code: 'pcs' },
      unitId: 'u1',
      teamMembers: [{ id: 'a' }, { id: 'b' }],
      teamMemberIds: ['a', 'b'],
      bank: { bik: '1' },
    });
  });
});
