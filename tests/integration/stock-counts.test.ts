import type { TradebookClient } from '@tradebook/client';
import { errorOf, type TestApp } from '../support/harness';
import { startStockWorld } from '../support/stock-world';
import { assertLedgerInvariants } from '../support/ledger-invariants';

describe('stock counts', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;
  let w1: string;
  let w2: string;

  beforeAll(async () => ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld()));
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const group = async (name: string) => (await admin.CreateProductGroup({ input: { name } })).createProductGroup.id;
  const product = async (sku: string, groupId: string | null = null) => (await admin.CreateProduct({ input: { sku, name: sku, unitId: pcs, kind: 'GOODS', groupId } })).createProduct.id;
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);
  const receive = async (warehouseId: string, productId: string, quantity: string, unitCost: string, date: string) => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines: [{ productId, quantity, unitCost }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: draft.id });
  };
  const writeOff = async (warehouseId: string, productId: string, quantity: string, date: string) => {
    const draft = (await admin.CreateWriteOff({ input: { date, warehouseId, reason: 'DAMAGE', lines: [{ productId, quantity }] } })).createWriteOff;
    await admin.PostWriteOff({ id: draft.id });
    return draft.id;
  };
  const balance = async (warehouseId: string, productId: string) =>
    (await sql<{ on_hand: string; cost: string }>('select on_hand::text, cost::text from stock_balance where warehouse_id = ? and product_id = ?', [warehouseId, productId]))[0];
  const linesOf = (count: { lines: { product: { sku: string }; bookQuantity: string; countedQuantity: string; difference: string; differenceCost?: string | null }[] }) =>
    count.lines.map((l) => [l.product.sku, l.bookQuantity, l.countedQuantity, l.difference, l.differenceCost]);

  it('prefills the book at the end of its date, reads it again when posted, and posts shortages at FIFO cost and surpluses at the last known cost', async () => {
    const tools = await group('Инструмент SC');
    const a = await product('SC-A', tools); // 10 @ 100 + 5 @ 120
    const b = await product('SC-B', tools); // 4 @ 50
    const c = await product('SC-C'); // never bought anywhere
    const d = await product('SC-D'); // bought only at W2 @ 77
    await receive(w1, a, '10', '100', '2026-04-01');
    await receive(w1, a, '5', '120', '2026-04-02');
    await receive(w1, b, '4', '50', '2026-04-03');
    await receive(w2, d, '1', '77', '2026-04-03');
    await receive(w1, a, '7', '130', '2026-04-20'); // after the count date: not on its books

    // when a count of W1 dated 2026-04-15 is created: A 15 and B 4 on the books, counted = book; C and D added by hand
    const draft = (
      await admin.CreateStockCount({ input: { date: '2026-04-15', warehouseId: w1, lines: [{ productId: c, countedQuantity: '1' }, { productId: d, countedQuantity: '2' }, { productId: b, countedQuantity: '6' }] } })
    ).createStockCount;
    expect(draft.number).toMatch(/^SC-2026-\d{6}$/);
    expect(linesOf(draft)).toEqual([
      ['SC-A', '15', '15', '0', null],
      ['SC-B', '4', '6', '2', null],
      ['SC-C', '0', '1', '1', null],
      ['SC-D', '0', '2', '2', null],
    ]);
    // and A is recounted as 12
    const updated = (
      await admin.UpdateStockCount({
        id: draft.id,
        input: { version: draft.version, lines: [a, b, c, d].map((productId, i) => ({ productId, countedQuantity: ['12', '6', '1', '2'][i] })) },
      })
    ).updateStockCount;
    expect(linesOf(updated).map((l) => l.slice(0, 4))).toEqual([
      ['SC-A', '15', '12', '-3'],
      ['SC-B', '4', '6', '2'],
      ['SC-C', '0', '1', '1'],
      ['SC-D', '0', '2', '2'],
    ]);
    // and before it is posted, 1 of A is written off on 2026-04-14: the books now say 14
    await writeOff(w1, a, '1', '2026-04-14'); // 1 @ 100

    // when posted: A 14 → 12 is a shortage of 2 from the 10 @ 100 lot (200.00);
    // B +2 at its last cost 50 (100.00); C +1 at 0 (never bought); D +2 at 77 from W2 (154.00)
    const posted = (await admin.PostStockCount({ id: draft.id })).postStockCount;
    expect(linesOf(posted)).toEqual([
      ['SC-A', '14', '12', '-2', '-200.00'],
      ['SC-B', '4', '6', '2', '100.00'],
      ['SC-C', '0', '1', '1', '0.00'],
      ['SC-D', '0', '2', '2', '154.00'],
    ]);
    expect(await balance(w1, a)).toEqual({ on_hand: '19.000', cost: '2210.0000' }); // 7 @ 100 + 5 @ 120 + 7 @ 130 = 700 + 600 + 910
    expect(await balance(w1, b)).toEqual({ on_hand: '6.000', cost: '300.0000' });
    expect(await balance(w1, c)).toEqual({ on_hand: '1.000', cost: '0.0000' });
    expect(await balance(w1, d)).toEqual({ on_hand: '2.000', cost: '154.0000' });
    // and the expense register holds the shortage and, as negative expenses, the surpluses
    expect(await sql("select reason, amount::text from expense_register where recorder_id = ? order by recorder_line", [draft.id])).toEqual([
      { reason: 'SHORTAGE', amount: '200.0000' },
      { reason: 'SURPLUS', amount: '-100.0000' },
      { reason: 'SURPLUS', amount: '0.0000' },
      { reason: 'SURPLUS', amount: '-154.0000' },
    ]);
    const movements = (await admin.StockCount({ id: draft.id })).stockCount!.movements;
    expect(movements.map((m) => [m.recorderLine, m.quantity, m.cost])).toEqual([
      [1, '-2', '-200.00'],
      [2, '2', '100.00'],
      [3, '1', '0.00'],
      [4, '2', '154.00'],
    ]);

    // when unposted: the books are as before the count, the lines keep what was counted
    const unposted = (await admin.UnpostStockCount({ id: draft.id })).unpostStockCount;
    expect(unposted.status).toBe('DRAFT');
    expect(unposted.lines.map((l) => l.differenceCost)).toEqual([null, null, null, null]);
    expect(await balance(w1, a)).toEqual({ on_hand: '21.000', cost: '2410.0000' }); // 9 @ 100 + 600 + 910
    expect(await balance(w1, b)).toEqual({ on_hand: '4.000', cost: '200.0000' });
    expect(await sql('select count(*)::int as n from stock_lot where recorder_id = ?', [draft.id])).toEqual([{ n: 0 }]);
    // and reposting gives the same result
    expect(linesOf((await admin.PostStockCount({ id: draft.id })).postStockCount)).toEqual(linesOf(posted));
    expect(await balance(w1, a)).toEqual({ on_hand: '19.000', cost: '2210.0000' });

    // when its surplus lot of B was taken from, it cannot be unposted
    await writeOff(w1, b, '6', '2026-04-16');
    const refused = await errorOf(admin.UnpostStockCount({ id: draft.id }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.details).toMatchObject({ reason: 'LOTS_CONSUMED' });
  });

  it('prefills only a group and its subgroups, or nothing', async () => {
    const food = await group('Еда SC');
    const inFood = await product('SC-F1', food);
    const other = await product('SC-O1');
    await receive(w2, inFood, '3', '10', '2026-04-05');
    await receive(w2, other, '2', '10', '2026-04-05');
    const byGroup = (await admin.CreateStockCount({ input: { date: '2026-04-30', warehouseId: w2, groupId: food } })).createStockCount;
    expect(linesOf(byGroup).map((l) => l.slice(0, 3))).toEqual([['SC-F1', '3', '3']]);
    const empty = (await admin.CreateStockCount({ input: { date: '2026-04-30', warehouseId: w2, prefill: false } })).createStockCount;
    expect(empty.lines).toEqual([]);
    expect(await errorOf(admin.PostStockCount({ id: empty.id }))).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'NO_LINES' } });
    // a count that finds exactly the books posts nothing
    await admin.PostStockCount({ id: byGroup.id });
    expect(await sql('select count(*)::int as n from stock_movement where recorder_id = ?', [byGroup.id])).toEqual([{ n: 0 }]);
  });

  it('refuses bad lines with the field at fault, and a shortage the lots cannot cover', async () => {
    const p = await product('SC-BAD');
    await receive(w1, p, '2', '10', '2026-04-05');
    const bad = await errorOf(
      admin.CreateStockCount({ input: { date: '2026-04-30', warehouseId: w1, prefill: false, lines: [{ productId: p, countedQuantity: '-1' }, { productId: p, countedQuantity: '1' }] } }),
    );
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['lines.0.countedQuantity', 'lines.1.productId']);
    // counted 0 of 2 on 2026-04-30, but 1 leaves on 2026-05-02 after the count was drafted: only 1 lot unit is left to take
    const count = (await admin.CreateStockCount({ input: { date: '2026-04-30', warehouseId: w1, prefill: false, lines: [{ productId: p, countedQuantity: '0' }] } })).createStockCount;
    await writeOff(w1, p, '1', '2026-05-02');
    const short = await errorOf(admin.PostStockCount({ id: count.id }));
    expect(short.code).toBe('INSUFFICIENT_STOCK');
    expect(short.details).toMatchObject({ requested: '2', available: '1' });
  });

  it('PERIOD_CLOSED when its date is in a closed period', async () => {
    const p = await product('SC-CLOSED');
    await receive(w1, p, '1', '10', '2026-02-05');
    const count = (await admin.CreateStockCount({ input: { date: '2026-02-20', warehouseId: w1, lines: [{ productId: p, countedQuantity: '0' }] } })).createStockCount;
    await admin.ClosePeriod({ through: '2026-02-28' });
    try {
      expect((await errorOf(admin.PostStockCount({ id: count.id }))).code).toBe('PERIOD_CLOSED');
    } finally {
      await admin.ClosePeriod({ through: null });
    }
    expect(await balance(w1, p)).toEqual({ on_hand: '1.000', cost: '10.0000' });
  });
});
