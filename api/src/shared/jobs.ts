import type { Context } from '../server/context';

/**
 * Every job and its payload, so `enqueue` and handlers are typed. A module adds its own:
 * `declare module '../../shared/jobs' { interface JobPayloads { 'reminder.due': { reminderId: string } } }`.
 */
export interface JobPayloads {}

export type JobName = keyof JobPayloads & string;

/**
 * How a queue treats jobs with the same `singletonKey` (pg-boss queue policies): `standard`
 * ignores the key; `short` keeps one waiting job per key (a second enqueue is dropped);
 * `singleton` runs one job per key at a time; `stately` keeps one waiting and one running per key.
 */
export type JobPolicy = 'standard' | 'short' | 'singleton' | 'stately';

export interface JobSettings {
  policy?: JobPolicy;
  /** Retries after a failure (2 by default). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A running job not finished in this time counts as failed and is retried (15 minutes by default). */
  expireInSeconds?: number;
  /** A cron expression (UTC): the job is enqueued on it once, whatever the number of instances. */
  schedule?: string;
  /** Jobs of this name one instance runs at once (1 by default). */
  concurrency?: number;
}

export interface JobInfo {
  id: string;
  name: string;
}

/**
 * Runs a job. It is given a context like a mutation's (the system acting: systemContext;
 * `ctx.em` is its transaction): what it writes, the events it raises and the job's completion commit
 * together, so a job's work happens once even when the job is tried again.
 */
export type JobHandler<T> = (ctx: Context, data: T, job: JobInfo) => Promise<void>;

/** An event as an event handler receives it. `seq` is its place in publishing order. */
export interface DispatchedEvent<P = Record<string, unknown>> {
  eventId: string;
  seq: string;
  topic: string;
  aggregate: string | null;
  payload: P;
}

export interface JobDefinition {
  name: string;
  handler: JobHandler<never>;
  settings: JobSettings;
  /** Set for an event handler: the topic whose events become its jobs. */
  topic?: string;
}

/** Declares a job; its module lists it in `jobs` (ModuleDefinition). */
export function defineJob<N extends JobName>(name: N, handler: JobHandler<JobPayloads[N]>, settings: JobSettings = {}): JobDefinition {
  return { name, handler: handler as JobHandler<never>, settings };
}

/**
 * Work to do for every event of a topic: the dispatcher enqueues one job per event in the
 * transaction that publishes it, and the jobs of one aggregate run one at a time in
 * publishing order (a failed one is retried later, after the ones that followed it).
 */
export function defineEventHandler<P extends Record<string, unknown>>(topic: string, name: string, handler: JobHandler<DispatchedEvent<P>>, settings: Omit<JobSettings, 'policy' | 'schedule'> = {}): JobDefinition {
  return { name, handler: handler as JobHandler<never>, settings: { ...settings, policy: 'singleton' }, topic };
}

/** Every job the modules declared (and the core's), by name. */
export class JobCatalog {
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(definitions: readonly JobDefinition[]) {
    for (const definition of definitions) {
      if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is declared twice`);
      this.definitions.set(definition.name, definition);
    }
  }

  all(): JobDefinition[] {
    return [...this.definitions.values()];
  }

  has(name: string): boolean {
    return this.definitions.has(name);
  }

  /** The event handlers of each topic. */
  eventHandlersByTopic(): Map<string, string[]> {
    const byTopic = new Map<string, string[]>();
    for (const { name, topic } of this.definitions.values()) if (topic) byTopic.set(topic, [...(byTopic.get(topic) ?? []), name]);
    return byTopic;
  }
}
