import { registerEnumType } from 'type-graphql';
import { fieldErrorList, fieldMessages, FieldReason, problem, type FieldMessages } from './field-errors';

/** Every error a client can see carries one of these codes in extensions.code. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  CREDIT_LIMIT_EXCEEDED = 'CREDIT_LIMIT_EXCEEDED',
  PERIOD_CLOSED = 'PERIOD_CLOSED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'The code in extensions.code of every error' });

/** A domain error: services throw it, the GraphQL boundary maps it once. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** "Invalid input: field: what is wrong; …" — the message of a BAD_USER_INPUT with these fields. */
export const describeInvalid = (fields: FieldMessages) => `Invalid input: ${Object.entries(fieldMessages(fields)).map(([f, m]) => `${f}: ${m}`).join('; ')}`;

/**
 * The details of refused fields: `fields` ({ path: English }, as clients have always read it) and
 * `fieldErrors` ([{ field, reason, params, message }], for a client to word in its language).
 */
export const fieldDetails = (fields: FieldMessages) => ({ fields: fieldMessages(fields), fieldErrors: fieldErrorList(fields) });

/** BAD_USER_INPUT for every refused field at once; a field's problem is a FieldProblem (or, not yet given a reason, its words). */
export const badInput = (fields: FieldMessages, message = describeInvalid(fields), details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { ...fieldDetails(fields), ...details });

export const notFound = (entity: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${entity} ${id} not found`, { entity, id });

export const forbidden = (message = 'Forbidden') => new AppError(ErrorCode.FORBIDDEN, message);

/** The record is in the wrong state for the verb (e.g. posting a posted document). */
export const invalidState = (message: string, details: Record<string, unknown> = {}) => new AppError(ErrorCode.INVALID_STATE, message, details);

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, details);

/** CONFLICT for a value another record already has, on its field. */
export const alreadyTaken = (field: string, message: string) => conflict(message, fieldDetails({ [field]: problem(FieldReason.TAKEN, 'is already taken') }));
