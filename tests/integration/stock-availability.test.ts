import type { TradebookClient } from '@tradebook/client';
import { errorOf, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startStockWorld } from '../support/stock-world';

/**
 * Availability respects dates and reservations (DESIGN §4): an outgoing document dated D
 * takes only lots received on or before D and may not make the balance negative on D or
 * any later date, nor take goods reserved for others, where negative stock is forbidden.
 */
describe('stock availability by date and reservation', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;
  let w1: string;
  let w2: string;

  beforeAll(async () => ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld()));
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: sku, unitId: pcs, kind: 'GOODS' } })).createProduct.id;
  const receive = async (warehouseId: string, productId: string, quantity: string, unitCost: string, date: string) => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines: [{ productId, quantity, unitCost }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: draft.id });
    return draft;
  };
  const writeOffDraft = async (warehouseId: string, productId: string, quantity: string, date: string) =>
    (await admin.CreateWriteOff({ input: { date, warehouseId, reason: 'DAMAGE', lines: [{ productId, quantity }] } })).createWriteOff;
  const writeOff = async (warehouseId: string, productId: string, quantity: string, date: string) => {
    const draft = await writeOffDraft(warehouseId, productId, quantity, date);
    await admin.PostWriteOff({ id: draft.id });
    return (await admin.WriteOff({ id: draft.id })).writeOff!;
  };
  const balanceOn = async (warehouseId: string, productId: string, asOf?: string) =>
    (await admin.StockBalances({ filter: { warehouseId, productId, ...(asOf ? { asOf } : {}) } })).stockBalances.items.map((b) => ({ onHand: b.onHand, cost: b.cost, reserved: b.reserved, available: b.available }));
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);

  it('refuses a write-off dated before the only receipt, and no as-of balance ever goes negative', async () => {
    // given 10 @ 100 received at W1 on 2026-03-20
    const p = await product('AV-BEFORE');
    await receive(w1, p, '10', '100', '2026-03-20');

    // when 4 are written off on 2026-03-01, then INSUFFICIENT_STOCK: nothing was there that day
    const draft = await writeOffDraft(w1, p, '4', '2026-03-01');
    const refused = await errorOf(admin.PostWriteOff({ id: draft.id }));
    expect(refused.code).toBe('INSUFFICIENT_STOCK');
    expect(refused.details).toMatchObject({ productId: p, warehouseId: w1, requested: '4', available: '0', asOf: '2026-03-01', negativeOn: '2026-03-01' });

    // and the draft stays a draft; as of 2026-03-05 there is no stock row at all, the valuation is empty
    expect((await admin.WriteOff({ id: draft.id })).writeOff?.status).toBe('DRAFT');
    expect(await balanceOn(w1, p, '2026-03-05')).toEqual([]);
    expect((await admin.StockValuation({ filter: { asOf: '2026-03-05', warehouseId: w1 } })).stockValuation.total).toEqual({ quantity: '0', value: '0.00' });
    expect(await balanceOn(w1, p, '2026-03-20')).toEqual([{ onHand: '10', cost: '1000.00', reserved: '0', available: '10' }]);
  });

  it('between two receipts a write-off takes only the lots of its date, and a later low balance limits a backdated one', async () => {
    // given W1: 10 @ 100 on 03-10 and 10 @ 120 on 03-20
    const p = await product('AV-BETWEEN');
    await receive(w1, p, '10', '100', '2026-03-10');
    await receive(w1, p, '10', '120', '2026-03-20');

    // when 12 are written off on 03-15, then refused: only 10 were there that day
    const twelve = await writeOffDraft(w1, p, '12', '2026-03-15');
    expect((await errorOf(admin.PostWriteOff({ id: twelve.id }))).details).toMatchObject({ requested: '12', available: '10', asOf: '2026-03-15', negativeOn: '2026-03-15' });

    // when 8 are written off on 03-15, then they cost 8 × 100 = 800.00, all from the 03-10 lot (the 03-20 lot is untouched)
    const eight = await writeOff(w1, p, '8', '2026-03-15');
    expect(eight.movements.map((m) => [m.quantity, m.cost])).toEqual([['-8', '-800.00']]);
    const lots = (await admin.Lots({ productId: p, warehouseId: w1 })).lots;
    expect(lots.map((l) => [l.date, l.qtyRemaining, l.valueRemaining])).toEqual([
      ['2026-03-10', '2', '200.00'],
      ['2026-03-20', '10', '1200.00'],
    ]);
    // and as of 03-15: 2 worth 200.00; as of 03-20: 12 worth 200 + 1200 = 1400.00
    expect(await balanceOn(w1, p, '2026-03-15')).toMatchObject([{ onHand: '2', cost: '200.00' }]);
    expect(await balanceOn(w1, p, '2026-03-20')).toMatchObject([{ onHand: '12', cost: '1400.00' }]);

    // when 12 are written off on 03-25: 2 @ 100 + 10 @ 120 = 1400.00, and nothing is left
    const late = await writeOff(w1, p, '12', '2026-03-25');
    expect(late.movements.map((m) => [m.quantity, m.cost])).toEqual([['-2', '-200.00'], ['-10', '-1200.00']]);

    // then one more dated 03-16 is refused: 2 on 03-16 and 12 on 03-20, but 1 would leave −1 on 03-25
    const backdated = await writeOffDraft(w1, p, '1', '2026-03-16');
    const refused = await errorOf(admin.PostWriteOff({ id: backdated.id }));
    expect(refused.code).toBe('INSUFFICIENT_STOCK');
    expect(refused.details).toMatchObject({ requested: '1', available: '0', asOf: '2026-03-16', negativeOn: '2026-03-25' });
    expect(await balanceOn(w1, p)).toMatchObject([{ onHand: '0', cost: '0.00' }]);
  });

  it('a transfer dated between two receipts carries only the older lot, at its cost and date', async () => {
    // given W1: 5 @ 50 on 03-10 and 5 @ 70 on 03-20
    const p = await product('AV-TRANSFER');
    await receive(w1, p, '5', '50', '2026-03-10');
    await receive(w1, p, '5', '70', '2026-03-20');
    const transfer = async (quantity: string) => (await admin.CreateStockTransfer({ input: { date: '2026-03-12', fromWarehouseId: w1, toWarehouseId: w2, lines: [{ productId: p, quantity }] } })).createStockTransfer;

    // when 6 go to W2 on 03-12, then refused: 5 were there
    const six = await transfer('6');
    expect((await errorOf(admin.PostStockTransfer({ id: six.id }))).details).toMatchObject({ warehouseId: w1, requested: '6', available: '5', asOf: '2026-03-12' });

    // when 5 go, then W2 gets one lot dated 03-12 of 5 @ 50 = 250.00 and W1 keeps the 03-20 lot
    const five = await transfer('5');
    await admin.PostStockTransfer({ id: five.id });
    expect((await admin.Lots({ productId: p, warehouseId: w2 })).lots.map((l) => [l.date, l.qtyRemaining, l.unitCost, l.valueRemaining])).toEqual([['2026-03-12', '5', '50.00', '250.00']]);
    expect(await balanceOn(w1, p, '2026-03-12')).toMatchObject([{ onHand: '0', cost: '0.00' }]);
    expect(await balanceOn(w1, p, '2026-03-20')).toMatchObject([{ onHand: '5', cost: '350.00' }]);
    expect(await balanceOn(w2, p, '2026-03-11')).toEqual([]);
    expect(await balanceOn(w2, p, '2026-03-12')).toMatchObject([{ onHand: '5', cost: '250.00' }]);
  });

  it('a backdated count is refused when later documents took its lots, and unpost, post, repost puts them in date order', async () => {
    // given W1: 10 @ 10 on 03-10 and 10 @ 20 on 03-20, and 15 written off on 03-25 (10 @ 10 + 5 @ 20 = 200.00)
    const p = await product('AV-COUNT');
    await receive(w1, p, '10', '10', '2026-03-10');
    await receive(w1, p, '10', '20', '2026-03-20');
    const later = await writeOff(w1, p, '15', '2026-03-25');
    expect(later.movements.map((m) => m.cost)).toEqual(['-100.00', '-100.00']);
    const count = async (counted: string) => (await admin.CreateStockCount({ input: { date: '2026-03-15', warehouseId: w1, prefill: false, lines: [{ productId: p, countedQuantity: counted }] } })).createStockCount;

    // when a count of 03-15 finds 4 of the 10 on the books, then refused: −6 would leave 5 − 6 = −1 after 03-25 (10, 20, 5 from 03-15 on)
    const four = await count('4');
    expect(four.lines.map((l) => [l.bookQuantity, l.countedQuantity])).toEqual([['10', '4']]);
    expect((await errorOf(admin.PostStockCount({ id: four.id }))).details).toMatchObject({ requested: '6', available: '5', asOf: '2026-03-15', negativeOn: '2026-03-25' });

    // when it finds 9, then the balances allow it, but the 03-10 lot was taken by the 03-25 write-off: refused, naming it
    const nine = await count('9');
    const taken = await errorOf(admin.PostStockCount({ id: nine.id }));
    expect(taken.code).toBe('INSUFFICIENT_STOCK');
    expect(taken.details).toMatchObject({ reason: 'TAKEN_BY_LATER_DOCUMENTS', requested: '1', available: '0', takenBy: [{ recorderType: 'WriteOff', recorderId: later.id, name: `Write-off ${later.number}` }] });
    await admin.DeleteStockCount({ id: four.id });

    // when the write-off is unposted, the count posted and the write-off posted again
    await admin.UnpostWriteOff({ id: later.id });
    const posted = (await admin.PostStockCount({ id: nine.id })).postStockCount;
    await admin.PostWriteOff({ id: later.id });
    const reposted = (await admin.WriteOff({ id: later.id })).writeOff!;

    // then the count's shortage cost 1 @ 10 = 10.00 and the write-off takes 9 @ 10 + 6 @ 20 = 210.00
    expect(posted.lines.map((l) => [l.difference, l.differenceCost])).toEqual([['-1', '-10.00']]);
    expect(reposted.movements.map((m) => [m.quantity, m.cost])).toEqual([['-9', '-90.00'], ['-6', '-120.00']]);
    expect(await balanceOn(w1, p)).toMatchObject([{ onHand: '4', cost: '80.00' }]);
  });

  it('follows the warehouse when negative stock is allowed and forbidden again after balances exist', async () => {
    // given W3 forbidding negative stock with 5 @ 10
    const w3 = (await admin.CreateWarehouse({ input: { code: 'W3', name: 'Третий' } })).createWarehouse;
    const p = await product('AV-NEGATIVE');
    await receive(w3.id, p, '5', '10', '2026-04-01');
    expect((await errorOf(admin.PostWriteOff({ id: (await writeOffDraft(w3.id, p, '7', '2026-04-02')).id }))).code).toBe('INSUFFICIENT_STOCK');

    // when negative stock is allowed, then 7 go out: 5 @ 10 from the lot and 2 without a lot at the last cost 10, −2 worth −20.00
    const allowed = (await admin.UpdateWarehouse({ id: w3.id, input: { version: w3.version, allowsNegativeStock: true } })).updateWarehouse;
    const seven = await writeOff(w3.id, p, '7', '2026-04-02');
    expect(seven.movements.map((m) => [m.quantity, m.cost, m.lotId === null])).toEqual([['-5', '-50.00', false], ['-2', '-20.00', true]]);
    expect(await balanceOn(w3.id, p)).toMatchObject([{ onHand: '-2', cost: '-20.00' }]);

    // when it is forbidden again while −2 are on hand, then refused, naming the product, and nothing changed
    const refused = await errorOf(admin.UpdateWarehouse({ id: w3.id, input: { version: allowed.version, allowsNegativeStock: false } }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.details).toMatchObject({ reason: 'NEGATIVE_STOCK', products: [{ productId: p, sku: 'AV-NEGATIVE', onHand: '-2', reserved: '0' }] });
    expect((await admin.Warehouse({ id: w3.id })).warehouse?.allowsNegativeStock).toBe(true);

    // when 2 more come in, it can be forbidden, and from then on the old balance row refuses to go below zero
    await receive(w3.id, p, '2', '10', '2026-04-03');
    await admin.UpdateWarehouse({ id: w3.id, input: { version: allowed.version, allowsNegativeStock: false } });
    expect((await errorOf(admin.PostWriteOff({ id: (await writeOffDraft(w3.id, p, '1', '2026-04-04')).id }))).details).toMatchObject({ requested: '1', available: '0' });
    // and the database itself refuses it too: the balance row follows the warehouse
    await expect(sql('update stock_balance set on_hand = -1 where warehouse_id = ? and product_id = ?', [w3.id, p])).rejects.toThrow(/stock_balance_covered/);
  });

  it('goods reserved for others cannot be written off, and reserved never exceeds on hand', async () => {
    // given 10 @ 10 at W2, 6 of them reserved (a movement of the reservation register and its balance, as the register writes them)
    const p = await product('AV-RESERVED');
    await receive(w2, p, '10', '10', '2026-05-01');
    await sql("insert into stock_reservation (id, warehouse_id, product_id, date, quantity, recorder_type, recorder_id, recorder_line) values (gen_random_uuid(), ?, ?, '2026-05-01', 6, 'Test', gen_random_uuid(), 1)", [w2, p]);
    await sql('update stock_balance set reserved = 6 where warehouse_id = ? and product_id = ?', [w2, p]);
    expect(await balanceOn(w2, p)).toEqual([{ onHand: '10', cost: '100.00', reserved: '6', available: '4' }]);

    // when 5 are written off, then refused: 4 are free; the dated balances alone would allow it (negativeOn null)
    const refused = await errorOf(admin.PostWriteOff({ id: (await writeOffDraft(w2, p, '5', '2026-05-02')).id }));
    expect(refused.details).toMatchObject({ requested: '5', available: '4', reserved: '6', negativeOn: null });

    // when 4 are, then 6 stay, all reserved
    await writeOff(w2, p, '4', '2026-05-02');
    expect(await balanceOn(w2, p)).toEqual([{ onHand: '6', cost: '60.00', reserved: '6', available: '0' }]);
    // and the database refuses to reserve more than is on hand
    await expect(sql('update stock_balance set reserved = 7 where warehouse_id = ? and product_id = ?', [w2, p])).rejects.toThrow(/stock_balance_covered/);
  });

  it('balances as of a day in a closed period, at a month boundary and in the current month come from the stored month closings', async () => {
    // given W1: 10 @ 10 on 01-15, 5 @ 12 on 02-28, 3 written off on 03-01 (3 @ 10 = 30.00), 1 @ 20 on 12-01
    const p = await product('AV-ASOF');
    await receive(w1, p, '10', '10', '2026-01-15');
    await receive(w1, p, '5', '12', '2026-02-28');
    await writeOff(w1, p, '3', '2026-03-01');
    await receive(w1, p, '1', '20', '2026-12-01');
    // and the period closed through 02-28
    await admin.ClosePeriod({ through: '2026-02-28' });
    try {
      // then as of 02-15 (closed): 10 / 100.00; 02-28 (the boundary): 15 / 160.00; 03-01: 12 / 130.00; 03-31: the same; 12-01: 13 / 150.00
      expect(await balanceOn(w1, p, '2026-02-15')).toMatchObject([{ onHand: '10', cost: '100.00' }]);
      expect(await balanceOn(w1, p, '2026-02-28')).toMatchObject([{ onHand: '15', cost: '160.00' }]);
      expect(await balanceOn(w1, p, '2026-03-01')).toMatchObject([{ onHand: '12', cost: '130.00' }]);
      expect(await balanceOn(w1, p, '2026-03-31')).toMatchObject([{ onHand: '12', cost: '130.00' }]);
      expect(await balanceOn(w1, p, '2026-12-01')).toMatchObject([{ onHand: '13', cost: '150.00' }]);
      expect(await balanceOn(w1, p)).toMatchObject([{ onHand: '13', cost: '150.00' }]);
      // and the month rows hold those closings: January 10 / 100, February 15 / 160, March 12 / 130, December 13 / 150
      expect(await sql(`select to_char(month, 'YYYY-MM') as month, closing_quantity::text as quantity, closing_cost::text as cost from stock_month_total where warehouse_id = ? and product_id = ? order by month`, [w1, p])).toEqual([
        { month: '2026-01', quantity: '10.000', cost: '100.0000' },
        { month: '2026-02', quantity: '15.000', cost: '160.0000' },
        { month: '2026-03', quantity: '12.000', cost: '130.0000' },
        { month: '2026-12', quantity: '13.000', cost: '150.0000' },
      ]);

      // when a receipt dated in the closed period is posted, then PERIOD_CLOSED and the frozen balances stay as they were
      const inClosed = (await admin.CreateGoodsReceipt({ input: { date: '2026-02-10', warehouseId: w1, supplierId: supplier, lines: [{ productId: p, quantity: '1', unitCost: '1' }] } })).createGoodsReceipt;
      expect((await errorOf(admin.PostGoodsReceipt({ id: inClosed.id }))).code).toBe('PERIOD_CLOSED');
      expect(await balanceOn(w1, p, '2026-02-15')).toMatchObject([{ onHand: '10', cost: '100.00' }]);

      // when one dated 2026-03-10 (open) is, then the March and December closings move by it: 13 / 135.00 and 14 / 155.00
      await receive(w1, p, '1', '5', '2026-03-10');
      expect(await balanceOn(w1, p, '2026-03-31')).toMatchObject([{ onHand: '13', cost: '135.00' }]);
      expect(await balanceOn(w1, p, '2026-12-31')).toMatchObject([{ onHand: '14', cost: '155.00' }]);
    } finally {
      await admin.ClosePeriod({ through: null });
    }
  });
});
