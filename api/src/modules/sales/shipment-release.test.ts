import { releasesFor } from './shipment-release';

const W1 = 'w1';
const W2 = 'w2';
const W3 = 'w3';

describe('releasesFor', () => {
  it.each([
    // [what the order holds, shipped from W1, left to ship after, expected releases]
    ['all from its warehouse', [[W1, '5']], '4', '1', [[1, W1, '4']]],
    ['more than held there: the rest was free stock', [[W1, '2']], '4', '1', [[1, W1, '2']]],
    ['nothing held', [], '3', '0', []],
    // held 2 at W1 and 3 at W2; 5 shipped from W1 with nothing left: W1's 2 go with the goods, W2's 3 are released
    ['split, all shipped from one warehouse', [[W1, '2'], [W2, '3']], '5', '0', [[1, W1, '2'], [1, W2, '3']]],
    // held 2 at W1, 2 at W2, 2 at W3 (that order of priority); 3 shipped from W1 (W1's 2 and 1 free), 2 left:
    //   4 still held, 2 too many, released from W3 first
    ['the least preferred released first', [[W1, '2'], [W2, '2'], [W3, '2']], '3', '2', [[1, W1, '2'], [1, W3, '2']]],
    // the same with 1 left: 3 too many, W3's 2 and then 1 of W2's
    ['then the next least preferred', [[W1, '2'], [W2, '2'], [W3, '2']], '3', '1', [[1, W1, '2'], [1, W3, '2'], [1, W2, '1']]],
    // shipped from W2, which held nothing of it; 4 held at W1, 1 left: 3 released from W1
    ['shipped from a warehouse that held none', [[W1, '4']], '3', '1', [[1, W1, '3']]],
  ] as const)('%s', (_name, held, shipped, left, expected) => {
    const from = _name === 'shipped from a warehouse that held none' ? W2 : W1;
    const releases = releasesFor(from, [{ lineNo: 1, productId: 'p', quantity: shipped }], new Map([['p', held.map(([warehouseId, quantity]) => ({ warehouseId, quantity }))]]), new Map([['p', left]]));
    expect(releases.map((r) => [r.lineNo, r.warehouseId, r.quantity])).toEqual(expected);
  });

  it('two lines of one product take the reservation in line order', () => {
    const releases = releasesFor(W1, [{ lineNo: 2, productId: 'p', quantity: '2' }, { lineNo: 1, productId: 'p', quantity: '2' }], new Map([['p', [{ warehouseId: W1, quantity: '3' }]]]), new Map([['p', '0']]));
    expect(releases.map((r) => [r.lineNo, r.warehouseId, r.quantity])).toEqual([[1, W1, '2'], [2, W1, '1']]);
  });
});
