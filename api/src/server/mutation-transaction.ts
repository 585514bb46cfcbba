import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../shared/event-bus';
import { writeOutbox, type OutboxDispatcher } from '../shared/outbox';
import { actorScope } from '../shared/request-scope';
import { inTransaction, type RetryOptions } from '../shared/transaction';
import { Loaders } from '../shared/loaders';

/** What the wrapper needs of a request's (or a job's) context. */
export interface MutationContext {
  requestId: string;
  user: { id: string } | null;
  em: EntityManager;
  loaders: Loaders;
  pendingEvents: DomainEvent[];
  services: { outbox: Pick<OutboxDispatcher, 'wake'> };
}

/**
 * Runs one mutation field (or one job) in one transaction (DESIGN §6) with the actor known
 * to the audit log, retried in a fresh transaction after a serialization failure or a
 * deadlock (inTransaction). Each attempt runs the whole field resolver again (type-graphql's
 * resolve: access check, middlewares, validation, service) with `context.em` and `context.loaders`
 * bound to its transaction and no pending events. The attempt's events are written to the outbox as its
 * last statement, so they commit with it (those of failed attempts roll back with them);
 * after the commit the dispatcher is only woken: publishing can fail and be retried, the
 * mutation that committed never reports a failure (DESIGN §9).
 */
export async function runMutation<T>(context: MutationContext, resolve: () => T | Promise<T>, options?: RetryOptions): Promise<T> {
  const outer = context.em;
  const outerLoaders = context.loaders;
  let wroteEvents = false;
  try {
    const result = await actorScope.run({ userId: context.user?.id ?? null, requestId: context.requestId }, () =>
      inTransaction(
        outer,
        async (em) => {
          context.em = em;
          // what the mutation reads through loaders reads its own transaction (and sees its own writes), never a second connection
          context.loaders = new Loaders(em);
          context.pendingEvents = [];
          wroteEvents = false;
          try {
            const value = await resolve();
            wroteEvents = await writeOutbox(em, context.pendingEvents.splice(0));
            return value;
          } finally {
            context.em = outer;
            context.loaders = outerLoaders;
          }
        },
        options,
      ),
    );
    if (wroteEvents) context.services.outbox.wake();
    return result;
  } finally {
    context.pendingEvents = [];
  }
}

/**
 * The field extension (`@Extensions({ [OUTSIDE_TRANSACTION]: true })`) of a mutation that writes no
 * business data and must not hold a connection while it works (login: argon2 and its limiter).
 */
export const OUTSIDE_TRANSACTION = 'outsideTransaction';

/**
 * Wraps the resolver of every Mutation field (but those OUTSIDE_TRANSACTION) in runMutation. At the schema level, not
 * as a type-graphql middleware: a middleware may call next() only once, a retry needs
 * the resolver again.
 */
export function runMutationsInTransactions(schema: GraphQLSchema, options?: RetryOptions): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (field.extensions?.[OUTSIDE_TRANSACTION] === true) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: MutationContext, info) => runMutation(context, () => resolve(source, args, context, info), options);
  }
  return schema;
}
