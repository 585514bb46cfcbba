/**
 * The typed Tradebook SDK: every operation in schema/operations as a typed function.
 *
 *   const api = createClient({ url: 'https://tradebook.example/graphql' });
 *   const { login } = await api.Login({ email, password });
 *   const authed = createClient({ url, token: login.token });
 *   const { products } = await authed.Products({ filter: { q: 'bolt' } });
 *
 * A GraphQL error rejects with TradebookError, whose `code` is the ErrorCode.
 */
import { print, type DocumentNode } from 'graphql';
import { getSdk, type FieldErrorReason, type Requester } from './sdk';

export * from './sdk';

/** One refused field, for a program: the field's path, a FieldErrorReason, its numbers and names, and the English message. */
export interface FieldError {
  field: string;
  reason: FieldErrorReason;
  params: Record<string, unknown>;
  message: string;
}

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: Record<string, string>; fieldErrors?: FieldError[]; details?: Record<string, unknown>; requestId?: string; [key: string]: unknown };
}

/**
 * A request the API refused. `code` and `details` are the first error's; `fields` and
 * `fieldErrors` gather every error's, so a request with several refused values (each
 * its own GraphQL error) names all of them.
 */
export class TradebookError extends Error {
  readonly code: string | undefined;
  readonly fields: Record<string, string>;
  readonly fieldErrors: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(
    readonly errors: GraphQLErrorShape[],
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'TradebookError';
    this.code = errors[0]?.extensions?.code;
    this.fields = Object.assign({}, ...errors.map((e) => e.extensions?.fields ?? {}));
    this.fieldErrors = errors.flatMap((e) => e.extensions?.fieldErrors ?? []);
    this.details = errors[0]?.extensions?.details ?? {};
  }
}

export interface ClientOptions {
  /** The /graphql endpoint. */
  url: string;
  token?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export function createRequester(options: ClientOptions): Requester {
  const doFetch = options.fetch ?? fetch;
  const printed = new WeakMap<DocumentNode, string>();
  return async <R, V>(document: DocumentNode, variables?: V): Promise<R> => {
    let query = printed.get(document);
    if (!query) printed.set(document, (query = print(document)));
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: R; errors?: GraphQLErrorShape[] };
    if (body.errors?.length) throw new TradebookError(body.errors, response.status);
    return body.data as R;
  };
}

export function createClient(options: ClientOptions) {
  return getSdk(createRequester(options));
}

export type TradebookClient = ReturnType<typeof createClient>;
