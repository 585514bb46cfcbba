import { consolidateRequisitions, relinkTakes, shareReceived, type OpenRequisitionLine } from './requisition-consolidation';

const line = (id: string, productId: string, remaining: string, supplierId: string | null = 's1', warehouseId = 'w1'): OpenRequisitionLine => ({ id, productId, remaining, supplierId, warehouseId });

describe('consolidateRequisitions', () => {
  it('two people asking for one product make one order line that takes both', () => {
    // 6 + 4 = 10 on one line
    expect(consolidateRequisitions([line('a1', 'p', '6'), line('b1', 'p', '4')])).toEqual([
      { supplierId: 's1', warehouseId: 'w1', lines: [{ productId: 'p', quantity: '10', takes: [{ requisitionLineId: 'a1', quantity: '6' }, { requisitionLineId: 'b1', quantity: '4' }] }] },
    ]);
  });

  it('one order per supplier × warehouse, a line per product, nothing for lines with nothing left', () => {
    const orders = consolidateRequisitions([line('a1', 'p', '1.5'), line('a2', 'q', '2', 's2'), line('b1', 'p', '0.25'), line('c1', 'p', '3', 's1', 'w2'), line('d1', 'q', '0', 's2')]);
    expect(orders.map((o) => [o.supplierId, o.warehouseId, o.lines.map((l) => [l.productId, l.quantity, l.takes.map((t) => t.requisitionLineId)])])).toEqual([
      ['s1', 'w1', [['p', '1.75', ['a1', 'b1']]]],
      ['s2', 'w1', [['q', '2', ['a2']]]],
      ['s1', 'w2', [['p', '3', ['c1']]]],
    ]);
  });
});

describe('shareReceived', () => {
  it.each<[string, string, Record<string, string>]>([
    // 7 received of 6 + 4: the first gets 6, the second 1
    ['fills the first line first', '7', { a: '6', b: '1' }],
    ['nothing received', '0', { a: '0', b: '0' }],
    ['all of it', '10', { a: '6', b: '4' }],
    // more than both took (over-receipt within tolerance): each keeps what it asked for
    ['never more than a line asked', '12', { a: '6', b: '4' }],
    ['decimals', '6.5', { a: '6', b: '0.5' }],
  ])('%s', (_, received, expected) => {
    expect(Object.fromEntries(shareReceived([{ id: 'a', quantity: '6' }, { id: 'b', quantity: '4' }], received))).toEqual(expected);
  });
});

describe('relinkTakes', () => {
  const take = (requisitionLineId: string, productId: string, quantity: string) => ({ requisitionLineId, productId, quantity });

  it('a line kept as it was keeps its takes', () => {
    expect(relinkTakes([take('a', 'p', '6'), take('b', 'p', '4')], [{ id: 'L1', productId: 'p', quantity: '10' }])).toEqual([
      { requisitionLineId: 'a', purchaseOrderLineId: 'L1', quantity: '6' },
      { requisitionLineId: 'b', purchaseOrderLineId: 'L1', quantity: '4' },
    ]);
  });

  it('a line cut to 7 keeps the earliest needed in full and 1 of the next', () => {
    expect(relinkTakes([take('a', 'p', '6'), take('b', 'p', '4')], [{ id: 'L1', productId: 'p', quantity: '7' }])).toEqual([
      { requisitionLineId: 'a', purchaseOrderLineId: 'L1', quantity: '6' },
      { requisitionLineId: 'b', purchaseOrderLineId: 'L1', quantity: '1' },
    ]);
  });

  it('a product split over two lines (4 + 6): the 6 of a fills the first and 2 of the second, b the other 4', () => {
    expect(relinkTakes([take('a', 'p', '6'), take('b', 'p', '4')], [{ id: 'L1', productId: 'p', quantity: '4' }, { id: 'L2', productId: 'q', quantity: '9' }, { id: 'L3', productId: 'p', quantity: '6' }])).toEqual([
      { requisitionLineId: 'a', purchaseOrderLineId: 'L1', quantity: '4' },
      { requisitionLineId: 'a', purchaseOrderLineId: 'L3', quantity: '2' },
      { requisitionLineId: 'b', purchaseOrderLineId: 'L3', quantity: '4' },
    ]);
  });

  it('a product taken off the order drops its takes; two takes of one requisition line merge', () => {
    expect(relinkTakes([take('a', 'p', '2'), take('a', 'p', '1.5'), take('c', 'r', '3')], [{ id: 'L1', productId: 'p', quantity: '5' }])).toEqual([{ requisitionLineId: 'a', purchaseOrderLineId: 'L1', quantity: '3.5' }]);
  });
});
