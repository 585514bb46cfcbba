import 'reflect-metadata';
import { configOrExit, createLogger, stopOnSignals } from './boot';
import { openDatabase, type Database } from './db/database';
import { createServices, type Services } from './server/services';

/**
 * `npm run worker`: runs the jobs and publishes the outbox without serving HTTP, for
 * deployments that scale out (API instances with JOBS=off, one or more workers). It uses
 * the API's database (DATABASE_URL), migrates it like an instance would, never seeds it.
 */
async function main() {
  const config = configOrExit();
  if (!config.DATABASE_URL) {
    console.error('Invalid configuration:\n  DATABASE_URL: required by the worker (the database of the API instances)');
    process.exit(2);
  }
  const logger = createLogger(config);
  let database: Database | undefined;
  let services: Services | undefined;
  stopOnSignals(logger, (config.SHUTDOWN_GRACE_SECONDS + 5) * 1000, async () => {
    await services?.close().catch((error) => logger.error({ err: error }, 'stopping the jobs failed'));
    await database?.close().catch((error) => logger.error({ err: error }, 'closing the database failed'));
  });

  try {
    database = await openDatabase({ ...config, SEED_DEMO: false }, logger);
    services = await createServices(database.orm, { ...config, JOBS: 'inline' }, logger);
    logger.info('Tradebook worker is running jobs and publishing events');
  } catch (error) {
    logger.fatal({ err: error }, 'the worker failed to start');
    await database?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
