import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Context } from '../../server/context';
import { requireUser } from '../../server/access';
import { AppSetting } from '../../shared/app-setting.entity';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { isLocalDate } from '../../shared/local-date.scalar';

/** The key of the row in app_setting; its value is the JSON below. */
export const PERIOD_CLOSE_KEY = 'period_closed_through';

/** The stored JSON: the date, and who set it when (app_setting is not audited, so the value keeps it). */
const Stored = z.object({
  closedThrough: z.string().nullable(),
  closedAt: z.string().nullable().optional(),
  closedById: z.string().nullable().optional(),
});
export type PeriodCloseState = { closedThrough: string | null; closedAt: Date | null; closedById: string | null };

function parse(value: string | undefined): PeriodCloseState {
  if (value === undefined) return { closedThrough: null, closedAt: null, closedById: null };
  try {
    const raw: unknown = JSON.parse(value);
    // a bare date written by hand is read as the date
    if (typeof raw === 'string' && isLocalDate(raw)) return { closedThrough: raw, closedAt: null, closedById: null };
    const parsed = Stored.parse(raw);
    return { closedThrough: parsed.closedThrough && isLocalDate(parsed.closedThrough) ? parsed.closedThrough : null, closedAt: parsed.closedAt ? new Date(parsed.closedAt) : null, closedById: parsed.closedById ?? null };
  } catch {
    if (isLocalDate(value)) return { closedThrough: value, closedAt: null, closedById: null };
    // an unreadable row must not open closed periods silently: refuse everything until it is fixed
    throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `The app setting ${PERIOD_CLOSE_KEY} is unreadable; set the closed date again`);
  }
}

export async function readPeriodClose(em: EntityManager): Promise<PeriodCloseState> {
  const [row]: { value: string }[] = await em.execute('select value from app_setting where key = ?', [PERIOD_CLOSE_KEY]);
  return parse(row?.value);
}

/**
 * PERIOD_CLOSED when `date` is on or before the closed date (DESIGN §4). Call it before
 * posting or unposting anything dated `date`, inside the same transaction. Takes a
 * request context or an EntityManager (the price list posting has only the latter).
 */
export async function assertPeriodOpen(ctxOrEm: Context | EntityManager, documentDate: string | Date): Promise<void> {
  const date = documentDate instanceof Date ? documentDate.toISOString().slice(0, 10) : String(documentDate);
  const em = 'services' in ctxOrEm ? (ctxOrEm as Context).em : (ctxOrEm as EntityManager);
  const { closedThrough } = await readPeriodClose(em);
  if (closedThrough && date <= closedThrough) {
    throw new AppError(ErrorCode.PERIOD_CLOSED, `The period is closed through ${closedThrough}; a document dated ${date} cannot be posted or unposted`, { closedThrough, date });
  }
}

/** Period close: one JSON value in app_setting; a later or an earlier date (reopening) may be set; null opens everything. */
export class PeriodCloseService {
  async get(ctx: Context): Promise<PeriodCloseState> {
    return readPeriodClose(ctx.em);
  }

  async close(ctx: Context, through: string | null): Promise<PeriodCloseState> {
    const user = requireUser(ctx).user;
    if (through !== null && !isLocalDate(through)) throw badInput({ through: problem(FieldReason.NOT_A_DATE, 'must be a date YYYY-MM-DD') });
    await ctx.em.execute('insert into app_setting (key, value) values (?, ?) on conflict (key) do nothing', [PERIOD_CLOSE_KEY, JSON.stringify({ closedThrough: null })]);
    const row = await ctx.em.findOneOrFail(AppSetting, { key: PERIOD_CLOSE_KEY }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const next = { closedThrough: through, closedAt: new Date().toISOString(), closedById: user.id };
    row.value = JSON.stringify(next);
    await ctx.em.flush();
    return parse(row.value);
  }
}
