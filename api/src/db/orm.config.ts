import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { defaultModules } from '../modules';
import type { AnyModule } from '../server/module';
import { entitiesFor } from './entities';
import { migrationsList } from './migrations';

type StatementListener = (sql: string) => void;
const statementListeners = new Set<StatementListener>();

/** Lets tests count the SQL statements a request makes. */
export function onStatement(listener: StatementListener): () => void {
  statementListeners.add(listener);
  return () => statementListeners.delete(listener);
}

export function ormConfig(clientUrl: string, poolMax = 10, modules: readonly AnyModule[] = defaultModules) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl,
    entities: entitiesFor(modules),
    subscribers: modules.flatMap((m) => m.ormSubscribers?.() ?? []),
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: poolMax },
    debug: false,
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
      for (const listener of statementListeners) listener(sql);
      return sql;
    },
  });
}
