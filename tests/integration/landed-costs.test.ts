import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, type TestApp } from '../support/harness';
import { startStockWorld } from '../support/stock-world';
import { assertLedgerInvariants } from '../support/ledger-invariants';

describe('landed costs', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;
  let carrier: string;
  let w1: string;
  let w2: string;

  beforeAll(async () => {
    ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld());
    carrier = (await admin.CreateCounterparty({ input: { name: 'Перевозчик', roles: ['SUPPLIER'] } })).createCounterparty.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const product = async (sku: string, weight: string | null = null) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, kind: 'GOODS', weight } })).createProduct.id;
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);
  /** A posted receipt into W1 of the lines; returns the receipt's line ids in order. */
  const receive = async (lines: { productId: string; quantity: string; unitCost: string }[], date = '2026-03-10', warehouseId = w1) => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines: lines.map((l) => ({ ...l, vatRate: '22' })) } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: draft.id });
    const rows = await sql<{ id: string }>('select id from goods_receipt_line where goods_receipt_id = ? order by line_no', [draft.id]);
    return { id: draft.id, lines: rows.map((r) => r.id) };
  };
  const post = async (create: Promise<object>, verb: (id: string) => Promise<unknown>) => {
    const doc = (Object.values(await create) as { id: string }[])[0];
    await verb(doc.id);
    return doc.id;
  };
  const transfer = (productId: string, quantity: string, date = '2026-03-12') =>
    post(admin.CreateStockTransfer({ input: { date, fromWarehouseId: w1, toWarehouseId: w2, lines: [{ productId, quantity }] } }), (id) => admin.PostStockTransfer({ id }));
  const writeOff = (warehouseId: string, productId: string, quantity: string, date = '2026-03-13') =>
    post(admin.CreateWriteOff({ input: { date, warehouseId, reason: 'DAMAGE', lines: [{ productId, quantity }] } }), (id) => admin.PostWriteOff({ id }));
  const landedCost = (input: { amount: string; method: string; lines: { goodsReceiptLineId: string; weight?: string; manualAmount?: string }[]; date?: string; vatRate?: string }) =>
    admin.CreateLandedCost({ input: { date: '2026-03-20', supplierId: carrier, description: 'Доставка', vatRate: '0', ...input } as never }).then((r) => r.createLandedCost);
  const lotsOf = (warehouseId: string, productId: string) =>
    sql<{ qty_remaining: string; unit_cost: string; value_remaining: string }>(
      'select qty_remaining::text, unit_cost::text, value_remaining::text from stock_lot where warehouse_id = ? and product_id = ? order by date, sequence',
      [warehouseId, productId],
    ).then((rows) => rows.map((l) => [l.qty_remaining, l.unit_cost, l.value_remaining]));
  const balance = async (warehouseId: string, productId: string) =>
    (await sql<{ on_hand: string; cost: string }>('select on_hand::text, cost::text from stock_balance where warehouse_id = ? and product_id = ?', [warehouseId, productId]))[0];
  const expenses = (productId: string) =>
    sql<{ reason: string; amount: string; date: string; recorder_type: string }>(
      "select reason, amount::text, to_char(date, 'YYYY-MM-DD') as date, recorder_type from expense_register where product_id = ? order by recorder_type, amount",
      [productId],
    ).then((rows) => rows.map((r) => [r.recorder_type, r.reason, r.date, r.amount]));

  it('spreads 220 by value over 10 @ 100 and 10 @ 120 → 110 and 132; a transfer of 12 then carries 10 @ 110 and 2 @ 132; a write-off of 3 costs 330', async () => {
    const p = await product('LC-1');
    const receipt = await receive([{ productId: p, quantity: '10', unitCost: '100' }, { productId: p, quantity: '10', unitCost: '120' }]);

    // when 220 (+22 % VAT) is spread by value: 220 × 1000 / 2200 = 100 and 220 × 1200 / 2200 = 120
    const lc = await landedCost({ amount: '220', vatRate: '22', method: 'VALUE', date: '2026-03-11', lines: receipt.lines.map((id) => ({ goodsReceiptLineId: id })) });
    expect(lc.number).toMatch(/^LC-2026-\d{6}$/);
    expect(lc.vat).toBe('48.40');
    expect(lc.lines.map((l) => [l.goodsReceipt?.number, l.allocated])).toEqual([
      [expect.stringMatching(/^RC-/), '100.00'],
      [expect.stringMatching(/^RC-/), '120.00'],
    ]);
    expect((await admin.PostLandedCost({ id: lc.id })).postLandedCost.status).toBe('POSTED');

    // then the lots cost 10 @ 110 = 1100 and 10 @ 132 = 1320, the balance 2420
    expect(await lotsOf(w1, p)).toEqual([
      ['10.000', '110.0000', '1100.0000'],
      ['10.000', '132.0000', '1320.0000'],
    ]);
    expect(await balance(w1, p)).toEqual({ on_hand: '20.000', cost: '2420.0000' });
    // and the carrier is owed 220 + 48.40, with 48.40 in the purchase VAT book
    expect(await sql('select amount::text from supplier_settlement where recorder_id = ?', [lc.id])).toEqual([{ amount: '268.4000' }]);
    expect(await sql('select rate::text, amount::text, vat::text from purchase_vat_book where recorder_id = ?', [lc.id])).toEqual([{ rate: '22.00', amount: '220.0000', vat: '48.4000' }]);
    const shown = (await admin.LandedCost({ id: lc.id })).landedCost!;
    expect(shown.adjustments.map((a) => [a.kind, a.quantity, a.amount, a.unitCostDelta, a.targetType, a.targetId])).toEqual([
      ['LOT', '10', '100.00', '10.00', 'GoodsReceipt', receipt.id],
      ['LOT', '10', '120.00', '12.00', 'GoodsReceipt', receipt.id],
    ]);
    expect(shown.movements.map((m) => [m.quantity, m.cost, m.recorderNumber])).toEqual([
      ['0', '100.00', lc.number],
      ['0', '120.00', lc.number],
    ]);
    const receiptNumber = (await admin.GoodsReceipt({ id: receipt.id })).goodsReceipt!.number;
    expect(shown.adjustments.map((a) => a.targetNumber)).toEqual([receiptNumber, receiptNumber]);

    // when 12 go to W2: 10 @ 110 and 2 @ 132
    await transfer(p, '12');
    expect(await lotsOf(w2, p)).toEqual([
      ['10.000', '110.0000', '1100.0000'],
      ['2.000', '132.0000', '264.0000'],
    ]);
    // and 3 are written off at W2: 3 × 110 = 330
    await writeOff(w2, p, '3');
    expect(await expenses(p)).toEqual([['WriteOff', 'DAMAGE', '2026-03-13', '330.0000']]);
    expect(await balance(w2, p)).toEqual({ on_hand: '9.000', cost: '1034.0000' }); // 7 × 110 + 264
    expect(await balance(w1, p)).toEqual({ on_hand: '8.000', cost: '1056.0000' }); // 8 × 132
  });

  it('posted after part of the goods left, adjusts what left by its share to the kopeck: expense for write-offs, carried on through transfers', async () => {
    const p = await product('LC-2');
    const receipt = await receive([{ productId: p, quantity: '10', unitCost: '100' }, { productId: p, quantity: '10', unitCost: '120' }]);
    const tr = await transfer(p, '12'); // W2: A' 10 @ 100 from lot A, B' 2 @ 120 from lot B
    const woW2 = await writeOff(w2, p, '3'); // 3 of A' = 300
    const woW1 = await writeOff(w1, p, '1'); // 1 of B = 120; B keeps 7

    // when 220 by value is posted on 2026-03-20: A gets 100, B gets 120
    const lc = await landedCost({ amount: '220', method: 'VALUE', lines: receipt.lines.map((id) => ({ goodsReceiptLineId: id })) });
    await admin.PostLandedCost({ id: lc.id });

    // then A (empty) hands its 100 to the transfer: A' keeps 7/10 = 70, the W2 write-off gets 3/10 = 30;
    // B spreads 120 over 7 kept / 2 transferred / 1 written off = 84 / 24 / 12, and B' keeps its 24
    const adjustments = (await admin.LandedCost({ id: lc.id })).landedCost!.adjustments;
    expect(adjustments.map((a) => [a.recorderLine, a.kind, a.warehouse.code, a.quantity, a.amount, a.targetType, a.targetId]).sort()).toEqual(
      [
        [1, 'TRANSFER', 'W1', '10', '100.00', 'StockTransfer', tr],
        [1, 'LOT', 'W2', '7', '70.00', 'StockTransfer', tr],
        [1, 'EXPENSE', 'W2', '3', '30.00', 'WriteOff', woW2],
        [2, 'LOT', 'W1', '7', '84.00', 'GoodsReceipt', receipt.id],
        [2, 'TRANSFER', 'W1', '2', '24.00', 'StockTransfer', tr],
        [2, 'LOT', 'W2', '2', '24.00', 'StockTransfer', tr],
        [2, 'EXPENSE', 'W1', '1', '12.00', 'WriteOff', woW1],
      ].sort(),
    );
    // and the parts that stayed or were expensed add up to 220 exactly
    const [{ total }] = await sql<{ total: string }>("select sum(amount)::text as total from cost_adjustment where recorder_id = ? and kind <> 'TRANSFER'", [lc.id]);
    expect(total).toBe('220.0000');
    // and the write-offs keep their own cost; the adjustments are the landed cost's, dated 2026-03-20
    expect(await expenses(p)).toEqual([
      ['LandedCost', 'LANDED_COST', '2026-03-20', '12.0000'],
      ['LandedCost', 'LANDED_COST', '2026-03-20', '30.0000'],
      ['WriteOff', 'DAMAGE', '2026-03-13', '120.0000'],
      ['WriteOff', 'DAMAGE', '2026-03-13', '300.0000'],
    ]);
    // and what is left is at the raised cost: W1 7 @ 132 = 924; W2 7 @ 110 + 2 @ 132 = 1034
    expect(await lotsOf(w1, p)).toEqual([
      ['0.000', '100.0000', '0.0000'],
      ['7.000', '132.0000', '924.0000'],
    ]);
    expect(await lotsOf(w2, p)).toEqual([
      ['7.000', '110.0000', '770.0000'],
      ['2.000', '132.0000', '264.0000'],
    ]);
    expect(await balance(w1, p)).toEqual({ on_hand: '7.000', cost: '924.0000' });
    expect(await balance(w2, p)).toEqual({ on_hand: '9.000', cost: '1034.0000' });

    // and the documents it adjusted cannot be unposted while it stands
    const refused = await errorOf(admin.UnpostWriteOff({ id: woW2 }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.details).toMatchObject({ reason: 'COST_ADJUSTED', adjustedBy: [{ recorderType: 'LandedCost', recorderId: lc.id }] });
    expect((await errorOf(admin.UnpostStockTransfer({ id: tr }))).code).toBe('INVALID_STATE');
  });

  it('books the part of goods taken after its own date on the date they were taken, so no balance shows cost without the goods', async () => {
    const p = await product('LC-LATER');
    const receipt = await receive([{ productId: p, quantity: '10', unitCost: '100' }], '2026-03-10');
    // the goods leave after the landed cost's date (2026-03-20), but before it is posted
    const tr = await transfer(p, '4', '2026-03-25'); // W2: 4 @ 100
    const wo = await writeOff(w2, p, '1', '2026-03-27'); // 1 of them
    const lc = await landedCost({ amount: '50', method: 'VALUE', lines: [{ goodsReceiptLineId: receipt.lines[0] }] }); // + 5.00 a unit
    await admin.PostLandedCost({ id: lc.id });
    // then W1 keeps 6 × 5 = 30 from 2026-03-20; the transfer carries 20 on 2026-03-25: W2 keeps 3 × 5 = 15, the write-off 5 on 2026-03-27
    const adjustments = (await admin.LandedCost({ id: lc.id })).landedCost!.adjustments;
    expect(adjustments.map((a) => [a.kind, a.warehouse.code, a.date, a.amount, a.targetId]).sort()).toEqual(
      [
        ['LOT', 'W1', '2026-03-20', '30.00', receipt.id],
        ['TRANSFER', 'W1', '2026-03-25', '20.00', tr],
        ['LOT', 'W2', '2026-03-25', '15.00', tr],
        ['EXPENSE', 'W2', '2026-03-27', '5.00', wo],
      ].sort(),
    );
    expect(await expenses(p)).toEqual([
      ['LandedCost', 'LANDED_COST', '2026-03-27', '5.0000'],
      ['WriteOff', 'DAMAGE', '2026-03-27', '100.0000'],
    ]);
    // and W2 at the end of 2026-03-22 holds nothing, worth nothing; at the end of 2026-03-25, 4 worth 400 + 15
    // (the part of the one written off later is booked as its expense on 2026-03-27, not in W2's stock); then 3 worth 315
    const w2At = async (asOf: string) =>
      (await admin.StockBalances({ filter: { warehouseId: w2, productId: p, asOf } })).stockBalances.items.map((b) => [b.onHand, b.cost]);
    expect(await w2At('2026-03-22')).toEqual([]);
    expect(await w2At('2026-03-25')).toEqual([['4', '415.00']]);
    expect(await w2At('2026-03-31')).toEqual([['3', '315.00']]);
  });

  it('splits an odd amount to the kopeck: 100.00 over 2 kept and 1 written off → 66.67 and 33.33', async () => {
    const p = await product('LC-3');
    const receipt = await receive([{ productId: p, quantity: '3', unitCost: '10' }]);
    await writeOff(w1, p, '1'); // 10.00
    const lc = await landedCost({ amount: '100', method: 'QUANTITY', lines: [{ goodsReceiptLineId: receipt.lines[0] }] });
    await admin.PostLandedCost({ id: lc.id });
    // 2 kept: 20 + 66.67 = 86.67, unit 10 + 66.67 / 2 = 43.335
    expect(await lotsOf(w1, p)).toEqual([['2.000', '43.3350', '86.6700']]);
    // writing off the last 2 takes the lot's whole value: 86.67; all expenses = 30 + 100
    await writeOff(w1, p, '2', '2026-03-21');
    expect(await expenses(p)).toEqual([
      ['LandedCost', 'LANDED_COST', '2026-03-20', '33.3300'],
      ['WriteOff', 'DAMAGE', '2026-03-13', '10.0000'],
      ['WriteOff', 'DAMAGE', '2026-03-21', '86.6700'],
    ]);
    expect(await balance(w1, p)).toEqual({ on_hand: '0.000', cost: '0.0000' });
  });

  it('spreads by weight (product weight × quantity, or the line’s own), by quantity and as given', async () => {
    const heavy = await product('LC-HEAVY', '2');
    const light = await product('LC-LIGHT', '0.5');
    const receipt = await receive([
      { productId: heavy, quantity: '10', unitCost: '10' }, // 20 kg
      { productId: light, quantity: '40', unitCost: '1' }, // 20 kg
      { productId: light, quantity: '10', unitCost: '1' }, // 5 kg
    ]);
    const all = receipt.lines.map((id) => ({ goodsReceiptLineId: id }));
    const weight = await landedCost({ amount: '90', method: 'WEIGHT', lines: all });
    expect(weight.lines.map((l) => l.allocated)).toEqual(['40.00', '40.00', '10.00']);
    // the line's own weight wins: 20 / 20 / 50 kg
    const own = await landedCost({ amount: '90', method: 'WEIGHT', lines: [all[0], all[1], { ...all[2], weight: '50' }] });
    expect(own.lines.map((l) => l.allocated)).toEqual(['20.00', '20.00', '50.00']);
    // 100 by quantity over 10 / 40 / 10 = 16.67 / 66.66 / 16.67 (largest remainders: the later line wins the tie)
    const byQuantity = await landedCost({ amount: '100', method: 'QUANTITY', lines: all });
    expect(byQuantity.lines.map((l) => l.allocated)).toEqual(['16.66', '66.67', '16.67']);
    const manual = await landedCost({ amount: '10', method: 'MANUAL', lines: [{ ...all[0], manualAmount: '7.5' }, { ...all[1], manualAmount: '2.5' }] });
    expect(manual.lines.map((l) => l.allocated)).toEqual(['7.50', '2.50']);
    // goodsReceiptIds takes every line of the receipt
    const whole = (await admin.CreateLandedCost({ input: { date: '2026-03-20', supplierId: carrier, description: 'Всё', amount: '45', method: 'WEIGHT', goodsReceiptIds: [receipt.id] } })).createLandedCost;
    expect(whole.lines.map((l) => [l.goodsReceiptLine!.lineNo, l.allocated])).toEqual([
      [1, '20.00'],
      [2, '20.00'],
      [3, '5.00'],
    ]);
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const p = await product('LC-BAD');
    const noWeight = await product('LC-NOWEIGHT');
    const receipt = await receive([{ productId: p, quantity: '1', unitCost: '10' }, { productId: noWeight, quantity: '1', unitCost: '10' }]);
    const draft = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId: w1, supplierId: supplier, lines: [{ productId: p, quantity: '1', unitCost: '1' }] } })).createGoodsReceipt;
    const [draftLine] = await sql<{ id: string }>('select id from goods_receipt_line where goods_receipt_id = ?', [draft.id]);
    const later = await receive([{ productId: p, quantity: '1', unitCost: '10' }], '2026-03-25');
    const before = await sql('select count(*)::int as n from landed_cost');
    const fieldsOf = async (input: Parameters<typeof landedCost>[0]) => {
      const error = await errorOf(landedCost(input));
      expect(error.code).toBe('BAD_USER_INPUT');
      return error.fields;
    };
    expect(await fieldsOf({ amount: '0', method: 'VALUE', lines: [{ goodsReceiptLineId: receipt.lines[0] }] })).toHaveProperty('amount');
    expect(await fieldsOf({ amount: '10.001', method: 'VALUE', lines: [{ goodsReceiptLineId: receipt.lines[0] }] })).toHaveProperty('amount');
    expect(await fieldsOf({ amount: '10', method: 'VALUE', vatRate: '18', lines: [{ goodsReceiptLineId: receipt.lines[0] }] })).toHaveProperty('vatRate');
    expect(await fieldsOf({ amount: '10', method: 'VALUE', lines: [{ goodsReceiptLineId: draftLine.id }] })).toHaveProperty(['lines.0.goodsReceiptLineId']);
    expect(await fieldsOf({ amount: '10', method: 'VALUE', lines: [{ goodsReceiptLineId: receipt.lines[0] }, { goodsReceiptLineId: later.lines[0] }] })).toHaveProperty(['lines.1.goodsReceiptLineId']);
    expect(await fieldsOf({ amount: '10', method: 'WEIGHT', lines: [{ goodsReceiptLineId: receipt.lines[0], weight: '1' }, { goodsReceiptLineId: receipt.lines[1] }] })).toHaveProperty(['lines.1.weight']);
    expect(await fieldsOf({ amount: '10', method: 'MANUAL', lines: [{ goodsReceiptLineId: receipt.lines[0], manualAmount: '4' }, { goodsReceiptLineId: receipt.lines[1], manualAmount: '5' }] })).toHaveProperty('amount');
    expect(await fieldsOf({ amount: '10', method: 'VALUE', lines: [{ goodsReceiptLineId: receipt.lines[0] }, { goodsReceiptLineId: receipt.lines[0] }] })).toHaveProperty(['lines.1.goodsReceiptLineId']);
    expect(await sql('select count(*)::int as n from landed_cost')).toEqual(before);
    // a draft may wait for its lines, but is not posted without
    const empty = await landedCost({ amount: '10', method: 'VALUE', lines: [] });
    expect(await errorOf(admin.PostLandedCost({ id: empty.id }))).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'NO_LINES' } });
  });

  it('unposting takes every adjustment back and reposting gives the same registers; refused while a raised lot was taken from since', async () => {
    const p = await product('LC-REPOST');
    const receipt = await receive([{ productId: p, quantity: '10', unitCost: '100' }, { productId: p, quantity: '10', unitCost: '120' }]);
    await transfer(p, '12');
    await writeOff(w2, p, '3');
    const registers = async () => ({
      lots: await sql("select id, qty_remaining::text, unit_cost::text, value_remaining::text from stock_lot where product_id = ? order by id", [p]),
      movements: await sql("select warehouse_id, lot_id, date::text, quantity::text, cost::text, recorder_type, recorder_id, recorder_line from stock_movement where product_id = ? order by 1, 2, 3, 4, 5, 6, 7, 8", [p]),
      balances: await sql('select warehouse_id, on_hand::text, cost::text from stock_balance where product_id = ? order by 1', [p]),
      months: await sql('select warehouse_id, month::text, quantity::text, cost::text from stock_month_total where product_id = ? order by 1, 2', [p]),
      expenses: await sql('select warehouse_id, reason, amount::text, recorder_type, recorder_id from expense_register where product_id = ? order by 1, 2, 3, 4, 5', [p]),
      adjustments: await sql('select kind, lot_id, target_type, target_id, target_line, quantity::text, amount::text, unit_cost_delta::text from cost_adjustment where product_id = ? order by 1, 2, 3, 4, 5', [p]),
      payables: await sql('select supplier_id, amount::text, recorder_type from supplier_settlement where supplier_id = ? order by 1, 2, 3', [carrier]),
    });
    const before = await registers();
    const lc = await landedCost({ amount: '220', method: 'VALUE', lines: receipt.lines.map((id) => ({ goodsReceiptLineId: id })) });
    await admin.PostLandedCost({ id: lc.id });
    const posted = await registers();
    expect(posted).not.toEqual(before);
    // and the receipt whose lots it raised cannot be unposted while it stands
    expect((await errorOf(admin.UnpostGoodsReceipt({ id: receipt.id }))).details).toMatchObject({ reason: 'COST_ADJUSTED', adjustedBy: [{ recorderType: 'LandedCost', recorderId: lc.id }] });

    // when unposted: everything as before
    expect((await admin.UnpostLandedCost({ id: lc.id })).unpostLandedCost.status).toBe('DRAFT');
    expect(await registers()).toEqual(before);
    // when reposted: everything as when first posted
    await admin.PostLandedCost({ id: lc.id });
    expect(await registers()).toEqual(posted);
    await assertLedgerInvariants(app.orm);

    // when 1 is written off W2 at the raised cost (110), the landed cost cannot be unposted until that write-off is
    const after = await writeOff(w2, p, '1', '2026-03-21');
    const refused = await errorOf(admin.UnpostLandedCost({ id: lc.id }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.details).toMatchObject({ reason: 'LOTS_CONSUMED', consumers: [{ recorderType: 'WriteOff', recorderId: after }] });
    expect(await errorOf(admin.CancelLandedCost({ id: lc.id }))).toMatchObject({ code: 'INVALID_STATE' });
    await admin.UnpostWriteOff({ id: after });
    await admin.CancelLandedCost({ id: lc.id });
    expect(await registers()).toEqual(before);
    // and once it is cancelled, the receipt is only held by the transfer
    expect((await errorOf(admin.UnpostGoodsReceipt({ id: receipt.id }))).details).toMatchObject({ reason: 'LOTS_CONSUMED' });
  });

  it('PERIOD_CLOSED for a landed cost dated in a closed period; the adjustments of one in an open period are dated by it', async () => {
    const p = await product('LC-CLOSED');
    const receipt = await receive([{ productId: p, quantity: '4', unitCost: '25' }], '2026-02-10');
    const wo = await writeOff(w1, p, '1', '2026-02-11');
    const closed = await landedCost({ amount: '8', method: 'VALUE', date: '2026-02-20', lines: [{ goodsReceiptLineId: receipt.lines[0] }] });
    const open = await landedCost({ amount: '8', method: 'VALUE', date: '2026-03-02', lines: [{ goodsReceiptLineId: receipt.lines[0] }] });
    await admin.ClosePeriod({ through: '2026-02-28' });
    try {
      expect((await errorOf(admin.PostLandedCost({ id: closed.id }))).code).toBe('PERIOD_CLOSED');
      // the write-off of February is adjusted in March: 8 × 1/4 = 2.00 on 2026-03-02
      await admin.PostLandedCost({ id: open.id });
      expect(await expenses(p)).toEqual([
        ['LandedCost', 'LANDED_COST', '2026-03-02', '2.0000'],
        ['WriteOff', 'DAMAGE', '2026-02-11', '25.0000'],
      ]);
      expect(await lotsOf(w1, p)).toEqual([['3.000', '27.0000', '81.0000']]);
    } finally {
      await admin.ClosePeriod({ through: null });
    }
    expect(wo).toBeTruthy();
  });

  it('posted while 12 write-offs race it on the same lot, every unit still ends at 13 and value is kept to the kopeck', async () => {
    const p = await product('LC-RACE');
    const receipt = await receive([{ productId: p, quantity: '30', unitCost: '10' }]); // 300.00
    const lc = await landedCost({ amount: '90', method: 'VALUE', lines: [{ goodsReceiptLineId: receipt.lines[0] }] }); // + 3.00 a unit
    const drafts = await Promise.all(
      Array.from({ length: 12 }, () => admin.CreateWriteOff({ input: { date: '2026-03-13', warehouseId: w1, reason: 'DAMAGE', lines: [{ productId: p, quantity: '1' }] } })),
    );
    const clients = await Promise.all(Array.from({ length: 13 }, () => app.as(Role.ADMIN)));
    // when all post at once over their own connections
    const results = await Promise.allSettled([
      clients[12].PostLandedCost({ id: lc.id }),
      ...drafts.map((d, i) => clients[i].PostWriteOff({ id: d.createWriteOff.id })),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // then whatever the order, the 18 left are worth 18 × 13 = 234.00, and the 12 that left cost 12 × 13 = 156.00
    // (10 each at posting, plus 3.00 adjusted, or 13 each when taken after the raise): 234 + 156 = 300 + 90
    expect(await lotsOf(w1, p)).toEqual([['18.000', '13.0000', '234.0000']]);
    const [{ total }] = await sql<{ total: string }>('select sum(amount)::text as total from expense_register where product_id = ?', [p]);
    expect(total).toBe('156.0000');
  });

  it('lets the warehouse see landed costs but not their cost parts without cost:read', async () => {
    const p = await product('LC-ROLE');
    const receipt = await receive([{ productId: p, quantity: '2', unitCost: '5' }]);
    const lc = await landedCost({ amount: '2', method: 'VALUE', lines: [{ goodsReceiptLineId: receipt.lines[0] }] });
    await admin.PostLandedCost({ id: lc.id });
    const warehouse = await app.as(Role.WAREHOUSE);
    const seen = (await warehouse.LandedCost({ id: lc.id })).landedCost!;
    expect(seen.adjustments.map((a) => [a.kind, a.quantity, a.amount, a.unitCostDelta])).toEqual([['LOT', '2', null, null]]);
    expect((await warehouse.LandedCosts({ filter: { goodsReceiptId: receipt.id } })).landedCosts.items.map((d) => d.number)).toEqual([lc.number]);
  });
});
