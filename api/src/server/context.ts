import type { EntityManager } from '@mikro-orm/postgresql';
import { Loaders } from '../shared/loaders';
import type { DomainEvent } from '../shared/event-bus';
import { Role, type Permission } from '../modules/identity/permissions';
import type { Services } from './services';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  permissions: Set<Permission>;
  /** Set for PARTNER users (and API keys): the one counterparty they act for. */
  counterpartyId: string | null;
  /**
   * An API key signed in (a partner's server): `id` is then the key's id, which no User row
   * has, and `name` the key's name; it acts with the PARTNER role's permissions and record rules.
   */
  apiKey: boolean;
  /** The users this one stands in for today as a deputy (their clients, activities and deals are in sight); as of the session's cache. */
  standsInFor?: readonly string[];
}

/** What every resolver and service receives first (Vendure's RequestContext). */
export interface Context {
  requestId: string;
  user: AuthUser | null;
  /** The request's own EntityManager; inside a mutation, its transaction. */
  em: EntityManager;
  loaders: Loaders;
  services: Services;
  ip: string;
  /** Events raised by this request's mutation: written to the outbox by its transaction, published after the commit. */
  pendingEvents: DomainEvent[];
}

export interface AuthedContext extends Context {
  user: AuthUser;
}

/** The id the system acts under (seeding, jobs): no user row has it. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A context for work no request asked for (the demo seed, jobs): the system acts with
 * every permission and no record rule, on the given EntityManager (usually a transaction).
 */
export function systemContext(em: EntityManager, services: Services): Context {
  const user: AuthUser = { id: SYSTEM_USER_ID, email: 'system', name: 'System', roles: [Role.ADMIN], permissions: services.permissions.of([Role.ADMIN]), counterpartyId: null, apiKey: false };
  return { requestId: `system-${Date.now()}`, user, em, loaders: new Loaders(em), services, ip: '', pendingEvents: [] };
}

const EM = Symbol('em');
const LOADERS = Symbol('loaders');

/**
 * The prototype of a request's context: its EntityManager is forked (and its loaders made)
 * only when something asks for them, so a read answered from plain rows (plain-read.ts)
 * needs neither. On the prototype, because Apollo hands resolvers a copy of the context
 * (Object.assign onto an object of the same prototype) and a copy of own getters would fork.
 * `em` stays assignable (a mutation binds it to its transaction).
 */
class LazyContext {
  declare [EM]?: EntityManager;
  declare [LOADERS]?: Loaders;
  declare fork: () => EntityManager;

  get em(): EntityManager {
    return (this[EM] ??= this.fork());
  }

  set em(value: EntityManager) {
    this[EM] = value;
  }

  get loaders(): Loaders {
    return (this[LOADERS] ??= new Loaders(this.em));
  }

  set loaders(value: Loaders) {
    this[LOADERS] = value;
  }
}

/** A request's context whose EntityManager is forked on first use (LazyContext). */
export function lazyContext(fields: Omit<Context, 'em' | 'loaders'>, fork: () => EntityManager): Context {
  return Object.assign(Object.create(LazyContext.prototype) as LazyContext, fields, { fork }) as unknown as Context;
}

/** The same request acting as another user (a copy keeping the context's prototype; a spread would drop its EntityManager). */
export function actingAs(ctx: Context, user: AuthUser | null): Context {
  return Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as Context, ctx, { user });
}
