import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { badInput } from '../../shared/errors';
import { FieldReason, problem, required } from '../../shared/field-errors';
import { ClientImportField, ClientSheetFormat, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ClientSheetInput } from './client-import.inputs';

/** A worksheet as text: the header cells and the data rows below them (blank rows left out), each with its line. */
export interface Sheet {
  format: ClientSheetFormat;
  sheets: string[];
  sheet: string;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** The file's bytes: base64 (or a data URL) of at most MAX_IMPORT_BYTES, else BAD_USER_INPUT on `file`. */
export function decodeFile(file: string): Buffer {
  const body = file.replace(/^data:[^,]*;base64,/, '').trim();
  if (!body || !BASE64.test(body)) throw badInput({ file: problem(FieldReason.FORMAT, 'must be the file in base64') });
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) throw badInput({ file: problem(FieldReason.TOO_LARGE, `is ${bytes.length} bytes; at most ${MAX_IMPORT_BYTES} (5 MB) are taken`, { max: MAX_IMPORT_BYTES }) });
  return bytes;
}

/** The format sent, else the one the file name says, else BAD_USER_INPUT on `format`. */
export function formatOf(input: Pick<ClientSheetInput, 'format' | 'fileName'>): ClientSheetFormat {
  if (input.format) return input.format;
  const extension = /\.([a-z]+)$/i.exec(input.fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'xlsx') return ClientSheetFormat.XLSX;
  if (extension === 'csv' || extension === 'txt') return ClientSheetFormat.CSV;
  throw badInput({ format: required('say whether the file is XLSX or CSV (or send a file name ending in .xlsx or .csv)') });
}

/** A cell's value as the text people see: numbers without exponents, links and rich text as their text, formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('text' in value && value.text && typeof value.text === 'object' && 'richText' in value.text) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/** The separator of a CSV line: the one of ; , and tab its header line holds most of (spreadsheets in Russia write ;). */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

async function workbookOf(bytes: Buffer, format: ClientSheetFormat): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    if (format === ClientSheetFormat.XLSX) {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } else {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      // every cell as text: an INN or a phone must keep its leading zeros and its plus
      await workbook.csv.read(Readable.from([text]), { sheetName: 'CSV', map: (datum: string) => datum, parserOptions: { delimiter: delimiterOf(text), relax_column_count: true } } as never);
    }
  } catch {
    throw badInput({ file: problem(FieldReason.FORMAT, `cannot be read as ${format === ClientSheetFormat.XLSX ? 'an XLSX workbook' : 'a CSV file'}`) });
  }
  return workbook;
}

/**
 * The header and the data rows of one worksheet (the first, or the one named), every
 * cell as text; more than MAX_IMPORT_ROWS data rows is refused (TOO_MANY_ROWS on `file`).
 */
export async function readSheet(input: ClientSheetInput): Promise<Sheet> {
  const format = formatOf(input);
  const workbook = await workbookOf(decodeFile(input.file), format);
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = input.sheet ? workbook.getWorksheet(input.sheet) : workbook.worksheets[0];
  if (!worksheet) throw badInput({ sheet: problem(FieldReason.NOT_ONE_OF, `the file has no sheet ${input.sheet}`, { values: sheets }) });
  const width = worksheet.columnCount;
  const textOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const headerRow = input.headerRow ?? 1;
  const headers = textOf(worksheet.getRow(headerRow));
  const rows: Sheet['rows'] = [];
  for (let n = headerRow + 1; n <= worksheet.rowCount; n++) {
    const cells = textOf(worksheet.getRow(n));
    if (cells.every((cell) => !cell)) continue;
    rows.push({ row: n, cells });
    if (rows.length > MAX_IMPORT_ROWS) {
      throw badInput({ file: problem(FieldReason.TOO_MANY_ROWS, `has more than ${MAX_IMPORT_ROWS} rows; split it`, { rows: worksheet.rowCount - headerRow, max: MAX_IMPORT_ROWS }) });
    }
  }
  if (!headers.some(Boolean)) throw badInput({ headerRow: problem(FieldReason.NO_ROWS, `line ${headerRow} of the sheet is blank: say which line holds the headers`) });
  return { format, sheets, sheet: worksheet.name, headers, rows };
}

/** Header words (lower case, English and Russian) and the field each suggests. */
const HEADER_WORDS: [RegExp, ClientImportField][] = [
  [/^(контакт(ное лицо)?|contact( name| person)?|фио)$/, ClientImportField.CONTACT_NAME],
  [/^(должность|position|contact position|должность контакта)$/, ClientImportField.CONTACT_POSITION],
  [/^(телефон контакта|contact phone|моб(ильный)?( телефон)?|mobile)$/, ClientImportField.CONTACT_PHONE],
  [/^(email контакта|e-mail контакта|contact e-?mail)$/, ClientImportField.CONTACT_EMAIL],
  [/^(название|наименование|клиент|name|client|company|компания)$/, ClientImportField.NAME],
  [/^(инн|inn|tax id)$/, ClientImportField.INN],
  [/^(кпп|kpp)$/, ClientImportField.KPP],
  [/^(телефон|phone|tel)$/, ClientImportField.PHONE],
  [/^(e-?mail|почта|эл\.? ?почта)$/, ClientImportField.EMAIL],
  [/^(сайт|website|web|site|url)$/, ClientImportField.WEBSITE],
  [/^(статус|status)$/, ClientImportField.STATUS],
  [/^(регион|region)$/, ClientImportField.REGION],
  [/^(отрасль|industry)$/, ClientImportField.INDUSTRY],
  [/^(сегмент|segment)$/, ClientImportField.SEGMENT],
  [/^(источник|lead source|source|источник лида)$/, ClientImportField.LEAD_SOURCE],
  [/^(теги|метки|tags)$/, ClientImportField.TAGS],
  [/^(менеджер|ответственный|owner|manager)$/, ClientImportField.OWNER],
  [/^(заметки|примечание|комментарий|notes?|comment)$/, ClientImportField.NOTES],
];

/** The field a header suggests, each field for its first column only. */
export function suggestFields(headers: readonly string[]): (ClientImportField | null)[] {
  const used = new Set<ClientImportField>();
  return headers.map((header) => {
    const text = header.trim().toLowerCase().replace(/\s+/g, ' ');
    const field = HEADER_WORDS.find(([words]) => words.test(text))?.[1] ?? null;
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}
