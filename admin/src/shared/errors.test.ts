import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { TradebookError, type FieldError } from '@tradebook/client';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { errorNotification, referencedRecords, type ErrorFormats } from './errors';
import { fieldErrorsOf, fieldErrorSummary, reasonWords } from './fieldErrors';

const formats: ErrorFormats = {
  decimal: (value) => value.replace('.', ','),
  day: (value) => value.split('-').reverse().join('.'),
  documentType: (type) => type,
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

  it('names each document that took from the lots or adjusted the cost once, for its number to be read; types the console has no screen for are left out', () => {
    const error = failure('INVALID_STATE', 'x', {
      reason: 'LOTS_CONSUMED',
      consumers: [{ recorderType: 'StockTransfer', recorderId: 't1' }, { recorderType: 'Shipment', recorderId: 's1' }, { recorderType: 'ContractSchedule', recorderId: 'cs1' }, { recorderType: 'StockTransfer', recorderId: 't1' }],
      adjustedBy: [{ recorderType: 'LandedCost', recorderId: 'lc1' }],
    });
    expect(referencedRecords(error)).toEqual([
      { resource: 'StockTransfer', id: 't1' },
      { resource: 'Shipment', id: 's1' },
      { resource: 'LandedCost', id: 'lc1' },
    ]);
  });

  const names = { field: (name: string) => ({ amount: 'Amount', manualAmount: 'Manual amount', goodsReceiptLineId: 'Receipt line' })[name] ?? name, line: (n: number) => `Line ${n}` };

  it('words field errors by label and line, one clause per field, without the server repeating the line', () => {
    const fields = {
      'lines.1.manualAmount': 'line 2: the manual amounts add up to 200.00, not 220.00',
      'lines.0.goodsReceiptLineId': 'line 1: goods receipt RC-2026-000001 is DRAFT',
      amount: 'must be greater than 0',
    };
    expect(fieldErrorSummary(fieldErrorsOf(fields, undefined), names)).toBe(
      'Line 2, Manual amount: the manual amounts add up to 200.00, not 220.00; Line 1, Receipt line: goods receipt RC-2026-000001 is DRAFT; Amount: must be greater than 0',
    );
  });

  it('words an error about a whole line (a price below cost) by the line alone', () => {
    expect(fieldErrorSummary(fieldErrorsOf({ 'lines.2': 'the final price 90 is below cost 100' }, undefined), names)).toBe('Line 3: the final price 90 is below cost 100');
  });

  it('words a document refused at posting for a field by its labels, where the document\'s field names are known', () => {
    const error = new TradebookError([{ message: 'Invalid input: lines.0.goodsReceiptLineId: line 1: goods receipt RC-2026-000001 is DRAFT', extensions: { code: 'BAD_USER_INPUT', fields: { 'lines.0.goodsReceiptLineId': 'line 1: goods receipt RC-2026-000001 is DRAFT' } } }], 200);
    const summary = 'Line 1, Receipt line: goods receipt RC-2026-000001 is DRAFT';
    expect(errorNotification(error, { ...formats, fields: names })).toEqual({ message: summary, messageArgs: { _: summary } });
    expect(errorNotification(error, formats).message).toBe('tradebook.errors.BAD_USER_INPUT');
  });
});

/** errorNotification's message as react-admin's notify shows it, in the language of `messages`, with the numbers of the documents read. */
function reader(messages: object, fields?: string) {
  const { translate } = polyglotI18nProvider(() => messages as TranslationMessages, 'en');
  const documentType = (type: string) => translate(`resources.${type}.name`, { smart_count: 1, _: type });
  const field = (name: string) => translate(`resources.${fields}.fields.${name}`, { _: name });
  const fieldNames = fields
    ? { field, line: (number: number) => translate('tradebook.documents.line', { number }), reason: reasonWords({ translate, decimal: formats.decimal, day: formats.day, field }) }
    : undefined;
  return (error: unknown) => {
    const { message, messageArgs } = errorNotification(error, { ...formats, documentType, names: { t1: 'TR-2026-000003', lc1: 'LC-2026-000001' }, fields: fieldNames });
    return translate(message, messageArgs);
  };
}

/** A failure of a react-admin save: the data provider's HttpError carries the code, field errors and details in its body. */
const saveFailure = (message: string, body: { code: string; errors?: Record<string, string>; details?: Record<string, unknown> }) => Object.assign(new Error(message), { status: 400, body: { errors: {}, details: {}, ...body } });

