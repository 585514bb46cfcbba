import type { AnyEntity, EntityClass, EventSubscriber } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Permission, PermissionDeclaration } from '../modules/identity/permissions';
import type { ConsumedCostAdjuster } from '../modules/inventory/cost-adjustment';
import type { DomainHandlers } from '../shared/domain-events';
import type { JobDefinition } from '../shared/jobs';
import type { DocumentType } from '../modules/ledger/document-type';
import type { RegisterDefinition } from '../modules/ledger/register';
import type { ConstraintMessage } from './constraint-messages';
import type { CoreServices } from './services';

/** What a module's services are made from: the process's ORM, configuration, logger and the core services. */
export interface ModuleDeps {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  core: CoreServices;
}

/**
 * A business area declares itself in one place, `<area>.module.ts` (DESIGN §3): its
 * entities, resolvers, services, registers, document types, cost adjusters,
 * permissions, constraint messages and the domain events it handles. The boot composes
 * the modules; no central list names another module's parts, so adding a document type
 * or a register touches only its own module. A module reaches another only through
 * that module's services (`ctx.services.x`) and the domain events it raises.
 */
export interface ModuleDefinition<S extends object = object> {
  name: string;
  entities?: readonly EntityClass<AnyEntity>[];
  resolvers?: readonly Function[];
  /** Made once per process, in module order; they hold no request state. */
  services?(deps: ModuleDeps): S | Promise<S>;
  /** The registers it owns (the ledger engine writes and totals them). */
  registers?: readonly RegisterDefinition[];
  /** Its documents: what each posts (the ledger engine runs the verbs). */
  documentTypes?: readonly DocumentType<never>[];
  /** Per recorder type: how a later cost adjustment reaches goods a document of that type took (inventory). */
  costAdjusters?: Readonly<Record<string, ConsumedCostAdjuster>>;
  permissions?: PermissionDeclaration;
  /** Permissions whose operations take a file in the request: their holders may send bodies up to UPLOAD_BODY_LIMIT, everyone else BODY_LIMIT. */
  uploads?: readonly Permission[];
  /** Per database constraint name: the message (and field) a client sees when a write breaks it. */
  constraintMessages?: Readonly<Record<string, ConstraintMessage>>;
  /** Its jobs and event handlers (defineJob, defineEventHandler), run by the job queue. */
  jobs?: readonly JobDefinition[];
  /** Domain events this module reacts to inside the transaction that raised them. */
  handles?: DomainHandlers;
  /** MikroORM subscribers (e.g. the audit log). */
  ormSubscribers?: () => EventSubscriber[];
  /** Releases what its services hold open. */
  close?(services: S): Promise<void>;
}

export function defineModule<S extends object>(definition: ModuleDefinition<S>): ModuleDefinition<S> {
  return definition;
}

/** Any module, whatever its services. */
export type AnyModule = ModuleDefinition<object>;

type OwnServices<M> = M extends ModuleDefinition<infer S> ? S : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The services every module of a list contributes, as one object type. */
export type ServicesOf<M extends readonly AnyModule[]> = UnionToIntersection<OwnServices<M[number]>>;

/** Every entity of the modules (MikroORM discovery needs them listed). */
export function entitiesOf(modules: readonly AnyModule[]): EntityClass<AnyEntity>[] {
  return modules.flatMap((m) => m.entities ?? []);
}

/** Every resolver of the modules. */
export function resolversOf(modules: readonly AnyModule[]): Function[] {
  return modules.flatMap((m) => m.resolvers ?? []);
}
