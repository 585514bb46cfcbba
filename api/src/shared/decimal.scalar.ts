import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Decimal, type DecimalValue } from './money';

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

const FLOAT_REFUSED = 'Decimal must be written as a string, e.g. "1234.50": a JSON number with a fraction may already have lost digits';

function parseText(text: string): string {
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed) || trimmed.length > 60) {
    throw new GraphQLError(`Decimal must be a decimal number written as a string, e.g. "1234.50"; got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`);
  }
  return new Decimal(trimmed).toFixed();
}

/** A JSON number is taken only when it is a whole number JavaScript holds exactly; anything else must come as a string. */
function parseValue(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new GraphQLError(FLOAT_REFUSED);
    return String(value);
  }
  if (typeof value !== 'string') throw new GraphQLError(`Decimal must be a decimal number written as a string, e.g. "1234.50"; got ${JSON.stringify(value) ?? typeof value}`);
  return parseText(value);
}

/** Money and quantities travel as strings so no float ever touches them (DESIGN §5). */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50". JSON numbers with a fraction (floats) are refused; whole numbers are taken.',
  serialize: (value) => (value === null || value === undefined ? value : new Decimal(value as DecimalValue).toFixed()),
  parseValue,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseText(ast.value);
    if (ast.kind === Kind.INT) return parseText(ast.value); // the literal text is exact
    if (ast.kind === Kind.FLOAT) throw new GraphQLError(FLOAT_REFUSED);
    throw new GraphQLError('Decimal must be a string, e.g. "1234.50"');
  },
});
