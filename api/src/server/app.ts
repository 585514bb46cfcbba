import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import path from 'node:path';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { GraphQLError, Kind, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config';
import { RequestConnections } from '../db/request-connections';
import { isDatabaseUnavailable } from '../shared/database-unavailable';
import { ErrorCode } from '../shared/errors';
import { PUBLIC_OPERATIONS } from './access';
import { lazyContext, type AuthUser, type Context } from './context';
import { serveConsole } from './console-static';
import { asMiddleware, printRoutes } from '../modules/documents/print.routes';
import { formatError, isUnexpected } from './errors.format';
import { graphqlHttpHandler, httpErrorAnswer } from './graphql-http';
import { refuseSubscriptionsOverHttp } from './http-subscriptions';
import { WsSessions } from './ws-sessions';
import { limitSettings, OperationLimits } from './limits';
import { WebSocketDrain } from './ws-drain';
import type { Services } from './services';
import type { Permission } from '../modules/identity/permissions';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

function rootFieldNames(operation: OperationDefinitionNode, fragments: Record<string, { selectionSet: SelectionSetNode }>): string[] {
  const names: string[] = [];
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (fragments[selection.name.value]) walk(fragments[selection.name.value].selectionSet);
    }
  };
  walk(operation.selectionSet);
  return names;
}

/** Only login and health are open; everything else, introspection included, needs a user. */
const requireSignedIn: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, document }) {
        if (contextValue.user || !operation) return;
        const fragments = Object.fromEntries(
          document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [(d as { name: { value: string } }).name.value, d as never]),
        );
        const closed = rootFieldNames(operation, fragments).filter((name) => name !== '__typename' && !PUBLIC_OPERATIONS.has(name));
        if (closed.length) {
          throw new GraphQLError('Sign in first', { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
        }
      },
    };
  },
};

function requestLogging(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const formatted = formatError({ message: error.message, extensions: error.extensions }, error, contextValue.services.constraints);
            if (isUnexpected(formatted)) logger.error({ err: error.originalError ?? error, requestId: contextValue.requestId }, 'unexpected error');
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}

/**
 * Answers are never cacheable: `cache-control: no-store` on every GraphQL response, as
 * Apollo's cache-control plugin said for a schema without cache hints. That plugin is off
 * because it wraps every field resolver of every request to collect hints we never give.
 */
const neverCached: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7).trim() : null);

/**
 * One HTTP server: POST and GET /graphql (Apollo on node:http, graphql-http.ts), WebSocket /graphql
 * (graphql-ws), /health, and the console's static files at /.
 */
