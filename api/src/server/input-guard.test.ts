import { buildSchema } from 'graphql';
import { argumentKey, argumentProblems } from './input-guard';

const schema = buildSchema(`
  input Line { productId: ID!, note: String }
  input Doc { warehouseId: ID, lines: [Line!], tags: [String!] }
  type Query { doc(id: ID!, input: Doc, ids: [ID!], q: String, page: Int): Int }
`);
const args = schema.getQueryType()!.getFields().doc.args;
const UUID = '0b7e2a1c-5d3f-4c1a-9e8b-2f6d4a7c9e01';

describe('the arguments a field refuses before it resolves', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a UUID everywhere: nothing', { id: UUID, ids: [UUID], input: { warehouseId: UUID, lines: [{ productId: UUID }] } }, {}],
    ['an id that is not a UUID', { id: 'x' }, { id: 'must be a UUID' }],
    ['in a list, at its index', { id: UUID, ids: [UUID, '42'] }, { 'ids.1': 'must be a UUID' }],
    ['in the input, named without it', { id: UUID, input: { lines: [{ productId: UUID }, { productId: 'p' }] } }, { 'lines.1.productId': 'must be a UUID' }],
    ['a NUL in text', { id: UUID, q: 'a\u0000b' }, { q: 'must not contain NUL characters' }],
    ['an unpaired surrogate deep in the input', { id: UUID, input: { tags: ['ok', 'x\ud800'] } }, { 'tags.1': 'must be valid Unicode text (it has an unpaired surrogate)' }],
    ['a whole surrogate pair is text like any other', { id: UUID, q: 'гвоздь 🔩' }, {}],
    ['nulls and numbers are not its business', { id: UUID, input: null, page: 0 }, {}],
  ])('%s', (_story, values, problems) => {
    const found = argumentProblems(args, values);
    expect(Object.fromEntries(Object.entries(found).map(([field, p]) => [field, p.message]))).toEqual(problems);
    // and each carries its reason for clients to word: not an id, or not storable text
    for (const [field, p] of Object.entries(found)) expect(p.reason).toBe(problems[field] === 'must be a UUID' ? 'NOT_AN_ID' : 'NOT_TEXT');
  });

  it.each([
    [['input', 'lines', 0, 'productId'], 'lines.0.productId'],
    [['input'], 'input'],
    [['filter', 'ids', 2], 'filter.ids.2'],
  ])('keys %j as %s', (path, key) => {
    expect(argumentKey(path)).toBe(key);
  });
});
