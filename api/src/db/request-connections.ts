import { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';

/** One request's share of the pool: connections it holds now, and its statements waiting for one of them. */
class Share {
  held = 0;
  private readonly waiting: (() => void)[] = [];

  async take(max: number, waitMs: number): Promise<void> {
    if (this.held < max) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve(); // `held` passes on unchanged
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        // named as knex names its own, so it answers DATABASE_BUSY like a full pool
        reject(Object.assign(new Error('Timeout acquiring a connection: the request already holds its connections'), { name: 'KnexTimeoutError' }));
      }, waitMs);
      this.waiting.push(turn);
    });
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held--;
  }
}

interface KnexClient {
  acquireConnection(): Promise<object>;
  releaseConnection(connection: object): Promise<void>;
}

const requests = new AsyncLocalStorage<Share>();
const capped = new WeakSet<object>();

/**
 * At most `perRequest` pooled connections per request at once. graphql-js resolves sibling
 * fields in parallel, so without this one query of 16 aliased pages took 32 connections at
 * once and left none to anyone else; with it a request's statements take turns on its own
 * connection, and N requests hold at most N × perRequest. Knex's client is wrapped where it
 * takes and returns a connection (the ORM, transactions and the login limiter all go through
 * it); work outside `run` (boot, jobs, subscriptions' events) is not counted. A statement
 * that waited `waitMs` for its turn (only a request waiting on itself would: a bug) gets what
 * a full pool gives: DATABASE_BUSY.
 */
export class RequestConnections {
  constructor(
    orm: MikroORM,
    private readonly limits: { perRequest: number; waitMs: number },
  ) {
    const client = orm.em.getKnex().client as unknown as KnexClient;
    if (capped.has(client)) return;
    capped.add(client);
    const acquire = client.acquireConnection.bind(client);
    const release = client.releaseConnection.bind(client);
    const owners = new WeakMap<object, Share>();
    client.acquireConnection = async () => {
      const share = requests.getStore();
      if (!share) return acquire();
      const { perRequest, waitMs } = this.limits;
      await share.take(perRequest, waitMs);
      try {
        const connection = await acquire();
        owners.set(connection, share);
        return connection;
      } catch (error) {
        share.give();
        throw error;
      }
    };
    client.releaseConnection = (connection) => {
      owners.get(connection)?.give();
      owners.delete(connection);
      return release(connection);
    };
  }

  /** Runs one request's work, and everything it starts, under its own share of the pool. */
  run<T>(work: () => T): T {
    return requests.run(new Share(), work);
  }
}
