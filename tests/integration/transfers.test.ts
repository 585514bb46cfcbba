import type { TradebookClient } from '@tradebook/client';
import { errorOf, type TestApp } from '../support/harness';
import { startStockWorld } from '../support/stock-world';
import { assertLedgerInvariants } from '../support/ledger-invariants';

describe('transfers and write-offs', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;
  let w1: string;
  let w2: string;

  beforeAll(async () => ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld()));
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, kind: 'GOODS' } })).createProduct.id;
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);
  const receive = async (warehouseId: string, productId: string, lines: { quantity: string; unitCost: string }[], date = '2026-03-10') => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines: lines.map((l) => ({ productId, ...l })) } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: draft.id });
    return draft.id;
  };
  const transfer = async (from: string, to: string, productId: string, quantity: string, date = '2026-03-12') =>
    (await admin.CreateStockTransfer({ input: { date, fromWarehouseId: from, toWarehouseId: to, lines: [{ productId, quantity }] } })).createStockTransfer;
  const writeOff = async (warehouseId: string, productId: string, quantity: string, date = '2026-03-13') =>
    (await admin.CreateWriteOff({ input: { date, warehouseId, reason: 'DAMAGE', lines: [{ productId, quantity }] } })).createWriteOff;
  const lotsOf = (warehouseId: string, productId: string) =>
    sql<{ id: string; qty_in: string; qty_remaining: string; unit_cost: string; value_remaining: string; origin_lot_id: string | null }>(
      `select id, qty_in::text, qty_remaining::text, unit_cost::text, value_remaining::text, origin_lot_id from stock_lot where warehouse_id = ? and product_id = ? order by date, sequence`,
      [warehouseId, productId],
    );
  const balance = async (warehouseId: string, productId: string) =>
    (await sql<{ on_hand: string; cost: string }>(`select on_hand::text, cost::text from stock_balance where warehouse_id = ? and product_id = ?`, [warehouseId, productId]))[0];

  it('transfers 12 of 10 @ 100 + 10 @ 120 at FIFO cost, writes off 3 at W2, and unposting restores every lot', async () => {
    // given 10 @ 100 and 10 @ 120 received at W1
    const p = await product('TR-1');
    const receipt = await receive(w1, p, [{ quantity: '10', unitCost: '100' }, { quantity: '10', unitCost: '120' }]);
    const before = await lotsOf(w1, p);

    // when 12 are transferred to W2
    const tr = await transfer(w1, w2, p, '12');
    expect(tr.number).toMatch(/^TR-2026-\d{6}$/);
    expect((await admin.PostStockTransfer({ id: tr.id })).postStockTransfer.status).toBe('POSTED');

    // then W2 has lots 10 @ 100 (1000) and 2 @ 120 (240), each from its W1 lot; W1 keeps 8 @ 120 (960)
    const w2Lots = await lotsOf(w2, p);
    expect(w2Lots.map((l) => [l.qty_in, l.qty_remaining, l.unit_cost, l.value_remaining, l.origin_lot_id])).toEqual([
      ['10.000', '10.000', '100.0000', '1000.0000', before[0].id],
      ['2.000', '2.000', '120.0000', '240.0000', before[1].id],
    ]);
    expect((await lotsOf(w1, p)).map((l) => [l.qty_remaining, l.value_remaining])).toEqual([
      ['0.000', '0.0000'],
      ['8.000', '960.0000'],
    ]);
    // and balances W1 8 / 960.00, W2 12 / 1000 + 240 = 1240.00
    expect(await balance(w1, p)).toEqual({ on_hand: '8.000', cost: '960.0000' });
    expect(await balance(w2, p)).toEqual({ on_hand: '12.000', cost: '1240.0000' });
    // and its movements: −10 / −1000 and −2 / −240 at W1, +10 / +1000 and +2 / +240 at W2
    const movements = (await admin.StockTransfer({ id: tr.id })).stockTransfer!.movements;
    expect(movements.map((m) => [m.warehouse.code, m.quantity, m.cost]).sort()).toEqual([
      ['W1', '-10', '-1000.00'],
      ['W1', '-2', '-240.00'],
      ['W2', '10', '1000.00'],
      ['W2', '2', '240.00'],
    ]);
    await assertLedgerInvariants(app.orm);

    // when 3 are written off at W2, then they cost 3 × 100 = 300.00 from the 10 @ 100 lot, booked as an expense
    const wo = await writeOff(w2, p, '3');
    expect(wo.number).toMatch(/^WO-2026-\d{6}$/);
    await admin.PostWriteOff({ id: wo.id });
    expect((await lotsOf(w2, p)).map((l) => [l.qty_remaining, l.value_remaining])).toEqual([
      ['7.000', '700.0000'],
      ['2.000', '240.0000'],
    ]);
    expect((await admin.WriteOff({ id: wo.id })).writeOff!.movements.map((m) => [m.quantity, m.cost, m.lotId])).toEqual([['-3', '-300.00', w2Lots[0].id]]);
    expect(await sql(`select reason, amount::text, date::text, warehouse_id, product_id from expense_register where recorder_id = ?`, [wo.id])).toEqual([
      { reason: 'DAMAGE', amount: '300.0000', date: '2026-03-13', warehouse_id: w2, product_id: p },
    ]);
    expect(await balance(w2, p)).toEqual({ on_hand: '9.000', cost: '940.0000' });
    await assertLedgerInvariants(app.orm);

    // and unposting the receipt now names the transfer
    const refused = await errorOf(admin.UnpostGoodsReceipt({ id: receipt }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.message).toContain(`Transfer ${tr.number}`);
    // and unposting the transfer names the write-off that took from its lots
    const refused2 = await errorOf(admin.UnpostStockTransfer({ id: tr.id }));
    expect(refused2.code).toBe('INVALID_STATE');
    expect(refused2.message).toContain(`Write-off ${wo.number}`);

    // when the write-off is unposted, the W2 lot is whole again and the expense is gone
    expect((await admin.UnpostWriteOff({ id: wo.id })).unpostWriteOff.status).toBe('DRAFT');
    expect((await lotsOf(w2, p)).map((l) => [l.qty_remaining, l.value_remaining])).toEqual([
      ['10.000', '1000.0000'],
      ['2.000', '240.0000'],
    ]);
    expect(await sql(`select 1 from expense_register where recorder_id = ?`, [wo.id])).toEqual([]);
    // and when the transfer is unposted, W1's lots are exactly as received and W2 has none
    await admin.UnpostStockTransfer({ id: tr.id });
    expect(await lotsOf(w1, p)).toEqual(before);
    expect(await lotsOf(w2, p)).toEqual([]);
    expect(await balance(w1, p)).toEqual({ on_hand: '20.000', cost: '2200.0000' });
    expect(await balance(w2, p)).toEqual({ on_hand: '0.000', cost: '0.0000' });
    await assertLedgerInvariants(app.orm);
    // and now the receipt can be unposted
    expect((await admin.UnpostGoodsReceipt({ id: receipt })).unpostGoodsReceipt.status).toBe('DRAFT');
  });

  it('refuses too little stock with the numbers, and the same warehouse on both ends', async () => {
    // given 5 @ 10 at W1
    const p = await product('TR-SHORT');
    await receive(w1, p, [{ quantity: '5', unitCost: '10' }]);
    // when 7 are transferred, then INSUFFICIENT_STOCK with requested 7, available 5, and nothing moved
    const tr = await transfer(w1, w2, p, '7');
    const error = await errorOf(admin.PostStockTransfer({ id: tr.id }));
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.details).toMatchObject({ productId: p, warehouseId: w1, requested: '7', available: '5' });
    expect((await admin.StockTransfer({ id: tr.id })).stockTransfer!.status).toBe('DRAFT');
    expect(await balance(w1, p)).toEqual({ on_hand: '5.000', cost: '50.0000' });
    // and a write-off of 6 the same
    const wo = await writeOff(w1, p, '6');
    expect((await errorOf(admin.PostWriteOff({ id: wo.id }))).details).toMatchObject({ requested: '6', available: '5' });
    // and a transfer to the same warehouse is BAD_INPUT
    const same = await errorOf(admin.CreateStockTransfer({ input: { date: '2026-03-12', fromWarehouseId: w1, toWarehouseId: w1, lines: [{ productId: p, quantity: '1' }] } }));
    expect(same.fields).toHaveProperty('toWarehouseId');
    // and a posted document cannot be edited, posted again or deleted; cancel unposts it
    await admin.UpdateWriteOff({ id: wo.id, input: { version: wo.version, lines: [{ productId: p, quantity: '2' }], reason: 'EXPIRY' } });
    const posted = (await admin.PostWriteOff({ id: wo.id })).postWriteOff;
    expect(posted.reason).toBe('EXPIRY');
    expect((await errorOf(admin.PostWriteOff({ id: wo.id }))).code).toBe('INVALID_STATE');
    expect((await errorOf(admin.DeleteWriteOff({ id: wo.id }))).code).toBe('INVALID_STATE');
    expect(await balance(w1, p)).toEqual({ on_hand: '3.000', cost: '30.0000' });
    expect((await admin.CancelWriteOff({ id: wo.id })).cancelWriteOff.status).toBe('CANCELLED');
    expect(await balance(w1, p)).toEqual({ on_hand: '5.000', cost: '50.0000' });
    expect((await admin.WriteOffs({ filter: { warehouseId: w1, status: 'CANCELLED' } })).writeOffs.items.map((w) => w.id)).toEqual([wo.id]);
    expect((await admin.StockTransfers({ filter: { warehouseId: w2 } })).stockTransfers.items.map((t) => t.id)).toContain(tr.id);
    await admin.DeleteStockTransfer({ id: tr.id });
  });

  it('goes below zero where the warehouse allows it, at the last known unit cost', async () => {
    // given a warehouse allowing negative stock with 2 @ 50
    const wn = (await admin.CreateWarehouse({ input: { code: 'WN', name: 'Минус', allowsNegativeStock: true } })).createWarehouse.id;
    const p = await product('TR-NEG');
    await receive(wn, p, [{ quantity: '2', unitCost: '50' }]);
    // when 5 are written off, then 2 go from the lot (100.00) and 3 without a lot at 50 (150.00)
    const wo = await writeOff(wn, p, '5');
    await admin.PostWriteOff({ id: wo.id });
    expect(await balance(wn, p)).toEqual({ on_hand: '-3.000', cost: '-150.0000' });
    expect(await sql(`select amount::text from expense_register where recorder_id = ?`, [wo.id])).toEqual([{ amount: '250.0000' }]);
    // and a transfer of 1 more carries its cost of 50 into a lot at W2 without an origin lot
    const tr = await transfer(wn, w2, p, '1');
    await admin.PostStockTransfer({ id: tr.id });
    expect(await balance(wn, p)).toEqual({ on_hand: '-4.000', cost: '-200.0000' });
    expect((await lotsOf(w2, p)).map((l) => [l.qty_in, l.unit_cost, l.value_remaining, l.origin_lot_id])).toEqual([['1.000', '50.0000', '50.0000', null]]);
    await assertLedgerInvariants(app.orm);
    // and unposting both brings back 2 / 100.00
    await admin.UnpostStockTransfer({ id: tr.id });
    await admin.UnpostWriteOff({ id: wo.id });
    expect(await balance(wn, p)).toEqual({ on_hand: '2.000', cost: '100.0000' });
  });

  it('20 concurrent transfers and write-offs never oversell', async () => {
    // given 50 @ 10 at W1 and 20 drafts of 4 each (80 asked for)
    const p = await product('TR-RACE');
    await receive(w1, p, [{ quantity: '30', unitCost: '10' }, { quantity: '20', unitCost: '11' }]);
    const drafts: { kind: 'tr' | 'wo'; id: string }[] = [];
    for (let i = 0; i < 20; i++) {
      drafts.push(i % 2 ? { kind: 'tr', id: (await transfer(w1, w2, p, '4')).id } : { kind: 'wo', id: (await writeOff(w1, p, '4')).id });
    }
    // when all are posted at once over parallel HTTP calls
    const results = await Promise.allSettled(drafts.map((d) => (d.kind === 'tr' ? admin.PostStockTransfer({ id: d.id }) : admin.PostWriteOff({ id: d.id }))));
    // then 12 succeed (48 of 50) and the rest fail with INSUFFICIENT_STOCK
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(8).fill('INSUFFICIENT_STOCK'));
    expect(await balance(w1, p)).toMatchObject({ on_hand: '2.000' });
    const [sums] = await sql<{ quantity: string }>(`select sum(quantity)::text as quantity from stock_movement where product_id = ?`, [p]);
    const onHand = await sql<{ on_hand: string }>(`select sum(on_hand)::text as on_hand from stock_balance where product_id = ?`, [p]);
    expect(onHand[0].on_hand).toBe(sums.quantity);
    const transferred = drafts.filter((d, i) => d.kind === 'tr' && results[i].status === 'fulfilled').length * 4;
    expect((await balance(w2, p))?.on_hand ?? '0.000').toBe(`${transferred}.000`);
    await assertLedgerInvariants(app.orm);
  });
  it('refuses to post or unpost a transfer or a write-off dated in a closed period', async () => {
    // given 5 @ 10 at W1 on 2026-02-10, a posted transfer of 1 and a draft write-off of 1, both on 2026-02-15
    const p = await product('TR-CLOSED');
    await receive(w1, p, [{ quantity: '5', unitCost: '10' }], '2026-02-10');
    const tr = await transfer(w1, w2, p, '1', '2026-02-15');
    await admin.PostStockTransfer({ id: tr.id });
    const wo = await writeOff(w1, p, '1', '2026-02-15');
    // when the period is closed through 2026-02-28
    await admin.ClosePeriod({ through: '2026-02-28' });
    try {
      // then posting, unposting and cancelling a posted one are PERIOD_CLOSED, and nothing moved
      expect((await errorOf(admin.PostWriteOff({ id: wo.id }))).code).toBe('PERIOD_CLOSED');
      expect((await errorOf(admin.UnpostStockTransfer({ id: tr.id }))).code).toBe('PERIOD_CLOSED');
      expect((await errorOf(admin.CancelStockTransfer({ id: tr.id }))).code).toBe('PERIOD_CLOSED');
      expect(await balance(w1, p)).toEqual({ on_hand: '4.000', cost: '40.0000' });
    } finally {
      await admin.ClosePeriod({ through: null });
    }
    // and once reopened, the transfer unposts
    await admin.UnpostStockTransfer({ id: tr.id });
    expect(await balance(w1, p)).toEqual({ on_hand: '5.000', cost: '50.0000' });
  });
});
