import { DOCUMENT_PERMISSIONS, type DocumentType } from './documents/documentTypes';
import { fieldErrorsOf, fieldErrorSummary, type FieldError, type FieldWords } from './fieldErrors';

/** The message of an SDK call's failure, for a notification (INVALID_STATE, FORBIDDEN, field errors…). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What the API said about a failure: its code, message, refused fields and details (`extensions`). */
interface ApiFailure {
  code: string;
  message: string;
  fieldErrors: FieldError[];
  details: Record<string, unknown>;
}

interface SdkFailure {
  name: 'TradebookError';
  code?: string;
  message: string;
  fields: Record<string, string>;
  fieldErrors?: FieldError[];
  details: Record<string, unknown>;
}

// known by its name, so this module does not pull the whole SDK into the screens that word errors
const isSdkFailure = (error: unknown): error is SdkFailure => (error as { name?: unknown } | null)?.name === 'TradebookError';

/**
 * The API's failure behind an SDK call's TradebookError, or behind the data provider's
 * HttpError (react-admin's saves: `body` holds the code, field errors and details); none for
 * anything else (a network failure).
 */
function apiFailure(error: unknown): ApiFailure | undefined {
  if (isSdkFailure(error)) return error.code ? { code: error.code, message: error.message, fieldErrors: fieldErrorsOf(error.fields, error.fieldErrors), details: error.details } : undefined;
  const body = (error as { body?: { code?: unknown; errors?: Record<string, unknown>; fieldErrors?: FieldError[]; details?: Record<string, unknown> } } | null)?.body;
  if (!(error instanceof Error) || typeof body?.code !== 'string') return undefined;
  return { code: body.code, message: error.message, fieldErrors: fieldErrorsOf(body.errors ?? {}, body.fieldErrors), details: body.details ?? {} };
}

/** The server's refused fields (`lines.0.price`: reason, params, English), for a form to word at its inputs. */
export function refusedFields(error: unknown): FieldError[] {
  return apiFailure(error)?.fieldErrors ?? [];
}

/** How the reader's language writes the details of an error: quantities, days, document types, the names of referenced records by id, and the fields of the form or document at fault. */
export interface ErrorFormats {
  decimal: (value: string) => string;
  day: (value: string) => string;
  /** A document type (`StockTransfer`) as the reader calls one such document ("Stock transfer"). */
  documentType: (type: string) => string;
  /** Names by id: a product's SKU and name, a warehouse's name, a document's number. */
  names: Record<string, string>;
  /** The fields of the form or document at fault, and the catalogue's words for their reasons. */
  fields?: FieldWords;
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
  if (formats.fields && failure.fieldErrors.length) {
    // a document refused at posting for its fields (a receipt unposted under a landed cost's line)
    const summary = fieldErrorSummary(failure.fieldErrors, formats.fields);
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
