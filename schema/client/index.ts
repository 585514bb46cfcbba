/**
 * The typed Tradebook SDK (@tradebook/client): every operation in schema/operations as a typed function.
 *
 *   const client = createClient({ url: 'https://tradebook.example/graphql', token: process.env.TRADEBOOK_API_KEY });
 *   const { products } = await client.Products({ filter: { q: 'bolt' } }, { timeoutMs: 5000 });
 *   for await (const { pricesChanged } of client.PricesChanged({ priceTypeId })) …
 *
 * A refused request rejects with TradebookError, whose `code` is a TradebookErrorCode.
 * See README.md beside this file.
 */
import type { DocumentNode } from 'graphql';
import { TradebookError } from './errors';
import { postOperation, type CallOptions, type HttpOptions, type Operations } from './http';
import { getSdk, type LoginMutation, type Requester } from './sdk';
import { createSubscriptionClient, isSubscription, type SubscriptionClient, type SubscriptionOptions } from './subscriptions';

export * from './sdk';
export * from './errors';
export * from './scalars';
export { pages, type Page } from './pages';
export { DEFAULT_TIMEOUT_MS, type CallOptions, type Operations, type TokenSource } from './http';
export { createSubscriptionClient, type SubscriptionClient, type SubscriptionOptions } from './subscriptions';

export interface ClientOptions extends HttpOptions, Pick<SubscriptionOptions, 'webSocketImpl' | 'retryAttempts' | 'on'> {}

/** An answer that had data, with the errors beside it (a field the caller may not read is null at its path). */
export interface PartialAnswer<R> {
  data: R;
  /** The errors of the answer, when it had any. */
  error: TradebookError | undefined;
}

/** The SDK's queries and mutations, resolving with data and errors together. */
export type PartialSdk = {
  [K in keyof Operations as Operations[K] extends (...args: never[]) => Promise<unknown> ? K : never]: Operations[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<PartialAnswer<R>> : never;
};

/** The user `login` signs in. */
export type SignedInUser = LoginMutation['login']['user'];

/** One request over HTTP: its data, with a TradebookError for the errors beside it; rejects when no data came. */
async function answerOf<R>(options: HttpOptions, document: DocumentNode | string, variables: unknown, call?: CallOptions) {
  const answer = await postOperation<R>(options, document, variables, call);
  const error = answer.errors.length ? new TradebookError(answer.errors, answer.status, { data: answer.data, retryAfter: answer.retryAfter }) : undefined;
  if (answer.data === null && error) throw error;
  return { data: answer.data as R, error };
}

/** The requester getSdk calls: HTTP for queries and mutations (an answer with any error rejects), `subscribe` for subscriptions. */
export function createRequester(options: HttpOptions, subscribe?: SubscriptionClient['subscribe']): Requester<CallOptions> {
  return <R, V>(document: DocumentNode, variables?: V, call?: CallOptions): Promise<R> | AsyncIterable<R> => {
    if (isSubscription(document)) {
      if (!subscribe) throw new Error('This requester has no WebSocket: use createClient for subscriptions');
      return subscribe<R, V>(document, variables, call);
    }
    return answerOf<R>(options, document, variables, call).then(({ data, error }) => {
      if (error) throw error;
      return data;
    });
  };
}

/**
 * A client of the API: every operation of schema/operations as a method (`client.Products(…)`),
 * each taking `{ signal, timeoutMs, headers }` after its variables, and these.
 */
export interface TradebookClient extends Operations {
  /** The same queries and mutations, resolving with `{ data, error }` when the answer had data besides its errors. */
  partial: PartialSdk;
  /** A document of your own over HTTP: its data, or a TradebookError. */
  request<R = Record<string, unknown>, V = Record<string, unknown>>(document: DocumentNode | string, variables?: V, call?: CallOptions): Promise<R>;
  /** A subscription document of your own: its events until the loop breaks or a signal fires. */
  subscribe<R = Record<string, unknown>, V = Record<string, unknown>>(document: DocumentNode | string, variables?: V, call?: CallOptions): AsyncIterable<R>;
  /** Signs in with a person's email and password: a client acting as that user, the token (a JWT) and the user. */
  login(email: string, password: string, call?: CallOptions): Promise<{ client: TradebookClient; token: string; user: SignedInUser }>;
  /** Closes the WebSocket, if one was opened; its subscriptions end. */
  close(): Promise<void>;
}

/**
 * A client of the API. Queries and mutations go over HTTP POST; subscriptions over a
 * WebSocket opened with the first one (`close()` closes it).
 */
export function createClient(options: ClientOptions): TradebookClient {
  let socket: SubscriptionClient | undefined;
  const subscriptions = () => (socket ??= createSubscriptionClient(options));
  const sdk = getSdk(createRequester(options, (document, variables, call) => subscriptions().subscribe(document, variables, call)));
  const partial = getSdk<CallOptions>((document, variables, call) => answerOf(options, document, variables, call) as never) as unknown as PartialSdk;
  return {
    ...sdk,
    partial,
    async request(document, variables, call) {
      const { data, error } = await answerOf<never>(options, document, variables, call);
      if (error) throw error;
      return data;
    },
    subscribe: (document, variables, call) => subscriptions().subscribe(document, variables, call),
    async login(email, password, call) {
      const { login } = await sdk.Login({ email, password }, call);
      return { client: createClient({ ...options, token: login.token }), token: login.token, user: login.user };
    },
    async close() {
      const open = socket;
      socket = undefined;
      await open?.dispose();
    },
  };
}
