import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Config } from '../config';
import { Role } from '../modules/identity/permissions';
import { ErrorCode } from '../shared/errors';
import type { AuthUser, Context } from './context';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { costEstimator, queryCost, introspectionAllowance } from './query-cost';
import { GateFull, RequestGate } from './request-gate';

/** Every limit an operation meets, on HTTP and WebSocket alike (README, configuration). */
export interface LimitSettings {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  requestsPerUser: number;
  queuedPerUser: number;
  operationsPerSocket: number;
  bodyLimitBytes: number;
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** A size as the configuration writes it ("1mb", "500kb", "100b"), in bytes. */
export function sizeInBytes(size: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/.exec(size)!;
  return Number(amount) * UNITS[unit];
}

export function limitSettings(config: Config): LimitSettings {
  return {
    maxTokens: config.QUERY_MAX_TOKENS,
    maxDepth: config.QUERY_MAX_DEPTH,
    maxAliases: config.QUERY_MAX_ALIASES,
    maxDirectives: config.QUERY_MAX_DIRECTIVES,
    maxCost: config.QUERY_MAX_COST,
    requestsPerUser: config.REQUESTS_PER_USER,
    queuedPerUser: config.REQUESTS_QUEUED_PER_USER,
    operationsPerSocket: config.WS_OPERATIONS_PER_CONNECTION,
    bodyLimitBytes: sizeInBytes(config.BODY_LIMIT),
  };
}

/** A query refused for its shape before it runs: 400, GRAPHQL_VALIDATION_FAILED, which limit and by how much. */
const overLimit = (limit: string, max: number, found: number, message: string) =>
  new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', details: { limit, max, found }, http: { status: 400 } } });

const RETRY_AFTER_SECONDS = 1;
const tooManyRequests = (message: string, details: Record<string, unknown> = {}) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.TOO_MANY_REQUESTS, details: { retryAfterSeconds: RETRY_AFTER_SECONDS, ...details }, http: { status: 429 } },
  });

/** Introspection is for staff (the console, GraphiQL, codegen against a live server); partners generate from the committed schema/schema.graphql. */
export const mayIntrospect = (user: AuthUser) => user.roles.some((role) => role !== Role.PARTNER);

/** What the checks need to know of a document, read once per parsed document (Apollo reuses it for the same query text). */
interface DocumentShape {
  introspects: boolean;
  /** A perPage or a @skip/@include takes a variable, so the cost depends on the variables. */
  costTakesVariables: boolean;
  /** Costs by operation name, when they do not depend on the variables. */
  costs: Map<string, number>;
}

function shapeOf(document: DocumentNode): DocumentShape {
  const shape: DocumentShape = { introspects: false, costTakesVariables: false, costs: new Map() };
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') shape.introspects = true;
    },
    Argument(node) {
      if (node.name.value === 'perPage' && node.value.kind === Kind.VARIABLE) shape.costTakesVariables = true;
    },
    Directive(node) {
      if (node.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE)) shape.costTakesVariables = true;
    },
  });
  return shape;
}

/** Whose turn an operation takes: the signed-in user, else the anonymous caller's IP. */
const callerKey = (context: Pick<Context, 'user' | 'ip'>) => (context.user ? `user:${context.user.id}` : `ip:${context.ip}`);

/**
 * The one set of limits for every transport (DESIGN §8): tokens (the parser), depth,
 * aliases and directives (graphql-armor's rules, introspection counted like the rest),
 * a cost that counts list sizes (query-cost.ts), introspection for staff only, and a turn
 * per caller (request-gate.ts). Apollo takes them through `apolloPlugins`, graphql-ws through `ws`.
 */
