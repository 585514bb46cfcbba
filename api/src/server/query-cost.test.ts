import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { loadConfig } from '../config';
import { costEstimator, introspectionAllowance, queryCost } from './query-cost';

const cost = (schema: GraphQLSchema, query: string | DocumentNode, variables?: Record<string, unknown>) =>
  queryCost({ schema, estimator: costEstimator(schema), document: typeof query === 'string' ? parse(query) : query, variables });

describe('queryCost: about the number of values an answer may hold', () => {
  // 4 types of its own + Int, ID, String, Boolean + 8 introspection types = 16 types
  const schema = buildSchema(`
    type Query { products(page: Int = 1, perPage: Int = 25): ProductPage!  product(id: ID!): Product  groups: [Group!]! }
    type ProductPage { items: [Product!]! total: Int! }
    type Product { id: ID! sku: String! tags: [String!]! group: Group }
    type Group { id: ID! name: String! children: [Group!]! }
  `);

  it.each([
    ['a page counts perPage items: 1 + 500 × (items 1 + id 1)', '{ products(perPage: 500) { items { id } } }', {}, 1001],
    ['perPage left out counts its default 25: 1 + 25 × (items 3 + total 1)', '{ products { items { id sku } total } }', {}, 101],
    ['perPage from a variable counts its value: 1 + 100 × 2', 'query ($n: Int) { products(perPage: $n) { items { id } } }', { n: 100 }, 201],
    ['an unbounded list counts 20 items: 1 + 20 × (id 1 + children (1 + 20 × 1))', '{ groups { id children { id } } }', {}, 441],
    ['a list of scalars and a single object: 1 + tags 1 + group 2', '{ product(id: "1") { tags group { name } } }', {}, 4],
    ['introspection lists count what the schema holds: 1 + (1 + 16 types × 1)', '{ __schema { types { name } } }', {}, 18],
    ['aliases add up: (1 + 10 × 2) + (1 + 20 × 2)', '{ a: products(perPage: 10) { items { id } } b: products(perPage: 20) { items { id } } }', {}, 62],
    ['a fragment counts where it is spread: 1 + 2 × (1 + 2)', '{ products(perPage: 2) { items { ...P } } } fragment P on Product { id sku }', {}, 7],
    ['a skipped field costs nothing', '{ products(perPage: 500) @skip(if: true) { items { id } } product(id: "1") { id } }', {}, 2],
  ])('%s', (_story, query, variables, expected) => {
    expect(cost(schema, query, variables)).toBe(expected);
  });

  it('leaves variables that do not fit the operation to execution (undefined)', () => {
    expect(cost(schema, 'query ($n: Int!) { products(perPage: $n) { items { id } } }', {})).toBeUndefined();
  });

  it('gives up on a fragment bomb: Infinity', () => {
    const layers = Array.from({ length: 14 }, (_, i) => `fragment F${i} on Group { children { ...F${i + 1} ...F${i + 1} } }`).join(' ');
    expect(cost(schema, `{ groups { ...F0 } } ${layers} fragment F14 on Group { id }`)).toBe(Infinity);
  });
});

describe('queryCost of our schema against the default QUERY_MAX_COST', () => {
  const root = path.join(__dirname, '../../..');
  const schema = buildSchema(readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));
  const maxCost = loadConfig({}).QUERY_MAX_COST;

  it('lets one full introspection through (GraphiQL, codegen), not two', () => {
    const allowance = introspectionAllowance(schema, costEstimator(schema), maxCost);
    const one = cost(schema, getIntrospectionQuery())!;
    expect(one).toBeLessThanOrEqual(allowance);
    const twice = getIntrospectionQuery().replace('__schema', 'a: __schema').replace(/^(\s*query IntrospectionQuery \{)/m, `$1 b: __schema { types { ...FullType } }`);
    expect(cost(schema, twice)).toBeGreaterThan(allowance);
  });

  const SAMPLES: Record<string, unknown> = { Int: 1, Float: 1, Boolean: true, LocalDate: '2026-01-01', DateTimeISO: '2026-01-01T00:00:00Z', JSONObject: {} };
  const sample = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return sample(type.ofType);
    if (isListType(type)) return [];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, sample(f.type)]));
    }
    return SAMPLES[type.name] ?? '1';
  };
  const operations = parse(readdirSync(path.join(root, 'schema/operations')).map((file) => readFileSync(path.join(root, 'schema/operations', file), 'utf8')).join('\n'));
  const fragments = operations.definitions.filter((d) => d.kind === 'FragmentDefinition');
  const named = operations.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition').map((d) => [d.name!.value, d] as const);

  it.each(named)('lets the SDK operation %s through with perPage 100', (_name, operation) => {
    const variables = Object.fromEntries(
      operation.variableDefinitions!.map((v) => [v.variable.name.value, v.variable.name.value === 'perPage' ? 100 : sample(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
    );
    const document: DocumentNode = { kind: 'Document' as never, definitions: [operation, ...fragments] as DefinitionNode[] };
    const value = cost(schema, document, variables);
    expect(value).toBeDefined();
    expect(value).toBeLessThanOrEqual(maxCost);
  });
});
