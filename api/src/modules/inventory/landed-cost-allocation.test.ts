import { Decimal } from '../../shared/money';
import { LandedCostLine, LandedCostMethod, spreadLandedCost } from './landed-cost-allocation';

const line = (lineId: string, quantity: string, value: string, extra: Partial<LandedCostLine> = {}): LandedCostLine => ({
  lineId,
  quantity,
  value,
  ...extra,
});

describe('spreadLandedCost', () => {
  it.each([
    {
      story: 'issue 4: 220 by value over 10 @ 100 and 10 @ 120',
      // values 1000 and 1200, total 2200: 220 × 1000/2200 = 100.00; 220 × 1200/2200 = 120.00
      amount: '220',
      method: 'VALUE',
      lines: [line('a', '10', '1000.00'), line('b', '10', '1200.00')],
      expected: ['100.00', '120.00'],
    },
    {
      story: '100 in three equal parts: the odd kopeck goes to the last line',
      // 10000 kop / 3 = 3333 rem 1 each → 99.99 placed; 1 kop left, remainders tie → last line
      amount: '100',
      method: 'VALUE',
      lines: [line('a', '1', '50'), line('b', '1', '50'), line('c', '1', '50')],
      expected: ['33.33', '33.33', '33.34'],
    },
    {
      story: 'by quantity, the missing kopeck goes to the largest remainder, not the last line',
      // quantities 1, 2, 4 (total 7), 100 kop: 100/7 = 14 rem 2; 200/7 = 28 rem 4; 400/7 = 57 rem 1
      // placed 14 + 28 + 57 = 99; 1 kop left → largest remainder (4/7) is line b → 29
      amount: '1.00',
      method: 'QUANTITY',
      lines: [line('a', '1', '0'), line('b', '2', '0'), line('c', '4', '0')],
      expected: ['0.14', '0.29', '0.57'],
    },
    {
      story: 'two kopecks left over with tied remainders go to the last two lines',
      // 5 kop / 3 = 1 rem 2 each → 3 placed, 2 left; all tie → c, then b
      amount: '0.05',
      method: 'QUANTITY',
      lines: [line('a', '7', '1'), line('b', '7', '2'), line('c', '7', '3')],
      expected: ['0.01', '0.02', '0.02'],
    },
    {
      story: 'fractional quantities',
      // quantities 0.5, 1.25, 1.25 (total 3), 1000 kop:
      // 1000 × 0.5/3 = 166.67 → 166 rem ⅔; 1000 × 1.25/3 = 416.67 → 416 rem ⅔ (twice)
      // placed 998, 2 left; all tie → c, then b: 1.66, 4.17, 4.17 (= 10.00)
      amount: '10.00',
      method: 'QUANTITY',
      lines: [line('a', '0.5', '0'), line('b', '1.25', '0'), line('c', '1.25', '0')],
      expected: ['1.66', '4.17', '4.17'],
    },
    {
      story: 'by weight',
      // weights 2.5 and 7.5 kg (total 10): 50 × 2.5/10 = 12.50; 50 × 7.5/10 = 37.50
      amount: '50',
      method: 'WEIGHT',
      lines: [line('a', '100', '1', { weight: '2.5' }), line('b', '1', '100', { weight: '7.5' })],
      expected: ['12.50', '37.50'],
    },
    {
      story: 'by weight with gram precision',
      // weights 0.333 and 0.667 (total 1.000): 1000 kop × 0.333 = 333 → 3.33; 1000 × 0.667 = 667 → 6.67
      amount: '10',
      method: 'WEIGHT',
      lines: [line('a', '1', '1', { weight: '0.333' }), line('b', '1', '1', { weight: '0.667' })],
      expected: ['3.33', '6.67'],
    },
    {
      story: 'a line with zero value gets nothing',
      // values 0 and 500: 0/500 → 0.00; 500/500 → all 75.25
      amount: '75.25',
      method: 'VALUE',
      lines: [line('a', '3', '0'), line('b', '3', '500')],
      expected: ['0.00', '75.25'],
    },
    {
      story: 'one line takes the whole amount',
      amount: '0.01',
      method: 'VALUE',
      lines: [line('only', '1', '123.45')],
      expected: ['0.01'],
    },
    {
      story: 'a kopeck over many equal lines lands on the last one',
      // 1 kop / 4 = 0 rem 1 each → 0 placed, 1 left, all tie → d
      amount: '0.01',
      method: 'VALUE',
      lines: [line('a', '1', '10'), line('b', '1', '10'), line('c', '1', '10'), line('d', '1', '10')],
      expected: ['0.00', '0.00', '0.00', '0.01'],
    },
    {
      story: 'manual amounts are taken as given',
      // 30 + 70.00 = 100.00 = amount
      amount: '100',
      method: 'MANUAL',
      lines: [line('a', '1', '1', { manualAmount: '30' }), line('b', '1', '1', { manualAmount: '70.00' })],
      expected: ['30.00', '70.00'],
    },
  ] as { story: string; amount: string; method: LandedCostMethod; lines: LandedCostLine[]; expected: string[] }[])(
    '$story',
    ({ amount, method, lines, expected }) => {
      const result = spreadLandedCost(amount, lines, method);

      expect(result).toEqual({ ok: true, allocations: lines.map((l, i) => ({ lineId: l.lineId, amount: expected[i] })) });
      // and the parts add up exactly
      const sum = expected.reduce((total, part) => total.plus(part), new Decimal(0));
      expect(sum.eq(amount)).toBe(true);
    },
  );

  it('issue 4: after a 220 landed cost by value the unit costs are 110 and 132', () => {
    // given: receipt lines 10 @ 100 (value 1000) and 10 @ 120 (value 1200)
    const lines = [line('a', '10', '1000.00'), line('b', '10', '1200.00')];

    // when
    const result = spreadLandedCost('220.00', lines, 'VALUE');

    // then: shares 100 and 120 → (1000 + 100) / 10 = 110; (1200 + 120) / 10 = 132
    if (!result.ok) throw new Error(result.error.message);
    const unitCosts = result.allocations.map((allocation, i) => new Decimal(lines[i].value).plus(allocation.amount).div(lines[i].quantity).toFixed(4));
    expect(unitCosts).toEqual(['110.0000', '132.0000']);
  });

  it.each([
    // amount, method, code, lineId at fault, lines
    ['0', 'VALUE', 'AMOUNT_NOT_POSITIVE', null, [line('a', '1', '1')]],
    ['-5', 'VALUE', 'AMOUNT_NOT_POSITIVE', null, [line('a', '1', '1')]],
    ['10.005', 'VALUE', 'AMOUNT_NOT_IN_KOPECKS', null, [line('a', '1', '1')]],
    ['ten', 'VALUE', 'INVALID_NUMBER', null, [line('a', '1', '1')]],
    ['10', 'VALUE', 'NO_LINES', null, []],
    ['10', 'VALUE', 'DUPLICATE_LINE', 'a', [line('a', '1', '1'), line('a', '2', '2')]],
    ['10', 'VALUE', 'ZERO_BASE_TOTAL', null, [line('a', '1', '0'), line('b', '1', '0')]],
    ['10', 'QUANTITY', 'ZERO_BASE_TOTAL', null, [line('a', '0', '5'), line('b', '0.000', '5')]],
    ['10', 'VALUE', 'NEGATIVE_BASE', 'b', [line('a', '1', '5'), line('b', '1', '-1')]],
    ['10', 'VALUE', 'INVALID_NUMBER', 'b', [line('a', '1', '5'), line('b', '1', 'lots')]],
    ['10', 'WEIGHT', 'WEIGHT_MISSING', 'b', [line('a', '1', '1', { weight: '2' }), line('b', '1', '1')]],
    ['10', 'WEIGHT', 'WEIGHT_MISSING', 'b', [line('a', '1', '1', { weight: '2' }), line('b', '1', '1', { weight: null })]],
    ['10', 'WEIGHT', 'ZERO_BASE_TOTAL', null, [line('a', '1', '1', { weight: '0' }), line('b', '1', '1', { weight: '0' })]],
    ['10', 'MANUAL', 'MANUAL_AMOUNT_MISSING', 'b', [line('a', '1', '1', { manualAmount: '10' }), line('b', '1', '1')]],
    ['10', 'MANUAL', 'MANUAL_AMOUNT_INVALID', 'a', [line('a', '1', '1', { manualAmount: '10.001' })]],
    ['10', 'MANUAL', 'MANUAL_AMOUNT_INVALID', 'b', [line('a', '1', '1', { manualAmount: '11' }), line('b', '1', '1', { manualAmount: '-1' })]],
    // 3.33 + 6.66 = 9.99 ≠ 10.00
    ['10', 'MANUAL', 'MANUAL_SUM_MISMATCH', null, [line('a', '1', '1', { manualAmount: '3.33' }), line('b', '1', '1', { manualAmount: '6.66' })]],
  ] as [string, LandedCostMethod, string, string | null, LandedCostLine[]][])(
    'amount %s by %s → %s (line %s)',
    (amount, method, code, lineId, lines) => {
      const result = spreadLandedCost(amount, lines, method);

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toEqual(code === 'MANUAL_SUM_MISMATCH' ? { code, lineId, message: expect.any(String), params: { sum: '9.99', amount: '10.00' } } : { code, lineId, message: expect.any(String) });
    },
  );
});
