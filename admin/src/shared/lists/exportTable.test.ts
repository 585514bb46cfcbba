import type { Column, ColumnWords } from './columns';
import { csvOf, csvStyle, exportTable } from './exportTable';

const words: ColumnWords = {
  translate: (key, options) => ({ 'ra.boolean.true': 'Да', 'ra.boolean.false': 'Нет', 'enums.DocumentStatus.POSTED': 'Проведён' } as Record<string, string>)[key] ?? String(options?._ ?? key),
  money: (v) => `${v} ₽`,
  decimal: (v) => String(v),
  day: (v) => (v ? v.split('-').reverse().join('.') : ''),
  moment: (v) => v ?? '',
};

const columns: Column[] = [
  { source: 'number' },
  { source: 'date', kind: 'day' },
  { source: 'supplier.name' },
  { source: 'status', kind: 'enum', enumName: 'DocumentStatus' },
  { source: 'amount', kind: 'money' },
  { source: 'active', kind: 'boolean' },
];

const records = [
  { id: 'x1', __typename: 'GoodsReceipt', number: 'RC-1', date: '2026-03-02', supplier: { id: 's1', name: 'ООО "Ромашка"; опт' }, status: 'POSTED', amount: '1234.5', active: true },
  { id: 'x2', __typename: 'GoodsReceipt', number: 'RC-2', date: '2026-03-03', supplier: null, status: 'POSTED', amount: null, active: false },
];

describe('an export of what a list shows', () => {
  it('holds the visible columns only, values as a spreadsheet wants them: numbers, dates, words — no ids or type names', () => {
    const table = exportTable(records, columns, ['Номер', 'Дата', 'Поставщик', 'Статус', 'Сумма', 'Активен'], words);
    expect(table.kinds).toEqual(['text', 'day', 'text', 'text', 'money', 'text']);
    expect(table.rows).toEqual([
      ['RC-1', new Date(Date.UTC(2026, 2, 2)), 'ООО "Ромашка"; опт', 'Проведён', 1234.5, 'Да'],
      ['RC-2', new Date(Date.UTC(2026, 2, 3)), null, 'Проведён', null, 'Нет'],
    ]);
  });

  it('is a CSV Excel opens in Russian: a byte order mark, semicolons, decimal commas, quoted where needed', () => {
    const table = exportTable(records, columns, ['Номер', 'Дата', 'Поставщик', 'Статус', 'Сумма', 'Активен'], words);
    const style = csvStyle('ru', (d) => d.toISOString().slice(0, 10).split('-').reverse().join('.'), (d) => d.toISOString());
    expect(csvOf(table, style)).toBe(
      '\uFEFFНомер;Дата;Поставщик;Статус;Сумма;Активен\r\n' +
        'RC-1;02.03.2026;"ООО ""Ромашка""; опт";Проведён;1234,5;Да\r\n' +
        'RC-2;03.03.2026;;Проведён;;Нет\r\n',
    );
  });

  it('is a CSV with commas and decimal points in English', () => {
    const table = exportTable([records[0]], [columns[0], columns[4]], ['Number', 'Amount'], words);
    expect(csvOf(table, csvStyle('en', (d) => d.toISOString(), (d) => d.toISOString()))).toBe('\uFEFFNumber,Amount\r\nRC-1,1234.5\r\n');
  });
});
