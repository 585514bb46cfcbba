import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
}

const SAMPLE_SCALARS: Record<string, string> = {
  ID: '"00000000-0000-4000-8000-000000000000"',
  String: '"x"',
  Int: '1',
  Float: '1',
  Boolean: 'true',
  Decimal: '"1"',
  DateTimeISO: '"2026-01-01T00:00:00Z"',
  LocalDate: '"2026-01-01"',
  JSONObject: '{}',
};

/** A literal that passes validation for a required input of this type. */
export function sampleValue(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return `[${sampleValue(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isScalarType(type)) return SAMPLE_SCALARS[type.name] ?? '"x"';
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{${required.map((f) => `${f.name}: ${sampleValue(f.type)}`).join(', ')}}`;
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** A minimal valid document calling one root field, e.g. `mutation { createUnit(input: {...}) { __typename } }`. */
export function minimalOperation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${sampleValue(a.type)}`).join(', ')})` : '';
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

export function rootFields(schema: GraphQLSchema): { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  return [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation' as const, field })),
  ];
}

/**
 * Every leaf field of a type and, `depth` levels down, of its object fields, each with
 * `__typename` so a walk of the answer knows what it is reading; a type appears at most
 * twice on one path (a client's manager is a User under the partner's own User).
 */
export function deepSelection(type: GraphQLNamedType, depth: number, onPath: readonly string[] = []): string {
  if (!isObjectType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && onPath.filter((t) => t === named.name).length < 2) parts.push(`${field.name} ${deepSelection(named, depth - 1, [...onPath, type.name])}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/**
 * Arguments for a root field that reach real records: an `id` is the first record of the
 * matching list, a `<thing>Id` the first of that thing's list, a date and the required
 * fields of an input likewise; pages are one record long.
 */
export function argumentsFor(field: GraphQLField<unknown, unknown>, idOf: (entity: string) => string | undefined, date = '2026-06-30'): string | null {
  const valueFor = (name: string, type: GraphQLInputType): string | null => {
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isInputObjectType(nullable)) {
      const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
      const values = fields.map((f) => [f.name, valueFor(f.name, f.type)] as const);
      return values.some(([, v]) => v === null) ? null : `{${values.map(([n, v]) => `${n}: ${v}`).join(', ')}}`;
    }
    const scalar = getNamedType(nullable).name;
    if (scalar === 'LocalDate') return `"${date}"`;
    if (scalar !== 'ID') return null;
    const id = idOf(name === 'id' ? field.name : name.replace(/Id$/, ''));
    return id ? `"${id}"` : null;
  };
  const args: string[] = [];
  for (const arg of field.args) {
    if (arg.name === 'perPage') args.push('perPage: 1');
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const value = valueFor(arg.name, arg.type);
    if (value === null) return null;
    args.push(`${arg.name}: ${value}`);
  }
  return args.length ? `(${args.join(', ')})` : '';
}