export async function startServer(deps: { config: Config; orm: MikroORM; schema: GraphQLSchema; services: Services; logger: Logger; port?: number; host?: string }): Promise<RunningServer> {
  const { config, orm, schema, services, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  let graphqlHttp: (req: IncomingMessage, res: ServerResponse) => boolean = () => false;
  // /graphql goes straight to Apollo (graphql-http.ts); express serves the rest
  const httpServer = createServer((req, res) => {
    if (!graphqlHttp(req, res)) app(req, res);
  });

  // who is calling, or a 503 to retry when the database cannot say (Apollo would answer 500)
  const signedInUser = (token: string | null) =>
    services.sessions.userFromToken(token).catch((error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error;
      throw new GraphQLError('database unavailable', { originalError: error as Error, extensions: { http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) } } });
    });

  const makeContext = (user: AuthUser | null, ip: string): Context =>
    lazyContext({ requestId: randomUUID(), user, services, ip, pendingEvents: [] }, () => orm.em.fork());

  const limits = new OperationLimits(schema, limitSettings(config));
  // a statement waits for its own request's connection as long as PostgreSQL lets a transaction sit idle: past that only a bug would keep it waiting
  const connections = new RequestConnections(orm, { perRequest: config.DB_CONNECTIONS_PER_REQUEST, waitMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS || 60_000 });
  // noServer: the WebSocket server must not re-emit the HTTP server's listen errors as its own
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: limits.settings.bodyLimitBytes });
  httpServer.on('upgrade', (request, socket, head) => {
    if (drain.draining || new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  });
  // a socket runs as the user it connected as until that user's access changes: then it is closed with 4403
  const wsSessions = new WsSessions(services.sessions, services.events, config.SESSION_CACHE_SECONDS * 1000, logger);
  const wsLimits = limits.ws<{ socket: WebSocket; ip?: string }>((extra) => wsSessions.userOf(extra.socket));
  const wsCleanup = useServer<{ token?: string }, { ip?: string }>(
    {
      schema,
      ...wsLimits,
      execute: (args) => connections.run(() => wsLimits.execute!(args)),
      onConnect: async (ctx) => {
        const user = await wsSessions.connect(ctx.extra.socket, ctx.connectionParams?.token);
        if (!user) return false; // closes with 4403 Forbidden
        ctx.extra.ip = ctx.extra.request.socket.remoteAddress ?? '';
        drain.opened(ctx);
        return true;
      },
      onClose: (ctx): void => drain.closed(ctx),
      context: (ctx) => makeContext(wsSessions.userOf(ctx.extra.socket), ctx.extra.ip ?? ''),
      // the same error mapping as over HTTP: codes, fields, no stacks
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error, services.constraints)),
      onNext: (ctx, _id, _payload, _args, result) => {
        if (!wsSessions.userOf(ctx.extra.socket)) return { errors: [{ message: 'Forbidden', extensions: { code: ErrorCode.FORBIDDEN } }] }; // never sent: the socket is closing
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, services.constraints)) };
      },
    },
    wsServer,
  );

  // before Apollo's drain, which would cut upgraded sockets without a close frame
  const drain: WebSocketDrain = new WebSocketDrain(wsServer, async (): Promise<void> => {
    await wsSessions.close();
    await wsCleanup.dispose();
  });
  const shutDown = async () => {
    // stop listening, without http's closeIdleConnections (it would cut the upgraded sockets too)
    NetServer.prototype.close.call(httpServer);
    await drain.drain(config.SHUTDOWN_GRACE_SECONDS * 1000);
    await apollo.stop();
  };

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: limits.parseOptions,
    formatError: (formatted, error) => formatError(formatted, error, services.constraints),
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts owns SIGTERM: WebSockets drain first, then Apollo (see shutDown)
    plugins: [
      ...limits.apolloPlugins(),
      requireSignedIn,
      refuseSubscriptionsOverHttp,
      requestLogging(logger),
      neverCached,
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(), // only for federated subgraphs
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_SECONDS * 1000 }),
    ],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.status(200).json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  // a request over BODY_LIMIT asks who is calling before its body is read: the answer is kept for its context
  const callers = new WeakMap<IncomingMessage, Promise<AuthUser | null>>();
  const callerOf = (req: IncomingMessage) => {
    let caller = callers.get(req);
    if (!caller) callers.set(req, (caller = signedInUser(bearer(req.headers.authorization))));
    return caller;
  };
  graphqlHttp = graphqlHttpHandler({
    apollo,
    bodyLimit: config.BODY_LIMIT,
    uploadBodyLimit: config.UPLOAD_BODY_LIMIT,
    mayUpload: async (req) => {
      const caller = await callerOf(req);
      return [...services.uploadPermissions].some((permission) => caller?.permissions.has(permission as Permission) ?? false);
    },
    trustProxy: config.TRUST_PROXY,
    logger,
    around: (work) => connections.run(work),
    context: async (req, ip) => makeContext(await callerOf(req), ip),
  });

  // printed forms (documents/print.routes.ts); the console is served when built (console-static.ts)
  app.use(asMiddleware(printRoutes({ services, context: makeContext, signedInUser, run: (work) => connections.run(work), logger })));
  serveConsole(app, path.resolve('admin/dist'));

  // other express errors: a JSON answer, never express's HTML stack page
  app.use((error: { type?: string; status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const answer = httpErrorAnswer(error, config.BODY_LIMIT);
    if (answer.unexpected) logger.error({ err: error }, 'http error');
    res.status(answer.status).type('application/json').send(answer.body);
  });

  const port = deps.port ?? config.PORT;
  const host = deps.host ?? config.HOST;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    httpServer,
    close: () => (closing ??= shutDown()),
  };
}
