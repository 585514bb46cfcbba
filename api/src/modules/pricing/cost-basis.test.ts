import { costOnPriceBasis } from './quote.service';

describe('the cost a quote compares prices with', () => {
  it.each([
    // unit cost without VAT, VAT rate, prices include VAT → cost on the prices' basis
    ['825', '22', true, '1006.5'], // 825 × 1.22
    ['825', '22', false, '825'],
    ['33.3333', '10', true, '36.6666'], // 33.3333 × 1.1 = 36.66663 → 4 places
    ['100', '0', true, '100'],
    [undefined, '22', true, null], // no stock, no cost
  ] as const)('%s at %s %% (VAT included: %s) → %s', (cost, rate, included, expected) => {
    expect(costOnPriceBasis(cost, rate, included)).toBe(expected);
  });
});
