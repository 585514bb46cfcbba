import { Decimal } from '../../shared/money';

import { consumeLotsFifo, FifoLot } from './fifo';

const lot = (lotId: string, date: string, sequence: number, remaining: string, unitCost: string, remainingValue?: string): FifoLot => ({
  lotId,
  date,
  sequence,
  remaining,
  unitCost,
  ...(remainingValue === undefined ? {} : { remainingValue }),
});

describe('consumeLotsFifo', () => {
  it.each([
    {
      story: "issue 4: transfer 12 after landed cost consumes 10 @ 110 and 2 @ 132",
      // Receipt 10 @ 100 + 10 @ 120, landed cost 220 by value → +100 and +120,
      // so the lots are worth 1100.00 (110/unit) and 1320.00 (132/unit).
      // 10 empties A → its whole value 1100.00; 2 × 132 = 264.00; total 1364.00.
      lots: [lot('A', '2026-03-02', 1, '10', '110', '1100.00'), lot('B', '2026-03-02', 2, '10', '132', '1320.00')],
      quantity: '12',
      consumptions: [['A', '10', '1100.00'], ['B', '2', '264.00']],
      totalCost: '1364.00',
      shortfall: '0',
    },
    {
      story: 'issue 4: write off 3 at W2 takes them from the 110 lot',
      // W2 received 10 @ 110 and 2 @ 132 from the transfer; 3 × 110 = 330.00.
      lots: [lot('W2-A', '2026-03-05', 1, '10', '110', '1100.00'), lot('W2-B', '2026-03-05', 2, '2', '132', '264.00')],
      quantity: '3',
      consumptions: [['W2-A', '3', '330.00']],
      totalCost: '330.00',
      shortfall: '0',
    },
    {
      story: 'three lots, not enough stock: all consumed and the rest is shortfall',
      // 2 × 10 = 20.00; 3 × 20 = 60.00; 1.5 × 30 = 45.00; total 125.00.
      // On hand 2 + 3 + 1.5 = 6.5, asked 8 → shortfall 1.5.
      lots: [lot('L1', '2026-01-10', 1, '2', '10'), lot('L2', '2026-01-11', 1, '3', '20'), lot('L3', '2026-01-12', 1, '1.5', '30')],
      quantity: '8',
      consumptions: [['L1', '2', '20.00'], ['L2', '3', '60.00'], ['L3', '1.5', '45.00']],
      totalCost: '125.00',
      shortfall: '1.5',
    },
    {
      story: 'oldest date first, then sequence, whatever the input order',
      // Order: OLD (01-05) → SAME-1 (01-07 seq 1) → SAME-2 (01-07 seq 2).
      // 1 × 5 = 5.00; 1 × 6 = 6.00; 0.5 × 7 = 3.50; total 14.50.
      lots: [lot('SAME-2', '2026-01-07', 2, '4', '7'), lot('SAME-1', '2026-01-07', 1, '1', '6'), lot('OLD', '2026-01-05', 9, '1', '5')],
      quantity: '2.5',
      consumptions: [['OLD', '1', '5.00'], ['SAME-1', '1', '6.00'], ['SAME-2', '0.5', '3.50']],
      totalCost: '14.50',
      shortfall: '0',
    },
    {
      story: 'equal date and sequence fall back to lot id',
      // "a" < "b": 1 × 1 = 1.00 from a, then 1 × 2 = 2.00 from b; total 3.00.
      lots: [lot('b', '2026-01-07', 1, '5', '2'), lot('a', '2026-01-07', 1, '1', '1')],
      quantity: '2',
      consumptions: [['a', '1', '1.00'], ['b', '1', '2.00']],
      totalCost: '3.00',
      shortfall: '0',
    },
    {
      story: 'empty lots are skipped',
      // E has 0 left, so 1 comes from F: 1 × 9 = 9.00.
      lots: [lot('E', '2026-01-01', 1, '0', '1'), lot('F', '2026-01-02', 1, '1', '9')],
      quantity: '1',
      consumptions: [['F', '1', '9.00']],
      totalCost: '9.00',
      shortfall: '0',
    },
    {
      story: 'no lots at all: the whole quantity is shortfall',
      lots: [],
      quantity: '4.25',
      consumptions: [],
      totalCost: '0.00',
      shortfall: '4.25',
    },
    {
      story: 'nothing asked, nothing consumed',
      lots: [lot('G', '2026-01-01', 1, '3', '10')],
      quantity: '0',
      consumptions: [],
      totalCost: '0.00',
      shortfall: '0',
    },
  ])('$story', ({ lots, quantity, consumptions, totalCost, shortfall }) => {
    const result = consumeLotsFifo(lots, quantity);

    expect(result.consumptions).toEqual(consumptions.map(([lotId, qty, cost]) => ({ lotId, quantity: qty, cost })));
    expect(result.totalCost).toBe(totalCost);
    expect(result.shortfall).toBe(shortfall);
  });

  it.each([
    // remaining, unitCost, take, cost — partial consumptions, rounded half-up to kopecks
    ['10', '12.3456', '3', '37.04'], // 3 × 12.3456 = 37.0368 → 37.04
    ['10', '10.0040', '1.25', '12.51'], // 1.25 × 10.004 = 12.505 → 12.51 (half-up, not half-even 12.50)
    ['10', '0.0015', '7', '0.01'], // 7 × 0.0015 = 0.0105 → 0.01
    ['10', '0.0050', '0.5', '0.00'], // 0.5 × 0.005 = 0.0025 → 0.00
    ['1000', '99.9999', '0.001', '0.10'], // 0.001 × 99.9999 = 0.0999999 → 0.10
    // The largest numeric(18,3) × numeric(19,4) needs 37 digits, beyond decimal.js' default 20:
    // (10^15 − 0.001) × (10^15 − 0.0001) = 10^30 − 10^12 − 10^11 + 10^−7
    //   = 999999999999999998900000000000.0000001 → 999999999999999998900000000000.00
    ['999999999999999.999', '999999999999999.9999', '999999999999999.999', '999999999999999998900000000000.00'],
  ])('%s left @ %s, take %s → %s', (remaining, unitCost, take, cost) => {
    const { consumptions } = consumeLotsFifo([lot('X', '2026-01-01', 1, remaining, unitCost)], take);
    expect(consumptions).toEqual([{ lotId: 'X', quantity: take, cost }]);
  });

  it('a lot sold off in thirds leaves no stray kopeck when its remaining value is given', () => {
    // given: 3 pcs received for 100.00 → unit cost 100 / 3 = 33.3333 (4 places)
    let remaining = new Decimal('3');
    let remainingValue = new Decimal('100.00');
    const costs: string[] = [];

    // when: three separate consumptions of 1 pc each, the caller keeping the lot's balance
    for (let i = 0; i < 3; i += 1) {
      const result = consumeLotsFifo([lot('T', '2026-02-01', 1, remaining.toFixed(), '33.3333', remainingValue.toFixed(2))], '1');
      costs.push(result.consumptions[0].cost);
      remaining = remaining.minus(1);
      remainingValue = remainingValue.minus(result.consumptions[0].cost);
    }

    // then: 1 × 33.3333 → 33.33 twice (value left 100.00 − 66.66 = 33.34);
    // the last piece empties the lot and takes all 33.34, so 33.33 + 33.33 + 33.34 = 100.00.
    expect(costs).toEqual(['33.33', '33.33', '33.34']);
    expect(remainingValue.isZero()).toBe(true);
  });

  it.each([
    // remaining, unitCost, remainingValue, take, cost
    ['2', '33.3333', '66.67', '1', '33.33'], // partial: 1 × 33.3333 → 33.33
    ['2', '33.3333', '66.67', '2', '66.67'], // exact rest: the remaining value, 66.67
    ['1', '33.3333', '33.34', '1', '33.34'], // exact rest: 33.34, not 1 × 33.3333 → 33.33
    ['1', '33.3333', undefined, '1', '33.33'], // no remaining value given: priced as usual
    ['4', '0.0050', '0.01', '3', '0.01'], // 3 × 0.005 = 0.015 → 0.02, but only 0.01 is left in the lot
  ])('%s left @ %s worth %s, take %s → %s', (remaining, unitCost, remainingValue, take, cost) => {
    const { consumptions } = consumeLotsFifo([lot('V', '2026-01-01', 1, remaining, unitCost, remainingValue)], take);
    expect(consumptions).toEqual([{ lotId: 'V', quantity: take, cost }]);
  });

  it('a partial lot, then the exact rest across two lots, adds up to the lots’ value', () => {
    // given: P 5 pcs worth 50.00 (10/unit) dated first; Q 3 pcs worth 100.00 (33.3333/unit)
    const lots = [lot('Q', '2026-01-02', 1, '3', '33.3333', '100.00'), lot('P', '2026-01-01', 1, '5', '10', '50.00')];

    // when: take 7 → P emptied (5 pcs, its whole 50.00), Q gives 2 × 33.3333 = 66.6666 → 66.67
    const result = consumeLotsFifo(lots, '7');

    // then: 50.00 + 66.67 = 116.67, and Q keeps 1 pc worth 100.00 − 66.67 = 33.33
    expect(result.consumptions).toEqual([
      { lotId: 'P', quantity: '5', cost: '50.00' },
      { lotId: 'Q', quantity: '2', cost: '66.67' },
    ]);
    expect(result.totalCost).toBe('116.67');
    expect(result.shortfall).toBe('0');

    // when: the rest of Q goes → it takes the 33.33 still in it
    const rest = consumeLotsFifo([lot('Q', '2026-01-02', 1, '1', '33.3333', '33.33')], '1');
    // then: 66.67 + 33.33 = 100.00, Q's full value
    expect(rest.consumptions).toEqual([{ lotId: 'Q', quantity: '1', cost: '33.33' }]);
  });

  it('cost places can be widened for callers that keep 4-place values', () => {
    // 3 × 12.3456 = 37.0368 exactly at 4 places
    const result = consumeLotsFifo([lot('W', '2026-01-01', 1, '10', '12.3456')], '3', { costDecimalPlaces: 4 });
    expect(result.consumptions[0].cost).toBe('37.0368');
    expect(result.totalCost).toBe('37.0368');
  });

  it.each([
    ['negative quantity', [lot('A', '2026-01-01', 1, '1', '1')], '-1'],
    ['a lot listed twice', [lot('A', '2026-01-01', 1, '1', '1'), lot('A', '2026-01-02', 1, '1', '1')], '1'],
    ['negative remaining', [lot('A', '2026-01-01', 1, '-1', '1')], '1'],
    ['negative unit cost', [lot('A', '2026-01-01', 1, '1', '-1')], '1'],
    ['remaining value finer than kopecks', [lot('A', '2026-01-01', 1, '1', '1', '1.005')], '1'],
  ])('rejects %s as a programming error', (_case, lots, quantity) => {
    expect(() => consumeLotsFifo(lots, quantity)).toThrow(RangeError);
  });
});
