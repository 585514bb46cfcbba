import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, lineProblem, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import type { Recorder } from './recorder';
import type { RegisterDefinition, RegisterRow } from './register';
import { lockBalances, writeRows, type BalanceKey } from './register-store';

/**
 * One document's posting or retraction in progress: the recorder, and every register
 * write goes through it, so the engine knows which balance keys changed and tells the
 * registers' `changed` hooks once it is done (e.g. stockChanged per warehouse × product).
 */
export class Posting {
  private readonly touched = new Map<RegisterDefinition, BalanceKey[]>();
  private readonly locked = new Map<RegisterDefinition, Set<string>>();
  /** What each locked balance row holds, kept up to date by this posting's writes (for the limits check). */
  private readonly held = new Map<RegisterDefinition, Map<string, Record<string, string>>>();
  private readonly pending = new Map<RegisterDefinition, { key: string; row: RegisterRow }[]>();

  constructor(
    readonly ctx: Context,
    readonly recorder: Recorder,
    /** The document's date: its rows are dated by it unless they say otherwise. */
    readonly date: string,
    /** How messages name the document, e.g. 'Write-off WO-2026-000003'. */
    readonly name: string,
  ) {}

  /**
   * Locks the balance rows of the keys in key order. Lock everything a document will
   * touch first, in one call, before reading what the balances guard (lots): two postings
   * then never wait for each other in opposite orders.
   */
  async lock(def: RegisterDefinition, keys: readonly BalanceKey[]): Promise<void> {
    if (!def.balance) return;
    const done = this.locked.get(def) ?? new Set<string>();
    const fresh = keys.filter((k) => !done.has(keyText(def, k)));
    if (!fresh.length) return;
    const rows = await lockBalances(this.ctx.em, def, fresh);
    for (const k of fresh) done.add(keyText(def, k));
    this.locked.set(def, done);
    const held = this.held.get(def) ?? new Map<string, Record<string, string>>();
    for (const row of rows) held.set(keyText(def, row.key), row.held);
    this.held.set(def, held);
  }

  /** What the locked balance rows of the keys hold now (this posting's writes included). */
  heldBalances(def: RegisterDefinition, keys: readonly BalanceKey[]): { key: BalanceKey; held: Record<string, string> }[] {
    const held = this.settle(def);
    return keys.flatMap((key) => {
      const h = held?.get(keyText(def, key));
      return h ? [{ key, held: h }] : [];
    });
  }

  /** Writes the recorder's rows of one register (balance rows locked first unless this posting locked them). */
  async write(def: RegisterDefinition, rows: readonly RegisterRow[]): Promise<void> {
    if (!rows.length) return;
    const keys = def.balance ? rows.map((r) => keyOf(def, r)) : [];
    await this.lock(def, keys);
    this.assertWithinLimits(def, rows, keys);
    await writeRows(this.ctx.em, def, this.recorder, rows, { locked: true });
    this.touch(def, keys);
    this.addToHeld(def, rows, keys);
  }

