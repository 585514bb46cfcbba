import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import pino from 'pino';
import { Client } from 'pg';
import { loadConfig, type Config } from '../../api/src/config';
import { connect } from '../../api/src/db/database';
import { withDatabase } from '../../api/src/db/database-url';
import { onStatement, poolSettings } from '../../api/src/db/orm.config';
import { DEMO_PASSWORD, demoEmail } from '../../api/src/db/seed/demo.seed';
import { Role } from '../../api/src/modules/identity/permissions';
import { startServer, type RunningServer } from '../../api/src/server/app';
import { createSchema } from '../../api/src/server/schema';
import { createServices, type Services } from '../../api/src/server/services';
import { defaultModules } from '../../api/src/modules';
import type { AnyModule } from '../../api/src/server/module';
import { createClient, TradebookError, type TradebookClient } from '@tradebook/client';

let schemaOnce: Promise<GraphQLSchema> | undefined;

export interface TestApp {
  url: string;
  /** The test file's own database, for a second instance of the API. */
  databaseUrl: string;
  graphqlUrl: string;
  orm: MikroORM;
  /** The instance's services (its job queue, outbox dispatcher, event bus). */
  services: Services;
  server: RunningServer;
  /** The SDK without a token. */
  anonymous: TradebookClient;
  /** The SDK signed in as the demo user of a role (cached per role). */
  as(role: Role): Promise<TradebookClient>;
  /** The SDK signed in with an email and password. */
  login(email: string, password?: string): Promise<{ client: TradebookClient; token: string; userId: string }>;
  /** Counts the SQL statements `run` makes. */
  countStatements(run: () => Promise<unknown>): Promise<number>;
  /** A second API instance in this process on the same database, with services of its own (event listener, job queue, dispatcher). */
  anotherInstance(overrides?: Partial<Record<keyof Config, string>>): Promise<AnotherInstance>;
  close(): Promise<void>;
}

async function createDatabaseFromTemplate(serverUrl: string, template: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        return;
      } catch (error) {
        // two files cloning the template at the same instant: wait and retry
        if (attempt > 20 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
}

export interface AnotherInstance {
  url: string;
  graphqlUrl: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * Starts the real server on a free port against a fresh database cloned from the
 * migrated template; tests call it over HTTP through the generated SDK.
 */
export async function startTestApp(overrides: Partial<Record<keyof Config, string>> = {}, options: { modules?: readonly AnyModule[] } = {}): Promise<TestApp> {
  const modules = options.modules ?? defaultModules;
  const serverUrl = process.env.TB_TEST_SERVER_URL!;
  const template = process.env.TB_TEST_TEMPLATE!;
  const database = `tb_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseFromTemplate(serverUrl, template, database);
  const dbUrl = withDatabase(serverUrl, database);
  // a long session cache keeps statement counts free of the periodic user re-read
  const configWith = (more: Partial<Record<keyof Config, string>> = {}) =>
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: dbUrl, SEED_DEMO: 'false', SESSION_CACHE_SECONDS: '300', ...overrides, ...more });
  const config = configWith();
  const orm = await connect(dbUrl, poolSettings(config), modules);
  // the schema is built once per test file; a file with modules of its own builds its own
  const schema = options.modules ? createSchema(modules) : (schemaOnce ??= createSchema());
  const services = await createServices(orm, config, undefined, modules);
  // TEST_LOG_LEVEL=error shows the server's unexpected errors while debugging a test
  const server = await startServer({ config, orm, schema: await schema, services, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), port: 0, host: '127.0.0.1' });
  const graphqlUrl = `${server.url}/graphql`;
  const clients = new Map<Role, Promise<TradebookClient>>();

  const login = async (email: string, password = DEMO_PASSWORD) => {
    const { login: result } = await createClient({ url: graphqlUrl }).Login({ email, password });
    return { client: createClient({ url: graphqlUrl, token: result.token }), token: result.token, userId: result.user.id };
  };

  return {
    url: server.url,
    databaseUrl: dbUrl,
    graphqlUrl,
    orm,
    services,
    server,
    anonymous: createClient({ url: graphqlUrl }),
    login,
    as(role: Role) {
      let client = clients.get(role);
      if (!client) {
        client = login(demoEmail(role)).then((r) => r.client);
        clients.set(role, client);
      }
      return client;
    },
    async countStatements(run) {
      let count = 0;
      const stop = onStatement(() => count++);
      try {
        await run();
      } finally {
        stop();
      }
      return count;
    },
    async anotherInstance(more = {}) {
      const otherConfig = configWith(more);
      const otherServices = await createServices(orm, otherConfig, undefined, modules);
      const other = await startServer({ config: otherConfig, orm, schema: await schema, services: otherServices, logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
      return {
        url: other.url,
        graphqlUrl: `${other.url}/graphql`,
        services: otherServices,
        async close() {
          await other.close();
          await otherServices.close();
        },
      };
    },
    async close() {
      await server.close();
      await services.close();
      await orm.close();
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    },
  };
}

/** The TradebookError a call rejects with (fails the test when it resolves). */
export async function errorOf(call: Promise<unknown>): Promise<TradebookError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TradebookError) return error;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Raw GraphQL over HTTP, for what the SDK deliberately cannot express. */
export async function rawRequest(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

export { Role, demoEmail, DEMO_PASSWORD };
