import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { AnyModule } from '../server/module';
import { defaultModules } from '../modules';
import { User } from '../modules/identity/user.entity';
import { ensureDatabase, withDatabase } from './database-url';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { Client } from 'pg';
import { ormConfig, poolSettings, type PoolSettings } from './orm.config';
import { seedDemo, seedDemoCompany, seedDemoPrices } from './seed/demo.seed';
import { systemContext } from '../server/context';
import type { Services } from '../server/services';
import { runMutation } from '../server/mutation-transaction';

export interface Database {
  orm: MikroORM;
  url: string;
  close(): Promise<void>;
}

export async function connect(url: string, pool: Partial<PoolSettings> = {}, modules: readonly AnyModule[] = defaultModules): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url, pool, modules));
}

/**
 * Applies committed migrations; several instances starting at once take turns on an
 * advisory lock. The lock is held by a session of its own, outside the pool: it waits
 * idle while the migrator works, which the pool's idle-in-transaction timeout would end.
 */
export async function migrate(orm: MikroORM): Promise<void> {
  const lock = new Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(7426001)');
    await orm.getMigrator().up();
  } finally {
    await lock.end(); // ending the session releases the lock
  }
}

/** Demo data into an empty database (no users yet): the catalog and logins, then the prices posted and the company's details, as the system. */
export async function seedIfEmpty(orm: MikroORM, services: Services, logger: Logger): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(User, {})) > 0) return;
  logger.info('seeding demo data');
  await seedDemo(em);
  const ctx = systemContext(orm.em.fork(), services);
  await runMutation(ctx, () => seedDemoPrices(ctx));
  await runMutation(ctx, () => seedDemoCompany(ctx));
}

/**
 * DATABASE_URL when set (the database is created if missing); otherwise an embedded
 * PostgreSQL with its data in DATA_DIR/pg, on a free port. Migrated; the boot seeds it
 * (seedIfEmpty) once the services exist.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: RunningPostgres | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = path.join(config.DATA_DIR, 'pg');
    logger.info({ dataDir }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true, onLog: (line) => logger.debug(line) });
    url = withDatabase(embedded.url, 'tradebook');
  }
  try {
    await ensureDatabase(url);
    const orm = await connect(url, poolSettings(config));
    await migrate(orm);
    return {
      orm,
      url,
      close: async () => {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
