import type { Context } from '../../server/context';
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
    await lockBalances(this.ctx.em, def, fresh);
    for (const k of fresh) done.add(keyText(def, k));
    this.locked.set(def, done);
  }

  /** Writes the recorder's rows of one register (balance rows locked first unless this posting locked them). */
  async write(def: RegisterDefinition, rows: readonly RegisterRow[]): Promise<void> {
    if (!rows.length) return;
    const keys = def.balance ? rows.map((r) => keyOf(def, r)) : [];
    await this.lock(def, keys);
    await writeRows(this.ctx.em, def, this.recorder, rows, { locked: true });
    this.touch(def, keys);
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