export class OperationLimits {
  readonly validationRules: ValidationRule[];
  private readonly armorPlugins: ApolloServerPlugin[];
  private readonly estimator: ComplexityEstimator;
  /** What an operation that introspects may cost (introspectionAllowance). */
  private readonly introspectionMaxCost: number;
  private readonly gate: RequestGate;
  private readonly costGate: RequestGate;
  private readonly shapes = new WeakMap<DocumentNode, DocumentShape>();
  /** The cost onSubscribe worked out, for the turn execute takes (each message parses its own document). */
  private readonly costs = new WeakMap<DocumentNode, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    readonly settings: LimitSettings,
  ) {
    const refuse = (limit: string, max: number) => ({
      propagateOnRejection: false,
      onReject: [
        (context: ValidationContext | null, error: GraphQLError) => {
          const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
          context?.reportError(overLimit(limit, max, found, `${error.message.replace(/^Syntax Error: /, '')} Ask for less in one operation.`));
        },
      ],
    });
    const armor = new ApolloArmor({
      maxDepth: { n: settings.maxDepth, ignoreIntrospection: false, flattenFragments: true, ...refuse('depth', settings.maxDepth) },
      maxAliases: { n: settings.maxAliases, ...refuse('aliases', settings.maxAliases) },
      maxDirectives: { n: settings.maxDirectives, ...refuse('directives', settings.maxDirectives) },
      costLimit: { enabled: false }, // ours counts perPage and variables: check()
      maxTokens: { enabled: false }, // enforced by the parser itself (parseOptions), which keeps syntax errors a 400
      blockFieldSuggestion: { enabled: true },
    }).protect();
    this.validationRules = armor.validationRules!;
    this.armorPlugins = armor.plugins!;
    this.estimator = costEstimator(schema);
    this.introspectionMaxCost = introspectionAllowance(schema, this.estimator, settings.maxCost);
    this.gate = new RequestGate({ running: settings.requestsPerUser, queued: settings.queuedPerUser });
    this.costGate = new RequestGate({ running: settings.maxCost, queued: settings.queuedPerUser });
  }

  get parseOptions() {
    return { maxTokens: this.settings.maxTokens };
  }

  /**
   * What only the caller and the variables decide, after validation: introspection by
   * role, and the cost with `perPage: $n` counted at its value. Anonymous callers are left
   * to the sign-in check.
   */
  check(input: { document: DocumentNode; operationName?: string | null; variables?: Record<string, unknown> | null; user: AuthUser | null }): { refused?: GraphQLError; cost: number } {
    let shape = this.shapes.get(input.document);
    if (!shape) this.shapes.set(input.document, (shape = shapeOf(input.document)));
    if (input.user && !mayIntrospect(input.user) && shape.introspects) {
      const refused = new GraphQLError('Introspection is for staff; generate your client from schema/schema.graphql in the repository', {
        extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
      });
      return { refused, cost: 0 };
    }
    const operation = input.operationName ?? '';
    let cost = shape.costTakesVariables ? undefined : shape.costs.get(operation);
    if (cost === undefined) {
      const worked = queryCost({ schema: this.schema, estimator: this.estimator, ...input });
      if (worked !== undefined && !shape.costTakesVariables) shape.costs.set(operation, worked);
      cost = worked ?? 1;
    }
    const maxCost = shape.introspects ? this.introspectionMaxCost : this.settings.maxCost;
    if (cost > maxCost) {
      const found = Number.isFinite(cost) ? Math.round(cost) : -1;
      const refused = overLimit('cost', maxCost, found, `The query may cost ${Number.isFinite(cost) ? found : 'too much to work out'}, more than the limit of ${maxCost} (lists count perPage items each); ask for fewer items or fields.`);
      return { refused, cost };
    }
    return { cost };
  }

  /**
   * Waits for the caller's turn: one of its `requestsPerUser` operations, whose costs together
   * stay within `maxCost` (so the largest query runs alone); TOO_MANY_REQUESTS (429,
   * Retry-After) when it has too many operations running and waiting.
   */
  async enter(context: Pick<Context, 'user' | 'ip'>, cost = 1): Promise<() => void> {
    const key = callerKey(context);
    let leaveTurn: (() => void) | undefined;
    try {
      leaveTurn = await this.gate.enter(key);
      const leaveCost = await this.costGate.enter(key, Math.max(1, cost));
      return () => {
        leaveCost();
        leaveTurn!();
      };
    } catch (error) {
      leaveTurn?.();
      if (!(error instanceof GateFull)) throw error;
      throw tooManyRequests(`Too many requests at once (${this.settings.requestsPerUser} run and ${this.settings.queuedPerUser} wait per user); try again in ${RETRY_AFTER_SECONDS} s`, {
        limit: 'requestsPerUser',
      });
    }
  }

  /**
   * The plugins Apollo runs the checks and the turn with (and armor's, which hides field
   * suggestions); a 429 with Retry-After for any TOO_MANY_REQUESTS answer without data (the login limiter's too).
   */
  apolloPlugins(): ApolloServerPlugin<Context>[] {
    return [...(this.armorPlugins as ApolloServerPlugin<Context>[]), this.apolloChecks()];
  }

  private apolloChecks(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        let leave: (() => void) | undefined;
        let answered = false;
        return {
          didResolveOperation: async ({ contextValue, document, operationName, request }) => {
            const { refused, cost } = this.check({ document, operationName, variables: request.variables, user: contextValue.user });
            if (refused) throw refused;
            leave = await this.enter(contextValue, cost);
            // another plugin refused the request while this one waited: its answer is gone already
            if (answered) leave();
          },
          willSendResponse: async ({ response }) => {
            answered = true;
            leave?.();
            if (response.body.kind !== 'single' || response.body.singleResult.data) return;
            const limited = (response.body.singleResult.errors ?? []).filter((e) => e.extensions?.code === ErrorCode.TOO_MANY_REQUESTS);
            if (!limited.length) return;
            const seconds = Math.max(...limited.map((e) => Number((e.extensions?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds) || RETRY_AFTER_SECONDS));
            response.http.status = 429;
            response.http.headers.set('retry-after', String(seconds));
          },
        };
      },
    };
  }

  /**
   * graphql-ws options: the same parse (tokens), validation (depth, aliases, directives),
   * checks (introspection, cost) and turn as over HTTP, and at most `operationsPerSocket`
   * operations (subscriptions included) open on one socket. `userOf` tells who a socket runs as now.
   */
  ws<E>(userOf: (extra: E) => AuthUser | null): Pick<ServerOptions<Record<string, unknown> | undefined, E>, 'onSubscribe' | 'execute'> {
    return {
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > this.settings.operationsPerSocket) {
          return [tooManyRequests(`At most ${this.settings.operationsPerSocket} operations may be open on one connection`, { limit: 'operationsPerSocket' })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, this.parseOptions);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query could not be read')];
        }
        const errors = validate(this.schema, document, [...specifiedRules, ...this.validationRules]);
        // as armor's plugin does over HTTP: no schema hints for probers
        if (errors.length) return errors.map((e) => (e.extensions.code ? e : new GraphQLError(e.message.replace(/ ?Did you mean .+\?/g, ''), { nodes: e.nodes })));
        if (!getOperationAST(document, payload.operationName)) return [new GraphQLError('Unable to identify the operation to run', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        const { refused, cost } = this.check({ document, operationName: payload.operationName, variables: payload.variables, user: userOf(ctx.extra) });
        if (refused) return [refused];
        this.costs.set(document, cost);
        return { schema: this.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // queries and mutations take a turn like HTTP requests; a subscription's events do not
      execute: async (args: ExecutionArgs): Promise<ExecutionResult> => {
        let leave: () => void;
        try {
          leave = await this.enter(args.contextValue as Context, this.costs.get(args.document));
        } catch (error) {
          return { errors: [error as GraphQLError] };
        }
        try {
          return await execute(args);
        } finally {
          leave();
        }
      },
    };
  }
}
