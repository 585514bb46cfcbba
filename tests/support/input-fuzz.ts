import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import { deepSelection } from './schema-walk';

/** A seeded source of choices: the same seed makes the same operations. */
export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** 0 ≤ n < below. */
  int(below: number): number {
    return unsafeUniformIntDistribution(0, below - 1, this.rng);
  }

  chance(probability: number): boolean {
    return this.int(1000) < probability * 1000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

/** Not a value of its type, or at the edge of what a column holds. */
const MALFORMED: Record<string, unknown[]> = {
  ID: ['x', '', '1', 42, '00000000-0000-4000-8000-00000000000Z', "1'; drop table product; --", 'a\u0000b', '\ud800'],
  String: ['a\u0000b', 'x\ud800y', '\udfff', 'z'.repeat(5000), 7, true, '', ' ', '%_\\', 'é'.repeat(300)],
  Int: [2147483648, -2147483649, -1, 0, 1.5, '1', 99999999, -99999999],
  Float: ['x', Number.MAX_VALUE, -1],
  Boolean: ['true', 1, 0],
  Decimal: ['abc', '1e5', '9'.repeat(16), '999999999999999', '999999999999999.9999', '-999999999999999.999', '0.00000001', 'NaN', '', 1.5, '1'.repeat(30), '-0', '100.0001', '-100', '101'],
  LocalDate: ['2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '26-01-01', '', 20260101, '2026-1-1'],
  DateTimeISO: ['not a date', '2026-02-30T00:00:00Z', '+275760-09-13T00:00:00Z', 0, ''],
  JSONObject: ['x', [1], 5],
};

const WORDS = ['a', 'Гвоздь', 'X-1', 'test', 'ab@cd.ef', 'RETAIL', 'pcs', '0', 'Σ € ß', 'name with spaces'];
const VALID_SCALARS: Record<string, (random: Random, ids: readonly string[]) => unknown> = {
  ID: (r, ids) => (ids.length && r.chance(0.75) ? r.pick(ids) : r.uuid()),
  String: (r) => r.pick(WORDS),
  Int: (r) => r.pick([0, 1, 2, 3, 5, 10, 25, 100, 500, 501]),
  Float: (r) => r.pick([0, 1, 2.5]),
  Boolean: (r) => r.chance(0.5),
  Decimal: (r) => r.pick(['0', '1', '2.5', '10', '22', '100', '1000.0000', '0.001', '-1', '12345678901234.5']),
  LocalDate: (r) => r.pick(['2026-01-15', '2026-03-01', '2026-06-30', '2025-12-31', '2027-01-01']),
  DateTimeISO: (r) => r.pick(['2026-01-01T00:00:00Z', '2030-01-01T00:00:00.000Z']),
  JSONObject: () => ({}),
};

/** A value of an input type: a literal's text and the same value for JSON variables. */
interface Generated {
  value: unknown;
  /** A bare enum name, printed without quotes in a literal. */
  enumName?: boolean;
}

export interface FuzzOptions {
  /** The chance that a leaf is replaced by a malformed value (the operation's mode). */
  malformed: number;
  ids: readonly string[];
}

class ValueGenerator {
  constructor(
    private readonly random: Random,
    private readonly options: FuzzOptions,
  ) {}

  value(type: GraphQLInputType, depth = 0): Generated {
    const r = this.random;
    if (r.chance(this.options.malformed / 4)) return { value: null };
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (r.chance(this.options.malformed / 3)) return this.value(nullable.ofType, depth + 1); // a single value where a list goes
      const length = r.chance(0.05) ? 501 : r.int(4);
      const items = Array.from({ length }, () => this.value(nullable.ofType, depth + 1));
      return { value: items };
    }
    if (isInputObjectType(nullable)) {
      if (r.chance(this.options.malformed / 5)) return { value: r.pick(['x', 1, []]) };
      const fields: Record<string, Generated> = {};
      for (const field of Object.values(nullable.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        const send = required ? !r.chance(this.options.malformed / 5) : r.chance(depth > 2 ? 0.2 : 0.5);
        if (send) fields[field.name] = this.value(field.type, depth + 1);
      }
      if (r.chance(this.options.malformed / 6)) fields.notAField = { value: 1 };
      return { value: fields };
    }
    if (isEnumType(nullable)) {
      if (r.chance(this.options.malformed)) return { value: r.pick(['NOPE', nullable.getValues()[0].name.toLowerCase()]), enumName: true };
      return { value: r.pick(nullable.getValues()).name, enumName: true };
    }
    const name = (nullable as GraphQLNamedType).name;
    if (r.chance(this.options.malformed) && MALFORMED[name]) return { value: r.pick(MALFORMED[name]) };
    return { value: (VALID_SCALARS[name] ?? VALID_SCALARS.String)(r, this.options.ids) };
  }
}

/** A GraphQL literal of a generated value (JSON text is valid GraphQL for strings and numbers). */
function literal(generated: Generated): string {
  const { value } = generated;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => literal(item as Generated)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, Generated>)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(', ')}}`;
  }
  if (generated.enumName) return String(value);
  return JSON.stringify(value);
}

function json(generated: Generated): unknown {
  const { value } = generated;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => json(item as Generated));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, Generated>).map(([key, item]) => [key, json(item)]));
  return value;
}

export interface FuzzOperation {
  kind: 'query' | 'mutation' | 'subscription';
  field: string;
  body: { query: string; variables?: Record<string, unknown> };
}

/** One operation calling `field` with generated arguments, sent as literals or as variables. */
export function fuzzOperation(random: Random, kind: FuzzOperation['kind'], field: GraphQLField<unknown, unknown>, options: FuzzOptions): FuzzOperation {
  const values = new ValueGenerator(random, options);
  const asVariables = random.chance(0.5);
  const args: string[] = [];
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && !random.chance(0.5)) continue;
    if (required && random.chance(options.malformed / 10)) continue; // a required argument left out
    const generated = values.value(arg.type);
    if (asVariables) {
      // declared nullable where the schema allows a default, as a client that may send null would
      const declared = arg.defaultValue !== undefined && isNonNullType(arg.type) ? String(arg.type.ofType) : String(arg.type);
      definitions.push(`$${arg.name}: ${declared}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] = json(generated);
    } else {
      args.push(`${arg.name}: ${literal(generated)}`);
    }
  }
  const head = definitions.length ? `${kind} Fuzz(${definitions.join(', ')})` : kind;
  const query = `${head} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${deepSelection(getNamedType(field.type), 1)} }`;
  return { kind, field: field.name, body: asVariables ? { query, variables } : { query } };
}

/** Every root field of the schema with the kind of operation it belongs to. */
export function operationFields(schema: GraphQLSchema): { kind: FuzzOperation['kind']; field: GraphQLField<unknown, unknown> }[] {
  const of = (kind: FuzzOperation['kind'], type: ReturnType<GraphQLSchema['getQueryType']>) => Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field }));
  return [...of('query', schema.getQueryType()), ...of('mutation', schema.getMutationType()), ...of('subscription', schema.getSubscriptionType())];
}
