import { print, type DocumentNode } from 'graphql';
import { HttpError } from 'react-admin';
import type { FieldError } from '@tradebook/client';
import { graphqlUrl, session } from './session';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: Record<string, string>; fieldErrors?: FieldError[]; details?: Record<string, unknown> };
}

/** What react-admin's forms and notifications read from a refused call (HttpError.body). */
export interface FailureBody {
  code?: string;
  /** Field errors by path, every error's: react-admin puts them on the form's inputs. */
  errors: Record<string, unknown>;
  fieldErrors: FieldError[];
  details: Record<string, unknown>;
}

const statusOf = (code: string | undefined, status: number) => (code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : status >= 400 ? status : 400);

/** The errors of one answer as react-admin's HttpError: the first one's code and details, every one's fields. */
export function failureOf(errors: GraphQLErrorBody[], status: number): HttpError {
  const first = errors[0];
  const body: FailureBody = {
    code: first?.extensions?.code,
    errors: Object.assign({}, ...errors.map((e) => e.extensions?.fields ?? {})),
    fieldErrors: errors.flatMap((e) => e.extensions?.fieldErrors ?? []),
    details: first?.extensions?.details ?? {},
  };
  return new HttpError(errors.map((e) => e.message).join('; '), statusOf(body.code, status), body);
}

/**
 * One GraphQL request. A refused request (errors and no data — a 400 for a value a scalar
 * refuses included) rejects with the errors as an HttpError; an answer with data keeps it,
 * and its errors, for the caller to decide (a FORBIDDEN at one field's path is that field, not the page).
 */
export async function graphqlRequest<T = Record<string, unknown>>(document: DocumentNode, variables: Record<string, unknown>, signal?: AbortSignal): Promise<{ data: T; errors: GraphQLErrorBody[] }> {
  const token = session.token();
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
    signal,
  });
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw new HttpError(response.statusText || `HTTP ${response.status}`, response.status || 500);
  }
  const errors = body.errors ?? [];
  if (!body.data) throw failureOf(errors.length ? errors : [{ message: response.statusText || `HTTP ${response.status}` }], response.status);
  return { data: body.data, errors };
}
