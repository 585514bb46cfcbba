import { TradebookError } from '@tradebook/client';

/** The code a call failed with, or 'OK' (for many calls at once). */
export const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'OK',
    (error: unknown) => (error instanceof TradebookError ? (error.code ?? 'NO_CODE') : `THROWN ${String(error)}`),
  );

/** How many of each outcome. */
export const count = (codes: string[]) => codes.reduce<Record<string, number>>((all, code) => ({ ...all, [code]: (all[code] ?? 0) + 1 }), {});
