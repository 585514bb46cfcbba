import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { quoted, scalarError } from './scalar-input';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date 'YYYY-MM-DD' that really exists (2026-02-30 does not). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function parse(value: unknown, node?: ValueNode): string {
  if (!isLocalDate(value)) throw scalarError(`LocalDate must be a date written as YYYY-MM-DD; got ${quoted(value)}`, node);
  return value;
}

/** Document dates are dates, not instants (DESIGN §5). */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw scalarError('LocalDate must be a string YYYY-MM-DD', ast);
    return parse(ast.value, ast);
  },
});

/** Today on this server's calendar, YYYY-MM-DD (its time zone, TZ). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
