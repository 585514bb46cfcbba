import { TradebookError } from '@tradebook/client';

/** The code a call failed with, or 'OK' (for many calls at once). */
export const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'OK',
    (error: unknown) => (error instanceof TradebookError ? (error.code ?? 'NO_CODE') : `THROWN ${String(error)}`),
  );

/** The code and, for a CONFLICT, its reason (DATABASE_BUSY, STALE_VERSION …): a failure then says which refusal it was. */
export const outcomeWithReason = (call: Promise<unknown>) =>
  call.then(
    () => 'OK',
    (error: unknown) => {
      if (!(error instanceof TradebookError)) return `THROWN ${String(error)}`;
      // DATABASE_BUSY after `attempts` lost races, or without them when a timeout fired
      const { reason, attempts } = error.details as { reason?: string; attempts?: number };
      return error.code === 'CONFLICT' && reason ? [error.code, reason, attempts && `after ${attempts} attempts`].filter(Boolean).join(' ') : (error.code ?? 'NO_CODE');
    },
  );

/** How many of each outcome. */
export const count = (codes: string[]) => codes.reduce<Record<string, number>>((all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }), {});
