/**
 * Parsing of a price list import: `SKU;price` or `SKU,price` (or tab-separated), one
 * product a line, with a header line. Pure: whether a SKU exists is the service's job.
 *
 * - The delimiter is taken from the first line: `;` if it has one, else a tab, else `,`.
 * - The header names the columns (`sku`/`артикул`/`code`/`код` and `price`/`цена`, any
 *   case, other columns ignored); unknown names mean SKU first and price second. A first
 *   line whose price cell is a number is data, not a header, so no row is ever lost.
 * - Prices accept a decimal comma (`1234,50`, quote it in a comma-separated file) and
 *   spaces between thousands (`1 234,50`); at most 4 decimal places, never negative.
 * - Rows are numbered as lines of the file from 1, the header being row 1, so a
 *   spreadsheet shows the same number. Blank lines are skipped (but counted).
 * - A SKU repeated is reported on every later row: only its first row counts.
 */
import { FieldReason, type FieldParams } from '../../shared/field-errors';

export interface PriceCsvRow {
  row: number;
  sku: string;
  price: string;
}

export interface PriceCsvError {
  row: number;
  /** Null when the row has no SKU at all. */
  sku: string | null;
  message: string;
  /** Why, for a client to word: REQUIRED { field }, NOT_A_NUMBER { value }, NEGATIVE, DECIMAL_PLACES { places }, TOO_LARGE, REPEATED { line }, NOT_FOUND. */
  reason: FieldReason;
  params: FieldParams;
}

type CellProblem = { error: string; reason: FieldReason; params: FieldParams };
const cellProblem = (error: string, reason: FieldReason, params: FieldParams = {}): CellProblem => ({ error, reason, params });

export interface ParsedPriceCsv {
  rows: PriceCsvRow[];
  errors: PriceCsvError[];
}

const SKU_NAMES = ['sku', 'артикул', 'code', 'код'];
const PRICE_NAMES = ['price', 'цена'];
const NUMBER = /^-?\d+([.,]\d+)?$/;
const MAX_PLACES = 4;
const MAX_INTEGER_DIGITS = 15; // numeric(19,4)

/** The cells of one line; `"` quotes a cell, `""` inside quotes is one quote. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && !cell.trim()) {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** A price cell as a plain decimal string, or the reason it is not one. */
export function parsePriceCell(cell: string): { price: string } | CellProblem {
  const text = cell.replace(/[\s\u00a0\u202f]/g, '');
  if (!text) return cellProblem('the price is missing', FieldReason.REQUIRED, { field: 'price' });
  if (!NUMBER.test(text)) return cellProblem(`"${cell}" is not a number`, FieldReason.NOT_A_NUMBER, { value: cell });
  if (text.startsWith('-')) return cellProblem('the price must not be negative', FieldReason.NEGATIVE);
  const [integer, fraction = ''] = text.replace(',', '.').split('.');
  if (fraction.length > MAX_PLACES) return cellProblem(`the price must have at most ${MAX_PLACES} decimal places`, FieldReason.DECIMAL_PLACES, { places: MAX_PLACES });
  const digits = integer.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_INTEGER_DIGITS) return cellProblem('the price is too large', FieldReason.TOO_LARGE);
  return { price: fraction ? `${digits}.${fraction}` : digits };
}

export function parsePriceCsv(text: string): ParsedPriceCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return { rows: [], errors: [] };
  const headerLine = lines[first];
  const delimiter = headerLine.includes(';') ? ';' : headerLine.includes('\t') ? '\t' : ',';

  const header = splitCsvLine(headerLine, delimiter).map((cell) => cell.toLowerCase());
  let skuColumn = header.findIndex((cell) => SKU_NAMES.includes(cell));
  let priceColumn = header.findIndex((cell) => PRICE_NAMES.includes(cell));
  if (skuColumn < 0 || priceColumn < 0) {
    skuColumn = 0;
    priceColumn = 1;
  }
  const headerIsData = header.length > priceColumn && 'price' in parsePriceCell(header[priceColumn]);

  const rows: PriceCsvRow[] = [];
  const errors: PriceCsvError[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIsData ? first : first + 1; i < lines.length; i++) {
    const row = i + 1;
    const cells = splitCsvLine(lines[i], delimiter);
    if (cells.every((cell) => cell === '')) continue;
    const sku = cells[skuColumn] ?? '';
    if (!sku) {
      errors.push({ row, sku: null, message: 'the SKU is missing', reason: FieldReason.REQUIRED, params: { field: 'sku' } });
      continue;
    }
    const parsed = parsePriceCell(cells[priceColumn] ?? '');
    if ('error' in parsed) {
      errors.push({ row, sku, message: parsed.error, reason: parsed.reason, params: parsed.params });
      continue;
    }
    const earlier = seen.get(sku);
    if (earlier !== undefined) {
      errors.push({ row, sku, message: `SKU ${sku} is already on row ${earlier}`, reason: FieldReason.REPEATED, params: { line: earlier } });
      continue;
    }
    seen.set(sku, row);
    rows.push({ row, sku, price: parsed.price });
  }
  return { rows, errors };
}