  /**
   * BAD_USER_INPUT on the lines whose rows would take a balance past its limit (e.g. two
   * receipts of 999,999,999,999,999 units), instead of an overflow in the database. A
   * float bound spares the exact count on every ordinary posting.
   */
  private assertWithinLimits(def: RegisterDefinition, rows: readonly RegisterRow[], keys: readonly BalanceKey[]): void {
    const limits = def.balance?.limits;
    if (!limits) return;
    const held = this.settle(def) ?? new Map<string, Record<string, string>>();
    const running = new Map<string, Record<string, Decimal>>();
    const crossed = new Map<number, string>();
    const surely = (resource: string) => Number(limits[resource].max) / 2;
    const bounds = new Map<string, Record<string, number>>();
    let risky = false;
    rows.forEach((row, i) => {
      const k = keyText(def, keys[i]);
      const bound = bounds.get(k) ?? Object.fromEntries(Object.keys(limits).map((r) => [r, Math.abs(Number(held.get(k)?.[r] ?? 0))]));
      for (const r of Object.keys(limits)) if ((bound[r] += Math.abs(Number(row[r] ?? 0))) >= surely(r)) risky = true;
      bounds.set(k, bound);
    });
    if (risky) {
      rows.forEach((row, i) => {
        const k = keyText(def, keys[i]);
        const now = running.get(k) ?? Object.fromEntries(Object.keys(limits).map((r) => [r, new Decimal(held.get(k)?.[r] ?? 0)]));
        for (const r of Object.keys(limits)) {
          const within = now[r].abs().lte(limits[r].max);
          now[r] = now[r].plus(String(row[r] ?? 0));
          // the line that takes it past the limit is named, not every one after it
          if (within && now[r].abs().gt(limits[r].max) && !crossed.has(row.line)) crossed.set(row.line, r);
        }
        running.set(k, now);
      });
    }
    if (crossed.size) {
      const fields: FieldMessages = {};
      for (const [line, r] of [...crossed].sort(([a], [b]) => a - b)) {
        fields[line > 0 ? `lines.${line - 1}` : 'lines'] = lineProblem(line, FieldReason.TOO_LARGE, `the ${limits[r].describe} would go past ${limits[r].max}, the most a balance holds`, { max: limits[r].max });
      }
      throw badInput(fields);
    }
  }

  /** What the balances hold after a write, for the checks of the rest of this posting: summed when asked for (heldBalances). */
  private addToHeld(def: RegisterDefinition, rows: readonly RegisterRow[], keys: readonly BalanceKey[]): void {
    if (!this.held.get(def)) return;
    const pending = this.pending.get(def) ?? [];
    rows.forEach((row, i) => pending.push({ key: keyText(def, keys[i]), row }));
    this.pending.set(def, pending);
  }

  /** Adds the rows written since into what the balance rows hold. */
  private settle(def: RegisterDefinition): Map<string, Record<string, string>> | undefined {
    const held = this.held.get(def);
    const pending = this.pending.get(def);
    if (!held || !pending?.length) return held;
    const resources = Object.keys(def.resources);
    const sums = new Map<string, Record<string, Decimal>>();
    for (const { key, row } of pending) {
      const sum = sums.get(key) ?? Object.fromEntries(resources.map((r) => [r, new Decimal(held.get(key)?.[r] ?? 0)]));
      for (const r of resources) sum[r] = sum[r].plus(String(row[r] ?? 0));
      sums.set(key, sum);
    }
    for (const [key, sum] of sums) held.set(key, Object.fromEntries(resources.map((r) => [r, sum[r].toFixed()])));
    this.pending.delete(def);
    return held;
  }

  /** Notes keys changed other than by `write` (a retraction). */
  touch(def: RegisterDefinition, keys: readonly BalanceKey[]): void {
    if (!def.balance) return;
    this.touched.set(def, [...(this.touched.get(def) ?? []), ...keys]);
  }

  markLocked(def: RegisterDefinition, keys: readonly BalanceKey[]): void {
    const done = this.locked.get(def) ?? new Set<string>();
    for (const k of keys) done.add(keyText(def, k));
    this.locked.set(def, done);
  }

  /** Tells each register which of its keys changed, each key once. */
  finish(): void {
    for (const [def, keys] of this.touched) {
      const unique = new Map(keys.map((k) => [keyText(def, k), k]));
      def.hooks?.changed?.(this.ctx, [...unique.values()]);
    }
    this.touched.clear();
  }
}

const keyOf = (def: RegisterDefinition, row: RegisterRow): BalanceKey => Object.fromEntries(def.balance!.by.map((k) => [k, String(row[k])]));
const keyText = (def: RegisterDefinition, key: BalanceKey) => def.balance!.by.map((k) => key[k]).join(':');
