import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
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
import { AppError, describeInvalid, ErrorCode } from '../shared/errors';
import { databaseBusy, isRetryableTransactionError } from '../shared/transaction';
import { databaseUnavailable, isDatabaseUnavailable } from '../shared/database-unavailable';

/** Unique constraints whose name does not follow `<table>_<field>_unique`. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  counterparty_inn_kpp_unique: 'inn',
  product_group_parent_name_unique: 'name',
  app_user_email_unique: 'email',
};

// longest first, so product_group_name_unique is not read as product + group_name
const TABLE_PREFIXES = ['price_list_line', 'product_group', 'discount_rule', 'price_list', 'price_type', 'app_user', 'counterparty', 'warehouse', 'product', 'unit'];

function camel(text: string): string {
  return text.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function fieldOfConstraint(constraint: string | undefined): string | undefined {
  if (!constraint) return undefined;
  if (CONSTRAINT_FIELDS[constraint]) return CONSTRAINT_FIELDS[constraint];
  const match = /^(.*)_unique$/.exec(constraint);
  if (!match) return undefined;
  const prefix = TABLE_PREFIXES.find((table) => match[1].startsWith(`${table}_`));
  return camel(prefix ? match[1].slice(prefix.length + 1) : match[1]);
}

function validationFields(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints).join('; ');
    if (error.children?.length) Object.assign(fields, validationFields(error.children, path));
  }
  return fields;
}

function shape(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, extensions: { code, ...extra } };
}

/** GraphQL-level errors Apollo and the armor raise themselves; their messages are safe to show. */
const PASS_THROUGH = new Set([
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

/**
 * Maps every error once, at the boundary (DESIGN §7): domain errors keep their code and
 * details; database errors become CONFLICT / NOT_FOUND / BAD_USER_INPUT naming the field
 * (a deadlock or serialization failure: CONFLICT DATABASE_BUSY);
 * anything else is INTERNAL_SERVER_ERROR without stack or SQL.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // a deadlock or serialization failure outside a mutation's retries (those end as databaseBusy already)
  const original = unwrapped instanceof AppError ? unwrapped : isRetryableTransactionError(unwrapped) ? databaseBusy() : isDatabaseUnavailable(unwrapped) ? databaseUnavailable() : unwrapped;
  const base = { locations: formatted.locations, path: formatted.path };
  const done = (f: GraphQLFormattedError) => ({ ...f, ...base });

  if (original instanceof AppError) {
    return done(shape(original.code, original.message, { details: original.details, ...(original.details.fields ? { fields: original.details.fields } : {}) }));
  }
  if (original instanceof ArgumentValidationError) {
    const fields = validationFields(original.extensions.validationErrors as ValidationError[]);
    return done(shape(ErrorCode.BAD_USER_INPUT, describeInvalid(fields), { fields, details: { fields } }));
  }
  if (original instanceof UniqueConstraintViolationException) {
    const field = fieldOfConstraint((original as unknown as { constraint?: string }).constraint);
    const fields = field ? { [field]: 'is already taken' } : {};
    return done(shape(ErrorCode.CONFLICT, field ? `${field} is already taken` : 'A record with these values already exists', { fields, details: { fields } }));
  }
  if (original instanceof OptimisticLockError) {
    return done(shape(ErrorCode.CONFLICT, 'The record was changed by someone else; reload it and try again', { details: { reason: 'STALE_VERSION' } }));
  }
  if (original instanceof ForeignKeyConstraintViolationException) {
    return done(shape(ErrorCode.CONFLICT, 'The record is referenced by other records or refers to a missing one', { details: { reason: 'REFERENCED' } }));
  }
  if (original instanceof CheckConstraintViolationException || original instanceof NotNullConstraintViolationException) {
    const constraint = (original as unknown as { constraint?: string; column?: string }).constraint ?? (original as unknown as { column?: string }).column;
    return done(shape(ErrorCode.BAD_USER_INPUT, `A value breaks the rule ${constraint ?? 'of the record'}`, { details: { constraint } }));
  }
  if (original instanceof NotFoundError) {
    return done(shape(ErrorCode.NOT_FOUND, 'Not found'));
  }
  const code = formatted.extensions?.code as string | undefined;
  if (!original || original === error) {
    if (code && PASS_THROUGH.has(code)) return done({ message: formatted.message, extensions: { code, ...(formatted.extensions?.details ? { details: formatted.extensions.details } : {}) } });
    if (!code && !(error as { originalError?: unknown })?.originalError) {
      const parse = formatted.message.startsWith('Syntax Error');
      return done({ message: formatted.message, extensions: { code: parse ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED' } });
    }
  }
  return done(shape(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error; quote the request id to support'));
}

export function isUnexpected(formatted: GraphQLFormattedError): boolean {
  return formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR;
}
