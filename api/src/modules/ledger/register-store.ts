import type { EntityManager } from '@mikro-orm/postgresql';
import { jsonParam } from '../../shared/json-param';
import type { Recorder } from './recorder';
import { columnsOf, snake, type RegisterDefinition, type RegisterRow } from './register';
import { balancesAtSql, ensureBalancesSql, lockBalancesSql, recorderKeysSql, retractSql, writeSql } from './register-sql';

/** A balance key by dimension name, e.g. { warehouseId, productId }. */
export type BalanceKey = Record<string, string>;

/** The distinct keys in lock order (the order of their string forms, as PostgreSQL sorts uuids by bytes = by hex text). */
function sortedKeys(def: RegisterDefinition, keys: readonly BalanceKey[]): Record<string, string>[] {
  const by = def.balance!.by;
  const unique = new Map<string, Record<string, string>>();
  for (const key of keys) {
    const row = Object.fromEntries(by.map((k) => [snake(k), key[k]]));
    unique.set(by.map((k) => key[k]).join('\u0000'), row);
  }
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/**
 * Makes sure the balance rows of the keys exist and locks them, in key order (DESIGN
 * §6): every posting that touches a key takes its balance row first, so two postings
 * never lock in opposite orders and everything kept per key (lots, totals) is changed by
 * one transaction at a time. Two statements, whatever the number of keys.
 */
export async function lockBalances(em: EntityManager, def: RegisterDefinition, keys: readonly BalanceKey[]): Promise<LockedBalance[]> {
  if (!def.balance || !keys.length) return [];
  const json = jsonParam(sortedKeys(def, keys));
  await em.execute(ensureBalancesSql(def), [json]);
  const rows: Record<string, string>[] = await em.execute(lockBalancesSql(def), [json]);
  const c = columnsOf(def);
  return rows.map((row) => ({ key: Object.fromEntries(def.balance!.by.map((k) => [k, row[snake(k)]])), held: Object.fromEntries(c.resources.map((r) => [r, row[snake(r)]])) }));
}

/** A balance row as its lock read it: its key and what it holds per resource. */
export interface LockedBalance {
  key: BalanceKey;
  held: Record<string, string>;
}

const keyOf = (def: RegisterDefinition, row: Record<string, unknown>): BalanceKey => Object.fromEntries(def.balance!.by.map((k) => [k, String(row[k])]));

/**
 * Writes one recorder's rows (DESIGN §4): inserts them with the recorder (type, id, line)
 * and applies them to the balance and the month totals in the same statement, after
 * locking the balance rows (unless the caller locked them already in this transaction).
 */
export async function writeRows(em: EntityManager, def: RegisterDefinition, recorder: Recorder, rows: readonly RegisterRow[], options: { locked?: boolean } = {}): Promise<void> {
  if (!rows.length) return;
  if (def.balance && !options.locked) await lockBalances(em, def, rows.map((r) => keyOf(def, r)));
  const c = columnsOf(def);
  const json = rows.map((row) => {
    const out: Record<string, unknown> = { date: row.date, recorder_line: row.line };
    for (const [name] of c.typed) out[snake(name)] = row[name] ?? null;
    return out;
  });
  await em.execute(writeSql(def), [jsonParam(json), recorder.type, recorder.id]);
}

/**
 * Deletes exactly the recorder's rows of the register, taking them back out of its
 * balance and totals; returns the balance keys touched. `lockedKeys`: the recorder's
 * keys, already locked by the caller in this transaction.
 */
export async function retractRows(em: EntityManager, def: RegisterDefinition, recorder: Recorder, lockedKeys?: BalanceKey[]): Promise<BalanceKey[]> {
  if (!def.balance) {
    await em.execute(retractSql(def), [recorder.id, recorder.type]);
    return [];
  }
  const keys = lockedKeys ?? (await recorderKeys(em, def, recorder));
  if (!lockedKeys) await lockBalances(em, def, keys);
  await em.execute(retractSql(def), [recorder.id, recorder.type]);
  return keys;
}

/** The balance keys of a recorder's rows. */
export async function recorderKeys(em: EntityManager, def: RegisterDefinition, recorder: Recorder): Promise<BalanceKey[]> {
  const rows: Record<string, string>[] = await em.execute(recorderKeysSql(def), [recorder.id, recorder.type]);
  return rows.map((row) => Object.fromEntries(def.balance!.by.map((k) => [k, row[snake(k)]])));
}

/** The balances at the end of `date` (balance key and balance columns) as a subquery with its parameters. */
export function balancesAt(def: RegisterDefinition, date: string): { sql: string; params: unknown[] } {
  return { sql: balancesAtSql(def), params: def.periodTotals ? [date, date, date] : [date, date] };
}
