import { allocateOldestFirst, consumeAdvances, oldestFirst, type OpenItem } from './settlement-allocation';

const item = (number: string, date: string, dueDate: string | null, open: string): OpenItem => ({ documentType: 'ServiceAct', documentId: number, number, date, dueDate, open });

describe('settlement allocation', () => {
  it('orders by due date, then date, then number', () => {
    const items = [item('SA-3', '2026-01-05', '2026-02-04', '1'), item('SA-2', '2026-01-10', '2026-01-20', '1'), item('SA-1', '2026-01-10', '2026-01-20', '1'), item('SH-9', '2026-01-01', null, '1')];
    expect(oldestFirst(items).map((i) => i.number)).toEqual(['SH-9', 'SA-1', 'SA-2', 'SA-3']);
  });

  it.each([
    // amount → applied per debt (oldest first: A due 01-20 owes 1000, B due 02-01 owes 500), left
    ['300', [['A', '300']], '0'],
    ['1000', [['A', '1000']], '0'],
    ['1200', [['A', '1000'], ['B', '200']], '0'],
    ['2000.50', [['A', '1000'], ['B', '500']], '500.5'],
  ])('a payment of %s', (amount, applied, left) => {
    const debts = [item('B', '2026-01-02', '2026-02-01', '500'), item('A', '2026-01-01', '2026-01-20', '1000'), item('ADV', '2026-01-01', null, '-50')];
    const result = allocateOldestFirst(amount, debts);
    expect(result.applied.map((a) => [a.item.number, a.amount])).toEqual(applied);
    expect(result.left).toBe(left);
  });

  it('new debts consume the oldest advances first', () => {
    const advances = [item('PM-2', '2026-01-05', null, '-300'), item('PM-1', '2026-01-03', null, '-200'), item('SA-1', '2026-01-01', '2026-01-01', '100')];
    expect(consumeAdvances(['150', '400'], advances).map((parts) => parts.map((p) => [p.item.number, p.amount]))).toEqual([
      [['PM-1', '150']],
      [['PM-1', '50'], ['PM-2', '300']],
    ]);
    expect(consumeAdvances(['10'], [])).toEqual([[]]);
  });
});
