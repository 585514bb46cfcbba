import { addDays, daysBetween, priceSalesLine, salesTotals, vatBookByRate } from './sales-document-lines';

describe('sales document lines', () => {
  it.each([
    // quantity, price, rate, VAT included → amount, vat, total
    ['2', '5000.00', '22', false, '10000.00', '2200.00', '12200.00'],
    ['3', '333.33', '10', true, '999.99', '90.91', '999.99'], // 999.99 × 10 / 110 = 90.9081… → 90.91
    ['1.5', '7.37', '22', false, '11.06', '2.43', '13.49'], // 11.055 → 11.06; 11.06 × 0.22 = 2.4332 → 2.43
    ['1', '100.00', '0', true, '100.00', '0.00', '100.00'],
  ])('%s × %s at %s %% (included %s) → %s, VAT %s, total %s', (quantity, price, rate, included, amount, vat, total) => {
    expect(priceSalesLine(quantity, price, rate, included)).toEqual({ amount, vat, total });
  });

  it('totals and the VAT book per rate, ascending, without VAT', () => {
    const lines = [
      { vatRate: '22', amount: '10000.00', vat: '2200.00', total: '12200.00' },
      { vatRate: '10', amount: '999.99', vat: '90.91', total: '999.99' },
      { vatRate: '22', amount: '100.00', vat: '22.00', total: '122.00' },
    ];
    expect(salesTotals(lines)).toEqual({ amount: '11099.99', vat: '2312.91', total: '13321.99' });
    expect(vatBookByRate(lines)).toEqual([
      { rate: '10', amount: '909.08', vat: '90.91' },
      { rate: '22', amount: '10100.00', vat: '2222.00' },
    ]);
  });

  it('adds and counts days across month and year ends', () => {
    expect(addDays('2026-01-25', 10)).toBe('2026-02-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
  });
});
