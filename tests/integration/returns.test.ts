import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Customer returns through the API (issue 12 §7), every figure worked out by hand.
 * Given (beforeAll): GLUE (VAT 22) received into W1 3 @ 10.005 on 2026-01-10: one lot worth round2(30.015) = 30.02;
 *   a standalone shipment to "Оптовик" of the 3 at 33.33 without VAT: 99.99, VAT 22 % 21.9978 → 22.00, total 121.99, at cost 30.02.
 * The sales register, the settlements and the VAT book have no query of their own yet: they are read as rows.
 */
describe('customer returns', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let glue: string;
  let shipment: string;

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    glue = await world.product('GLUE', '50.00', '40.00');
    await world.receive(world.w1, glue, '3', '10.005');
    const doc = (await manager.CreateShipment({ input: { clientId: world.wholesaleClient, warehouseId: world.w1, date: world.today, lines: [{ productId: glue, quantity: '3', unitPrice: '33.33' }] } })).createShipment;
    expect([doc.amount, doc.vat, doc.total]).toEqual(['99.99', '22.00', '121.99']);
    shipment = (await manager.PostShipment({ id: doc.id })).postShipment.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const rows = (sql: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(sql, params);
  const returnOne = async (condition: 'RESALEABLE' | 'DEFECTIVE' = 'RESALEABLE', warehouseId = world.w1) => {
    const draft = (await manager.CreateCustomerReturn({ input: { shipmentId: shipment, warehouseId, date: world.today, reason: 'Брак упаковки', lines: [{ shipmentLineNo: 1, quantity: '1', condition }] } })).createCustomerReturn;
    return (await manager.PostCustomerReturn({ id: draft.id })).postCustomerReturn;
  };
  const saleOf = (recorderId: string) => rows(`select revenue::text, vat::text, cost::text from sales_register where recorder_id = ?`, [recorderId]);

  it('returning a line a third at a time gives back exactly its revenue, VAT, receivable and cost', async () => {
    // when the 3 come back one by one, each a cumulative third of the line (round2(X × k/3) − round2(X × (k−1)/3)):
    //   total 121.99: 40.66, 81.33 − 40.66 = 40.67, 121.99 − 81.33 = 40.66; VAT 22.00: 7.33, 14.67 − 7.33 = 7.34, 7.33;
    //   revenue 33.33 each; cost 30.02: 10.01, 20.01 − 10.01 = 10.00, 30.02 − 20.01 = 10.01
    const returns = [await returnOne(), await returnOne(), await returnOne()];
    expect(returns.map((r) => [r.total, r.vat, r.amount])).toEqual([['40.66', '7.33', '33.33'], ['40.67', '7.34', '33.33'], ['40.66', '7.33', '33.33']]);
    expect(await Promise.all(returns.map((r) => saleOf(r.id)))).toEqual([
      [{ revenue: '-33.3300', vat: '-7.3300', cost: '-10.0100' }],
      [{ revenue: '-33.3300', vat: '-7.3400', cost: '-10.0000' }],
      [{ revenue: '-33.3300', vat: '-7.3300', cost: '-10.0100' }],
    ]);
    // then the sale nets to nothing and the client owes nothing for it
    expect(await rows(`select sum(quantity)::text as q, sum(revenue)::text as revenue, sum(vat)::text as vat, sum(cost)::text as cost from sales_register where client_id = ?`, [world.wholesaleClient])).toEqual([{ q: '0.000', revenue: '0.0000', vat: '0.0000', cost: '0.0000' }]);
    expect(await rows(`select sum(amount)::text as amount from client_settlement where document_id = ?`, [shipment])).toEqual([{ amount: '0.0000' }]);
    expect(await rows(`select sum(amount)::text as amount, sum(vat)::text as vat from sales_vat_book where client_id = ?`, [world.wholesaleClient])).toEqual([{ amount: '0.0000', vat: '0.0000' }]);
    // and the goods are back as three lots of the return's cost, each pointing at the receipt's lot
    expect(await rows(`select l.qty_in::text as q, l.value_remaining::text as value, o.recorder_type from stock_lot l join stock_lot o on o.id = l.origin_lot_id where l.recorder_type = 'CustomerReturn' order by l.sequence`)).toEqual([
      { q: '1.000', value: '10.0100', recorder_type: 'GoodsReceipt' },
      { q: '1.000', value: '10.0000', recorder_type: 'GoodsReceipt' },
      { q: '1.000', value: '10.0100', recorder_type: 'GoodsReceipt' },
    ]);

    // when a fourth comes back, then BAD_USER_INPUT on the quantity: nothing is left to return
    const more = await errorOf(manager.CreateCustomerReturn({ input: { shipmentId: shipment, date: world.today, reason: 'x', lines: [{ shipmentLineNo: 1, quantity: '1', condition: 'RESALEABLE' }] } }));
    expect(more.code).toBe('BAD_USER_INPUT');
    expect((more.details as { fields: Record<string, string> }).fields).toEqual({ 'lines.0.quantity': 'line 1: only 0 of the 3 shipped can still come back' });
    // and the shipment line shows all 3 back
    expect((await manager.Shipment({ id: shipment })).shipment?.lines.map((l) => [l.quantity, l.returned])).toEqual([['3', '3']]);
    // and the list of the shipment's returns shows the three
    expect((await manager.CustomerReturns({ filter: { shipmentId: shipment, status: 'POSTED' } })).customerReturns.total).toBe(3);

    // when they are unposted (latest first), then the shipment is owed in full again
    for (const r of [...returns].reverse()) await manager.UnpostCustomerReturn({ id: r.id });
    expect(await rows(`select sum(amount)::text as amount from client_settlement where document_id = ?`, [shipment])).toEqual([{ amount: '121.9900' }]);
  });

  it('defective goods come back into the chosen warehouse and straight into a write-off draft', async () => {
    // when 1 comes back DEFECTIVE into W2
    const back = await returnOne('DEFECTIVE', world.w2);
    // then W2 holds it (at 10.01, the cost of the first third) and a write-off draft of it waits there
    const [w2] = (await admin.Availability({ productIds: [glue], warehouseIds: [world.w2] })).availability;
    expect([w2.onHand, w2.available]).toEqual(['1', '1']);
    expect(back.writeOffId).toEqual(expect.any(String));
    const writeOff = (await admin.WriteOff({ id: back.writeOffId! })).writeOff!;
    expect([writeOff.status, writeOff.reason, writeOff.warehouse.code, writeOff.lines.map((l) => [l.product.sku, l.quantity])]).toEqual(['DRAFT', 'DAMAGE', 'W2', [['GLUE', '1']]]);

    // when the write-off is posted, then the return cannot be unposted
    await admin.PostWriteOff({ id: writeOff.id });
    expect((await errorOf(manager.UnpostCustomerReturn({ id: back.id }))).code).toBe('INVALID_STATE');
    // when the write-off is unposted again, then unposting the return deletes its draft too
    await admin.UnpostWriteOff({ id: writeOff.id });
    const unposted = (await manager.UnpostCustomerReturn({ id: back.id })).unpostCustomerReturn;
    expect(unposted.writeOffId).toBeNull();
    expect((await admin.WriteOff({ id: writeOff.id })).writeOff).toBeNull();
  });

  it('only a posted shipment the user may see takes returns', async () => {
    // given a draft shipment
    const draft = (await manager.CreateShipment({ input: { clientId: world.wholesaleClient, warehouseId: world.w1, date: world.today, lines: [{ productId: glue, quantity: '1', unitPrice: '1' }] } })).createShipment;
    // when a return is made from it, then INVALID_STATE
    expect((await errorOf(manager.CreateCustomerReturn({ input: { shipmentId: draft.id, date: world.today, reason: 'x', lines: [{ shipmentLineNo: 1, quantity: '1', condition: 'RESALEABLE' }] } }))).code).toBe('INVALID_STATE');
    // when a line the shipment does not have is named, then on that line
    const missing = await errorOf(manager.CreateCustomerReturn({ input: { shipmentId: shipment, date: world.today, reason: 'x', lines: [{ shipmentLineNo: 2, quantity: '1', condition: 'RESALEABLE' }] } }));
    expect(Object.keys((missing.details as { fields: object }).fields)).toEqual(['lines.0.shipmentLineNo']);
    // when a partner of another client looks, then the shipment is not there for it: null, absent from lists
    const partner = await app.as(Role.PARTNER);
    expect((await partner.Shipment({ id: shipment })).shipment).toBeNull();
    expect((await partner.Shipments({})).shipments.items.map((s) => s.id)).not.toContain(shipment);
    // and it may not return or ship anything (read only)
    expect((await errorOf(partner.CreateCustomerReturn({ input: { shipmentId: shipment, date: world.today, reason: 'x', lines: [{ shipmentLineNo: 1, quantity: '1', condition: 'RESALEABLE' }] } }))).code).toBe('FORBIDDEN');
    await manager.DeleteShipment({ id: draft.id });
  });

  it('a shipment cannot be unposted while a return stands on it', async () => {
    const back = await returnOne();
    const refused = await errorOf(manager.UnpostShipment({ id: shipment }));
    expect([refused.code, (refused.details as { reason: string }).reason]).toEqual(['INVALID_STATE', 'RETURNED']);
    await manager.UnpostCustomerReturn({ id: back.id });
  });
  it('a landed cost posted after a return follows the returned goods into their lot', async () => {
    // given 1 of the 3 back (a lot of 1 at 10.01, the first third's cost)
    const back = await returnOne();
    const receipt = (await admin.GoodsReceipts({ filter: { supplierId: world.supplier } })).goodsReceipts.items[0].id;
    // when a landed cost of 3.00 is posted on the receipt, by quantity: its lot is empty, the shipment took all 3;
    //   of those 2 stay sold and 1 is back in the return's lot: 2.00 a COGS adjustment, 1.00 raises that lot
    const landed = (await admin.CreateLandedCost({ input: { date: world.today, supplierId: world.supplier, description: 'Доставка', amount: '3.00', method: 'QUANTITY', goodsReceiptIds: [receipt] } })).createLandedCost;
    await admin.PostLandedCost({ id: landed.id });
    expect(await rows(`select kind, cost::text from sales_register where recorder_id = ?`, [landed.id])).toEqual([{ kind: 'COST_ADJUSTMENT', cost: '2.0000' }]);
    expect(await rows(`select value_remaining::text as value from stock_lot where recorder_id = ?`, [back.id])).toEqual([{ value: '11.0100' }]);
    // and the return stays posted until the landed cost is unposted
    expect((await errorOf(manager.UnpostCustomerReturn({ id: back.id }))).code).toBe('INVALID_STATE');
    await admin.UnpostLandedCost({ id: landed.id });
    expect(await rows(`select value_remaining::text as value from stock_lot where recorder_id = ?`, [back.id])).toEqual([{ value: '10.0100' }]);
    await manager.UnpostCustomerReturn({ id: back.id });
  });
});
