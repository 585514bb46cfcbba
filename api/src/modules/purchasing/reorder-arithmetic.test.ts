import { groupBySupplier, proposeReorder, type ReorderPosition } from './reorder-arithmetic';

const at = (available: string, onOrder: string, requested: string, backordered: string, min: string, max: string): ReorderPosition => ({ available, onOrder, requested, backordered, min, max });

describe('proposeReorder', () => {
  it.each<[string, ReorderPosition, { projected: string; quantity: string } | null]>([
    // 3 + 0 + 0 − 0 = 3 ≤ 5 → 10 − 3 = 7
    ['below the reorder point: up to the level', at('3', '0', '0', '0', '5', '10'), { projected: '3', quantity: '7' }],
    // 5 = min counts as reached
    ['at the reorder point', at('5', '0', '0', '0', '5', '10'), { projected: '5', quantity: '5' }],
    ['above the reorder point: nothing', at('6', '0', '0', '0', '5', '10'), null],
    // 2 + 4 = 6 > 5: what is on order is counted
    ['on order lifts it over the point', at('2', '4', '0', '0', '5', '10'), null],
    // 2 + 0 + 3 = 5 ≤ 5 → 5
    ['requested but not ordered counts too', at('2', '0', '3', '0', '5', '10'), { projected: '5', quantity: '5' }],
    // 4 + 2 − 9 = −3 → 10 − (−3) = 13
    ['backorders are demand on top', at('4', '2', '0', '9', '5', '10'), { projected: '-3', quantity: '13' }],
    // 0 − 2.5 = −2.5 ≤ 0 → 0 − (−2.5) = 2.5: min = max = 0 buys exactly what is owed
    ['min = max = 0 covers only backorders', at('0', '0', '0', '2.5', '0', '0'), { projected: '-2.5', quantity: '2.5' }],
    ['min = max = 0 with nothing owed: nothing', at('0', '0', '0', '0', '0', '0'), null],
    // 1.125 + 0.5 = 1.625 ≤ 2 → 4.75 − 1.625 = 3.125
    ['decimals stay exact', at('1.125', '0.5', '0', '0', '2', '4.75'), { projected: '1.625', quantity: '3.125' }],
  ])('%s', (_, position, expected) => {
    expect(proposeReorder(position)).toEqual(expected);
  });
});

describe('groupBySupplier', () => {
  it('groups by supplier in first-seen order, products without a main supplier together', () => {
    const items = [{ supplierId: 'b', p: 1 }, { supplierId: null, p: 2 }, { supplierId: 'b', p: 3 }, { supplierId: 'a', p: 4 }];
    expect(groupBySupplier(items)).toEqual([
      { supplierId: 'b', items: [items[0], items[2]] },
      { supplierId: null, items: [items[1]] },
      { supplierId: 'a', items: [items[3]] },
    ]);
  });
});
