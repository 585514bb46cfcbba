import { documentTotals, lineFigures } from './lineTotals';

describe('a line\'s figures as it is typed', () => {
  it.each([
    ['10 at 100, 22 %', { quantity: '10', price: '100', vatRate: '22' }, { amount: '1000.00', vat: '220.00', total: '1220.00' }],
    ['3 at 33.335: 100.005 rounds half up to 100.01', { quantity: '3', price: '33.335', vatRate: '0' }, { amount: '100.01', vat: '0.00', total: '100.01' }],
    ['1.5 kg at 99.99, 10 %: 149.985 → 149.99, VAT 14.999 → 15.00', { quantity: '1.5', price: '99.99', vatRate: '10' }, { amount: '149.99', vat: '15.00', total: '164.99' }],
    ['no VAT rate yet: none', { quantity: '2', price: '5', vatRate: '' }, { amount: '10.00', vat: '0.00', total: '10.00' }],
    ['a quantity not typed yet', { quantity: '', price: '5' }, null],
    ['a price that is not a number', { quantity: '2', price: '5x' }, null],
  ])('%s', (_, line, figures) => {
    expect(lineFigures(line)).toEqual(figures);
  });
});

describe('a document\'s totals', () => {
  it('adds the lines and the VAT per rate, worked out by hand', () => {
    // given 10 at 100 (22 %), 4 at 12.50 (22 %), 2 at 37.49 (10 %) and one line without a price yet
    const lines = [
      { quantity: '10', price: '100', vatRate: '22' }, //   1,000.00 + 220.00
      { quantity: '4', price: '12.50', vatRate: '22' }, //     50.00 +  11.00
      { quantity: '2', price: '37.49', vatRate: '10' }, //     74.98 +   7.50 (7.498 → 7.50)
      { quantity: '1', price: '', vatRate: '22' },
    ];

    // then 22 %: 1,050.00 + 231.00; 10 %: 74.98 + 7.50; in all 1,124.98 + 238.50 = 1,363.48 over 17 pieces
    expect(documentTotals(lines)).toEqual({
      lines: 4,
      quantity: '17',
      amount: '1124.98',
      vat: '238.50',
      total: '1363.48',
      byRate: [
        { rate: '10', amount: '74.98', vat: '7.50' },
        { rate: '22', amount: '1050.00', vat: '231.00' },
      ],
    });
  });

  it('of no lines is zero', () => {
    expect(documentTotals([])).toEqual({ lines: 0, quantity: '0', amount: '0.00', vat: '0.00', total: '0.00', byRate: [] });
  });
});
