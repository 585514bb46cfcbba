import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { Decimal, type DecimalValue } from './money';
import { quoted, scalarError } from './scalar-input';

const DECIMAL_PATTERN = /^-?(\d+)(?:\.(\d+))?$/;
/** numeric(19,4) and numeric(18,3), the money and quantity columns, both hold 15 digits before the point. */
export const MAX_INTEGER_DIGITS = 15;
/** No column keeps more than 4 places; past this many the number is not a typo to explain but noise. */
const MAX_FRACTION_DIGITS = 20;

const FLOAT_REFUSED = 'Decimal must be written as a string, e.g. "1234.50": a JSON number with a fraction may already have lost digits';

function parseText(text: string, node?: ValueNode): string {
  const trimmed = text.trim();
  const match = DECIMAL_PATTERN.exec(trimmed);
  if (!match) throw scalarError(`Decimal must be a decimal number written as a string, e.g. "1234.50"; got ${quoted(text)}`, node);
  if (match[1].replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
    throw scalarError(`Decimal must have at most ${MAX_INTEGER_DIGITS} digits before the point (less than 10^${MAX_INTEGER_DIGITS}); got ${quoted(text)}`, node);
  }
  if ((match[2]?.length ?? 0) > MAX_FRACTION_DIGITS) throw scalarError(`Decimal must have at most ${MAX_FRACTION_DIGITS} decimal places; got ${quoted(text)}`, node);
  return new Decimal(trimmed).toFixed();
}

/** A JSON number is taken only when it is a whole number JavaScript holds exactly; anything else must come as a string. */
function parseValue(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw scalarError(FLOAT_REFUSED);
    return parseText(String(value));
  }
  if (typeof value !== 'string') throw scalarError(`Decimal must be a decimal number written as a string, e.g. "1234.50"; got ${quoted(value)}`);
  return parseText(value);
}

/** Money and quantities travel as strings so no float ever touches them (DESIGN §5). */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50", at most 15 digits before the point. JSON numbers with a fraction (floats) are refused; whole numbers are taken.',
  serialize: (value) => (value === null || value === undefined ? value : new Decimal(value as DecimalValue).toFixed()),
  parseValue,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parseText(ast.value, ast);
    if (ast.kind === Kind.INT) return parseText(ast.value, ast); // the literal text is exact
    if (ast.kind === Kind.FLOAT) throw scalarError(FLOAT_REFUSED, ast);
    throw scalarError('Decimal must be a string, e.g. "1234.50"', ast);
  },
});
