/** Thrown by RequestGate.enter when a caller already has as many requests running and waiting as it may. */
export class GateFull extends Error {
  constructor(readonly key: string) {
    super(`too many requests at once for ${key}`);
    this.name = 'GateFull';
  }
}

/**
 * At most `running` operations per caller at a time (a user, or an anonymous IP), and at
 * most `queued` more waiting their turn in arrival order; past that a request is refused
 * at once, so one caller can hold neither all the database connections nor the CPU while
 * others wait. Per instance: a caller spread over N instances gets N times as much.
 */
export class RequestGate {
  private readonly callers = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly limits: { running: number; queued: number }) {}

  /** Waits for a turn; the returned function ends it (call it exactly once, also on failure). */
  async enter(key: string): Promise<() => void> {
    let caller = this.callers.get(key);
    if (!caller) this.callers.set(key, (caller = { running: 0, waiting: [] }));
    if (caller.running >= this.limits.running) {
      if (caller.waiting.length >= this.limits.queued) throw new GateFull(key);
      await new Promise<void>((resolve) => caller!.waiting.push(resolve));
    } else {
      caller.running++;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = caller!.waiting.shift();
      if (next) next(); // the turn passes on: `running` stays the same
      else if (--caller!.running === 0) this.callers.delete(key);
    };
  }

  /** Operations running and waiting for `key` (for tests and metrics). */
  load(key: string): { running: number; waiting: number } {
    const caller = this.callers.get(key);
    return { running: caller?.running ?? 0, waiting: caller?.waiting.length ?? 0 };
  }
}
