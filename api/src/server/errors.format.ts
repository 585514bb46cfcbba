import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { AppError, describeInvalid, ErrorCode, fieldDetails } from '../shared/errors';
import { FieldReason, problem } from '../shared/field-errors';
import { coercionReason, validationProblems, variableProblem } from '../shared/input-errors';
import { databaseBusy, isRetryableTransactionError } from '../shared/transaction';
import { ConstraintCatalog, type ConstraintMessage } from './constraint-messages';
import { inputErrorFields } from './input-errors';
import { databaseUnavailable, isDatabaseUnavailable } from '../shared/database-unavailable';


function shape(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, extensions: { code, ...extra } };
}

/** GraphQL-level errors Apollo and the armor raise themselves; their messages are safe to show. */
export const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  // raised before execution by the limits (server/limits.ts), with their details
  ErrorCode.FORBIDDEN,
  ErrorCode.TOO_MANY_REQUESTS,
]);

/** SQLSTATE of a database error, looked for on the error and its cause chain. */
function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, sqlState } = e as { code?: unknown; sqlState?: unknown };
    for (const candidate of [sqlState, code]) if (typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate)) return candidate;
  }
  return undefined;
}

const constraintOf = (error: unknown) => (error as { constraint?: string }).constraint;

const fromConstraint = ({ code, message, field, details, reason, params }: ConstraintMessage) => {
  const fields = fieldDetails(field ? { [field]: problem(reason ?? (code === ErrorCode.CONFLICT ? FieldReason.TAKEN : FieldReason.INVALID), message, params) } : {});
  return shape(code, field ? describeInvalid(fields.fields) : message, { ...fields, details: { ...details, ...fields } });
};

/** A value PostgreSQL could not store (SQLSTATE class 22) that no check before it caught: the input's fault, said without SQL. */
function dataException(state: string): GraphQLFormattedError {
  const message = state === '22003' ? 'A number is too large to be stored: at most 15 digits before the point' : 'A value cannot be stored as it was sent';
  return shape(ErrorCode.BAD_USER_INPUT, message, { fields: {}, details: { reason: state === '22003' ? 'NUMBER_TOO_LARGE' : 'UNSTORABLE_VALUE' } });
}

function mapError(formatted: GraphQLFormattedError, error: unknown, constraints: ConstraintCatalog): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // a deadlock or serialization failure outside a mutation's retries (those end as databaseBusy already)
  const original = unwrapped instanceof AppError ? unwrapped : isRetryableTransactionError(unwrapped) ? databaseBusy() : isDatabaseUnavailable(unwrapped) ? databaseUnavailable() : unwrapped;
  const base = { locations: formatted.locations, path: formatted.path };
  const done = (f: GraphQLFormattedError) => ({ ...f, ...base });

  if (original instanceof AppError) {
    const { fields, fieldErrors } = original.details;
    return done(shape(original.code, original.message, { details: original.details, ...(fields ? { fields } : {}), ...(fieldErrors ? { fieldErrors } : {}) }));
  }
  const input = inputErrorFields(error) ?? inputErrorFields(original);
  if (input) {
    // the reason of each, from the words of the scalar or input type that refused it (a letter in a Decimal: NOT_A_NUMBER)
    const variable = error instanceof GraphQLError ? variableProblem(error) : undefined;
    const problems = Object.fromEntries(
      Object.entries(input).map(([field, message]) => [field, variable?.field === field ? problem(variable.problem.reason, message, variable.problem.params) : problem(coercionReason(message.replace(/^.*?; /, '')).reason, message)]),
    );
    const details = fieldDetails(problems);
    return done(shape(ErrorCode.BAD_USER_INPUT, describeInvalid(details.fields), { ...details, details }));
  }
  if (original instanceof ArgumentValidationError) {
    const details = fieldDetails(validationProblems(original.extensions.validationErrors as ValidationError[]));
    return done(shape(ErrorCode.BAD_USER_INPUT, describeInvalid(details.fields), { ...details, details }));
  }
  if (original instanceof UniqueConstraintViolationException) {
    return done(fromConstraint(constraints.message(constraintOf(original), { code: ErrorCode.CONFLICT, message: 'A record with these values already exists' })));
  }
  if (original instanceof OptimisticLockError) {
    return done(shape(ErrorCode.CONFLICT, 'The record was changed by someone else; reload it and try again', { details: { reason: 'STALE_VERSION' } }));
  }
  // PostgreSQL 18 reports a RESTRICT foreign key as 23001 (restrict_violation), which MikroORM leaves unconverted
  if (original instanceof ForeignKeyConstraintViolationException || sqlStateOf(original) === '23001') {
    // PostgreSQL says "is still referenced" (or "violates RESTRICT setting") when a delete or update left rows pointing at the record
    const referenced = sqlStateOf(original) === '23001' || /still referenced|update or delete on/.test((original as Error).message);
    return done(
      shape(ErrorCode.CONFLICT, referenced ? 'The record is still used by other records; change or remove those first' : 'The record refers to a record that no longer exists', {
        details: { reason: referenced ? 'REFERENCED' : 'MISSING_REFERENCE' },
      }),
    );
  }
  if (original instanceof CheckConstraintViolationException) {
    return done(fromConstraint(constraints.message(constraintOf(original), { code: ErrorCode.BAD_USER_INPUT, message: 'A value breaks a rule of the record' })));
  }
  if (original instanceof NotNullConstraintViolationException) {
    const column = (original as unknown as { column?: string }).column;
    return done(fromConstraint({ code: ErrorCode.BAD_USER_INPUT, message: 'is required', field: column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : undefined }));
  }
  if (original instanceof NotFoundError) {
    return done(shape(ErrorCode.NOT_FOUND, 'Not found'));
  }
  const state = sqlStateOf(original);
  if (state?.startsWith('22')) return done(dataException(state));
  const code = formatted.extensions?.code as string | undefined;
  if (!original || original === error) {
    if (code && PASS_THROUGH.has(code)) return done({ message: formatted.message, extensions: { code, ...(formatted.extensions?.details ? { details: formatted.extensions.details } : {}) } });
    if (!code && !(error as { originalError?: unknown })?.originalError) {
      const parse = formatted.message.startsWith('Syntax Error');
      return done({ message: formatted.message, extensions: { code: parse ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED' } });
    }
  }
  return done(unexpected());
}

const unexpected = () => shape(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error; quote the request id to support');

/**
 * Maps every error once, at the boundary (DESIGN §7): domain errors keep their code and
 * details; input GraphQL itself refuses (a variable or literal not of its type, a scalar's
 * refusal, a null for a non-null argument) is BAD_USER_INPUT naming the argument path;
 * database errors become CONFLICT / NOT_FOUND / BAD_USER_INPUT with a domain message
 * (a deadlock or serialization failure: CONFLICT DATABASE_BUSY), never a constraint name;
 * anything else is INTERNAL_SERVER_ERROR without stack or SQL. It never throws: a failure
 * to map is itself an unexpected error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, constraints: ConstraintCatalog = ConstraintCatalog.empty): GraphQLFormattedError {
  try {
    return mapError(formatted, error, constraints);
  } catch {
    return { ...unexpected(), locations: formatted?.locations, path: formatted?.path };
  }
}

export function isUnexpected(formatted: GraphQLFormattedError): boolean {
  return formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR;
}
