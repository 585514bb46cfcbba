/** An activity a colleague gave the signed-in user, as activityAssigned tells it. */
export interface Assignment {
  subject: string;
  clientName: string;
  assignedByName: string;
}

/** What the console says of a burst of assignments: a translation key and its arguments. */
export interface AssignmentNotice {
  key: 'tradebook.reminders.assigned' | 'tradebook.reminders.assignedMany' | 'tradebook.reminders.assignedManyBySeveral';
  args: Record<string, string | number>;
}

/**
 * One notice for the assignments that arrived together: one is told in full; several
 * (a handover moves a colleague's whole agenda at once) are counted, naming who gave them
 * when that is one person.
 */
export function assignmentNotice(burst: readonly Assignment[]): AssignmentNotice {
  if (burst.length === 1) return { key: 'tradebook.reminders.assigned', args: { ...burst[0] } };
  const givers = new Set(burst.map((a) => a.assignedByName));
  if (givers.size === 1) return { key: 'tradebook.reminders.assignedMany', args: { smart_count: burst.length, assignedByName: burst[0].assignedByName } };
  return { key: 'tradebook.reminders.assignedManyBySeveral', args: { smart_count: burst.length, people: givers.size } };
}

/**
 * Gathers what arrives within `windowMs` of the first item into one burst, handed to
 * `flush` when the window closes; `stop` drops a burst still gathering.
 */
export function burstCollector<T>(windowMs: number, flush: (burst: T[]) => void): { push(item: T): void; stop(): void } {
  let burst: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    push(item) {
      burst.push(item);
      timer ??= setTimeout(() => {
        const done = burst;
        burst = [];
        timer = undefined;
        flush(done);
      }, windowMs);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      burst = [];
    },
  };
}
