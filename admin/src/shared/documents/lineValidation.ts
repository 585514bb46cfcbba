import type { Validator } from 'react-admin';

/** Whether a line has anything typed in it (a VAT rate alone comes with the product): the empty line Enter adds after the last is not. */
export const lineHasValues = (line: Record<string, unknown> | undefined) =>
  !!line && Object.entries(line).some(([key, value]) => key !== 'vatRate' && value !== null && value !== undefined && value !== '');

/** A document's lines without the empty ones, as they are saved. */
export const dropEmptyLines = (data: Record<string, unknown>) =>
  Array.isArray(data.lines) ? { ...data, lines: (data.lines as Record<string, unknown>[]).filter(lineHasValues) } : data;

/** Whether the line of an input (`lines.3.quantity`) is used. */
const lineUsed = (values: { lines?: Record<string, unknown>[] } | undefined, source: string | undefined) => {
  const index = /^lines\.(\d+)\./.exec(source ?? '')?.[1];
  return index !== undefined && lineHasValues(values?.lines?.[Number(index)]);
};

/** Required in a line that is used; an empty line is simply not saved. */
export const requiredInUsedLine: Validator = (value, values, props) =>
  lineUsed(values, (props as { source?: string } | undefined)?.source) && (value === null || value === undefined || value === '') ? 'ra.validation.required' : undefined;

/** A quantity typed as a number must be above zero (letters are the API's to refuse, in the reader's words too). */
export const aboveZero: Validator = (value) => (value !== null && value !== undefined && /^-?\d+(\.\d+)?$/.test(String(value)) && Number(value) <= 0 ? 'tradebook.validation.aboveZero' : undefined);
export const notNegative: Validator = (value) => (value !== null && value !== undefined && /^-\d/.test(String(value)) ? 'tradebook.validation.notNegative' : undefined);

