import { TradebookError } from '../../../schema/client';
import { errorNotification, fieldErrorSummary, referencedRecords, type ErrorFormats } from './errors';

const formats: ErrorFormats = {
  decimal: (value) => value.replace('.', ','),
  day: (value) => value.split('-').reverse().join('.'),
  names: { p1: 'E2E-1 Hammer', w1: 'Main store' },
};

const failure = (code: string, message: string, details: Record<string, unknown> = {}) => new TradebookError([{ message, extensions: { code, details } }], 200);

describe('error notifications', () => {
  it.each([
    [
      'INSUFFICIENT_STOCK in the reader\'s words, with names for ids and formatted quantities',
      failure('INSUFFICIENT_STOCK', 'Not enough stock: 7.5 requested, 5 available', { productId: 'p1', warehouseId: 'w1', requested: '7.5', available: '5' }),
      { message: 'tradebook.errors.INSUFFICIENT_STOCK', messageArgs: { _: 'Not enough stock: 7.5 requested, 5 available', product: 'E2E-1 Hammer', warehouse: 'Main store', requested: '7,5', available: '5' } },
    ],
    [
      'an id with no name found stays an id',
      failure('INSUFFICIENT_STOCK', 'Not enough stock', { productId: 'p9', warehouseId: 'w1', requested: '1', available: '0' }),
      { message: 'tradebook.errors.INSUFFICIENT_STOCK', messageArgs: { _: 'Not enough stock', product: 'p9', warehouse: 'Main store', requested: '1', available: '0' } },
    ],
    [
      'PERIOD_CLOSED with its days formatted',
      failure('PERIOD_CLOSED', 'The period is closed', { closedThrough: '2026-01-31', date: '2026-01-15' }),
      { message: 'tradebook.errors.PERIOD_CLOSED', messageArgs: { _: 'The period is closed', closedThrough: '31.01.2026', date: '15.01.2026' } },
    ],
    [
      'any other code falls back to the server\'s message when the console has no words of its own',
      failure('INVALID_STATE', 'Only a draft can be posted'),
      { message: 'tradebook.errors.INVALID_STATE', messageArgs: { _: 'Only a draft can be posted' } },
    ],
    ['a failure that is not the API\'s shows its message', new Error('Failed to fetch'), { message: 'Failed to fetch' }],
  ])('%s', (_, error, expected) => {
    expect(errorNotification(error, formats)).toEqual(expected);
  });

  it('names the product and warehouse an error points at, for their names to be looked up', () => {
    expect(referencedRecords(failure('INSUFFICIENT_STOCK', 'x', { productId: 'p1', warehouseId: 'w1' }))).toEqual([
      { resource: 'Product', id: 'p1' },
      { resource: 'Warehouse', id: 'w1' },
    ]);
    expect(referencedRecords(new Error('x'))).toEqual([]);
  });

  const names = { field: (name: string) => ({ amount: 'Amount', manualAmount: 'Manual amount', goodsReceiptLineId: 'Receipt line' })[name] ?? name, line: (n: number) => `Line ${n}` };

  it('words field errors by label and line, one clause per field, without the server repeating the line', () => {
    const fields = {
      'lines.1.manualAmount': 'line 2: the manual amounts add up to 200.00, not 220.00',
      'lines.0.goodsReceiptLineId': 'line 1: goods receipt RC-2026-000001 is DRAFT',
      amount: 'must be greater than 0',
    };
    expect(fieldErrorSummary(fields, names)).toBe(
      'Line 2, Manual amount: the manual amounts add up to 200.00, not 220.00; Line 1, Receipt line: goods receipt RC-2026-000001 is DRAFT; Amount: must be greater than 0',
    );
  });

  it('words a document refused at posting for a field by its labels, where the document\'s field names are known', () => {
    const error = new TradebookError([{ message: 'Invalid input: lines.0.goodsReceiptLineId: line 1: goods receipt RC-2026-000001 is DRAFT', extensions: { code: 'BAD_USER_INPUT', fields: { 'lines.0.goodsReceiptLineId': 'line 1: goods receipt RC-2026-000001 is DRAFT' } } }], 200);
    const summary = 'Line 1, Receipt line: goods receipt RC-2026-000001 is DRAFT';
    expect(errorNotification(error, { ...formats, fields: names })).toEqual({ message: summary, messageArgs: { _: summary } });
    expect(errorNotification(error, formats).message).toBe('tradebook.errors.BAD_USER_INPUT');
  });
});
