import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
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
function sampleValue(type: GraphQLInputType): string {
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
