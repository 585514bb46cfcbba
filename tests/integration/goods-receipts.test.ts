import pino from 'pino';
import { EventBus } from '../../api/src/shared/event-bus';
import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

describe('goods receipts', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let kg: string;
  let supplier: string;
  let warehouse: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    kg = (await admin.CreateUnit({ input: { code: 'kg', name: 'килограмм', precision: 3 } })).createUnit.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    warehouse = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } })).createWarehouse.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const product = async (sku: string, kind: 'GOODS' | 'SERVICE' = 'GOODS', unitId = pcs) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId, kind } })).createProduct.id;
  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.getConnection().execute<T[]>(text, params);
  const receive = async (productId: string, lines: { quantity: string; unitCost: string; vatRate?: string }[], date = '2026-03-10') =>
    (await admin.CreateGoodsReceipt({ input: { date, warehouseId: warehouse, supplierId: supplier, lines: lines.map((l) => ({ productId, ...l })) } })).createGoodsReceipt;
  /** Every register row a recorder wrote, without ids, lot ids and lot sequences (those are new on each posting). */
  const registersOf = async (recorderId: string) => ({
    movements: await sql(`select warehouse_id, product_id, date::text, quantity::text, cost::text, recorder_type, recorder_line, lot_id is not null as has_lot from stock_movement where recorder_id = ? order by recorder_line`, [recorderId]),
    lots: await sql(`select warehouse_id, product_id, date::text, recorder_line, qty_in::text, qty_remaining::text, unit_cost::text, value_remaining::text, origin_lot_id from stock_lot where recorder_id = ? order by recorder_line`, [recorderId]),
    settlements: await sql(`select supplier_id, date::text, amount::text, recorder_line from supplier_settlement where recorder_id = ?`, [recorderId]),
    vat: await sql(`select supplier_id, date::text, rate::text, amount::text, vat::text, recorder_line from purchase_vat_book where recorder_id = ? order by rate`, [recorderId]),
  });
  const balancesOf = (productId: string) =>
    sql<{ on_hand: string; cost: string }>(`select on_hand::text, cost::text from stock_balance where product_id = ?`, [productId]);
  const monthTotalsOf = (productId: string) =>
    sql<{ month: string; quantity: string; cost: string }>(`select month::text, quantity::text, cost::text from stock_month_total where product_id = ? order by month`, [productId]);

  it('posts 10 @ 100 and 10 @ 120 with VAT 22 % into lots, stock, the payable and the VAT book', async () => {
    // given a draft receipt of 10 pcs at 100 and 10 pcs at 120, VAT 22 %
    const p = await product('RC-1');
    const draft = await receive(p, [
      { quantity: '10', unitCost: '100', vatRate: '22' },
      { quantity: '10', unitCost: '120', vatRate: '22' },
    ]);
    // then the lines carry amounts 10 × 100 = 1000, 10 × 120 = 1200 and VAT 220, 264
    expect(draft.number).toMatch(/^RC-2026-\d{6}$/);
    expect(draft.lines.map((l) => [l.lineNo, l.quantity, l.unitCost, l.amount, l.vat])).toEqual([
      [1, '10', '100.00', '1000.00', '220.00'],
      [2, '10', '120.00', '1200.00', '264.00'],
    ]);
    expect(await balancesOf(p)).toEqual([]);

    // when it is posted
    const posted = (await admin.PostGoodsReceipt({ id: draft.id })).postGoodsReceipt;

    // then stock is 20 pcs worth 1000 + 1200 = 2200, average 2200 / 20 = 110
    expect(posted).toMatchObject({ status: 'POSTED' });
    expect(posted.postedAt).not.toBeNull();
    const { stockBalances } = await admin.StockBalances({ filter: { productId: p } });
    expect(stockBalances.total).toBe(1);
    expect(stockBalances.items[0]).toMatchObject({ warehouse: { code: 'W1' }, product: { sku: 'RC-1' }, onHand: '20', reserved: '0', available: '20', cost: '2200.00', averageUnitCost: '110.00' });
    // and two lots, 10 @ 100 and 10 @ 120, in line order
    const { lots } = await admin.Lots({ productId: p, warehouseId: warehouse });
    expect(lots.map((l) => [l.date, l.recorderLine, l.qtyIn, l.qtyRemaining, l.unitCost, l.valueRemaining, l.recorderId])).toEqual([
      ['2026-03-10', 1, '10', '10', '100.00', '1000.00', draft.id],
      ['2026-03-10', 2, '10', '10', '120.00', '1200.00', draft.id],
    ]);
    expect(BigInt(lots[0].sequence)).toBeLessThan(BigInt(lots[1].sequence));
    // and one movement per line, pointing at its lot
    const { goodsReceipt } = await admin.GoodsReceipt({ id: draft.id });
    expect(goodsReceipt?.movements.map((m) => [m.recorderLine, m.date, m.quantity, m.cost, m.recorderType, m.lotId])).toEqual([
      [1, '2026-03-10', '10', '1000.00', 'GoodsReceipt', lots[0].id],
      [2, '2026-03-10', '10', '1200.00', 'GoodsReceipt', lots[1].id],
    ]);
    // and the supplier is owed 2200 + 220 + 264 = 2684; the VAT book has 22 %: 2200 and 484
    const registers = await registersOf(draft.id);
    expect(registers.settlements).toEqual([{ supplier_id: supplier, date: '2026-03-10', amount: '2684.0000', recorder_line: 0 }]);
    expect(registers.vat).toEqual([{ supplier_id: supplier, date: '2026-03-10', rate: '22.00', amount: '2200.0000', vat: '484.0000', recorder_line: 1 }]);
    // and the month total of March is the same 20 pcs and 2200
    expect(await monthTotalsOf(p)).toEqual([{ month: '2026-03-01', quantity: '20.000', cost: '2200.0000' }]);

    // and as of the day before nothing was there; as of the day itself and later, all of it
    const asOf = async (date: string) => (await admin.StockBalances({ filter: { productId: p, asOf: date } })).stockBalances.items;
    expect(await asOf('2026-03-09')).toEqual([]);
    expect(await asOf('2026-03-10')).toMatchObject([{ onHand: '20', reserved: '0', cost: '2200.00', averageUnitCost: '110.00' }]);
    expect(await asOf('2026-05-01')).toMatchObject([{ onHand: '20', cost: '2200.00' }]);
    expect(await asOf('2026-02-28')).toEqual([]);
  });

  it('puts one VAT book row per rate and rounds amounts and VAT to kopecks', async () => {
    // given lines 3 × 33.333 = 99.999 → 100.00 (VAT 10 % = 10.00) and 1.5 × 10.01 = 15.015 → 15.02 (VAT 22 % of 15.02 = 3.3044 → 3.30), in kg
    const p = await product('RC-VAT', 'GOODS', kg);
    const draft = await receive(p, [
      { quantity: '3', unitCost: '33.333', vatRate: '10' },
      { quantity: '1.5', unitCost: '10.01', vatRate: '22' },
    ]);
    expect(draft.lines.map((l) => [l.amount, l.vat])).toEqual([
      ['100.00', '10.00'],
      ['15.02', '3.30'],
    ]);
    // when posted
    await admin.PostGoodsReceipt({ id: draft.id });
    // then the payable is 100 + 10 + 15.02 + 3.30 = 128.32 and there are two VAT rows
    const registers = await registersOf(draft.id);
    expect(registers.settlements.map((s) => (s as { amount: string }).amount)).toEqual(['128.3200']);
    expect(registers.vat.map((v) => { const r = v as { rate: string; amount: string; vat: string }; return [r.rate, r.amount, r.vat]; })).toEqual([
      ['10.00', '100.0000', '10.0000'],
      ['22.00', '15.0200', '3.3000'],
    ]);
    // and stock is 4.5 kg worth 115.02 (the lots are valued at their amounts)
    expect(await balancesOf(p)).toEqual([{ on_hand: '4.500', cost: '115.0200' }]);
  });

  it('unposting empties every register; reposting writes the same rows again', async () => {
    // given a posted receipt of 10 @ 100 and 10 @ 120
    const p = await product('RC-UNPOST');
    const draft = await receive(p, [
      { quantity: '10', unitCost: '100' },
      { quantity: '10', unitCost: '120' },
    ]);
    await admin.PostGoodsReceipt({ id: draft.id });
    const first = await registersOf(draft.id);
    expect(first.movements).toHaveLength(2);

    // when it is unposted
    const unposted = (await admin.UnpostGoodsReceipt({ id: draft.id })).unpostGoodsReceipt;

    // then it is a draft again with no register rows; the balance and month total are back to zero
    expect(unposted).toMatchObject({ status: 'DRAFT', postedAt: null });
    expect(await registersOf(draft.id)).toEqual({ movements: [], lots: [], settlements: [], vat: [] });
    expect(await balancesOf(p)).toEqual([{ on_hand: '0.000', cost: '0.0000' }]);
    expect(await monthTotalsOf(p)).toEqual([{ month: '2026-03-01', quantity: '0.000', cost: '0.0000' }]);
    expect((await admin.StockBalances({ filter: { productId: p, onlyNonZero: true } })).stockBalances.items).toEqual([]);
    expect((await admin.GoodsReceipt({ id: draft.id })).goodsReceipt?.movements).toEqual([]);
    await assertLedgerInvariants(app.orm);

    // and when it is posted again, every register holds the same rows as the first time
    await admin.PostGoodsReceipt({ id: draft.id });
    expect(await registersOf(draft.id)).toEqual(first);
    expect(await balancesOf(p)).toEqual([{ on_hand: '20.000', cost: '2200.0000' }]);
  });

  it('refuses to post twice, to edit or delete a posted receipt, and cancels with its rows', async () => {
    // given a posted receipt
    const p = await product('RC-STATE');
    const draft = await receive(p, [{ quantity: '1', unitCost: '5' }]);
    const posted = (await admin.PostGoodsReceipt({ id: draft.id })).postGoodsReceipt;

    // then posting again, editing and deleting it are INVALID_STATE, and nothing changed
    expect((await errorOf(admin.PostGoodsReceipt({ id: draft.id }))).code).toBe('INVALID_STATE');
    expect((await errorOf(admin.UpdateGoodsReceipt({ id: draft.id, input: { version: posted.version, comment: 'late' } }))).code).toBe('INVALID_STATE');
    expect((await errorOf(admin.DeleteGoodsReceipt({ id: draft.id }))).code).toBe('INVALID_STATE');
    expect(await balancesOf(p)).toEqual([{ on_hand: '1.000', cost: '5.0000' }]);

    // when it is cancelled, its rows go; cancelling again is INVALID_STATE, and unposting a cancelled one too
    expect((await admin.CancelGoodsReceipt({ id: draft.id })).cancelGoodsReceipt.status).toBe('CANCELLED');
    expect(await balancesOf(p)).toEqual([{ on_hand: '0.000', cost: '0.0000' }]);
    expect((await errorOf(admin.CancelGoodsReceipt({ id: draft.id }))).code).toBe('INVALID_STATE');
    expect((await errorOf(admin.UnpostGoodsReceipt({ id: draft.id }))).code).toBe('INVALID_STATE');
  });

  it('edits a draft (lines replace) and deletes a draft; lists with filters', async () => {
    // given a draft with one line
    const p = await product('RC-EDIT');
    const draft = await receive(p, [{ quantity: '1', unitCost: '5' }], '2026-04-02');
    // when its lines are replaced by two
    const updated = (await admin.UpdateGoodsReceipt({ id: draft.id, input: { version: draft.version, lines: [{ productId: p, quantity: '2', unitCost: '7.5' }, { productId: p, quantity: '3', unitCost: '1' }], comment: ' счёт 15 ' } })).updateGoodsReceipt;
    // then it has the new lines, numbered 1 and 2, with amounts 15 and 3 (VAT 22 % from the product: 3.30 and 0.66)
    expect(updated.lines.map((l) => [l.lineNo, l.quantity, l.amount, l.vatRate, l.vat])).toEqual([
      [1, '2', '15.00', '22', '3.30'],
      [2, '3', '3.00', '22', '0.66'],
    ]);
    expect(updated.comment).toBe('счёт 15');
    expect(updated.version).toBeGreaterThan(draft.version);
    // and a stale version is a CONFLICT
    expect((await errorOf(admin.UpdateGoodsReceipt({ id: draft.id, input: { version: draft.version, comment: 'x' } }))).code).toBe('CONFLICT');

    // and the list finds it by number, status, warehouse, supplier and dates
    const find = async (filter: NonNullable<Parameters<TradebookClient['GoodsReceipts']>[0]>['filter']) => (await admin.GoodsReceipts({ filter })).goodsReceipts.items.map((r) => r.id);
    expect(await find({ q: draft.number })).toEqual([draft.id]);
    expect(await find({ q: draft.number, status: 'POSTED' })).toEqual([]);
    expect(await find({ q: draft.number, status: 'DRAFT', warehouseId: warehouse, supplierId: supplier, dateFrom: '2026-04-02', dateTo: '2026-04-02' })).toEqual([draft.id]);
    expect(await find({ q: draft.number, dateFrom: '2026-04-03' })).toEqual([]);

    // when the draft is deleted, it is gone
    await admin.DeleteGoodsReceipt({ id: draft.id });
    expect((await admin.GoodsReceipt({ id: draft.id })).goodsReceipt).toBeNull();
  });

  it('names the field of a non-supplier counterparty, a service product and bad numbers', async () => {
    // given a client-only counterparty and a service
    const client = (await admin.CreateCounterparty({ input: { name: 'Только клиент', roles: ['CLIENT'] } })).createCounterparty.id;
    const service = await product('RC-SERVICE', 'SERVICE');
    const goods = await product('RC-GOODS');

    // when a receipt names the client as supplier, then supplierId is refused
    const bySupplier = await errorOf(admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId: warehouse, supplierId: client, lines: [{ productId: goods, quantity: '1', unitCost: '1' }] } }));
    expect(bySupplier.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bySupplier.fields)).toEqual(['supplierId']);

    // when a line holds a service, zero quantity, a negative cost or an unknown VAT rate, then each line field is named
    const byLines = await errorOf(
      admin.CreateGoodsReceipt({
        input: {
          date: '2026-03-10',
          warehouseId: warehouse,
          supplierId: supplier,
          lines: [
            { productId: service, quantity: '1', unitCost: '1' },
            { productId: goods, quantity: '0', unitCost: '-1', vatRate: '18' },
            { productId: goods, quantity: '1.0001', unitCost: '1' },
          ],
        },
      }),
    );
    expect(byLines.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(byLines.fields).sort()).toEqual(['lines.0.productId', 'lines.1.quantity', 'lines.1.unitCost', 'lines.1.vatRate', 'lines.2.quantity']);
    expect(byLines.fields['lines.0.productId']).toMatch(/RC-SERVICE is a SERVICE/);
    // and nothing was stored
    expect((await admin.GoodsReceipts({ filter: { supplierId: client } })).goodsReceipts.total).toBe(0);
  });

  it('refuses to unpost a receipt whose lots another document took from, naming that document', async () => {
    // given a posted receipt and a posted write-off taking 4 pcs from its lot
    const p = await product('RC-CONSUMED');
    const draft = await receive(p, [{ quantity: '10', unitCost: '100' }]);
    await admin.PostGoodsReceipt({ id: draft.id });
    const writeOff = (await admin.CreateWriteOff({ input: { date: '2026-03-11', warehouseId: warehouse, reason: 'DAMAGE', lines: [{ productId: p, quantity: '4' }] } })).createWriteOff;
    await admin.PostWriteOff({ id: writeOff.id });

    // when the receipt is unposted, then INVALID_STATE names the write-off by its number, and nothing changed
    const error = await errorOf(admin.UnpostGoodsReceipt({ id: draft.id }));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain(`Write-off ${writeOff.number}`);
    expect(error.details).toMatchObject({ reason: 'LOTS_CONSUMED', consumers: [{ recorderType: 'WriteOff', recorderId: writeOff.id, name: `Write-off ${writeOff.number}` }] });
    expect(await balancesOf(p)).toEqual([{ on_hand: '6.000', cost: '600.0000' }]);
    expect((await admin.GoodsReceipt({ id: draft.id })).goodsReceipt?.status).toBe('POSTED');

    // and once the write-off is unposted, the receipt can be too
    await admin.UnpostWriteOff({ id: writeOff.id });
    await admin.UnpostGoodsReceipt({ id: draft.id });
    expect(await balancesOf(p)).toEqual([{ on_hand: '0.000', cost: '0.0000' }]);
  });

  it('20 receipts of one product created and posted in parallel HTTP calls add up, with unique numbers', async () => {
    // given 20 receipts of 1..20 pcs at 10 each, created at once
    const p = await product('RC-PARALLEL');
    const drafts = await Promise.all(Array.from({ length: 20 }, (_, i) => receive(p, [{ quantity: String(i + 1), unitCost: '10' }])));
    expect(new Set(drafts.map((d) => d.number)).size).toBe(20);

    // when all are posted at once
    const posted = await Promise.all(drafts.map((d) => admin.PostGoodsReceipt({ id: d.id })));
    expect(posted.every((r) => r.postGoodsReceipt.status === 'POSTED')).toBe(true);

    // then stock is 1 + 2 + … + 20 = 210 pcs worth 2100, in 20 lots
    expect(await balancesOf(p)).toEqual([{ on_hand: '210.000', cost: '2100.0000' }]);
    expect(await monthTotalsOf(p)).toEqual([{ month: '2026-03-01', quantity: '210.000', cost: '2100.0000' }]);
    expect((await admin.Lots({ productId: p, warehouseId: warehouse })).lots).toHaveLength(20);
    const [{ count }] = await sql<{ count: string }>(`select count(*)::int as count from supplier_settlement s join goods_receipt r on r.id = s.recorder_id join goods_receipt_line l on l.goods_receipt_id = r.id where l.product_id = ?`, [p]);
    expect(Number(count)).toBe(20);
  });

  it('lets a warehouse keeper post receipts but hides cost from them; a sales manager may not read receipts', async () => {
    // given a receipt posted by the warehouse role
    const keeper = await app.as(Role.WAREHOUSE);
    const p = await product('RC-ROLES');
    const draft = (await keeper.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId: warehouse, supplierId: supplier, lines: [{ productId: p, quantity: '2', unitCost: '50' }] } })).createGoodsReceipt;
    await keeper.PostGoodsReceipt({ id: draft.id });
    // then the keeper sees the movements' quantities but not their cost
    const { goodsReceipt } = await keeper.GoodsReceipt({ id: draft.id });
    expect(goodsReceipt?.movements.map((m) => [m.quantity, m.cost])).toEqual([['2', null]]);
    // and a sales manager may not read receipts at all, a purchaser may post but not delete
    const manager = await app.as(Role.SALES_MANAGER);
    expect((await errorOf(manager.GoodsReceipts({}))).code).toBe('FORBIDDEN');
    const purchaser = await app.as(Role.PURCHASING);
    const other = (await purchaser.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId: warehouse, supplierId: supplier, lines: [{ productId: p, quantity: '1', unitCost: '1' }] } })).createGoodsReceipt;
    expect((await errorOf(purchaser.DeleteGoodsReceipt({ id: other.id }))).code).toBe('FORBIDDEN');
    await keeper.DeleteGoodsReceipt({ id: other.id });
  });

  it('announces STOCK_CHANGED for each warehouse × product after commit', async () => {
    // given a subscriber on the event bus of the server
    const p = await product('RC-EVENT');
    const draft = await receive(p, [{ quantity: '1', unitCost: '1' }, { quantity: '2', unitCost: '1' }]);
    const bus = await EventBus.start(app.databaseUrl, pino({ level: 'silent' }));
    try {
      const events = bus.subscribe<{ warehouseId: string; productId: string }>('STOCK_CHANGED', (e) => e.productId === p);
      // when the receipt is posted, then one event comes for its one warehouse × product
      await admin.PostGoodsReceipt({ id: draft.id });
      const first = await events.next();
      expect(first.value).toEqual({ warehouseId: warehouse, productId: p });
      await events.return?.();
    } finally {
      await bus.close();
    }
  });
});
