import { buildSchema, execute, parse, validate, type GraphQLError } from 'graphql';
import { inputErrorFields } from './input-errors';

const schema = buildSchema(`
  input Line { productId: ID!, quantity: Int! }
  input Receipt { date: String!, lines: [Line!]! = [] }
  enum Order { ASC DESC }
  input Sort { field: String!, order: Order! = ASC }
  type Query { list(page: Int! = 1, sort: [Sort!]): Int, receipt(input: Receipt!): Int, one(id: ID!): Int }
`);

/** The errors GraphQL itself reports for a document and its variables, validation first. */
function errorsOf(query: string, variables?: Record<string, unknown>): readonly GraphQLError[] {
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length) return invalid;
  return (execute({ schema, document, variableValues: variables, rootValue: { list: 1, receipt: 1, one: 1 } }) as { errors?: GraphQLError[] }).errors ?? [];
}

describe('the argument path of an input GraphQL refused', () => {
  it.each<[string, string, Record<string, unknown> | undefined, Record<string, string>]>([
    ['a literal of the wrong type, inside the input', '{ receipt(input: { date: "d", lines: [{ productId: "p", quantity: "many" }] }) }', undefined, { 'lines.0.quantity': 'Int cannot represent non-integer value: "many"' }],
    ['a string where an enum goes', '{ list(sort: [{ field: "a", order: "ASC" }]) }', undefined, { 'sort.0.order': 'Enum "Order" cannot represent non-enum value: "ASC". Did you mean the enum value "ASC" or "DESC"?' }],
    ['a required input field left out', '{ receipt(input: { date: "d", lines: [{ productId: "p" }] }) }', undefined, { 'lines.0.quantity': 'is required' }],
    ['a field the input does not have', '{ receipt(input: { date: "d", colour: 1 }) }', undefined, { colour: 'is not a field of Receipt' }],
    ['a literal null for a defaulted argument', '{ list(page: null) }', undefined, { page: 'must not be null' }],
    ['a variable of the wrong type, under the argument it fills', 'query($q: Int!) { receipt(input: { date: "d", lines: [{ productId: "p", quantity: $q }] }) }', { q: 'x' }, { 'lines.0.quantity': 'Int cannot represent non-integer value: "x"' }],
    ['a field deep in a variable', 'query($r: Receipt!) { receipt(input: $r) }', { r: { date: 'd', lines: [{ productId: 'p', quantity: 1 }, { productId: 'p', quantity: 1.5 }] } }, { 'lines.1.quantity': 'Int cannot represent non-integer value: 1.5' }],
    ['a required variable not sent', 'query($id: ID!) { one(id: $id) }', {}, { id: 'is required' }],
    ['an explicit null variable for a defaulted argument', 'query($p: Int) { list(page: $p) }', { p: null }, { page: 'must not be null; leave it out to get its default, if it has one' }],
  ])('%s', (_story, query, variables, fields) => {
    const errors = errorsOf(query, variables);
    expect(errors).toHaveLength(1);
    expect(inputErrorFields(errors[0].originalError && errors[0].path ? errors[0].originalError : errors[0])).toEqual(fields);
  });

  it('leaves errors that are not about input to the other mappings', () => {
    const [unknownField] = errorsOf('{ nope }');
    expect(inputErrorFields(unknownField)).toBeNull();
    expect(inputErrorFields(new Error('boom'))).toBeNull();
  });
});
