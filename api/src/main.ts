import 'reflect-metadata';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { countDemoPasswords } from './modules/identity/auth.service';
import { startServer, type RunningServer } from './server/app';
import { createSchema } from './server/schema';
import { createServices, type Services } from './server/services';

/** Boot: config → database → schema → server (→ jobs, when their issues land). */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({
    level: config.LOG_LEVEL,
    transport: process.stdout.isTTY ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } : undefined,
  });

  let database: Database | undefined;
  let server: RunningServer | undefined;
  let services: Services | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // past the grace period for in-flight requests, and a little for closing the pool
    const force = setTimeout(() => process.exit(1), ((config?.SHUTDOWN_GRACE_SECONDS ?? 10) + 5) * 1000);
    force.unref();
    await server?.close().catch((error) => logger.error({ err: error }, 'closing the server failed'));
    await services?.close().catch((error) => logger.error({ err: error }, 'closing the services failed'));
    await database?.close().catch((error) => logger.error({ err: error }, 'closing the database failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    database = await openDatabase(config, logger);
    if (config.NODE_ENV === 'production') {
      const demo = await countDemoPasswords(database.orm.em.fork());
      if (demo > 0) throw new Error(`${demo} active user(s) still have the demo password; change them (or deactivate the demo users) before running with NODE_ENV=production`);
    }
    const schema = await createSchema();
    services = await createServices(database.orm, config, logger);
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
