import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting, for code that runs below the resolvers (the audit subscriber). */
export interface Actor {
  userId: string | null;
  requestId: string;
}

export const actorScope = new AsyncLocalStorage<Actor>();
