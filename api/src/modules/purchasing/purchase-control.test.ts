import { lineFigures, supplierFigures, type LineFacts } from './purchase-control';

const line = (over: Partial<LineFacts>): LineFacts => ({ ordered: '10', price: '100', expectedDate: '2026-05-10', closed: false, receipts: [], ...over });

describe('lineFigures', () => {
  it.each([
    // name, facts, asOf, expected
    ['nothing received, not due yet', line({}), '2026-05-01', { received: '0', remaining: '10', inFull: false, onTime: false, delayDays: null, overdue: false, priceVariance: '0.00' }],
    ['nothing received, due date passed', line({}), '2026-05-11', { received: '0', remaining: '10', inFull: false, overdue: true }],
    ['due today is not overdue yet', line({}), '2026-05-10', { overdue: false }],
    ['in full on the day', line({ receipts: [{ date: '2026-05-10', quantity: '10', unitCost: '100' }] }), '2026-06-01', { inFull: true, onTime: true, delayDays: 0, completedOn: '2026-05-10', remaining: '0' }],
    // 6 on time, 4 three days late: in full on 05-13, delay 3; variance 4 × (103 − 100) = 12
    ['in full late, one part dearer', line({ receipts: [{ date: '2026-05-08', quantity: '6', unitCost: '100' }, { date: '2026-05-13', quantity: '4', unitCost: '103' }] }), '2026-06-01', { inFull: true, onTime: false, delayDays: 3, completedOn: '2026-05-13', priceVariance: '12.00' }],
    // cheaper: 3 × (99.995 − 100) = −0.015 → −0.02 (half away from zero)
    ['cheaper part, rounded per receipt', line({ ordered: '3', receipts: [{ date: '2026-05-01', quantity: '3', unitCost: '99.995' }] }), '2026-06-01', { priceVariance: '-0.02', delayDays: 0 }],
    ['closed short: nothing remaining, not in full, not overdue', line({ closed: true, receipts: [{ date: '2026-05-01', quantity: '4', unitCost: '100' }] }), '2026-06-01', { remaining: '0', inFull: false, overdue: false }],
    ['no expected date: on time once in full, never overdue', line({ expectedDate: null, receipts: [{ date: '2026-07-01', quantity: '10', unitCost: '100' }] }), '2026-08-01', { onTime: true, delayDays: null, overdue: false }],
  ])('%s', (_name, facts, asOf, expected) => {
    expect(lineFigures(facts, asOf)).toMatchObject(expected);
  });
});

describe('supplierFigures', () => {
  it('counts OTIF over every line and the delay over lines made whole', () => {
    const lines = [
      lineFigures(line({ receipts: [{ date: '2026-05-09', quantity: '10', unitCost: '100' }] }), '2026-06-01'), // OTIF, delay 0
      lineFigures(line({ receipts: [{ date: '2026-05-14', quantity: '10', unitCost: '101' }] }), '2026-06-01'), // late 4 days, +10
      lineFigures(line({ receipts: [{ date: '2026-05-09', quantity: '5', unitCost: '100' }] }), '2026-06-01'), // short
    ];
    // OTIF 1 / 3 = 33.33 %; delay (0 + 4) / 2 = 2.00; variance 10 × 1 = 10
    expect(supplierFigures(2, lines)).toEqual({ orders: 2, lines: 3, linesOnTimeInFull: 1, otifPercent: '33.33', averageDelayDays: '2.00', priceVariance: '10.00' });
    expect(supplierFigures(0, [])).toEqual({ orders: 0, lines: 0, linesOnTimeInFull: 0, otifPercent: null, averageDelayDays: null, priceVariance: '0.00' });
  });
});
