import { overflowingLines, type Totals } from './balance-capacity';
import type { StockMovementInput } from './stock-register';

const movement = (recorderLine: number, quantity: string, cost = '0', productId = 'p'): StockMovementInput => ({
  warehouseId: 'w',
  productId,
  lotId: null,
  date: '2026-03-01',
  quantity,
  cost,
  recorderLine,
});

describe('the lines whose movements would take a balance past its column', () => {
  it.each<[string, Record<string, Totals>, StockMovementInput[], [number, string][]]>([
    ['a balance of 999,999,999,999,999 and one more unit: line 1 on quantity', { p: { quantity: '999999999999999', cost: '0' } }, [movement(1, '1')], [[1, 'quantity']]],
    ['up to the last thousandth is held', { p: { quantity: '999999999999999', cost: '0' } }, [movement(1, '0.999')], []],
    ['two lines of 999,999,999,999,999 on an empty balance: the second crosses', {}, [movement(1, '999999999999999'), movement(2, '999999999999999')], [[2, 'quantity']]],
    ['a crossing taken back by a later line of the same balance: nothing', {}, [movement(1, '999999999999999'), movement(2, '1'), movement(3, '-1')], []],
    ['other products do not add up', {}, [movement(1, '999999999999999', '0', 'a'), movement(2, '999999999999999', '0', 'b')], []],
    ['the value past numeric(19,4): line 1 on cost', { p: { quantity: '1', cost: '999999999999999' } }, [movement(1, '1', '1')], [[1, 'cost']]],
    ['negative stock (allowed) past the limit below zero', { p: { quantity: '-999999999999999.999', cost: '0' } }, [movement(1, '-0.001')], [[1, 'quantity']]],
  ])('%s', (_story, held, movements, expected) => {
    expect([...overflowingLines(movements, new Map(Object.entries(held)), movements.map((m) => m.productId))]).toEqual(expected);
  });
});
