import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { isUuid } from '../shared/uuid';
import { badInput } from '../shared/errors';
import { FieldReason, problem, type FieldProblem } from '../shared/field-errors';

/** Scalars whose values are text (or hold text) the guard reads; Decimal and LocalDate check their own form. */
const TEXT_SCALARS = new Set(['String', 'ID', 'JSONObject']);

/**
 * The key of a field error: the argument path, `lines.0.quantity`; the `input` argument
 * is implied, as class-validator and the services name its fields.
 */
export function argumentKey(path: readonly (string | number)[]): string {
  return (path[0] === 'input' && path.length > 1 ? path.slice(1) : path).join('.');
}

// in a u-regex a whole pair is one code point: only a lone half is a Surrogate
const LONE_SURROGATE = /\p{Surrogate}/u;

/** What is wrong with one piece of text, or null: PostgreSQL stores neither NUL nor half a surrogate pair. */
export function textProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it has an unpaired surrogate)';
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  return null;
}

function jsonProblem(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return textProblem(value);
  if (!value || typeof value !== 'object' || depth > 20) return null;
  for (const [key, item] of Object.entries(value)) {
    const problem = textProblem(key) ?? jsonProblem(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function leafProblem(scalar: string, value: unknown): FieldProblem | null {
  const text = scalar === 'JSONObject' ? jsonProblem(value) : typeof value === 'string' ? textProblem(value) : null;
  if (text) return problem(FieldReason.NOT_TEXT, text);
  // IDs are UUIDs (DESIGN §7): a malformed one is a field error here, never a cast error in SQL
  return scalar === 'ID' && typeof value === 'string' && !isUuid(value) ? problem(FieldReason.NOT_AN_ID, 'must be a UUID') : null;
}

function collect(type: GraphQLInputType, value: unknown, path: (string | number)[], problems: Record<string, FieldProblem>): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, index) => collect(nullable.ofType, item, [...path, index], problems));
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) collect(field.type, (value as Record<string, unknown>)[field.name], [...path, field.name], problems);
    return;
  }
  if (isScalarType(nullable)) {
    const problem = leafProblem(nullable.name, value);
    if (problem) problems[argumentKey(path)] = problem;
  }
}

/** Whether a value of this type can hold text at all (input types may refer to themselves). */
function holdsText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return holdsText(nullable.ofType, seen);
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) return false;
    seen.add(nullable.name);
    return Object.values(nullable.getFields()).some((field) => holdsText(field.type, seen));
  }
  return isScalarType(nullable) && TEXT_SCALARS.has(nullable.name);
}

/** The field errors of a field's arguments, keyed by argument path. */
export function argumentProblems(args: readonly GraphQLArgument[], values: Record<string, unknown>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const arg of args) collect(arg.type, values[arg.name], [arg.name], problems);
  return problems;
}

function guard(field: GraphQLField<unknown, unknown>): void {
  const check = (values: Record<string, unknown>) => {
    const problems = argumentProblems(field.args, values);
    if (Object.keys(problems).length) throw badInput(problems);
  };
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    check(args);
    return resolve(source, args, context, info);
  };
  const subscribe = field.subscribe;
  if (subscribe) {
    field.subscribe = (source, args, context, info) => {
      check(args);
      return subscribe(source, args, context, info);
    };
  }
}

/**
 * Checks the arguments of every field before it resolves (queries, mutations — before
 * their transaction opens — subscriptions and nested fields alike, over any transport):
 * an ID that is not a UUID, text with a NUL or an unpaired surrogate, anywhere in an
 * argument or an input object, is BAD_USER_INPUT naming the argument path. The schema
 * keeps the standard ID and String types, so clients see nothing new. Apply last, so it
 * runs before any other wrapper.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((arg) => holdsText(arg.type))) guard(field);
    }
  }
  return schema;
}
