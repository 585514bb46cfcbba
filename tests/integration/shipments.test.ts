import type { TradebookClient } from '@tradebook/client';
import { errorOf, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Shipments through the API (issue 12 §3, §8), every figure worked out by hand.
 * Given (beforeAll): RETAIL (the default, VAT in the price, to the kopeck); DRILL (VAT 22) RETAIL 12000.00;
 *   two receipts of DRILL into W1: RC1 3 @ 8000.00 on 2026-01-10, RC2 4 @ 8500.00 on 2026-01-12 (FIFO: RC1's lot first).
 * The sales register, the settlements and the sales VAT book have no query of their own yet: they are read as rows.
 */
describe('shipments', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let drill: string;
  let rc2: string;

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    drill = await world.product('DRILL', '12000.00', '9000.00');
    const receive = async (date: string, quantity: string, unitCost: string) => {
      const receipt = (await admin.CreateGoodsReceipt({ input: { date, warehouseId: world.w1, supplierId: world.supplier, lines: [{ productId: drill, quantity, unitCost }] } })).createGoodsReceipt;
      await admin.PostGoodsReceipt({ id: receipt.id });
      return receipt.id;
    };
    await receive('2026-01-10', '3', '8000');
    rc2 = await receive('2026-01-12', '4', '8500');
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const rows = (sql: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(sql, params);
  const sales = (recorderId: string) =>
    rows(`select kind, quantity::text, revenue::text, vat::text, discount::text, cost::text, date::text, order_id from sales_register where recorder_id = ? order by recorder_line`, [recorderId]);
  const receivable = async (shipmentId: string) => (await rows(`select coalesce(sum(amount), 0)::text as amount from client_settlement where document_id = ?`, [shipmentId]))[0].amount;
  const stock = async (productId = drill) => {
    const [b] = (await admin.Availability({ productIds: [productId], warehouseIds: [world.w1] })).availability;
    return [b.onHand, b.reserved, b.available];
  };
  const control = async (orderId: string) =>
    (await manager.OrderShipping({ id: orderId })).order!.lines.map((l) => [l.product.sku, l.ordered, l.reserved, l.shipped, l.returned, l.remaining]);

  it('order → reserve → partial shipment → landed cost after the sale → return → unposted in reverse order', async () => {
    // given an order of "Розница" (RETAIL, VAT in the price): DRILL ×5 with 5 % off by hand, paid 14 days after shipment
    //   12000.00 − 5 % = 11400.00 × 5 = 57000.00; VAT 57000 × 22 / 122 = 10278.688… → 10278.69;
    //   discount without VAT: (60000.00 − 57000.00) × 100 / 122 = 2459.016… → 2459.02
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, promisedDate: world.daysFromToday(3), paymentTermsDays: 14, lines: [{ productId: drill, quantity: '5', manualDiscountPercent: '5' }] } })).createOrder;
    expect([order.lines[0].amount, order.lines[0].vat, order.lines[0].total]).toEqual(['57000.00', '10278.69', '57000.00']);
    await manager.ConfirmOrder({ id: order.id });
    // then 5 of the 7 are held for it
    expect(await stock()).toEqual(['7', '5', '2']);

    // when 4 of the 5 are shipped: the share of the line is 4/5
    //   total 57000.00 × 4/5 = 45600.00; VAT 10278.69 × 4/5 = 8222.952 → 8222.95; revenue 45600.00 − 8222.95 = 37377.05;
    //   discount 2459.02 × 4/5 = 1967.216 → 1967.22
    const draft = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: drill, quantity: '4' }] } })).createShipmentFromOrder;
    expect(draft.number).toMatch(new RegExp(`^SH-${world.today.slice(0, 4)}-\\d{6}$`));
    expect(draft).toMatchObject({ status: 'DRAFT', client: { name: 'Розница' }, warehouse: { code: 'W1' }, order: { id: order.id }, paymentTermsDays: 14, amount: '37377.05', vat: '8222.95', total: '45600.00' });
    expect(draft.lines.map((l) => [l.product.sku, l.quantity, l.unitPrice, l.amount, l.vatRate, l.vat, l.total, l.discount])).toEqual([['DRILL', '4', '11400.00', '37377.05', '22', '8222.95', '45600.00', '1967.22']]);
    const shipment = (await manager.PostShipment({ id: draft.id })).postShipment;
    expect(shipment.status).toBe('POSTED');

    // then FIFO cost: RC1's 3 @ 8000.00 = 24000.00 and 1 of RC2's @ 8500.00 → 32500.00; margin 37377.05 − 32500.00 = 4877.05
    expect(await sales(shipment.id)).toEqual([{ kind: 'SALE', quantity: '4.000', revenue: '37377.0500', vat: '8222.9500', discount: '1967.2200', cost: '32500.0000', date: world.today, order_id: order.id }]);
    // and the client owes 45600.00, due 14 days after the shipment
    expect(await rows(`select amount::text, due_date::text, document_type, order_id from client_settlement where recorder_id = ?`, [shipment.id])).toEqual([{ amount: '45600.0000', due_date: world.daysFromToday(14), document_type: 'Shipment', order_id: order.id }]);
    // and one sales VAT book row at 22 %
    expect(await rows(`select rate::text, amount::text, vat::text from sales_vat_book where recorder_id = ?`, [shipment.id])).toEqual([{ rate: '22.00', amount: '37377.0500', vat: '8222.9500' }]);
    // and the reservation went with the goods: 3 on hand, 1 still held for the order, 2 free
    expect(await stock()).toEqual(['3', '1', '2']);
    // and the order is partially shipped, with 1 left to ship and listed to ship
    expect((await manager.Order({ id: order.id })).order?.status).toBe('PARTIALLY_SHIPPED');
    expect(await control(order.id)).toEqual([['DRILL', '5', '1', '4', '0', '1']]);
    expect((await manager.OrdersToShip({ filter: { clientId: world.retailClient } })).ordersToShip.items.map((o) => o.number)).toContain(order.number);

    // when a landed cost of 333.33 is posted on RC2 after the sale, by quantity over its 4: 3 still in the lot, 1 sold
    //   33333 kopecks × 3/4 = 24999.75, × 1/4 = 8333.25 → 24999 + 8333, the kopeck left to the larger remainder (.75):
    //   the lot 250.00, the sold unit 83.33
    const landed = (await admin.CreateLandedCost({ input: { date: world.today, supplierId: world.supplier, description: 'Доставка', amount: '333.33', method: 'QUANTITY', goodsReceiptIds: [rc2] } })).createLandedCost;
    await admin.PostLandedCost({ id: landed.id });
    // then the sold share is a COGS adjustment of the sale, to the kopeck; margin 4877.05 − 83.33 = 4793.72
    expect(await sales(landed.id)).toEqual([{ kind: 'COST_ADJUSTMENT', quantity: '0.000', revenue: '0.0000', vat: '0.0000', discount: '0.0000', cost: '83.3300', date: world.today, order_id: order.id }]);

    // when 2 of the 4 come back, resaleable, into W1
    //   the parts return last-taken first: RC2's 1 @ 8500.00, then 1 of RC1's 3 (24000.00 × 1/3 = 8000.00) → 16500.00,
    //   and with RC2's unit the 83.33 the landed cost added to its cost → 16583.33
    //   the share of the shipment line, 2/4: total 22800.00; VAT 8222.95 / 2 = 4111.475 → 4111.48; revenue 18688.52; discount 1967.22 / 2 = 983.61
    const back = (await manager.CreateCustomerReturn({ input: { shipmentId: shipment.id, date: world.today, reason: 'Не подошли', lines: [{ shipmentLineNo: 1, quantity: '2', condition: 'RESALEABLE' }] } })).createCustomerReturn;
    expect(back.number).toMatch(/^RT-/);
    expect(back.lines.map((l) => [l.product.sku, l.quantity, l.amount, l.vat, l.total, l.discount])).toEqual([['DRILL', '2', '18688.52', '4111.48', '22800.00', '983.61']]);
    await manager.PostCustomerReturn({ id: back.id });
    // then the exact cost comes back, as new lots pointing at the lots they came from
    expect(await sales(back.id)).toEqual([{ kind: 'RETURN', quantity: '-2.000', revenue: '-18688.5200', vat: '-4111.4800', discount: '-983.6100', cost: '-16583.3300', date: world.today, order_id: order.id }]);
    const lots = await rows(`select l.qty_in::text as quantity, l.value_remaining::text as value, o.unit_cost::text as origin_cost from stock_lot l join stock_lot o on o.id = l.origin_lot_id where l.recorder_id = ? order by l.value_remaining`, [back.id]);
    expect(lots).toEqual([{ quantity: '1.000', value: '8000.0000', origin_cost: '8000.0000' }, { quantity: '1.000', value: '8583.3300', origin_cost: '8583.3333' }]);
    // and the receivable is 45600.00 − 22800.00 = 22800.00; the VAT book has the negative row
    expect(await receivable(shipment.id)).toBe('22800.0000');
    expect(await rows(`select rate::text, amount::text, vat::text from sales_vat_book where recorder_id = ?`, [back.id])).toEqual([{ rate: '22.00', amount: '-18688.5200', vat: '-4111.4800' }]);
    // and 5 on hand (1 still held), the line shows what came back, and the order still has 1 to ship
    expect(await stock()).toEqual(['5', '1', '4']);
    expect(await control(order.id)).toEqual([['DRILL', '5', '1', '4', '2', '1']]);
    // and over all: revenue 37377.05 − 18688.52 = 18688.53, cost 32500.00 + 83.33 − 16583.33 = 16000.00
    //   (the 2 still sold: 2 of RC1's 3 at 8000.00); margin 2688.53
    expect(await rows(`select sum(revenue)::text as revenue, sum(cost)::text as cost from sales_register where client_id = ?`, [world.retailClient])).toEqual([{ revenue: '18688.5300', cost: '16000.0000' }]);
    // and the landed cost stays posted while the return carries part of it
    expect((await errorOf(admin.UnpostLandedCost({ id: landed.id }))).details).toMatchObject({ reason: 'COST_ADJUSTED' });

    // when more comes back than was shipped and not returned (4 − 2 = 2 left), then BAD_USER_INPUT on the line's quantity
    const tooMuch = await errorOf(manager.CreateCustomerReturn({ input: { shipmentId: shipment.id, date: world.today, reason: 'x', lines: [{ shipmentLineNo: 1, quantity: '3', condition: 'RESALEABLE' }] } }));
    expect(tooMuch.code).toBe('BAD_USER_INPUT');
    expect(Object.keys((tooMuch.details as { fields: object }).fields)).toEqual(['lines.0.quantity']);

    // when the shipment is unposted while the return stands on it and the landed cost adjusted it, then INVALID_STATE
    expect((await errorOf(manager.UnpostShipment({ id: shipment.id }))).code).toBe('INVALID_STATE');

    // when unposted in reverse order: the return, the landed cost, the shipment
    await manager.UnpostCustomerReturn({ id: back.id });
    expect(await receivable(shipment.id)).toBe('45600.0000');
    expect(await stock()).toEqual(['3', '1', '2']);
    expect((await errorOf(manager.UnpostShipment({ id: shipment.id }))).details).toMatchObject({ reason: 'COST_ADJUSTED' });
    await admin.UnpostLandedCost({ id: landed.id });
    expect(await sales(landed.id)).toEqual([]);
    await manager.UnpostShipment({ id: shipment.id });
    // then everything is as it was after the confirmation: 7 on hand, 5 held for the order, nothing sold or owed
    expect(await stock()).toEqual(['7', '5', '2']);
    expect(await sales(shipment.id)).toEqual([]);
    expect(await receivable(shipment.id)).toBe('0');
    expect(await rows(`select count(*)::int as n from sales_vat_book where client_id = ?`, [world.retailClient])).toEqual([{ n: 0 }]);
    expect((await manager.Order({ id: order.id })).order?.status).toBe('CONFIRMED');
    expect(await control(order.id)).toEqual([['DRILL', '5', '5', '0', '0', '5']]);

    // when everything left is shipped (no lines given), then the order is SHIPPED and no longer to ship
    const all = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder;
    expect(all.lines.map((l) => [l.quantity, l.total, l.vat, l.discount])).toEqual([['5', '57000.00', '10278.69', '2459.02']]);
    await manager.PostShipment({ id: all.id });
    expect((await manager.Order({ id: order.id })).order?.status).toBe('SHIPPED');
    expect(await stock()).toEqual(['2', '0', '2']);
    expect((await manager.OrdersToShip({ filter: { clientId: world.retailClient } })).ordersToShip.items.map((o) => o.number)).not.toContain(order.number);
    // and the shipment is taken back for the next stories
    await manager.UnpostShipment({ id: all.id });
    await manager.CancelOrder({ id: order.id });
    expect(await stock()).toEqual(['7', '0', '7']);
  });

  it('cancelling a partially shipped order releases what it still holds; its shipment then stays', async () => {
    // given an order of 3 DRILL, confirmed (3 held), and 1 of it shipped (2 held)
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: drill, quantity: '3' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    const shipment = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: drill, quantity: '1' }] } })).createShipmentFromOrder;
    await manager.PostShipment({ id: shipment.id });
    expect(await stock()).toEqual(['6', '2', '4']);
    // when it is released and reserved again, then it holds what is left to ship, 2, not its 3
    await manager.ReleaseOrder({ id: order.id });
    expect(await stock()).toEqual(['6', '0', '6']);
    await manager.ReserveOrder({ id: order.id });
    expect(await stock()).toEqual(['6', '2', '4']);
    expect((await manager.Order({ id: order.id })).order?.status).toBe('PARTIALLY_SHIPPED');

    // when the order is cancelled, then the 2 it held are free and the shipped 1 stays shipped
    await manager.CancelOrder({ id: order.id });
    expect(await stock()).toEqual(['6', '0', '6']);
    expect(await control(order.id)).toEqual([['DRILL', '3', '0', '1', '0', '2']]);
    // and the shipment cannot be unposted: its reservation would come back to a cancelled order
    expect((await errorOf(manager.UnpostShipment({ id: shipment.id }))).code).toBe('INVALID_STATE');
    // and a cancelled order ships nothing more
    expect((await errorOf(manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } }))).code).toBe('INVALID_STATE');
  });

  it('refuses bad input on the field and writes nothing', async () => {
    // given a service, an inactive product, a draft order and a confirmed one of 2 BOLT
    const service = await world.product('SETUP', '500.00', '400.00', { kind: 'SERVICE' });
    const old = await world.product('OLD', '10.00', '9.00');
    await world.receive(world.w1, old, '5');
    const oldProduct = (await admin.Product({ id: old })).product!;
    await admin.UpdateProduct({ id: old, input: { version: oldProduct.version, active: false } });
    const bolt = await world.product('BOLT', '10.00', '7.37');
    await world.receive(world.w1, bolt, '10');
    const draftOrder = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: bolt, quantity: '2' }] } })).createOrder;
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: bolt, quantity: '2' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    const before = await rows('select count(*)::int as n from shipment');
    const fieldsOf = async (call: Promise<unknown>) => {
      const error = await errorOf(call);
      expect(error.code).toBe('BAD_USER_INPUT');
      return Object.keys((error.details as { fields: object }).fields);
    };

    // when a standalone shipment has a service line and an inactive product, then each is refused on its line
    expect(await fieldsOf(manager.CreateShipment({ input: { clientId: world.retailClient, warehouseId: world.w1, date: world.today, lines: [{ productId: service, quantity: '1', unitPrice: '500' }, { productId: old, quantity: '1', unitPrice: '10' }, { productId: bolt, quantity: '1', unitPrice: '-1' }] } }))).toEqual(['lines.0.productId', 'lines.1.productId', 'lines.2.unitPrice']);
    // when more than the order line has left is shipped, then on the quantity
    expect(await fieldsOf(manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: bolt, quantity: '3' }] } }))).toEqual(['lines.0.quantity']);
    // when a product not on the order is named, then on the product
    expect(await fieldsOf(manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: old, quantity: '1' }] } }))).toEqual(['lines.0.productId']);
    // when the order is a draft, then INVALID_STATE
    expect((await errorOf(manager.CreateShipmentFromOrder({ input: { orderId: draftOrder.id, date: world.today } }))).code).toBe('INVALID_STATE');
    // and nothing was written
    expect(await rows('select count(*)::int as n from shipment')).toEqual(before);

    // when one draft ships 1 and another all 2, and the first is posted, then the second is refused on posting, whole
    const first = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: bolt, quantity: '1' }] } })).createShipmentFromOrder;
    const second = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder;
    await manager.PostShipment({ id: first.id });
    expect(await fieldsOf(manager.PostShipment({ id: second.id }))).toEqual(['lines.0.quantity']);
    expect((await manager.Shipment({ id: second.id })).shipment?.status).toBe('DRAFT');
    expect(await sales(second.id)).toEqual([]);
    // and the shipments list filters by order and status
    expect((await manager.Shipments({ filter: { orderId: order.id, status: 'POSTED' } })).shipments.items.map((s) => s.id)).toEqual([first.id]);
    await manager.DeleteShipment({ id: second.id });
    await manager.UnpostShipment({ id: first.id });
    await manager.CancelOrder({ id: order.id });
  });

  it('a standalone shipment prices its own lines with VAT on top', async () => {
    // given BOX (VAT 10) with 10 at W1 at 3.00
    const box = await world.product('BOX', '5.00', '4.00', { vatRate: '10' });
    await world.receive(world.w1, box, '10', '3');
    // when 3 are shipped at 4.55 without VAT: 13.65; VAT 10 % 1.365 → 1.37; total 15.02
    const doc = (await manager.CreateShipment({ input: { clientId: world.wholesaleClient, warehouseId: world.w1, date: world.today, paymentTermsDays: 7, lines: [{ productId: box, quantity: '3', unitPrice: '4.55' }] } })).createShipment;
    expect([doc.amount, doc.vat, doc.total, doc.order]).toEqual(['13.65', '1.37', '15.02', null]);
    await manager.PostShipment({ id: doc.id });
    // then sold at cost 9.00, owed 15.02 in 7 days
    expect(await sales(doc.id)).toEqual([{ kind: 'SALE', quantity: '3.000', revenue: '13.6500', vat: '1.3700', discount: '0.0000', cost: '9.0000', date: world.today, order_id: null }]);
    expect(await rows(`select amount::text, due_date::text from client_settlement where recorder_id = ?`, [doc.id])).toEqual([{ amount: '15.0200', due_date: world.daysFromToday(7) }]);
  });
  it('lists the orders to ship, overdue first, with shipment control per line in the same statements at any page size', async () => {
    // given 3 orders of "Оптовик" for 1 DRILL and 1 NUT each, promised in 5, 2 and 9 days; each has shipped its DRILL
    const nut = await world.product('NUT', '2.00', '1.50');
    await world.receive(world.w1, nut, '10');
    const numbers: string[] = [];
    for (const days of [5, 2, 9]) {
      const order = (await manager.CreateOrder({ input: { clientId: world.wholesaleClient, date: world.today, warehouseId: world.w1, promisedDate: world.daysFromToday(days), lines: [{ productId: drill, quantity: '1' }, { productId: nut, quantity: '1' }] } })).createOrder;
      await manager.ConfirmOrder({ id: order.id });
      const shipment = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: drill, quantity: '1' }] } })).createShipmentFromOrder;
      await manager.PostShipment({ id: shipment.id });
      numbers.push(order.number);
    }
    const filter = { clientId: world.wholesaleClient };
    await manager.OrdersToShipLines({ filter, perPage: 1 }); // warm up
    let all: Awaited<ReturnType<typeof manager.OrdersToShipLines>> | undefined;
    const one = await app.countStatements(() => manager.OrdersToShipLines({ filter, perPage: 1 }));
    const three = await app.countStatements(async () => {
      all = await manager.OrdersToShipLines({ filter, perPage: 3 });
    });
    // then the earliest promised date comes first: in 2, 5 and 9 days
    expect(all!.ordersToShip.items.map((o) => o.number)).toEqual([numbers[1], numbers[0], numbers[2]]);
    // and each shows its DRILL shipped and its NUT still to ship
    expect(all!.ordersToShip.items[0].lines.map((l) => [l.product.sku, l.ordered, l.reserved, l.shipped, l.returned, l.remaining])).toEqual([
      ['DRILL', '1', '0', '1', '0', '0'],
      ['NUT', '1', '1', '0', '0', '1'],
    ]);
    // and three orders cost the statements of one
    expect(three).toBe(one);
  });

  it('shipping all of a line from one warehouse releases what the order held for it in another', async () => {
    // given SPLIT: 2 at W1 and 3 at W2, W2 next in the reservation priority; an order of 5 from W1 holds 2 at W1 and 3 at W2
    const split = await world.product('SPLIT', '10.00', '9.00');
    await world.receive(world.w1, split, '2');
    await world.receive(world.w2, split, '3');
    await admin.UpdateSalesSettings({ input: { reservationPriority: [world.w2] } });
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: split, quantity: '5' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    const at = async () => (await admin.Availability({ productIds: [split], warehouseIds: [world.w1, world.w2] })).availability.map((a) => [a.warehouse.code, a.onHand, a.reserved]);
    expect(await at()).toEqual([['W1', '2', '2'], ['W2', '3', '3']]);
    // and 3 more come into W1
    await world.receive(world.w1, split, '3');

    // when all 5 are shipped from W1: its 2 held go with the goods, 3 more from free stock
    const shipment = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder;
    await manager.PostShipment({ id: shipment.id });
    // then nothing is left to ship, so the 3 held at W2 are released too
    expect(await at()).toEqual([['W1', '0', '0'], ['W2', '3', '0']]);
    expect(await control(order.id)).toEqual([['SPLIT', '5', '0', '5', '0', '0']]);

    // when it is unposted, then the order holds what it held before
    await manager.UnpostShipment({ id: shipment.id });
    expect(await at()).toEqual([['W1', '5', '2'], ['W2', '3', '3']]);
    await manager.CancelOrder({ id: order.id });
    await admin.UpdateSalesSettings({ input: { reservationPriority: [] } });
  });

  it('a draft is edited: an order shipment takes order lines, a standalone one priced lines', async () => {
    // given BOLT2 (VAT 22): 10 at W1; an order of "Оптовик" (WHOLESALE, VAT on top) for 4 at 7.37: 29.48, VAT 6.4856 → 6.49, total 35.97
    const bolt = await world.product('BOLT2', '10.00', '7.37');
    await world.receive(world.w1, bolt, '10');
    const order = (await manager.CreateOrder({ input: { clientId: world.wholesaleClient, date: world.today, warehouseId: world.w1, lines: [{ productId: bolt, quantity: '4' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    const draft = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: bolt, quantity: '1' }] } })).createShipmentFromOrder;
    // 1 of 4: total 35.97 / 4 = 8.9925 → 8.99, VAT 6.49 / 4 = 1.6225 → 1.62, revenue 7.37
    expect([draft.amount, draft.vat, draft.total]).toEqual(['7.37', '1.62', '8.99']);

    // when it is edited to 3 of 4: total 26.9775 → 26.98, VAT 4.8675 → 4.87, revenue 22.11
    const edited = (await manager.UpdateShipment({ id: draft.id, input: { version: draft.version, orderLines: [{ orderLineId: order.lines[0].id, quantity: '3' }] } })).updateShipment;
    expect([edited.amount, edited.vat, edited.total, edited.lines[0].quantity]).toEqual(['22.11', '4.87', '26.98', '3']);
    // when priced lines are sent for it, or more than the order has, then BAD_USER_INPUT on the field
    const wrong = await errorOf(manager.UpdateShipment({ id: draft.id, input: { version: edited.version, lines: [{ productId: bolt, quantity: '1', unitPrice: '1' }] } }));
    expect(Object.keys((wrong.details as { fields: object }).fields)).toEqual(['lines']);
    const over = await errorOf(manager.UpdateShipment({ id: draft.id, input: { version: edited.version, orderLines: [{ productId: bolt, quantity: '5' }] } }));
    expect(Object.keys((over.details as { fields: object }).fields)).toEqual(['orderLines.0.quantity']);
    // when an old version is sent, then CONFLICT
    expect((await errorOf(manager.UpdateShipment({ id: draft.id, input: { version: draft.version, comment: 'x' } }))).code).toBe('CONFLICT');

    // when it is posted, then it is no longer a draft to edit
    await manager.PostShipment({ id: draft.id });
    expect((await errorOf(manager.UpdateShipment({ id: draft.id, input: { version: edited.version + 1, comment: 'x' } }))).code).toBe('INVALID_STATE');
    await manager.UnpostShipment({ id: draft.id });
    await manager.CancelOrder({ id: order.id });
  });

  // last: a discount rule applies to every later quote of the file
  it("the quote's purchase history reads the sales register", async () => {
    // given what the stories above left sold: to "Розница" the 1 DRILL of the cancelled order, 11400.00 − VAT 2055.74 = 9344.26
    //   without VAT; to "Оптовик" 3 BOX, 13.65, and 3 DRILL at 9000.00, 27013.65; to a new client nothing;
    //   and a rule: 3 % off for 5000.00 bought over the last 30 days
    await admin.CreateDiscountRule({ input: { name: 'Постоянный клиент', kind: 'PURCHASE_HISTORY', activeFrom: '2026-01-01', days: 30, tiers: [{ threshold: '5000.00', percent: '3' }] } });
    const quote = async (clientId: string) => (await manager.Quote({ input: { clientId, date: world.today, lines: [{ productId: drill, quantity: '1' }] } })).quote.lines[0];
    // when "Розница" is quoted DRILL, then 12000.00 − 3 % = 11640.00
    expect([(await quote(world.retailClient)).finalUnitPrice, (await quote(world.retailClient)).appliedRules.map((r) => r.name)]).toEqual(['11640.00', ['Постоянный клиент']]);
    // when "Оптовик" is, then 9000.00 − 3 % = 8730.00
    expect((await quote(world.wholesaleClient)).finalUnitPrice).toBe('8730.00');
    // when a client who bought nothing is, then no tier is reached: 12000.00
    const fresh = (await manager.CreateCounterparty({ input: { name: 'Новый клиент' } })).createCounterparty.id;
    expect((await quote(fresh)).finalUnitPrice).toBe('12000.00');
  });

  it('closing a partially shipped order releases the rest for good; a shipped one closes as it is; an unshipped one is cancelled instead', async () => {
    // given 2 more drills in stock, and an order of 2 confirmed with 1 of it shipped (1 still held)
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-01-20', warehouseId: world.w1, supplierId: world.supplier, lines: [{ productId: drill, quantity: '2', unitCost: '9000' }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
    const [onHand, reserved] = (await stock()).map(Number);
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: drill, quantity: '2' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    const shipment = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: drill, quantity: '1' }] } })).createShipmentFromOrder;
    await manager.PostShipment({ id: shipment.id });
    expect((await stock()).map(Number)).toEqual([onHand - 1, reserved + 1, onHand - 1 - reserved - 1]);

    // when it is closed, then the 1 it held is free again and nothing waits
    expect((await manager.CloseOrder({ id: order.id })).closeOrder.status).toBe('CLOSED');
    expect((await stock()).map(Number)).toEqual([onHand - 1, reserved, onHand - 1 - reserved]);
    expect(await control(order.id)).toEqual([['DRILL', '2', '0', '1', '0', '1']]);
    // and it ships nothing more, its shipment stays, and it is not closed twice
    expect((await errorOf(manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } }))).code).toBe('INVALID_STATE');
    expect((await errorOf(manager.UnpostShipment({ id: shipment.id }))).code).toBe('INVALID_STATE');
    expect((await errorOf(manager.CloseOrder({ id: order.id }))).code).toBe('INVALID_STATE');

    // when an order ships in full, it closes as it is; a confirmed one that shipped nothing is refused
    const whole = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: drill, quantity: '1' }] } })).createOrder;
    await manager.ConfirmOrder({ id: whole.id });
    await manager.PostShipment({ id: (await manager.CreateShipmentFromOrder({ input: { orderId: whole.id, date: world.today } })).createShipmentFromOrder.id });
    expect((await manager.CloseOrder({ id: whole.id })).closeOrder.status).toBe('CLOSED');
    const unshipped = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: drill, quantity: '1' }] } })).createOrder;
    await manager.ConfirmOrder({ id: unshipped.id });
    expect((await errorOf(manager.CloseOrder({ id: unshipped.id }))).message).toMatch(/cancel it instead/);
    await manager.CancelOrder({ id: unshipped.id });
  });
});
