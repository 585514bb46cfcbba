import type { Context } from '../server/context';

/**
 * A domain event handled inside the transaction that raised it: the raising module
 * declares it (`domainEvent<Payload>('StockCostChanged')`) and raises it through
 * `ctx.services.domainEvents`; other modules react in their module file
 * (`handles: [StockCostChanged.handle(...)]`), so the raiser never imports them.
 * Handlers run in module order and share the transaction: a failure rolls it all back.
 * (Events for the world outside the transaction go through emitAfterCommit.)
 */
export interface DomainEvent<P> {
  readonly name: string;
  handle(handler: (ctx: Context, payload: P) => Promise<void>): DomainHandler;
}

export interface DomainHandler {
  readonly event: string;
  run(ctx: Context, payload: unknown): Promise<void>;
}

export type DomainHandlers = readonly DomainHandler[];

export function domainEvent<P>(name: string): DomainEvent<P> {
  return { name, handle: (handler) => ({ event: name, run: (ctx, payload) => handler(ctx, payload as P) }) };
}

export class DomainEvents {
  private readonly byEvent = new Map<string, DomainHandler[]>();

  constructor(handlers: readonly DomainHandler[]) {
    for (const handler of handlers) this.byEvent.set(handler.event, [...(this.byEvent.get(handler.event) ?? []), handler]);
  }

  async raise<P>(ctx: Context, event: DomainEvent<P>, payload: P): Promise<void> {
    for (const handler of this.byEvent.get(event.name) ?? []) await handler.run(ctx, payload);
  }
}
