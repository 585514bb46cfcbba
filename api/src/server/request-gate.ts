/** Thrown by RequestGate.enter when a caller already has as many requests running and waiting as it may. */
export class GateFull extends Error {
  constructor(readonly key: string) {
    super(`too many requests at once for ${key}`);
    this.name = 'GateFull';
  }
}

interface Caller {
  /** Units taken by the operations running now. */
  used: number;
  waiting: { weight: number; admit: () => void }[];
}

/**
 * At most `running` units of work per caller at a time (a user, or an anonymous IP; one
 * unit per operation unless it weighs more), and at most `queued` more operations waiting
 * their turn in arrival order; past that a request is refused at once, so one caller can
 * hold neither all the database connections nor the CPU while others wait. An operation
 * heavier than `running` runs alone. Per instance: a caller spread over N instances gets N
 * times as much.
 */
export class RequestGate {
  private readonly callers = new Map<string, Caller>();

  constructor(private readonly limits: { running: number; queued: number }) {}

  /** Waits for a turn of `weight` units; the returned function ends it (call it once, also on failure; again does nothing). */
  async enter(key: string, weight = 1): Promise<() => void> {
    let caller = this.callers.get(key);
    if (!caller) this.callers.set(key, (caller = { used: 0, waiting: [] }));
    const units = Math.min(Math.max(weight, 0), this.limits.running);
    if (caller.waiting.length || caller.used + units > this.limits.running) {
      if (caller.waiting.length >= this.limits.queued) throw new GateFull(key);
      await new Promise<void>((admit) => caller!.waiting.push({ weight: units, admit }));
    } else {
      caller.used += units;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      caller!.used -= units;
      // the next ones in arrival order, as many as now fit
      while (caller!.waiting.length && caller!.used + caller!.waiting[0].weight <= this.limits.running) {
        const next = caller!.waiting.shift()!;
        caller!.used += next.weight;
        next.admit();
      }
      if (caller!.used === 0 && !caller!.waiting.length) this.callers.delete(key);
    };
  }

  /** Units in use and operations waiting for `key` (for tests and metrics). */
  load(key: string): { used: number; waiting: number } {
    const caller = this.callers.get(key);
    return { used: caller?.used ?? 0, waiting: caller?.waiting.length ?? 0 };
  }
}
