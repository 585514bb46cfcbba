import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../shared/event-bus';
import type { Loaders } from '../shared/loaders';
import type { Permission, Role } from '../modules/identity/permissions';
import type { Services } from './services';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  permissions: Set<Permission>;
  /** Set for PARTNER users: the one counterparty they act for. */
  counterpartyId: string | null;
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
