import { TradebookError } from '../../../schema/client';
import { DOCUMENT_PERMISSIONS, type DocumentType } from './documents/documentTypes';

/** The message of an SDK call's failure, for a notification (INVALID_STATE, FORBIDDEN, field errors…). */
export function errorMessage(error: unknown): string {
  if (error instanceof TradebookError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What the API said about a failure: its code, message, field errors and details (`extensions`). */
interface ApiFailure {
  code: string;
  message: string;
  fields: Record<string, string>;
  details: Record<string, unknown>;
}

/**
 * The API's failure behind an SDK call's TradebookError, or behind the data provider's
 * HttpError (react-admin's saves: `body` holds the code, field errors and details); none for
 * anything else (a network failure).
 */
function apiFailure(error: unknown): ApiFailure | undefined {
  if (error instanceof TradebookError) return error.code ? { code: error.code, message: error.message, fields: error.fields, details: error.details } : undefined;
  const body = (error as { body?: { code?: unknown; errors?: Record<string, string>; details?: Record<string, unknown> } } | null)?.body;
  if (!(error instanceof Error) || typeof body?.code !== 'string') return undefined;
  return { code: body.code, message: error.message, fields: body.errors ?? {}, details: body.details ?? {} };
}

/** The server's field errors (`lines.0.price`: message), for a form to show at its inputs. */
export function fieldErrors(error: unknown): Record<string, string> {
  return apiFailure(error)?.fields ?? {};
}

/** How the reader's language writes the details of an error: quantities, days, document types, the names of referenced records by id, and the fields of the form or document at fault. */
export interface ErrorFormats {
  decimal: (value: string) => string;
  day: (value: string) => string;
  /** A document type (`StockTransfer`) as the reader calls one such document ("Stock transfer"). */
  documentType: (type: string) => string;
  /** Names by id: a product's SKU and name, a warehouse's name, a document's number. */
  names: Record<string, string>;
  fields?: FieldNames;
}

interface Recorder {
  recorderType: string;
  recorderId: string;
}

const recordersIn = (value: unknown): Recorder[] =>
  Array.isArray(value) ? value.filter((r): r is Recorder => typeof r?.recorderType === 'string' && typeof r?.recorderId === 'string') : [];

/** "Stock transfer TR-2026-000003, Write-off" — each document once, by number where it could be read. */
const documentList = (value: unknown, f: ErrorFormats) =>
  [...new Set(recordersIn(value).map((r) => [f.documentType(r.recorderType), f.names[r.recorderId]].filter(Boolean).join(' ')))].join(', ');

/** Each detail the API sends (`extensions.details`) as an argument of the console's own message. */
const ARGUMENTS: Partial<Record<string, (value: unknown, formats: ErrorFormats) => unknown>> = {
  productId: (id, f) => f.names[String(id)] ?? id,
  warehouseId: (id, f) => f.names[String(id)] ?? id,
  requested: (value, f) => f.decimal(String(value)),
  available: (value, f) => f.decimal(String(value)),
  closedThrough: (value, f) => f.day(String(value)),
  date: (value, f) => f.day(String(value)),
  consumers: documentList,
  adjustedBy: documentList,
};

/** `productId` is the argument `product` of the message, `requested` stays `requested`. */
const argumentName = (detail: string) => detail.replace(/Id$/, '');

/**
 * The console's key for a failure: `tradebook.errors.<CODE>`, or `<CODE>.<reason>` where the
 * details give one (INVALID_STATE.LOTS_CONSUMED, CONFLICT.STALE_VERSION); a refusal for the
 * document's status names only the status (INVALID_STATE.STATUS_POSTED).
 */
function messageKey({ code, details }: ApiFailure): string {
  const reason = typeof details.reason === 'string' ? details.reason : typeof details.status === 'string' ? `STATUS_${details.status}` : undefined;
  return `tradebook.errors.${code}${reason ? `.${reason}` : ''}`;
}

/**
 * A failure as react-admin's notify takes it. Field errors, where the fields' names are known,
 * are worded by fieldErrorSummary; a code or reason the console words itself
 * (`tradebook.errors.INSUFFICIENT_STOCK`, `tradebook.errors.INVALID_STATE.LOTS_CONSUMED`…)
 * gets the error's details as its arguments, with the server's own message as the fallback
 * for those it does not; anything else is its message.
 */
export function errorNotification(error: unknown, formats: ErrorFormats): { message: string; messageArgs?: Record<string, unknown> } {
  const failure = apiFailure(error);
  if (!failure) return { message: errorMessage(error) };
  if (formats.fields && Object.keys(failure.fields).length) {
    // a document refused at posting for its fields (a receipt unposted under a landed cost's line)
    const summary = fieldErrorSummary(failure.fields, formats.fields);
    return { message: summary, messageArgs: { _: summary } };
  }
  const messageArgs: Record<string, unknown> = { _: failure.message };
  for (const [detail, value] of Object.entries(failure.details)) {
    const format = ARGUMENTS[detail];
    messageArgs[argumentName(detail)] = format ? format(value, formats) : value;
  }
  return { message: messageKey(failure), messageArgs };
}

/** A record an error's details point at, whose name or number can replace its id. */
export interface ReferencedRecord {
  resource: 'Product' | 'Warehouse' | DocumentType;
  id: string;
}

const isDocumentType = (type: string): type is DocumentType => Object.hasOwn(DOCUMENT_PERMISSIONS, type);

/** The records an error's details point at: `productId` → Product, a consumer or adjuster → its document, each once. */
export function referencedRecords(error: unknown): ReferencedRecord[] {
  const details = apiFailure(error)?.details ?? {};
  const { productId, warehouseId, consumers, adjustedBy } = details;
  const records: ReferencedRecord[] = [
    ...(typeof productId === 'string' ? [{ resource: 'Product' as const, id: productId }] : []),
    ...(typeof warehouseId === 'string' ? [{ resource: 'Warehouse' as const, id: warehouseId }] : []),
    ...[...recordersIn(consumers), ...recordersIn(adjustedBy)].flatMap((r) => (isDocumentType(r.recorderType) ? [{ resource: r.recorderType, id: r.recorderId }] : [])),
  ];
  return records.filter((record, i) => records.findIndex((other) => other.resource === record.resource && other.id === record.id) === i);
}

/** How a form names its fields and lines, for fieldErrorSummary. */
export interface FieldNames {
  field: (name: string) => string;
  line: (number: number) => string;
}

/**
 * The field errors of a BAD_USER_INPUT as one sentence, a clause per field in the reader's
 * words: `lines.1.manualAmount` → "Line 2, Manual amount: the parts must add up to 220.00",
 * `amount` → "Amount: must be greater than 0", a whole line (`lines.0`) → "Line 1: …". It names
 * the fields the form has no input for, too (the lines a landed cost took from whole receipts).
 */
export function fieldErrorSummary(fields: Record<string, string>, names: FieldNames): string {
  return Object.entries(fields)
    .map(([key, message]) => {
      const line = /^\w+\.(\d+)(?:\.(\w+))?$/.exec(key);
      if (!line) return `${names.field(key)}: ${message}`;
      // the server says "line 2: …" itself, which the clause already does
      const [number, text] = [names.line(Number(line[1]) + 1), message.replace(/^line \d+:\s*/i, '')];
      return line[2] ? `${number}, ${names.field(line[2])}: ${text}` : `${number}: ${text}`;
    })
    .join('; ');
}
