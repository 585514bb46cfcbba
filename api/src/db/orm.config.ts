import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { defaultModules } from '../modules';
import type { AnyModule } from '../server/module';
import { entitiesFor } from './entities';
import { migrationsList } from './migrations';
import { onStatement, statementSent } from './statement-listeners';

export { onStatement };

/** The pool and the limits set on every pooled connection (DESIGN §6). */
export interface PoolSettings {
  max: number;
  /** How long a request waits for a free connection before DATABASE_BUSY. */
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_POOL: PoolSettings = { max: 10, acquireTimeoutMs: 10_000, statementTimeoutMs: 30_000, lockTimeoutMs: 10_000, idleInTransactionTimeoutMs: 60_000 };

export function poolSettings(config: { DB_POOL_MAX: number; DB_ACQUIRE_TIMEOUT_MS: number; DB_STATEMENT_TIMEOUT_MS: number; DB_LOCK_TIMEOUT_MS: number; DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number }): PoolSettings {
  return {
    max: config.DB_POOL_MAX,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

export function ormConfig(clientUrl: string, pool: Partial<PoolSettings> = {}, modules: readonly AnyModule[] = defaultModules) {
  const settings = { ...DEFAULT_POOL, ...pool };
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl,
    entities: entitiesFor(modules),
    subscribers: modules.flatMap((m) => m.ormSubscribers?.() ?? []),
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: settings.max, acquireTimeoutMillis: settings.acquireTimeoutMs },
    // sent by node-postgres as startup parameters of every pooled connection (0 = no limit)
    driverOptions: {
      connection: {
        statement_timeout: settings.statementTimeoutMs,
        lock_timeout: settings.lockTimeoutMs,
        idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
      },
    },
    debug: process.env.TB_SQL_DEBUG === '1' ? ['query'] : false,
    // owned by rate-limiter-flexible, not by an entity
    schemaGenerator: { skipTables: ['login_attempt'] },
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'api/src/db/migrations',
      pathTs: 'api/src/db/migrations',
      emit: 'ts',
    },
    onQuery: (sql) => {
      statementSent(sql);
      return sql;
    },
  });
}
