import { parsePriceCell, parsePriceCsv, splitCsvLine } from './price-csv';

describe('parsePriceCsv', () => {
  it('reads "sku;price" with a header, a decimal comma and spaces between thousands', () => {
    // given a semicolon file as a Russian spreadsheet saves it (BOM, CRLF, decimal comma)
    const csv = '\uFEFFАртикул;Цена\r\nBLT-M6;12,50\r\nDRL-600;4 990,00\r\nCEM-M500;520\r\n';
    // then rows are numbered as lines of the file, the header being row 1
    expect(parsePriceCsv(csv)).toEqual({
      rows: [
        { row: 2, sku: 'BLT-M6', price: '12.50' },
        { row: 3, sku: 'DRL-600', price: '4990.00' },
        { row: 4, sku: 'CEM-M500', price: '520' },
      ],
      errors: [],
    });
  });

  it('reads "sku,price" with a point, a quoted decimal comma, and columns found by name', () => {
    const csv = 'name,price,sku\n"Болт, М6",12.5,BLT-M6\nДрель,"4990,90",DRL-600';
    expect(parsePriceCsv(csv).rows).toEqual([
      { row: 2, sku: 'BLT-M6', price: '12.5' },
      { row: 3, sku: 'DRL-600', price: '4990.90' },
    ]);
  });

  it('reports every bad row with its number and never drops one silently', () => {
    const csv = ['sku;price', 'A-1;100', 'A-2;abc', '', 'A-3;-5', ';10', 'A-1;120', 'A-4;', 'A-5;1.23456', 'A-6;0'].join('\n');
    const { rows, errors } = parsePriceCsv(csv);
    // the good rows (the blank line 4 is skipped but counted)
    expect(rows).toEqual([
      { row: 2, sku: 'A-1', price: '100' },
      { row: 10, sku: 'A-6', price: '0' },
    ]);
    // and one error per bad row, in file order
    expect(errors).toEqual([
      { row: 3, sku: 'A-2', message: '"abc" is not a number', reason: 'NOT_A_NUMBER', params: { value: 'abc' } },
      { row: 5, sku: 'A-3', message: 'the price must not be negative', reason: 'NEGATIVE', params: {} },
      { row: 6, sku: null, message: 'the SKU is missing', reason: 'REQUIRED', params: { field: 'sku' } },
      { row: 7, sku: 'A-1', message: 'SKU A-1 is already on row 2', reason: 'REPEATED', params: { line: 2 } },
      { row: 8, sku: 'A-4', message: 'the price is missing', reason: 'REQUIRED', params: { field: 'price' } },
      { row: 9, sku: 'A-5', message: 'the price must have at most 4 decimal places', reason: 'DECIMAL_PLACES', params: { places: 4 } },
    ]);
  });

  it('treats a first line with a number as data, not as a header', () => {
    expect(parsePriceCsv('X-1;10\nX-2;20').rows).toEqual([
      { row: 1, sku: 'X-1', price: '10' },
      { row: 2, sku: 'X-2', price: '20' },
    ]);
  });

  it('uses the first two columns under a header it does not know', () => {
    expect(parsePriceCsv('Item\tCost\nX-1\t10,5').rows).toEqual([{ row: 2, sku: 'X-1', price: '10.5' }]);
  });

  it('gives nothing for an empty file', () => {
    expect(parsePriceCsv('')).toEqual({ rows: [], errors: [] });
    expect(parsePriceCsv('sku;price\n\n')).toEqual({ rows: [], errors: [] });
  });
});

describe('parsePriceCell', () => {
  it.each([
    ['1234,50', { price: '1234.50' }],
    ['0001.5', { price: '1.5' }],
    ['1 234 567,8900', { price: '1234567.8900' }],
    ['1,234.50', { error: '"1,234.50" is not a number', reason: 'NOT_A_NUMBER', params: { value: '1,234.50' } }],
    ['12e3', { error: '"12e3" is not a number', reason: 'NOT_A_NUMBER', params: { value: '12e3' } }],
    ['-0,01', { error: 'the price must not be negative', reason: 'NEGATIVE', params: {} }],
    ['1234567890123456', { error: 'the price is too large', reason: 'TOO_LARGE', params: {} }],
    ['123456789012345.9999', { price: '123456789012345.9999' }],
  ] as const)('%s', (cell, expected) => {
    expect(parsePriceCell(cell)).toEqual(expected);
  });
});

describe('splitCsvLine', () => {
  it('keeps delimiters and doubled quotes inside quotes', () => {
    expect(splitCsvLine('"a;b";"say ""hi""";  c  ', ';')).toEqual(['a;b', 'say "hi"', 'c']);
  });
});
