import type { ReactNode } from 'react';
import type { EnumName } from '../enums';
import { valueAt } from './values';

/** What a column shows, which decides its cell, its alignment and how it is exported. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'money' | 'day' | 'moment' | 'boolean' | 'enum' | 'enumList' | 'custom';

/**
 * A column of a list, declared once for its table, its phone layout, its column chooser and
 * its export. `source` is the record's path the API sorts by (`group.name` sorts by the
 * group's name through the API's sort); a column the API cannot sort by says `sortable: false`.
 */
export interface Column<R = any> {
  source: string;
  kind?: ColumnKind;
  /** A translation key; `resources.<resource>.fields.<source>` when left out. */
  label?: string;
  enumName?: EnumName;
  sortable?: boolean;
  /** Hidden until chosen in the column chooser. */
  hidden?: boolean;
  /** Only for readers with this permission (cost:read): the API sends null to the others. */
  needs?: string;
  /** The cell of a `custom` column (a link, a name worded in the reader's language). */
  render?: (record: R) => ReactNode;
  /** The text of a `custom` column in exports and on a phone. */
  text?: (record: R, words: ColumnWords) => string;
}

/** How values read in the reader's language, for exports and the phone layout. */
export interface ColumnWords {
  translate: (key: string, options?: Record<string, unknown>) => string;
  money: (value: string | number | null | undefined) => string;
  decimal: (value: string | number | null | undefined) => string;
  day: (value: string | null | undefined) => string;
  moment: (value: string | null | undefined) => string;
}

export const NUMERIC_KINDS: ColumnKind[] = ['integer', 'decimal', 'money'];

export const kindOf = (column: Column): ColumnKind => column.kind ?? 'text';

export { valueAt };

/** A column's value as the reader reads it: numbers and days formatted, enum values and yes/no translated. */
export function columnText(record: Record<string, unknown>, column: Column, words: ColumnWords): string {
  if (column.text) return column.text(record, words);
  const value = valueAt(record, column.source);
  if (value === null || value === undefined || value === '') return '';
  switch (kindOf(column)) {
    case 'money':
      return words.money(value as string);
    case 'decimal':
    case 'integer':
      return words.decimal(value as string);
    case 'day':
      return words.day(value as string);
    case 'moment':
      return words.moment(value as string);
    case 'boolean':
      return words.translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    case 'enum':
      return words.translate(`enums.${column.enumName}.${value}`, { _: String(value) });
    case 'enumList':
      return (value as string[]).map((v) => words.translate(`enums.${column.enumName}.${v}`, { _: v })).join(', ');
    default:
      return String(value);
  }
}
