import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { Decimal, type DecimalValue } from './money';
import { quoted, scalarError } from './scalar-input';

const DECIMAL_PATTERN = /^-?(\d+)(?:\.(\d+))?$/;
/** numeric(19,4) and numeric(18,3), the money and quantity columns, both hold 15 digits before the point. */
export const MAX_INTEGER_DIGITS = 15;
/** No column keeps more than 4 places; past this many the number is not a typo to explain but noise. */
const MAX_FRACTION_DIGITS = 20;
/** Prices and unit costs are numeric(19,4): never more than 4 places. */
const PRICE_MAX_PLACES = 4;

/** How a decimal is read, the same for every decimal scalar; its refusals start with the scalar's name (input-errors.ts reads it). */
function decimalParsing(name: string) {
  const floatRefused = `${name} must be written as a string, e.g. "1234.50": a JSON number with a fraction may already have lost digits`;

  function parseText(text: string, node?: ValueNode): string {
    const trimmed = text.trim();
    const match = DECIMAL_PATTERN.exec(trimmed);
    if (!match) throw scalarError(`${name} must be a decimal number written as a string, e.g. "1234.50"; got ${quoted(text)}`, node);
    if (match[1].replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
      throw scalarError(`${name} must have at most ${MAX_INTEGER_DIGITS} digits before the point (less than 10^${MAX_INTEGER_DIGITS}); got ${quoted(text)}`, node);
    }
    if ((match[2]?.length ?? 0) > MAX_FRACTION_DIGITS) throw scalarError(`${name} must have at most ${MAX_FRACTION_DIGITS} decimal places; got ${quoted(text)}`, node);
    return new Decimal(trimmed).toFixed();
  }

  return {
    /** A JSON number is taken only when it is a whole number JavaScript holds exactly; anything else must come as a string. */
    parseValue(value: unknown): string {
      if (typeof value === 'number') {
        if (!Number.isSafeInteger(value)) throw scalarError(floatRefused);
        return parseText(String(value));
      }
      if (typeof value !== 'string') throw scalarError(`${name} must be a decimal number written as a string, e.g. "1234.50"; got ${quoted(value)}`);
      return parseText(value);
    },
    parseLiteral(ast: ValueNode): string {
      if (ast.kind === Kind.STRING) return parseText(ast.value, ast);
      if (ast.kind === Kind.INT) return parseText(ast.value, ast); // the literal text is exact
      if (ast.kind === Kind.FLOAT) throw scalarError(floatRefused, ast);
      throw scalarError(`${name} must be a string, e.g. "1234.50"`, ast);
    },
  };
}

/** A decimal scalar: one written form on the way out, the Decimal reading on the way in. */
function decimalScalar(name: string, description: string, write: (value: Decimal) => string): GraphQLScalarType<string, string> {
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => (value === null || value === undefined ? (value as never) : write(new Decimal(value as DecimalValue))),
    ...decimalParsing(name),
  });
}

/** `places` places exactly, half up; a value that rounds to zero is "0.00", never "-0.00". */
const fixed = (value: Decimal, places: number) => {
  const rounded = value.toDecimalPlaces(places);
  return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(places);
};

/** Money amounts: exactly 2 places (DESIGN §7), "9482.00". */
const writeMoney = (value: Decimal): string => fixed(value, 2);
/** Prices and unit costs: at least 2 places, up to 4, "1250.50", "10.3333". */
const writePrice = (value: Decimal): string => fixed(value, Math.max(2, value.toDecimalPlaces(PRICE_MAX_PLACES).decimalPlaces()));

/**
 * Quantities, percents and rates, in their shortest form ("2.5", "10"); and every decimal
 * input, money and prices included: they travel as strings so no float ever touches them (DESIGN §5).
 */
export const DecimalScalar = decimalScalar(
  'Decimal',
  'An exact decimal number as a string in its shortest form, e.g. "2.5", "10": quantities, percents and rates. Every decimal input (money and prices too) takes it: at most 15 digits before the point; JSON numbers with a fraction (floats) are refused; whole numbers are taken.',
  (value) => value.toFixed(),
);

export const MoneyScalar = decimalScalar(
  'Money',
  'An amount of money in the base currency as a string with exactly 2 places, e.g. "9482.00", "-15.30" (rounded half up to the kopeck should a value ever hold more). Returned only; inputs take Decimal.',
  writeMoney,
);

export const PriceScalar = decimalScalar(
  'Price',
  'A price or cost per unit as a string with at least 2 places and up to 4, e.g. "1250.50", "10.3333" (rounded half up to 4 should a value ever hold more). Returned only; inputs take Decimal.',
  writePrice,
);
