import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { quoted, scalarError } from './scalar-input';

const DECIMAL_PATTERN = /^-?(\d+)(?:\.(\d+))?$/;
/** numeric(19,4) and numeric(18,3), the money and quantity columns, both hold 15 digits before the point. */
export const MAX_INTEGER_DIGITS = 15;
/** No column keeps more than 4 places; past this many the number is not a typo to explain but noise. */
const MAX_FRACTION_DIGITS = 20;

function parseDecimal(value: unknown, node?: ValueNode): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const match = typeof text === 'string' ? DECIMAL_PATTERN.exec(text.trim()) : null;
  if (!match) throw scalarError(`Decimal must be a decimal number written as a string, e.g. "1234.50"; got ${quoted(value)}`, node);
  if (match[1].replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
    throw scalarError(`Decimal must have at most ${MAX_INTEGER_DIGITS} digits before the point (less than 10^${MAX_INTEGER_DIGITS}); got ${quoted(value)}`, node);
  }
  if ((match[2]?.length ?? 0) > MAX_FRACTION_DIGITS) throw scalarError(`Decimal must have at most ${MAX_FRACTION_DIGITS} decimal places; got ${quoted(value)}`, node);
  return new Decimal((text as string).trim()).toFixed();
}

/** Money and quantities travel as strings so no float ever touches them (DESIGN §5). */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50"',
  serialize: (value) => (value === null || value === undefined ? value : new Decimal(value as Decimal.Value).toFixed()),
  parseValue: (value) => parseDecimal(value),
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value, ast);
    throw scalarError('Decimal must be a string or a number literal', ast);
  },
});
