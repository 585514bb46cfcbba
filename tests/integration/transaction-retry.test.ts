import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { graphql, GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { formatError } from '../../api/src/server/errors.format';
import { runMutationsInTransactions, type MutationContext } from '../../api/src/server/mutation-transaction';
import { AppError, ErrorCode } from '../../api/src/shared/errors';
import { emitAfterCommit } from '../../api/src/shared/event-bus';
import { actorScope } from '../../api/src/shared/request-scope';
import { inTransaction, isRetryableTransactionError } from '../../api/src/shared/transaction';
import { startTestApp, type TestApp } from '../support/harness';
import { Loaders } from '../../api/src/shared/loaders';

/** Makes PostgreSQL itself abort the transaction with a serialization failure (SQLSTATE 40001). */
const SERIALIZATION_FAILURE = `do $$ begin raise exception 'could not serialize access' using errcode = 'serialization_failure'; end $$`;

/** DESIGN §6: serialization failures and deadlocks are retried a bounded number of times, on real PostgreSQL connections. */
describe('transactions retried after serialization failures and deadlocks', () => {
  let app: TestApp;
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);
  const probe = async () => sql<{ id: number; n: number; log: string }>('select id, n, log from retry_probe order by id');

  beforeAll(async () => {
    app = await startTestApp();
    await sql('create table retry_probe (id int primary key, n int not null default 0, log text not null default \'\')');
  });
  beforeEach(async () => {
    await sql('delete from retry_probe');
    await sql('insert into retry_probe (id) values (1), (2)');
  });
  afterAll(() => app.close());

  it('retries the transaction PostgreSQL kills in a deadlock, so both transactions commit their writes', async () => {
    // given two transactions that each lock one row, wait for the other, then update the other's row
    let locked = 0;
    let bothLocked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
    const attempts: Record<string, number> = { A: 0, B: 0 };
    const retried: unknown[] = [];
    const transaction = (name: 'A' | 'B', first: number, second: number) =>
      inTransaction(
        app.orm.em.fork(),
        async (em: EntityManager, attempt) => {
          attempts[name] = attempt;
          await em.execute('update retry_probe set n = n + 1, log = log || ? where id = ?', [name, first]);
          if (attempt === 1) {
            if (++locked === 2) bothLocked();
            await barrier;
          }
          await em.execute('update retry_probe set n = n + 1, log = log || ? where id = ?', [name, second]);
        },
        { onRetry: (error) => retried.push(error) },
      );

    // when A takes row 1 then 2 while B takes row 2 then 1
    await Promise.all([transaction('A', 1, 2), transaction('B', 2, 1)]);

    // then PostgreSQL aborted exactly one of them with 40P01, which ran again and committed
    expect(retried).toHaveLength(1);
    expect(retried[0]).toBeInstanceOf(DeadlockException);
    expect((retried[0] as { code: string }).code).toBe('40P01');
    expect([attempts.A, attempts.B].sort()).toEqual([1, 2]);
    // and both rows carry both transactions' updates, the winner's first
    const winner = attempts.A === 1 ? 'A' : 'B';
    const loser = winner === 'A' ? 'B' : 'A';
    expect(await probe()).toEqual([
      { id: 1, n: 2, log: `${winner}${loser}` },
      { id: 2, n: 2, log: `${winner}${loser}` },
    ]);
  });

  it('tries work that always hits a serialization failure exactly `attempts` times, rolls each back, then answers CONFLICT', async () => {
    for (const attempts of [3, 5]) {
      // given work that writes, then is refused with 40001 every time
      let tries = 0;
      const failing = inTransaction(
        app.orm.em.fork(),
        async (em: EntityManager) => {
          tries++;
          await em.execute('update retry_probe set n = n + 1 where id = 1');
          await em.execute(SERIALIZATION_FAILURE);
        },
        { attempts, backoffMs: 1 },
      );

      // then it ran exactly `attempts` times and ended with CONFLICT DATABASE_BUSY
      const error = await failing.catch((e: unknown) => e);
      expect(tries).toBe(attempts);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: ErrorCode.CONFLICT, details: { reason: 'DATABASE_BUSY', attempts } });
      // and none of its writes stayed
      expect((await probe())[0].n).toBe(0);
      // and a client sees the code and a plain message, no SQL
      const formatted = formatError({ message: 'x' }, error);
      expect(formatted).toMatchObject({ extensions: { code: 'CONFLICT', details: { reason: 'DATABASE_BUSY', attempts } } });
      expect(formatted.message).toBe('The database was busy with conflicting changes; try again');
    }
  });

  it('retries only the outermost transaction: a failure in a nested one runs the outer one again', async () => {
    // given an outer transaction whose nested one is refused with 40001 the first time round
    const runs: string[] = [];
    const result = await inTransaction(app.orm.em.fork(), async (em: EntityManager, outer) => {
      runs.push(`outer ${outer}`);
      return inTransaction(em, async (nested: EntityManager, inner) => {
        runs.push(`nested ${inner}`);
        await nested.execute('update retry_probe set n = n + 1 where id = 2');
        if (outer === 1) await nested.execute(SERIALIZATION_FAILURE);
        return outer;
      });
    });
    // then the nested one ran once per outer attempt, and the second outer attempt committed once
    expect(runs).toEqual(['outer 1', 'nested 1', 'outer 2', 'nested 1']);
    expect(result).toBe(2);
    expect((await probe())[1].n).toBe(1);
  });

  it('does not retry other errors: a unique violation or a domain error is thrown after one try', async () => {
    // given work failing with a database error that is not about concurrency
    let tries = 0;
    const duplicate = await inTransaction(app.orm.em.fork(), async (em: EntityManager) => {
      tries++;
      await em.execute('insert into retry_probe (id) values (1)');
    }).catch((e: unknown) => e);
    // then it ran once and its own error comes out
    expect(tries).toBe(1);
    expect(duplicate).toBeInstanceOf(UniqueConstraintViolationException);
    expect(isRetryableTransactionError(duplicate)).toBe(false);

    // and the same for a domain error
    const refused = await inTransaction(app.orm.em.fork(), async () => {
      tries++;
      throw new AppError(ErrorCode.INSUFFICIENT_STOCK, 'Not enough stock');
    }).catch((e: unknown) => e);
    expect(tries).toBe(2);
    expect(refused).toMatchObject({ code: ErrorCode.INSUFFICIENT_STOCK });
  });

  it('maps a serialization failure that reaches the boundary unretried (outside a mutation) to CONFLICT without SQL', async () => {
    const error = await app.orm.em.fork().execute(SERIALIZATION_FAILURE).catch((e: unknown) => e);
    expect(formatError({ message: 'x' }, error)).toEqual({ message: 'The database was busy with conflicting changes; try again', extensions: { code: 'CONFLICT', details: { reason: 'DATABASE_BUSY' } } });
  });

  it('finds the SQLSTATE on the error, as sqlState, or on its cause', () => {
    expect(isRetryableTransactionError({ code: '40001' })).toBe(true);
    expect(isRetryableTransactionError({ sqlState: '40P01' })).toBe(true);
    expect(isRetryableTransactionError(new Error('wrapped', { cause: { code: '40P01' } }))).toBe(true);
    expect(isRetryableTransactionError({ code: '23505' })).toBe(false);
    expect(isRetryableTransactionError(new AppError(ErrorCode.CONFLICT, 'stale'))).toBe(false);
    expect(isRetryableTransactionError(undefined)).toBe(false);
  });

  it('runs a mutation field again in a fresh transaction and writes only the committed attempt’s events to the outbox', async () => {
    // given a Mutation field that writes, raises an event and is refused with 40001 on its first call
    const calls: { attempt: number; actor: string | null | undefined; inTransaction: boolean }[] = [];
    const outer = app.orm.em.fork();
    const mutation = new GraphQLObjectType<unknown, MutationContext>({
      name: 'Mutation',
      fields: {
        bump: {
          type: GraphQLInt,
          resolve: async (_source, _args, context) => {
            const attempt = calls.length + 1;
            calls.push({ attempt, actor: actorScope.getStore()?.userId, inTransaction: context.em !== outer && !!context.em.getTransactionContext() });
            emitAfterCommit(context, 'bumped', { attempt });
            await context.em.execute('update retry_probe set n = n + 1, log = log || ? where id = 1', [String(attempt)]);
            if (attempt === 1) await context.em.execute(SERIALIZATION_FAILURE);
            return attempt;
          },
        },
      },
    });
    const schema = runMutationsInTransactions(new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }), mutation }));
    const bumped = () => sql<{ payload: unknown }>(`select payload from outbox_event where topic = 'bumped' order by id`);
    const seenAtWake: Promise<{ payload: unknown }[]>[] = [];
    const context: MutationContext = {
      requestId: 'r-1',
      user: { id: 'user-1' },
      em: outer,
      loaders: new Loaders(outer),
      pendingEvents: [],
      // what another connection sees of the outbox when the dispatcher is woken
      services: { outbox: { wake: () => void seenAtWake.push(bumped()) } },
    };

    // when the mutation is executed
    const result = await graphql({ schema, source: 'mutation { bump }', contextValue: context });

    // then the second call answered, each call ran in its own transaction as the user
    expect(result).toEqual({ data: { bump: 2 } });
    expect(calls).toEqual([
      { attempt: 1, actor: 'user-1', inTransaction: true },
      { attempt: 2, actor: 'user-1', inTransaction: true },
    ]);
    // and only the second call's write and event are there
    expect((await probe())[0]).toMatchObject({ n: 1, log: '2' });
    expect(await bumped()).toEqual([{ payload: { attempt: 2 } }]);
    // and the dispatcher was woken once, after the event had committed
    expect(await Promise.all(seenAtWake)).toEqual([[{ payload: { attempt: 2 } }]]);
    // and the context is the request's again
    expect(context.em).toBe(outer);
    expect(context.pendingEvents).toEqual([]);
  });
});
