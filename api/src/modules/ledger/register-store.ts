import type { EntityManager } from '@mikro-orm/postgresql';
import { jsonParam } from '../../shared/json-param';
import type { Recorder } from './recorder';
import { columnsOf, snake, type RegisterDefinition, type RegisterRow } from './register';
import { balancesAtSql, ensureBalancesSql, keyBalancesAtSql, lockBalancesSql, movementsAfterSql, recorderKeysSql, retractSql, writeSql } from './register-sql';

/** A balance key by dimension name, e.g. { warehouseId, productId }. */
export type BalanceKey = Record<string, string>;

/** The distinct keys as JSON rows of their columns (the statements order them: the lock order is PostgreSQL's). */
function sortedKeys(def: RegisterDefinition, keys: readonly BalanceKey[]): Record<string, string>[] {
  const by = def.balance!.by;
  const columns = by.map(snake);
  const unique = new Map<string, Record<string, string>>();
  for (const key of keys) {
    const text = by.length === 1 ? key[by[0]] : by.map((k) => key[k]).join(':');
    if (unique.has(text)) continue;
    const row: Record<string, string> = {};
    for (let i = 0; i < by.length; i++) row[columns[i]] = key[by[i]];
    unique.set(text, row);
  }
  return [...unique.values()];
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
  return rows.map((row) => ({ key: keyFromRow(def, row), held: Object.fromEntries(c.resourceNamed.map(([r, column]) => [r, row[column]])) }));
}

/** A balance row as its lock read it: its key and what it holds per resource. */
export interface LockedBalance {
  key: BalanceKey;
  held: Record<string, string>;
}

const keyFromRow = (def: RegisterDefinition, row: Record<string, string>): BalanceKey => Object.fromEntries(columnsOf(def).keyNamed.map(([k, column]) => [k, row[column]]));

const keyOf = (def: RegisterDefinition, row: Record<string, unknown>): BalanceKey => Object.fromEntries(def.balance!.by.map((k) => [k, String(row[k])]));

/**
 * Writes one recorder's rows (DESIGN §4): inserts them with the recorder (type, id, line)
 * and applies them to the balance and the month totals in the same statement, after
 * locking the balance rows (unless the caller locked them already in this transaction).
 */
export async function writeRows(em: EntityManager, def: RegisterDefinition, recorder: Recorder, rows: readonly RegisterRow[], options: { locked?: boolean } = {}): Promise<void> {
  if (!rows.length) return;
  if (def.balance && !options.locked) await lockBalances(em, def, rows.map((r) => keyOf(def, r)));
  const { named } = columnsOf(def);
  const json = rows.map((row) => {
    const out: Record<string, unknown> = { date: row.date, recorder_line: row.line };
    for (const [name, column] of named) out[column] = row[name] ?? null;
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
  return rows.map((row) => keyFromRow(def, row));
}

/** The balances at the end of `date` (balance key and balance columns) as a subquery with its parameters. */
export function balancesAt(def: RegisterDefinition, date: string): { sql: string; params: unknown[] } {
  return { sql: balancesAtSql(def), params: def.periodTotals ? [date, date, date] : [date, date] };
}

const keysJson = (def: RegisterDefinition, keys: readonly BalanceKey[]) => jsonParam(sortedKeys(def, keys));

/** The balance of each key at the end of `date` (stored month closing + the rest of the month), by key; one statement. */
export async function balancesOn(em: EntityManager, def: RegisterDefinition, date: string, keys: readonly BalanceKey[]): Promise<{ key: BalanceKey; resources: Record<string, string> }[]> {
  if (!keys.length) return [];
  const rows: Record<string, string>[] = await em.execute(keyBalancesAtSql(def), [keysJson(def, keys), date, date, date]);
  const c = columnsOf(def);
  return rows.map((row) => ({ key: keyFromRow(def, row), resources: Object.fromEntries(c.resourceNamed.map(([r, column]) => [r, String(row[column])])) }));
}

/** Per key, the net movement of each day after `date` that has movements, in date order; one statement. */
export async function movementsAfter(em: EntityManager, def: RegisterDefinition, date: string, keys: readonly BalanceKey[]): Promise<{ key: BalanceKey; date: string; resources: Record<string, string> }[]> {
  if (!keys.length) return [];
  const rows: Record<string, string>[] = await em.execute(movementsAfterSql(def), [keysJson(def, keys), date]);
  const c = columnsOf(def);
  return rows.map((row) => ({ key: keyFromRow(def, row), date: row.date, resources: Object.fromEntries(c.resourceNamed.map(([r, column]) => [r, String(row[column])])) }));
}
