import 'reflect-metadata';
import { configOrExit, createLogger, stopOnSignals } from './boot';
import { openDatabase, seedIfEmpty, type Database } from './db/database';
import { countDemoPasswords } from './modules/identity/auth.service';
import { startServer, type RunningServer } from './server/app';
import { createSchema } from './server/schema';
import { createServices, type Services } from './server/services';

/**
 * Boot: config → database → schema → services (the event listener, the job queue and,
 * with JOBS=inline, its workers; the outbox dispatcher) → demo seed → server.
 */
async function main() {
  const config = configOrExit();
  const logger = createLogger(config);

  let database: Database | undefined;
  let server: RunningServer | undefined;
  let services: Services | undefined;
  // past the grace period for in-flight requests, and a little for closing the pool
  stopOnSignals(logger, (config.SHUTDOWN_GRACE_SECONDS + 5) * 1000, async () => {
    await server?.close().catch((error) => logger.error({ err: error }, 'closing the server failed'));
    await services?.close().catch((error) => logger.error({ err: error }, 'closing the services failed'));
    await database?.close().catch((error) => logger.error({ err: error }, 'closing the database failed'));
  });

  try {
    const opening = openDatabase(config, logger);
    // the schema is built (CPU) while PostgreSQL starts and migrates (another process)
    const schemaBuilt = new Promise((resolve) => setTimeout(resolve, 20)).then(() => createSchema());
    schemaBuilt.catch(() => undefined); // a failure is reported where it is awaited
    database = await opening;
    if (config.NODE_ENV === 'production') {
      const demo = await countDemoPasswords(database.orm.em.fork());
      if (demo > 0) throw new Error(`${demo} active user(s) still have the demo password; change them (or deactivate the demo users) before running with NODE_ENV=production`);
    }
    const schema = await schemaBuilt;
    services = await createServices(database.orm, config, logger);
    if (config.SEED_DEMO) await seedIfEmpty(database.orm, services, logger);
    server = await startServer({ config, orm: database.orm, schema, services, logger });
    logger.info(`Tradebook is listening on http://localhost:${server.port}/ (GraphQL at /graphql)`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') logger.fatal(`cannot listen on port ${config.PORT}: ${code}; set PORT to a free port`);
    else logger.fatal({ err: error }, 'failed to start');
    await database?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
