import { printChoices, printDocumentType } from './printChoices';

describe('print choices', () => {
  it.each([
    ['GoodsReceipt', 'goods-receipt'],
    ['StockTransfer', 'stock-transfer'],
    ['WriteOff', 'write-off'],
    ['StockCount', 'stock-count'],
    ['PriceType', 'price-type'],
  ])('%s prints as %s', (resource, type) => {
    expect(printDocumentType(resource)).toBe(type);
  });

  it('lists each form and format in both languages, named in the reader’s', () => {
    const forms = [
      { documentType: 'stock-transfer', form: 'torg-13', labelRu: 'ТОРГ-13', labelEn: 'Transfer note (TORG-13)', formats: ['pdf'] },
      { documentType: 'price-type', form: 'price-list', labelRu: 'Прайс-лист', labelEn: 'Price list', formats: ['pdf', 'xlsx'] },
    ];
    expect(printChoices(forms, 'stock-transfer', 'ru').map((c) => c.label)).toEqual(['ТОРГ-13, PDF (на русском)', 'ТОРГ-13, PDF (на английском)']);
    expect(printChoices(forms, 'price-type', 'en').map((c) => [c.format, c.lang, c.label])).toEqual([
      ['pdf', 'ru', 'Price list, PDF (Russian)'],
      ['pdf', 'en', 'Price list, PDF (English)'],
      ['xlsx', 'ru', 'Price list, XLSX (Russian)'],
      ['xlsx', 'en', 'Price list, XLSX (English)'],
    ]);
    expect(printChoices(forms, 'write-off', 'en')).toEqual([]);
  });
});
