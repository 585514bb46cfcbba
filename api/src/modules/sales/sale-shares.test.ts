import { discountWithoutVat, perVatRate, shareOf } from './sale-shares';

describe('shareOf', () => {
  // DRILL ×2 at 11400.00 VAT in the price: total 22800.00, VAT 4111.48, discount 983.61
  const drill = { total: '22800.00', vat: '4111.48', discount: '983.61' };
  it.each([
    // whole, before, quantity → amount, vat, total, discount
    ['2', '0', '2', '18688.52', '4111.48', '22800.00', '983.61'],
    // half: 11400.00, VAT 2055.74, discount 491.805 → 491.81
    ['2', '0', '1', '9344.26', '2055.74', '11400.00', '491.81'],
    // the other half takes the rest: VAT 4111.48 − 2055.74, discount 983.61 − 491.81
    ['2', '1', '1', '9344.26', '2055.74', '11400.00', '491.80'],
  ] as const)('%s after %s, %s of it', (whole, before, quantity, amount, vat, total, discount) => {
    expect(shareOf(drill, whole, before, quantity)).toEqual({ amount, vat, total, discount });
  });

  it('thirds add up to the whole line to the kopeck', () => {
    const line = { total: '100.00', vat: '18.03', discount: '0.01' };
    const parts = [shareOf(line, '3', '0', '1'), shareOf(line, '3', '1', '1'), shareOf(line, '3', '2', '1')];
    expect(parts.map((p) => p.total)).toEqual(['33.33', '33.34', '33.33']);
    expect(parts.map((p) => p.vat)).toEqual(['6.01', '6.01', '6.01']);
    expect(parts.map((p) => p.discount)).toEqual(['0.00', '0.01', '0.00']);
  });

  it('refuses more than the line holds', () => {
    expect(() => shareOf({ total: '1', vat: '0', discount: '0' }, '2', '1', '2')).toThrow(RangeError);
  });
});

describe('discountWithoutVat', () => {
  it.each([
    // 12000 × 2 − 22800 = 1200 with VAT 22 % in the price → 1200 × 100 / 122 = 983.606… → 983.61
    ['12000.00', '2', '22800.00', '22', true, '983.61'],
    // VAT on top: the difference is without VAT already: 7.37 × 10 − 67.80 = 5.90
    ['7.37', '10', '67.80', '22', false, '5.90'],
    ['10.00', '3', '30.00', '22', true, '0.00'],
  ] as const)('base %s × %s, amount %s at %s %% (VAT in price: %s) → %s', (base, quantity, amount, rate, included, expected) => {
    expect(discountWithoutVat(base, quantity, amount, rate, included)).toBe(expected);
  });
});

describe('perVatRate', () => {
  it('sums per rate, lowest rate first', () => {
    expect(perVatRate([
      { vatRate: '22', amount: '100.00', vat: '22.00' },
      { vatRate: '10.00', amount: '50.00', vat: '5.00' },
      { vatRate: '22.00', amount: '0.50', vat: '0.11' },
    ])).toEqual([
      { rate: '10', amount: '50.00', vat: '5.00' },
      { rate: '22', amount: '100.50', vat: '22.11' },
    ]);
  });
});