describe('refusals in the reader\'s language', () => {
  const english = reader(en);
  const russian = reader(ru);

  it.each([
    [
      'LOTS_CONSUMED names the documents that took from the lots, by number where it was read, each once',
      failure('INVALID_STATE', 'Goods receipt RC-2026-000001 cannot be unposted: its lots were taken by StockTransfer t1, WriteOff w9; unpost those first', {
        reason: 'LOTS_CONSUMED',
        consumers: [{ recorderType: 'StockTransfer', recorderId: 't1' }, { recorderType: 'WriteOff', recorderId: 'w9' }, { recorderType: 'StockTransfer', recorderId: 't1' }],
      }),
      'The document cannot be unposted: goods from its lots were taken since by Stock transfer TR-2026-000003, Write-off; unpost those first',
      'Отменить проведение документа нельзя: товар из его партий уже взяли документы Перемещение товаров TR-2026-000003, Списание товаров; сначала отмените их проведение',
    ],
    [
      'COST_ADJUSTED names the landed cost to unpost first',
      failure('INVALID_STATE', 'Stock transfer TR-2026-000003 cannot be unposted: LandedCost lc1 adjusted its cost; unpost those first', {
        reason: 'COST_ADJUSTED',
        adjustedBy: [{ recorderType: 'LandedCost', recorderId: 'lc1' }],
      }),
      'The document cannot be unposted: a landed cost adjusted its cost (Landed cost LC-2026-000001); unpost the landed cost first',
      'Отменить проведение документа нельзя: его себестоимость скорректирована доп. расходами (Доп. расходы LC-2026-000001); сначала отмените проведение доп. расходов',
    ],
    [
      'a document without lines refused posting (NO_LINES)',
      failure('INVALID_STATE', 'Write-off WO-2026-000001 has no lines to post', { reason: 'NO_LINES' }),
      'The document has no lines to post',
      'В документе нет строк: проводить нечего',
    ],
    [
      'a posted document refused a draft\'s action',
      failure('INVALID_STATE', 'Goods receipt RC-2026-000001 is POSTED; only a draft can be posted', { status: 'POSTED' }),
      'The document is posted: only a draft can be changed, posted or deleted; unpost it first',
      'Документ проведён: изменить, провести или удалить можно только черновик; сначала отмените проведение',
    ],
    [
      'a draft refused unposting',
      failure('INVALID_STATE', 'Goods receipt RC-2026-000001 is DRAFT; only a posted document can be unposted', { status: 'DRAFT' }),
      'The document is a draft: only a posted document can be unposted',
      'Документ — черновик: отменить проведение можно только у проведённого документа',
    ],
    [
      'a cancelled document refused anything',
      failure('INVALID_STATE', 'Price list PL-2026-000002 is already CANCELLED', { status: 'CANCELLED' }),
      'The document is cancelled: it can no longer be changed, posted or cancelled',
      'Документ отменён: его больше нельзя ни изменить, ни провести, ни отменить',
    ],
    [
      'CONFLICT DATABASE_BUSY after the retries ran out',
      failure('CONFLICT', 'The database was busy with conflicting changes; try again', { reason: 'DATABASE_BUSY', attempts: 3 }),
      'The database was busy with other changes at the same moment; try again',
      'База данных была занята одновременными изменениями; повторите попытку',
    ],
    [
      'a save with a stale version (CONFLICT STALE_VERSION through the data provider)',
      saveFailure('Product p1 was changed by someone else (version 4, yours 3); reload it', { code: 'CONFLICT', details: { reason: 'STALE_VERSION', currentVersion: 4 } }),
      'Someone else changed this record meanwhile; reload it and make your changes again',
      'Эту запись тем временем изменил кто-то другой; обновите её и внесите изменения заново',
    ],
    [
      'a reason the console has no words for keeps the server\'s message',
      failure('CONFLICT', 'Product group Tools is used by discount rule Spring', { reason: 'IN_USE' }),
      'Product group Tools is used by discount rule Spring',
      'Product group Tools is used by discount rule Spring',
    ],
  ])('%s', (_, error, inEnglish, inRussian) => {
    expect(english(error)).toBe(inEnglish);
    expect(russian(error)).toBe(inRussian);
  });

  it('words the price check\'s field errors by line and label instead of their paths, and by their reasons in the reader\'s language', () => {
    // given the quote refused for line 1's quantity and line 2's price below cost
    const fields = { 'lines.0.quantity': 'must be greater than 0', 'lines.1': 'the final price 90 is below cost 100, and your roles may not sell below cost' };
    const fieldErrors: FieldError[] = [
      { field: 'lines.0.quantity', reason: 'GREATER_THAN', params: { min: 0 }, message: fields['lines.0.quantity'] },
      { field: 'lines.1', reason: 'BELOW_COST', params: { price: '90', cost: '100.5' }, message: fields['lines.1'] },
    ];
    const error = new TradebookError([{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields, fieldErrors } }], 200);

    // then each language names the line and the field its own way, and words the reason
    expect(reader(en, 'PriceCheck')(error)).toBe('Line 1, Quantity: must be greater than 0; Line 2: the final price 90 is below cost 100,5, and your roles may not sell below cost');
    expect(reader(ru, 'PriceCheck')(error)).toBe('Строка 1, Количество: должно быть больше 0; Строка 2: итоговая цена 90 ниже себестоимости 100,5, а ваши роли не позволяют продавать ниже себестоимости');
  });

  it('words a quantity refused for its unit with the unit, whole units apart', () => {
    // given a write-off of 2.5 pcs and 1.255 m, refused for their units' precision
    const fields = { 'lines.0.quantity': 'line 1: pcs is counted in whole units', 'lines.1.quantity': 'line 2: at most 2 decimal places for m' };
    const fieldErrors: FieldError[] = [
      { field: 'lines.0.quantity', reason: 'DECIMAL_PLACES', params: { places: 0, unit: 'pcs' }, message: fields['lines.0.quantity'] },
      { field: 'lines.1.quantity', reason: 'DECIMAL_PLACES', params: { places: 2, unit: 'm' }, message: fields['lines.1.quantity'] },
    ];
    const error = new TradebookError([{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields, fieldErrors } }], 200);

    // then both languages name the unit
    expect(reader(en, 'WriteOff')(error)).toBe('Line 1, Quantity: pcs is counted in whole units; Line 2, Quantity: at most 2 decimal places for m');
    expect(reader(ru, 'WriteOff')(error)).toBe('Строка 1, Количество: количество в pcs — только целое; Строка 2, Количество: для m — не больше 2 знаков после запятой');
  });

  it('keeps the API\'s English for a reason the console has no words for', () => {
    const error = new TradebookError([{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: { 'lines.0.quantity': 'line 1: the quantity must be greater than 0' } } }], 200);
    expect(reader(ru, 'WriteOff')(error)).toBe('Строка 1, Количество: the quantity must be greater than 0');
  });
});
