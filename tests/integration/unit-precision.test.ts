import type { StockLineInput, TradebookClient } from '@tradebook/client';
import { errorOf, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startStockWorld } from '../support/stock-world';

/*
 * Quantities respect their unit's precision (issue 9, point 6), through the API.
 *
 * Given (beforeAll): the stock world (unit pcs with precision 0, a supplier, warehouses W1
 * and W2), units kg (3 places) and m (2 places); BOLT counted in pcs, NAILS in kg, WIRE in
 * m; 10 pcs BOLT, 10 kg NAILS and 10 m WIRE received at W1; a default price type RETAIL
 * with BOLT 10.00, NAILS 200.00 and WIRE 50.00 from 2026-01-01; a client.
 */
describe('quantities and their unit\'s precision', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;
  let w1: string;
  let w2: string;
  let kg: string;
  let client: string;
  const products = { BOLT: '', NAILS: '', WIRE: '' };

  beforeAll(async () => {
    ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld());
    kg = (await admin.CreateUnit({ input: { code: 'kg', name: 'килограмм', precision: 3 } })).createUnit.id;
    const m = (await admin.CreateUnit({ input: { code: 'm', name: 'метр', precision: 2 } })).createUnit.id;
    const product = async (sku: keyof typeof products, unitId: string) => (products[sku] = (await admin.CreateProduct({ input: { sku, name: sku, unitId, kind: 'GOODS' } })).createProduct.id);
    await product('BOLT', pcs);
    await product('NAILS', kg);
    await product('WIRE', m);
    const { createGoodsReceipt: receipt } = await admin.CreateGoodsReceipt({
      input: { date: '2026-03-01', warehouseId: w1, supplierId: supplier, lines: Object.values(products).map((productId) => ({ productId, quantity: '10', unitCost: '5' })) },
    });
    await admin.PostGoodsReceipt({ id: receipt.id });
    const { createPriceType: retail } = await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розничная', isDefault: true } });
    const { createPriceList: list } = await admin.CreatePriceList({
      input: { date: '2026-01-01', priceTypeId: retail.id, lines: [{ productId: products.BOLT, price: '10.00' }, { productId: products.NAILS, price: '200.00' }, { productId: products.WIRE, price: '50.00' }] },
    });
    await admin.PostPriceList({ id: list.id });
    client = (await admin.CreateCounterparty({ input: { name: 'Покупатель', roles: ['CLIENT'] } })).createCounterparty.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const quote = (lines: StockLineInput[]) => admin.Quote({ input: { clientId: client, date: '2026-03-15', lines } });
  const receive = (lines: StockLineInput[]) => admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId: w1, supplierId: supplier, lines: lines.map((l) => ({ ...l, unitCost: '5' })) } });
  const transfer = (lines: StockLineInput[]) => admin.CreateStockTransfer({ input: { date: '2026-03-10', fromWarehouseId: w1, toWarehouseId: w2, lines } });
  const writeOff = (lines: StockLineInput[]) => admin.CreateWriteOff({ input: { date: '2026-03-10', warehouseId: w1, reason: 'DAMAGE', lines } });
  const count = (lines: StockLineInput[]) =>
    admin.CreateStockCount({ input: { date: '2026-03-10', warehouseId: w1, prefill: false, lines: lines.map((l) => ({ productId: l.productId, countedQuantity: l.quantity })) } });
  /** What a user sees of the stock documents and the stock: how many of each, and every balance. */
  const seen = async () => ({
    receipts: (await admin.GoodsReceipts({})).goodsReceipts.total,
    transfers: (await admin.StockTransfers({})).stockTransfers.total,
    writeOffs: (await admin.WriteOffs({})).writeOffs.total,
    counts: (await admin.StockCounts({})).stockCounts.total,
    balances: (await admin.StockBalances({ perPage: 100 })).stockBalances.items.map((b) => [b.warehouse.code, b.product.sku, b.onHand]).sort(),
  });

  it('refuses 2.5 pcs in a quote, a receipt, a transfer, a write-off and a count on the line\'s quantity, with the other lines\' problems, and writes nothing', async () => {
    // given line 1 of 1 pcs, which fits, and line 2 of 2.5 pcs, which does not
    const lines = [{ productId: products.BOLT, quantity: '1' }, { productId: products.BOLT, quantity: '2.5' }];
    const before = await seen();
    const wholeUnits = { field: 'lines.1.quantity', reason: 'DECIMAL_PLACES', params: { places: 0, unit: 'pcs' }, message: 'line 2: pcs is counted in whole units' };

    // when quoted, then line 2's quantity is refused, naming the unit
    const quoted = await errorOf(quote(lines));
    expect(quoted.code).toBe('BAD_USER_INPUT');
    expect(quoted.fieldErrors).toEqual([{ ...wholeUnits, message: 'pcs is counted in whole units' }]);

    // when received with a negative unit cost on line 1 as well, then both are refused at once
    const received = await errorOf(admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId: w1, supplierId: supplier, lines: [{ ...lines[0], unitCost: '-1' }, { ...lines[1], unitCost: '5' }] } }));
    expect(received.code).toBe('BAD_USER_INPUT');
    expect(received.fieldErrors).toEqual([
      wholeUnits,
      { field: 'lines.0.unitCost', reason: 'NEGATIVE', params: {}, message: 'line 1: the unit cost must not be negative' },
    ]);

    // when transferred and written off, then line 2's quantity is refused the same way
    for (const call of [transfer(lines), writeOff(lines)]) {
      const refused = await errorOf(call);
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.fieldErrors).toEqual([wholeUnits]);
    }

    // when counted as 2.5 pcs, then the counted quantity is refused
    const counted = await errorOf(count([{ productId: products.BOLT, quantity: '2.5' }]));
    expect(counted.fieldErrors).toEqual([{ ...wholeUnits, field: 'lines.0.countedQuantity', message: 'line 1: pcs is counted in whole units' }]);

    // and a draft cannot be given such a line either
    const draft = (await writeOff([lines[0]])).createWriteOff;
    const updated = await errorOf(admin.UpdateWriteOff({ id: draft.id, input: { version: draft.version, lines } }));
    expect(updated.fieldErrors).toEqual([wholeUnits]);
    await admin.DeleteWriteOff({ id: draft.id });

    // then nothing was written: no document more, the same stock
    expect(await seen()).toEqual(before);
    expect(before.balances).toEqual([['W1', 'BOLT', '10'], ['W1', 'NAILS', '10'], ['W1', 'WIRE', '10']]);
  });

  it('takes 2.125 kg everywhere and refuses 2.1255 kg; metres are counted to the centimetre', async () => {
    // when 2.125 kg NAILS are quoted at 200.00, then the line is 2.125 × 200 = 425.00
    const quoted = (await quote([{ productId: products.NAILS, quantity: '2.125' }])).quote;
    expect(quoted.lines.map((l) => [l.quantity, l.amount])).toEqual([['2.125', '425.00']]);

    // when 2.125 kg are received, transferred to W2, written off there and counted at W1, then each posts
    const receipt = (await receive([{ productId: products.NAILS, quantity: '2.125' }])).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
    const moved = (await transfer([{ productId: products.NAILS, quantity: '2.125' }])).createStockTransfer;
    await admin.PostStockTransfer({ id: moved.id });
    const scrapped = (await admin.CreateWriteOff({ input: { date: '2026-03-11', warehouseId: w2, reason: 'DAMAGE', lines: [{ productId: products.NAILS, quantity: '1.005' }] } })).createWriteOff;
    await admin.PostWriteOff({ id: scrapped.id });
    const counted = (await count([{ productId: products.NAILS, quantity: '9.875' }])).createStockCount;
    await admin.PostStockCount({ id: counted.id });
    // then W1 has 10 + 2.125 − 2.125 = 10, counted down to 9.875; W2 2.125 − 1.005 = 1.12
    const nails = (await admin.StockBalances({ filter: { productId: products.NAILS } })).stockBalances.items.map((b) => [b.warehouse.code, b.onHand]).sort();
    expect(nails).toEqual([['W1', '9.875'], ['W2', '1.12']]);

    // when 2.1255 kg are quoted or received, then the quantity is refused: a fourth place is never kept
    expect((await errorOf(quote([{ productId: products.NAILS, quantity: '2.1255' }]))).fieldErrors).toEqual([
      { field: 'lines.0.quantity', reason: 'DECIMAL_PLACES', params: { places: 3 }, message: 'must have at most 3 decimal places' },
    ]);
    const before = await seen();
    expect((await errorOf(receive([{ productId: products.NAILS, quantity: '2.1255' }]))).fieldErrors).toEqual([
      { field: 'lines.0.quantity', reason: 'DECIMAL_PLACES', params: { places: 3 }, message: 'line 1: the quantity must have at most 3 decimal places' },
    ]);

    // when 1.255 m WIRE are written off or quoted, then the unit's 2 places are named
    const metres = { field: 'lines.0.quantity', reason: 'DECIMAL_PLACES', params: { places: 2, unit: 'm' }, message: 'line 1: at most 2 decimal places for m' };
    expect((await errorOf(writeOff([{ productId: products.WIRE, quantity: '1.255' }]))).fieldErrors).toEqual([metres]);
    expect((await errorOf(quote([{ productId: products.WIRE, quantity: '1.255' }]))).fieldErrors).toEqual([{ ...metres, message: 'at most 2 decimal places for m' }]);
    expect((await quote([{ productId: products.WIRE, quantity: '1.25' }])).quote.lines.map((l) => l.amount)).toEqual(['62.50']);
    // and nothing was written
    expect(await seen()).toEqual(before);
  });

  it('keeps a unit, or a product\'s unit, from counting more coarsely than the quantities already kept', async () => {
    // given a unit of 3 places whose product has a posted receipt of 1.5 and a draft transfer of 0.25
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: 'l', name: 'литр', precision: 3 } });
    const oil = (await admin.CreateProduct({ input: { sku: 'OIL', name: 'OIL', unitId: unit.id, kind: 'GOODS' } })).createProduct.id;
    const receipt = (await receive([{ productId: oil, quantity: '1.5' }])).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
    const draft = (await transfer([{ productId: oil, quantity: '0.25' }])).createStockTransfer;

    // when its precision goes down to 0, then it is refused on precision: 2 lines of 1 product have more places
    const whole = await errorOf(admin.UpdateUnit({ id: unit.id, input: { version: unit.version, precision: 0 } }));
    expect(whole.code).toBe('BAD_USER_INPUT');
    expect(whole.fieldErrors).toEqual([
      {
        field: 'precision',
        reason: 'FINER_QUANTITIES_HELD',
        params: { places: 0, lines: 2, products: 1, unit: 'l' },
        message: '2 document line(s) of 1 product(s) have quantities with more than 0 decimal places, which l would not count; correct them first',
      },
    ]);
    // and to 1 place, the draft's 0.25 alone (the 1.5 received fits)
    expect((await errorOf(admin.UpdateUnit({ id: unit.id, input: { version: unit.version, precision: 1 } }))).fieldErrors[0].params).toEqual({ places: 1, lines: 1, products: 1, unit: 'l' });
    // and the unit is as it was
    expect((await admin.Unit({ id: unit.id })).unit).toMatchObject({ precision: 3, version: unit.version });

    // when the draft is gone, then 1 place is taken (1.5 fits), and 3 again afterwards
    await admin.DeleteStockTransfer({ id: draft.id });
    const tenths = (await admin.UpdateUnit({ id: unit.id, input: { version: unit.version, precision: 1 } })).updateUnit;
    expect(tenths.precision).toBe(1);
    expect((await admin.UpdateUnit({ id: unit.id, input: { version: tenths.version, precision: 3 } })).updateUnit.precision).toBe(3);

    // and a product moves to a unit of fewer places only as far as its quantities allow
    const { createUnit: pieces } = await admin.CreateUnit({ input: { code: 'l-pcs', name: 'штука', precision: 0 } });
    const { createUnit: decilitres } = await admin.CreateUnit({ input: { code: 'l-1', name: 'литр', precision: 1 } });
    const before = (await admin.Product({ id: oil })).product!;
    const moved = await errorOf(admin.UpdateProduct({ id: oil, input: { version: before.version, unitId: pieces.id } }));
    expect(moved.fieldErrors).toEqual([
      {
        field: 'unitId',
        reason: 'FINER_QUANTITIES_HELD',
        params: { places: 0, lines: 1, products: 1, unit: 'l-pcs' },
        message: '1 document line(s) of 1 product(s) have quantities with more than 0 decimal places, which l-pcs would not count; correct them first',
      },
    ]);
    expect((await admin.UpdateProduct({ id: oil, input: { version: before.version, unitId: decilitres.id } })).updateProduct.unit.code).toBe('l-1');

    // and a unit nothing is kept in changes freely
    const { createUnit: empty } = await admin.CreateUnit({ input: { code: 'box', name: 'коробка', precision: 3 } });
    expect((await admin.UpdateUnit({ id: empty.id, input: { version: empty.version, precision: 0 } })).updateUnit.precision).toBe(0);
  });
});
