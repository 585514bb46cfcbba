import { isSpreadsheetPaste, parsePastedLines, resolvePasted, typedNumber } from './pasteLines';

describe('numbers as people type them', () => {
  it.each([
    ['12', '12'],
    ['1 250,5', '1250.5'],
    ['1\u00a0250,50', '1250.50'],
    ['0,125', '0.125'],
    ['0', null],
    ['-3', null],
    ['abc', null],
    ['', null],
  ])('%j → %j', (text, number) => {
    expect(typedNumber(text)).toBe(number);
  });
});

describe('lines pasted from a spreadsheet', () => {
  it('reads SKU, quantity and price per row, skipping a header and blank rows, and reports rows it cannot read', () => {
    const text = 'Артикул\tКол-во\tЦена\r\nA-1\t10\t100\r\n\r\nA-2\t2,5\t1 250,50\r\nA-3\tmany\t5\r\n\t4\t1\r\nA-4\t1\tfree\r\n';
    expect(parsePastedLines(text, true)).toEqual([
      { row: 2, sku: 'A-1', quantity: '10', price: '100' },
      { row: 4, sku: 'A-2', quantity: '2.5', price: '1250.50' },
      { row: 5, sku: 'A-3', price: '5', problem: 'BAD_QUANTITY' },
      { row: 6, sku: '', quantity: '4', problem: 'NO_SKU', price: '1' },
      { row: 7, sku: 'A-4', quantity: '1', problem: 'BAD_PRICE' },
    ]);
  });

  it('takes semicolons where no tab is, and leaves prices alone where the document has none', () => {
    expect(parsePastedLines('A-1;3;99\nA-2;4', false)).toEqual([
      { row: 1, sku: 'A-1', quantity: '3' },
      { row: 2, sku: 'A-2', quantity: '4' },
    ]);
  });

  it('tells a paste of lines from a paste of one SKU', () => {
    expect(isSpreadsheetPaste('A-1\t3')).toBe(true);
    expect(isSpreadsheetPaste('A-1\nA-2')).toBe(true);
    expect(isSpreadsheetPaste('A-1 ')).toBe(false);
  });

  it('adds the known active goods and says why each other row was left out', () => {
    const rows = parsePastedLines('A-1\t1\nZ-9\t2\nOLD\t3\nSVC\t4\nA-2\t0', false);
    const products = [
      { id: 'p1', sku: 'A-1', active: true, kind: 'GOODS' },
      { id: 'p2', sku: 'OLD', active: false, kind: 'GOODS' },
      { id: 'p3', sku: 'SVC', active: true, kind: 'SERVICE' },
      { id: 'p4', sku: 'A-2', active: true, kind: 'GOODS' },
    ];
    expect(resolvePasted(rows, products, true)).toEqual({
      lines: [{ productId: 'p1', quantity: '1' }],
      report: [
        { row: 1, sku: 'A-1', outcome: 'ADDED' },
        { row: 2, sku: 'Z-9', outcome: 'UNKNOWN_SKU' },
        { row: 3, sku: 'OLD', outcome: 'INACTIVE' },
        { row: 4, sku: 'SVC', outcome: 'NOT_GOODS' },
        { row: 5, sku: 'A-2', outcome: 'BAD_QUANTITY' },
      ],
    });
  });
});
