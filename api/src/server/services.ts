import type { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import type { Config } from '../config';
import { defaultModules } from '../modules';
import { PermissionMatrix } from '../modules/identity/permissions';
import type { ConsumedCostAdjuster } from '../modules/inventory/cost-adjustment';
import type { DocumentType } from '../modules/ledger/document-type';
import { Ledger } from '../modules/ledger/ledger';
import { ConstraintCatalog, type ConstraintMessage } from './constraint-messages';
import { DomainEvents } from '../shared/domain-events';
import { EventBus } from '../shared/event-bus';
import { JobQueue } from '../shared/job-queue';
import { JobCatalog } from '../shared/jobs';
import { OutboxDispatcher, outboxJobs } from '../shared/outbox';
import type { AnyModule, ServicesOf } from './module';
import { PlainReads } from '../shared/plain-read';

/** What the boot makes before any module, from what all modules declared. */
export interface CoreServices {
  events: EventBus;
  /** The job queue (pg-boss): every module's jobs and event handlers. */
  jobs: JobQueue;
  /** Publishes the outbox after commit. */
  outbox: OutboxDispatcher;
  /** The posting engine: every module's registers and document types. */
  ledger: Ledger;
  permissions: PermissionMatrix;
  /** Who may send a body over BODY_LIMIT (up to UPLOAD_BODY_LIMIT): holders of any of these (the modules' `uploads`). */
  uploadPermissions: ReadonlySet<string>;
  domainEvents: DomainEvents;
  costAdjusters: ReadonlyMap<string, ConsumedCostAdjuster>;
  /** What a client is told when a database constraint refuses a change. */
  constraints: ConstraintCatalog;
  /** Read-only lookups from plain rows by prepared statements (the hot path). */
  reads: PlainReads;
}

export type Services = CoreServices & ServicesOf<typeof defaultModules> & { close(): Promise<void> };

/** Merges what the modules declare, refusing two declarations of one name (a second would silently win). */
function merged<V>(modules: readonly AnyModule[], part: (m: AnyModule) => Readonly<Record<string, V>> | undefined, what: string): Map<string, V> {
  const map = new Map<string, V>();
  for (const m of modules) {
    for (const [key, value] of Object.entries(part(m) ?? {})) {
      if (map.has(key)) throw new Error(`${what} ${key} is declared twice (again by module ${m.name})`);
      map.set(key, value);
    }
  }
  return map;
}

/** The posting engine over what the modules declare. */
export function composeLedger(modules: readonly AnyModule[]): Ledger {
  return new Ledger(
    modules.flatMap((m) => m.registers ?? []),
    modules.flatMap((m) => (m.documentTypes ?? []) as unknown as DocumentType[]),
  );
}

/**
 * The core services, then each module's, once per process; they hold no request state.
 * Starts the event listener, the job queue (its workers too with JOBS=inline) and the
 * outbox dispatcher.
 */
export async function createServices(orm: MikroORM, config: Config, logger: Logger = pino({ level: 'silent' }), modules: readonly AnyModule[] = defaultModules): Promise<Services> {
  const url = orm.config.get('clientUrl')!;
  const events = await EventBus.start(url, logger);
  const jobs = new JobQueue(url, new JobCatalog([...outboxJobs, ...modules.flatMap((m) => m.jobs ?? [])]), { mode: config.JOBS, pollSeconds: config.JOBS_POLL_SECONDS }, logger);
  const outbox = new OutboxDispatcher(orm.em.getKnex(), jobs, logger, { enabled: config.OUTBOX_DISPATCH === 'on', pollMs: config.OUTBOX_POLL_MS, retentionHours: config.OUTBOX_RETENTION_HOURS });
  const core: CoreServices = {
    events,
    jobs,
    outbox,
    ledger: composeLedger(modules),
    permissions: PermissionMatrix.compose(modules.map((m) => m.permissions ?? {})),
    uploadPermissions: new Set(modules.flatMap((m) => m.uploads ?? [])),
    domainEvents: new DomainEvents(modules.flatMap((m) => m.handles ?? [])),
    costAdjusters: merged(modules, (m) => m.costAdjusters, 'The cost adjuster of'),
    reads: new PlainReads(orm),
    constraints: new ConstraintCatalog(
      merged<ConstraintMessage>(modules, (m) => m.constraintMessages, 'The message of constraint'),
      Object.values(orm.getMetadata().getAll()).map((meta) => meta.tableName),
    ),
  };
  const own: Record<string, unknown> = {};
  const made: { module: AnyModule; services: object }[] = [];
  for (const module of modules) {
    const services = (await module.services?.({ orm, config, logger, core })) ?? {};
    for (const key of Object.keys(services)) if (key in own || key in core) throw new Error(`Service ${key} is made twice (again by module ${module.name})`);
    Object.assign(own, services);
    made.push({ module, services });
  }
  /** Stops publishing and taking jobs (running ones finish), closes what the modules hold, then releases the event listener's connection. */
  const close = async () => {
    await outbox.stop();
    await jobs.stop();
    for (const { module, services } of made.reverse()) await module.close?.(services);
    await events.close();
  };
  const services = { ...core, ...own, close } as Services;
  await jobs.start(orm, services);
  outbox.start();
  return services;
}
