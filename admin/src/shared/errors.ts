import { TradebookError } from '../providers/session';

/** The message of an SDK call's failure, for a notification (INVALID_STATE, FORBIDDEN, field errors…). */
export function errorMessage(error: unknown): string {
  if (error instanceof TradebookError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The server's field errors (`lines.0.price`: message), for a react-admin Form's onSubmit to return. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof TradebookError ? error.fields : {};
}
