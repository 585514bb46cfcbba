import type { Content, TableCell } from 'pdfmake/interfaces';
import { Decimal, sumOf, type DecimalValue } from '../../shared/money';
import { amountInWords, type PrintLanguage } from './amount-in-words';

/** A text in both languages of the forms. */
export type Words = { ru: string; en: string };
export const say = (lang: PrintLanguage, words: Words) => words[lang];

/** Money as forms print it: two places, thousands apart — «1 200,50» in Russian, «1,200.50» in English. */
export function formatMoney(value: DecimalValue, lang: PrintLanguage): string {
  const [whole, fraction] = new Decimal(value).toDecimalPlaces(2).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
  return `${grouped}${lang === 'ru' ? ',' : '.'}${fraction}`;
}

/** A quantity without trailing zeros (10.500 → «10,5»), thousands apart. */
export function formatQuantity(value: DecimalValue, lang: PrintLanguage): string {
  const [whole, fraction] = new Decimal(value).toFixed().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
  return fraction ? `${grouped}${lang === 'ru' ? ',' : '.'}${fraction}` : grouped;
}

/** A date 2026-03-15 as «15.03.2026». */
export const formatDate = (date: string) => date.split('-').reverse().join('.');

/** «Приходная накладная № RC-2026-000017 от 15.03.2026» / «Goods receipt No. RC-2026-000017 of 15.03.2026». */
export function documentTitle(lang: PrintLanguage, name: Words, number: string, date: string): Content {
  const text = lang === 'ru' ? `${name.ru} № ${number} от ${formatDate(date)}` : `${name.en} No. ${number} of ${formatDate(date)}`;
  return { text, style: 'title' };
}

export interface Party {
  label: Words;
  name: string;
  inn?: string | null;
  kpp?: string | null;
  address?: string | null;
  bank?: string | null;
}

/** Who is who on the form, one row per party: its name, INN/KPP, address and bank. */
export function partiesBlock(lang: PrintLanguage, parties: readonly Party[], logo?: string | null): Content {
  const rows = parties.map((party): TableCell[] => {
    const ids = [party.inn && `${say(lang, { ru: 'ИНН', en: 'INN' })} ${party.inn}`, party.kpp && `${say(lang, { ru: 'КПП', en: 'KPP' })} ${party.kpp}`].filter(Boolean).join(', ');
    const details = [party.name, ids, party.address, party.bank].filter(Boolean).join(', ');
    return [{ text: `${say(lang, party.label)}:`, bold: true }, { text: details }];
  });
  const table: Content = { table: { widths: [90, '*'], body: rows }, layout: 'noBorders', margin: [0, 0, 0, 6] };
  return logo ? { columns: [table, { image: logo, fit: [100, 50], width: 100 }], columnGap: 10 } : table;
}

export interface Column<L> {
  header: Words;
  width: number | '*' | 'auto';
  align?: 'left' | 'right' | 'center';
  value(line: L): string;
}

/**
 * The lines as a table whose header row repeats on every page (headerRows: 1), with
 * an optional row of totals under it.
 */
export function linesTable<L>(lang: PrintLanguage, columns: readonly Column<L>[], lines: readonly L[], totals?: readonly (string | null)[]): Content {
  const header = columns.map((column): TableCell => ({ text: say(lang, column.header), style: 'header' }));
  const body = lines.map((line) => columns.map((column): TableCell => ({ text: column.value(line), alignment: column.align ?? 'left' })));
  const foot = totals ? [totals.map((text, i): TableCell => ({ text: text ?? '', bold: true, alignment: columns[i].align ?? 'left' }))] : [];
  return { table: { headerRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width), body: [header, ...body, ...foot] }, margin: [0, 0, 0, 6] };
}

export interface VatLine {
  vatRate: string;
  amount: string;
  vat: string;
}

/** The amounts of the lines per VAT rate, the highest rate first: «НДС 22 %: 264,00 (по сумме 1 200,00)». */
export function vatByRate(lines: readonly VatLine[]): { rate: string; amount: string; vat: string }[] {
  const rates = [...new Set(lines.map((l) => new Decimal(l.vatRate).toFixed()))].sort((a, b) => new Decimal(b).cmp(a));
  return rates.map((rate) => {
    const of = lines.filter((l) => new Decimal(l.vatRate).eq(rate));
    return { rate, amount: sumOf(of.map((l) => l.amount)).toFixed(2), vat: sumOf(of.map((l) => l.vat)).toFixed(2) };
  });
}

/** Totals on the right: each row a label and an amount; the VAT rows per rate come from vatByRate. */
export function totalsBlock(rows: readonly [label: string, amount: string][]): Content {
  return {
    columns: [{ text: '', width: '*' }, { width: 'auto', table: { body: rows.map(([label, amount]) => [{ text: label, alignment: 'right' }, { text: amount, alignment: 'right', bold: true }]) }, layout: 'noBorders' }],
    margin: [0, 0, 0, 6],
  };
}

/** «Всего наименований 3, на сумму 1 464,00 руб.» and the sum in words under it. */
export function amountInWordsBlock(lang: PrintLanguage, lineCount: number, total: string): Content {
  const count = lang === 'ru' ? `Всего наименований ${lineCount}, на сумму ${formatMoney(total, lang)} руб.` : `Total items ${lineCount}, amounting to RUB ${formatMoney(total, lang)}`;
  return { stack: [{ text: count }, { text: amountInWords(total, lang), bold: true }], margin: [0, 0, 0, 10] };
}

export interface Signature {
  label: Words;
  name?: string | null;
  image?: string | null;
}

/** Signature lines: the role, a line to sign on (or the signature image), the name; a stamp beside them. */
export function signatures(lang: PrintLanguage, list: readonly Signature[], stamp?: string | null): Content {
  const rows = list.map((s): TableCell[] => [
    { text: say(lang, s.label), margin: [0, 8, 0, 0] },
    s.image ? { image: s.image, fit: [90, 30] } : { text: '________________', margin: [0, 8, 0, 0] },
    { text: s.name ? `/ ${s.name} /` : '/ ________________ /', margin: [0, 8, 0, 0] },
  ]);
  const table: Content = { table: { widths: [140, 100, '*'], body: rows }, layout: 'noBorders' };
  return { columns: [table, stamp ? { image: stamp, fit: [110, 110], width: 110 } : { text: '', width: 110 }], unbreakable: true, margin: [0, 6, 0, 0] };
}
