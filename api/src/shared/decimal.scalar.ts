import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text.trim())) {
    throw new GraphQLError(`Decimal must be a decimal number written as a string, e.g. "1234.50"; got ${JSON.stringify(value)}`);
  }
  return new Decimal(text.trim()).toFixed();
}

/** Money and quantities travel as strings so no float ever touches them (DESIGN §5). */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50"',
  serialize: (value) => (value === null || value === undefined ? value : new Decimal(value as Decimal.Value).toFixed()),
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string or a number literal');
  },
});
