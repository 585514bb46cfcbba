import { TradebookError } from '../../../schema/client';

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

/** How the reader's language writes the details of an error: quantities, days, the names of referenced records by id, and the fields of the form or document at fault. */
export interface ErrorFormats {
  decimal: (value: string) => string;
  day: (value: string) => string;
  names: Record<string, string>;
  fields?: FieldNames;
}

/** Each detail the API sends (`extensions.details`) as an argument of the console's own message. */
const ARGUMENTS: Partial<Record<string, (value: string, formats: ErrorFormats) => string>> = {
  productId: (id, f) => f.names[id] ?? id,
  warehouseId: (id, f) => f.names[id] ?? id,
  requested: (value, f) => f.decimal(value),
  available: (value, f) => f.decimal(value),
  closedThrough: (value, f) => f.day(value),
  date: (value, f) => f.day(value),
};

/** `productId` is the argument `product` of the message, `requested` stays `requested`. */
const argumentName = (detail: string) => detail.replace(/Id$/, '');

/**
 * A failure as react-admin's notify takes it. Field errors, where the fields' names are known,
 * are worded by fieldErrorSummary; a code the console words itself (`tradebook.errors.<CODE>`:
 * INSUFFICIENT_STOCK, PERIOD_CLOSED) gets the error's details as its arguments, with the
 * server's own message as the fallback; anything else is the server's message.
 */
export function errorNotification(error: unknown, formats: ErrorFormats): { message: string; messageArgs?: Record<string, unknown> } {
  if (!(error instanceof TradebookError) || !error.code) return { message: errorMessage(error) };
  if (formats.fields && Object.keys(error.fields).length) {
    // a document refused at posting for its fields (a receipt unposted under a landed cost's line)
    const summary = fieldErrorSummary(error.fields, formats.fields);
    return { message: summary, messageArgs: { _: summary } };
  }
  const messageArgs: Record<string, unknown> = { _: error.message };
  for (const [detail, value] of Object.entries(error.details)) {
    const format = ARGUMENTS[detail];
    messageArgs[argumentName(detail)] = format && typeof value === 'string' ? format(value, formats) : value;
  }
  return { message: `tradebook.errors.${error.code}`, messageArgs };
}

/** The records an error's details point at (`productId` → Product), so their names can replace the ids. */
export function referencedRecords(error: unknown): { resource: 'Product' | 'Warehouse'; id: string }[] {
  if (!(error instanceof TradebookError)) return [];
  const { productId, warehouseId } = error.details;
  return [
    ...(typeof productId === 'string' ? [{ resource: 'Product' as const, id: productId }] : []),
    ...(typeof warehouseId === 'string' ? [{ resource: 'Warehouse' as const, id: warehouseId }] : []),
  ];
}

/** How a form names its fields and lines, for fieldErrorSummary. */
export interface FieldNames {
  field: (name: string) => string;
  line: (number: number) => string;
}

/**
 * The field errors of a BAD_USER_INPUT as one sentence, a clause per field in the reader's
 * words: `lines.1.manualAmount` → "Line 2, Manual amount: the parts must add up to 220.00",
 * `amount` → "Amount: must be greater than 0". It names the fields the form has no input for,
 * too (the lines a landed cost took from whole receipts).
 */
export function fieldErrorSummary(fields: Record<string, string>, names: FieldNames): string {
  return Object.entries(fields)
    .map(([key, message]) => {
      const line = /^\w+\.(\d+)\.(\w+)$/.exec(key);
      if (!line) return `${names.field(key)}: ${message}`;
      // the server says "line 2: …" itself, which the clause already does
      return `${names.line(Number(line[1]) + 1)}, ${names.field(line[2])}: ${message.replace(/^line \d+:\s*/i, '')}`;
    })
    .join('; ');
}
