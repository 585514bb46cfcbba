import type { TradebookClient } from '@tradebook/client';
import { errorOf, type TestApp } from '../support/harness';
import { startStockWorld } from '../support/stock-world';
import { assertLedgerInvariants } from '../support/ledger-invariants';

type CreatePriceTypeInput = Parameters<TradebookClient['CreatePriceType']>[0]['input'];

/**
 * FROM_COST price types: average cost of the stock there (all warehouses) + markup, rounded.
 * The types here state prices without VAT, like the cost (price-derivation.test.ts has
 * VAT-included ones: the product's VAT goes on top of cost + markup).
 */
describe('cost prices', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;
  let w1: string;
  let w2: string;

  beforeAll(async () => ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld()));
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const priceType = async (input: CreatePriceTypeInput) => (await admin.CreatePriceType({ input })).createPriceType;
  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs } })).createProduct.id;
  const receive = async (warehouseId: string, date: string, lines: { productId: string; quantity: string; unitCost: string }[]) => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines } })).createGoodsReceipt;
    return (await admin.PostGoodsReceipt({ id: draft.id })).postGoodsReceipt;
  };
  const priceOf = async (productId: string, priceTypeId: string, date: string) => (await admin.Price({ productId, priceTypeId, date })).price?.price ?? null;
  const recalculate = (priceTypeId: string, validFrom: string) => admin.RecalculateCostPrices({ priceTypeId, validFrom });

  let cost: { id: string };
  let derived: { id: string };

  it('refuses a type not computed from cost, and a cost type when nothing is in stock', async () => {
    // given a NONE type, a FROM_COST type (cost + 30 %, whole roubles, VAT on top: the cost is without VAT) and no stock at all
    const manual = await priceType({ code: 'MANUAL', name: 'By hand' });
    cost = await priceType({ code: 'COST30', name: 'Cost + 30 %', derivation: 'FROM_COST', adjustmentPercent: '30', rounding: 'ROUBLE', vatIncluded: false });
    // and a type derived from it: −10 %, kopecks, VAT on top too
    derived = await priceType({ code: 'COST30-10', name: 'Cost + 30 % − 10 %', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: cost.id, adjustmentPercent: '-10', rounding: 'KOPECK', vatIncluded: false });

    // then recalculating the NONE type is BAD_USER_INPUT on priceTypeId
    const bad = await errorOf(recalculate(manual.id, '2026-03-01'));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields ?? {})).toEqual(['priceTypeId']);
    // and so is a FROM_PRICE_TYPE type
    expect((await errorOf(recalculate(derived.id, '2026-03-01'))).code).toBe('BAD_USER_INPUT');
    // and the cost type with no stock is INVALID_STATE, and no list is made
    expect((await errorOf(recalculate(cost.id, '2026-03-01'))).code).toBe('INVALID_STATE');
    expect((await admin.PriceLists({ filter: { priceTypeId: cost.id } })).priceLists.total).toBe(0);
  });

  it('prices received goods at average cost + markup, on each receipt and on demand', async () => {
    const p = await product('COST-1');
    const q = await product('COST-2');

    // when 10 @ 100 of P arrive in W1 on 2026-03-10: average 100 → 100 × 1.3 = 130
    await receive(w1, '2026-03-10', [{ productId: p, quantity: '10', unitCost: '100' }]);
    expect(await priceOf(p, cost.id, '2026-03-10')).toBe('130.00');
    // and the derived type follows: 130 × 0.9 = 117
    expect(await priceOf(p, derived.id, '2026-03-10')).toBe('117.00');

    // when 10 @ 120 of P arrive in W2 on 2026-03-12: (1000 + 1200) / 20 = 110 → 110 × 1.3 = 143
    await receive(w2, '2026-03-12', [{ productId: p, quantity: '10', unitCost: '120' }]);
    expect(await priceOf(p, cost.id, '2026-03-12')).toBe('143.00');
    expect(await priceOf(p, cost.id, '2026-03-11')).toBe('130.00');
    // and 143 × 0.9 = 128.70
    expect(await priceOf(p, derived.id, '2026-03-12')).toBe('128.70');
    // the automatic list is a DERIVED list without a base list, holding only P
    const lists = (await admin.PriceLists({ filter: { priceTypeId: cost.id }, sort: [{ field: 'number', order: 'ASC' }] })).priceLists.items;
    expect(lists.map((l) => [l.date, l.source, l.status, l.basePriceList])).toEqual([
      ['2026-03-10', 'DERIVED', 'POSTED', null],
      ['2026-03-12', 'DERIVED', 'POSTED', null],
    ]);

    // when 20 @ 130 of P and 3 @ 33.33 of Q arrive in W1 on 2026-03-20:
    // P (1000 + 1200 + 2600) / (10 + 10 + 20) = 4800 / 40 = 120 → 156; Q 99.99 / 3 = 33.33 → 43.329 → 43
    await receive(w1, '2026-03-20', [
      { productId: p, quantity: '20', unitCost: '130' },
      { productId: q, quantity: '3', unitCost: '33.33' },
    ]);
    expect(await priceOf(p, cost.id, '2026-03-20')).toBe('156.00');
    expect(await priceOf(q, cost.id, '2026-03-20')).toBe('43.00');
    expect(await priceOf(q, cost.id, '2026-03-19')).toBeNull();

    // when the prices are recalculated on 2026-04-01: every product in stock, same costs
    const { recalculateCostPrices: list } = await recalculate(cost.id, '2026-04-01');
    expect(list).toMatchObject({ date: '2026-04-01', source: 'DERIVED', status: 'POSTED', basePriceList: null, priceType: { code: 'COST30' } });
    expect(list.lines.map((l) => [l.lineNo, l.product.sku, l.price])).toEqual([
      [1, 'COST-1', '156.00'],
      [2, 'COST-2', '43.00'],
    ]);
    // and its derived list: 156 × 0.9 = 140.40, 43 × 0.9 = 38.70
    expect(await priceOf(p, derived.id, '2026-04-01')).toBe('140.40');
    expect(await priceOf(q, derived.id, '2026-04-01')).toBe('38.70');

    // when the recalculated list is unposted, like any list that is not computed from a base list
    const unposted = (await admin.UnpostPriceList({ id: list.id })).unpostPriceList;
    expect(unposted.status).toBe('DRAFT');
    // then the prices of 2026-03-20 are back, for the cost type and the derived one
    expect(await priceOf(p, cost.id, '2026-04-01')).toBe('156.00');
    expect(await priceOf(p, derived.id, '2026-04-01')).toBe('140.40');
    // and the derived list went with it
    expect((await admin.PriceLists({ filter: { priceTypeId: derived.id, dateFrom: '2026-04-01' } })).priceLists.total).toBe(0);
  });

  it('prices again when a landed cost raises the cost of what is in stock', async () => {
    // given 10 @ 100 of R on 2026-05-01: 100 × 1.3 = 130
    const r = await product('COST-LC');
    await receive(w1, '2026-05-01', [{ productId: r, quantity: '10', unitCost: '100' }]);
    expect(await priceOf(r, cost.id, '2026-05-01')).toBe('130.00');
    // when a landed cost of 100 over that line is posted on 2026-05-02: (1000 + 100) / 10 = 110 → 143
    const [line] = await app.orm.em.getConnection().execute<{ id: string }[]>(
      "select l.id from goods_receipt_line l join product p on p.id = l.product_id where p.sku = 'COST-LC'",
    );
    const lc = (await admin.CreateLandedCost({ input: { date: '2026-05-02', supplierId: supplier, description: 'Freight', amount: '100', method: 'VALUE', lines: [{ goodsReceiptLineId: line.id }] } })).createLandedCost;
    await admin.PostLandedCost({ id: lc.id });
    expect(await priceOf(r, cost.id, '2026-05-02')).toBe('143.00');
    expect(await priceOf(r, cost.id, '2026-05-01')).toBe('130.00');
    // and the derived type follows: 143 × 0.9 = 128.70
    expect(await priceOf(r, derived.id, '2026-05-02')).toBe('128.70');

    // when the landed cost is unposted, the lot is back at 100: 130 again from its date, and the derived 130 × 0.9 = 117
    await admin.UnpostLandedCost({ id: lc.id });
    expect(await priceOf(r, cost.id, '2026-05-02')).toBe('130.00');
    expect(await priceOf(r, derived.id, '2026-05-02')).toBe('117.00');
  });

  it('leaves the lists computed from a cost list to it', async () => {
    // given the derived list of the 2026-03-20 cost list
    const [derivedList] = (await admin.PriceLists({ filter: { priceTypeId: derived.id, dateFrom: '2026-03-20', dateTo: '2026-03-20' } })).priceLists.items;
    expect(derivedList.basePriceList).not.toBeNull();
    // then it cannot be unposted by itself
    expect((await errorOf(admin.UnpostPriceList({ id: derivedList.id }))).code).toBe('INVALID_STATE');
  });
});
