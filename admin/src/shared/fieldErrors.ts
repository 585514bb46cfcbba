/**
 * Field errors in the reader's words. The API sends each refused field as
 * `{ field, reason, params, message }` (extensions.fieldErrors); the console words the reason
 * from its catalogue (`tradebook.fieldErrors.<REASON>`) with the params formatted for the
 * reader, and falls back on the API's English message where it has no words of its own.
 */

export interface FieldError {
  field: string;
  reason: string;
  params: Record<string, unknown>;
  message: string;
}

/** How a form names its fields and lines. */
export interface FieldNames {
  field: (name: string) => string;
  line: (number: number) => string;
}

/** FieldNames and the catalogue's words for a reason (undefined where it has none). */
export interface FieldWords extends FieldNames {
  reason?: (error: FieldError) => string | undefined;
}

/** Every refused field, from fieldErrors where the API gave them, otherwise from its English fields map. */
export function fieldErrorsOf(fields: Record<string, unknown>, fieldErrors: FieldError[] | undefined): FieldError[] {
  if (fieldErrors?.length) return fieldErrors;
  return Object.entries(fields)
    .filter(([, message]) => typeof message === 'string')
    .map(([field, message]) => ({ field, reason: 'INVALID', params: {}, message: message as string }));
}

// the server says "line 2: …" itself, which the console's clause already does
const withoutLine = (message: string) => message.replace(/^line \d+:?\s*/i, '');

/** The words at one input: the catalogue's, or the API's English without its "line N:". */
export function fieldText(error: FieldError, words: Pick<FieldWords, 'reason'>): string {
  return words.reason?.(error) ?? withoutLine(error.message);
}

/**
 * All field errors as one sentence, a clause per field: `lines.1.manualAmount` → "Line 2,
 * Manual amount: …", `amount` → "Amount: …", a whole line (`lines.0`) → "Line 1: …"; it
 * names the fields a form has no input for, too (the lines a landed cost took from whole receipts).
 */
export function fieldErrorSummary(errors: FieldError[], words: FieldWords): string {
  return errors
    .map((error) => {
      const text = fieldText(error, words);
      const line = /^\w+\.(\d+)(?:\.(\w+))?$/.exec(error.field);
      if (!line) return `${words.field(error.field)}: ${text}`;
      const number = words.line(Number(line[1]) + 1);
      return line[2] ? `${number}, ${words.field(line[2])}: ${text}` : `${number}: ${text}`;
    })
    .join('; ');
}

/** The words at each refused input, by path, for a form. */
export function formFieldTexts(errors: FieldError[], words: Pick<FieldWords, 'reason'>): Record<string, string> {
  return Object.fromEntries(errors.map((error) => [error.field, fieldText(error, words)]));
}

/** How the reader's language writes a reason's params. */
export interface ParamFormats {
  translate: (key: string, options?: Record<string, unknown>) => string;
  decimal: (value: string) => string;
  day: (value: string) => string;
  field: (name: string) => string;
}

const NUMBERS = new Set(['min', 'max', 'places', 'length', 'line', 'lines', 'products', 'rows', 'previous', 'percent', 'cap', 'price', 'cost', 'sum', 'amount']);
const DAYS = new Set(['date', 'value']);
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** One param in the reader's words: numbers and days formatted, enum values, record types and field names translated. */
function formatParam(name: string, value: unknown, params: Record<string, unknown>, f: ParamFormats): unknown {
  if (NUMBERS.has(name) && (typeof value === 'number' || typeof value === 'string')) return f.decimal(String(value));
  if (DAYS.has(name) && isDay(value)) return f.day(value);
  if (name === 'kind' && typeof params.enum === 'string') return f.translate(`enums.${params.enum}.${value}`, { _: String(value) });
  if (name === 'derivation') return f.translate(`enums.PriceDerivation.${value}`, { _: String(value) });
  if (name === 'entity') return f.translate(`resources.${value}.name`, { smart_count: 1, _: String(value) });
  if (name === 'field') return f.field(String(value));
  if (name === 'allowed' && Array.isArray(value)) return value.map((v) => f.field(String(v))).join(', ');
  if (Array.isArray(value)) return value.join(', ');
  return value;
}

/** A quantity refused for its unit's precision has words of its own: "pcs is counted in whole units". */
function unitQuantityKey(error: FieldError): string | undefined {
  if (error.reason !== 'DECIMAL_PLACES' || typeof error.params?.unit !== 'string') return undefined;
  return `tradebook.unitQuantityErrors.${Number(error.params.places) === 0 ? 'whole' : 'places'}`;
}

/** The catalogue's words for a field error (`tradebook.fieldErrors.<REASON>`), or undefined for INVALID and reasons it lacks. */
export function reasonWords(f: ParamFormats): (error: FieldError) => string | undefined {
  return (error) => {
    if (error.reason === 'INVALID') return undefined;
    const key = unitQuantityKey(error) ?? `tradebook.fieldErrors.${error.reason}`;
    const args = Object.fromEntries(Object.entries(error.params ?? {}).map(([name, value]) => [name, formatParam(name, value, error.params, f)]));
    const text = f.translate(key, { ...args, _: '' });
    return text && text !== key ? text : undefined;
  };
}
