import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import { AppSetting } from './app-setting.entity';

/**
 * A JSON value of app_setting read with its schema: the fallback when it was never
 * written, or when a hand-edited row cannot be read (a broken row must not stop
 * what reads it: pricing, printing).
 */
export function parseSetting<S extends z.ZodType>(value: string | undefined, schema: S, fallback: () => z.infer<S>): z.infer<S> {
  if (value === undefined) return fallback();
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : fallback();
  } catch {
    return fallback();
  }
}

/** The stored value of `key`, or undefined. */
export async function readSetting(em: EntityManager, key: string): Promise<string | undefined> {
  return (await em.findOne(AppSetting, { key }))?.value;
}

/** The row of `key`, written with `initial` when missing and locked until the transaction ends (an update reads, checks its version, writes). */
export async function lockSetting(em: EntityManager, key: string, initial: unknown): Promise<AppSetting> {
  await em.execute('insert into app_setting (key, value) values (?, ?) on conflict (key) do nothing', [key, JSON.stringify(initial)]);
  return em.findOneOrFail(AppSetting, { key }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
