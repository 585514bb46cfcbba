import { columnText, kindOf, type Column, type ColumnWords } from './columns';
import { valueAt } from './values';

/** A cell of an export: numbers stay numbers and days stay dates, so a spreadsheet can add them up and sort them. */
export type ExportCell = string | number | Date | null;

export interface ExportTable {
  header: string[];
  /** What each column holds, for the spreadsheet's number and date formats. */
  kinds: ('text' | 'money' | 'decimal' | 'day' | 'moment')[];
  rows: ExportCell[][];
}

const dayOf = (value: string) => {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};

/** The records as the list shows them: its visible columns, labelled, enum values and yes/no in words, no ids or type names. */
export function exportTable(records: Record<string, unknown>[], columns: Column[], header: string[], words: ColumnWords): ExportTable {
  const kinds = columns.map((column) => {
    const kind = kindOf(column);
    if (kind === 'money' || kind === 'day' || kind === 'moment') return kind;
    return kind === 'decimal' || kind === 'integer' ? 'decimal' : 'text';
  });
  const rows = records.map((record) =>
    columns.map((column, i): ExportCell => {
      const value = column.text ? undefined : valueAt(record, column.source);
      if (column.text || value === null || value === undefined || value === '') return column.text ? columnText(record, column, words) : null;
      switch (kinds[i]) {
        case 'money':
        case 'decimal':
          return Number(value);
        case 'day':
          return dayOf(String(value));
        case 'moment':
          return new Date(String(value));
        default:
          return columnText(record, column, words);
      }
    }),
  );
  return { header, kinds, rows };
}

/** How a CSV for Excel is written in a language: Excel in a Russian locale reads `;` and a decimal comma. */
export interface CsvStyle {
  separator: ';' | ',';
  decimalComma: boolean;
  day: (date: Date) => string;
  moment: (date: Date) => string;
}

export const csvStyle = (locale: string, day: CsvStyle['day'], moment: CsvStyle['moment']): CsvStyle =>
  locale === 'ru' ? { separator: ';', decimalComma: true, day, moment } : { separator: ',', decimalComma: false, day, moment };

const quoted = (text: string, separator: string) => (/["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The table as CSV that Excel opens as it is: a UTF-8 byte order mark (else Excel reads
 * Cyrillic as garbage), the locale's separator, numbers without thousands separators and with
 * the locale's decimal mark (so Excel takes them as numbers), days as the locale writes them.
 */
export function csvOf(table: ExportTable, style: CsvStyle): string {
  const cell = (value: ExportCell, kind: ExportTable['kinds'][number]): string => {
    if (value === null) return '';
    if (typeof value === 'number') return style.decimalComma ? String(value).replace('.', ',') : String(value);
    if (value instanceof Date) return kind === 'moment' ? style.moment(value) : style.day(value);
    return quoted(value, style.separator);
  };
  const lines = [table.header.map((h) => quoted(h, style.separator)).join(style.separator), ...table.rows.map((row) => row.map((value, i) => cell(value, table.kinds[i])).join(style.separator))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The spreadsheet's number formats by column kind; days in the locale's order. */
export const xlsxFormats = (locale: string): Record<ExportTable['kinds'][number], string | undefined> => ({
  text: undefined,
  money: '#,##0.00',
  decimal: '#,##0.###',
  day: locale === 'ru' ? 'dd.mm.yyyy' : 'dd/mm/yyyy',
  moment: locale === 'ru' ? 'dd.mm.yyyy hh:mm' : 'dd/mm/yyyy hh:mm',
});

/** The table as an .xlsx workbook (exceljs, loaded only when someone exports): a bold header, numbers and dates as such, columns wide enough. */
export async function xlsxOf(table: ExportTable, sheetName: string, locale: string): Promise<Blob> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const formats = xlsxFormats(locale);
  sheet.addRow(table.header).font = { bold: true };
  // a spreadsheet's dates have no time zone: a moment is written as the reader's clock showed it
  const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  for (const row of table.rows) sheet.addRow(row.map((value, i) => (value instanceof Date && table.kinds[i] === 'moment' ? local(value) : value)));
  table.kinds.forEach((kind, i) => {
    const column = sheet.getColumn(i + 1);
    if (formats[kind]) column.numFmt = formats[kind]!;
    const widest = Math.max(table.header[i].length, ...table.rows.slice(0, 200).map((row) => String(row[i] ?? '').length));
    column.width = Math.min(Math.max(widest + 2, kind === 'day' ? 12 : 8), 60);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
