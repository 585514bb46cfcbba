/**
 * The API's own scalars as branded strings. What the API returns is typed `Decimal` or
 * `LocalDate`, so a money amount cannot be mixed up with a name or a date; what you send
 * may be any string (the API checks it and refuses a bad one with BAD_USER_INPUT on the
 * field), or a value these helpers checked beforehand.
 */
declare const brand: unique symbol;

/** An exact decimal number as a string, e.g. "1234.50": money and quantities, never a float. */
export type Decimal = string & { readonly [brand]: 'Decimal' };

/** A calendar date, "YYYY-MM-DD": document dates, price dates. */
export type LocalDate = string & { readonly [brand]: 'LocalDate' };

const DECIMAL_PATTERN = /^-?(\d+)(?:\.(\d+))?$/;
/** numeric(19,4) and numeric(18,3), the API's money and quantity columns, hold 15 digits before the point. */
const MAX_INTEGER_DIGITS = 15;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What the API takes as a Decimal: "-12.50", "3"; at most 15 digits before the point, no exponent, no spaces. */
export function isDecimal(value: unknown): value is Decimal {
  if (typeof value !== 'string') return false;
  const match = DECIMAL_PATTERN.exec(value);
  return !!match && match[1].replace(/^0+(?=\d)/, '').length <= MAX_INTEGER_DIGITS;
}

/**
 * A Decimal from a string as it was written ("12.50" stays "12.50"), a whole number
 * (12 → "12"), a bigint, or a decimal library's value (decimal.js, big.js, bignumber.js:
 * anything with `toFixed()`). A number with a fraction is refused, since it may already
 * have lost digits: write it as a string. Throws a RangeError naming the value otherwise.
 */
export function decimal(value: string | number | bigint | { toFixed(): string }): Decimal {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`decimal(): ${value} is not a whole number JavaScript holds exactly; write it as a string, e.g. "12.50"`);
    text = String(value);
  } else if (typeof value === 'bigint') {
    text = value.toString();
  } else if (typeof value === 'string') {
    text = value;
  } else {
    text = value.toFixed();
  }
  if (!isDecimal(text)) throw new RangeError(`decimal(): ${JSON.stringify(text)} is not a decimal number such as "1234.50" with at most ${MAX_INTEGER_DIGITS} digits before the point`);
  return text;
}

/** A calendar date that exists, written YYYY-MM-DD (2026-02-30 does not). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * A LocalDate from "YYYY-MM-DD" (checked to exist), or from a Date: its day on this
 * machine's calendar (its time zone), so `localDate(new Date())` is today here.
 * Throws a RangeError naming the value otherwise.
 */
export function localDate(value: string | Date): LocalDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('localDate(): the Date is invalid');
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}` as LocalDate;
  }
  if (!isLocalDate(value)) throw new RangeError(`localDate(): ${JSON.stringify(value)} is not a date that exists, written YYYY-MM-DD`);
  return value;
}
