import type { OrderLineInput, TradebookClient } from '@tradebook/client';
import { demoEmail, errorOf, rawRequest, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { holdBalanceLock } from '../support/row-lock';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Customer orders through the API (issue 12, first slice), every figure worked out by hand.
 * Given (beforeAll): RETAIL (the default, VAT in the price) and WHOLESALE (VAT on top), both to the kopeck;
 *   DRILL (VAT 22) RETAIL 12000.00 / WHOLESALE 9000.00, BOLT (22) 10.00 / 7.37, BOOK (10) 333.33 / 250.00;
 *   a rule "от 10 штук" −8 % from 10 pieces; the demo manager's clients "Розница" (RETAIL) and "Оптовик" (WHOLESALE).
 */
describe('customer orders', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  const p: Record<string, string> = {};

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    p.DRILL = await world.product('DRILL', '12000.00', '9000.00');
    p.BOLT = await world.product('BOLT', '10.00', '7.37');
    p.BOOK = await world.product('BOOK', '333.33', '250.00', { vatRate: '10' });
    await admin.CreateDiscountRule({ input: { name: 'от 10 штук', kind: 'QUANTITY_BREAK', activeFrom: '2026-01-01', breaks: [{ minQuantity: '10', percent: '8' }] } });
    await world.receive(world.w1, p.DRILL, '5', '8000');
    await world.receive(world.w1, p.BOLT, '100', '2');
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const line = (sku: string, quantity: string, manualDiscountPercent?: string): OrderLineInput => ({ productId: p[sku], quantity, manualDiscountPercent });
  const draft = async (client: TradebookClient, lines: OrderLineInput[], more: Partial<Parameters<TradebookClient['CreateOrder']>[0]['input']> = {}) =>
    (await client.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines, ...more } })).createOrder;
  const availability = async (productId: string, warehouseIds = [world.w1]) =>
    (await admin.Availability({ productIds: [productId], warehouseIds })).availability.map((a) => [a.warehouse.code, a.onHand, a.reserved, a.available, a.backordered]);

  it('prices a draft through quote and keeps the breakdown on each line, totals to the kopeck', async () => {
    // when the manager drafts for "Розница": DRILL ×2 with 5 % off by hand, BOLT ×10 (the 8 % break), BOOK ×3
    const order = await draft(manager, [line('DRILL', '2', '5'), line('BOLT', '10'), line('BOOK', '3')], { promisedDate: world.daysFromToday(7), paymentTermsDays: 14 });

    // then a draft numbered OR-<year>-NNNNNN, managed by the client's owner, at the client's price type
    expect(order.number).toMatch(new RegExp(`^OR-${world.today.slice(0, 4)}-\\d{6}$`));
    expect(order).toMatchObject({ status: 'DRAFT', client: { name: 'Розница' }, manager: { name: expect.any(String) }, priceType: { code: 'RETAIL' }, paymentTermsDays: 14, promisedDate: world.daysFromToday(7), contractId: null });
    expect(order.manager?.id).toBe((await manager.Me()).me.id);
    expect(order.lines.map((l) => [l.product.sku, l.quantity, l.basePrice, l.appliedRules.map((r) => [r.name, r.percent, r.amount]), l.manualDiscount, l.finalUnitPrice, l.amount, l.vatRate, l.vat, l.total])).toEqual([
      // DRILL: 12000.00 − 5 % = 11400.00 × 2 = 22800.00, 1200.00 off; VAT in the price 22800 × 22 / 122 = 4111.475… → 4111.48
      ['DRILL', '2', '12000.00', [], { percent: '5', amount: '1200.00' }, '11400.00', '22800.00', '22', '4111.48', '22800.00'],
      // BOLT: 10.00 − 8 % = 9.20 × 10 = 92.00, the rule took 8.00; VAT 92 × 22 / 122 = 16.590… → 16.59
      ['BOLT', '10', '10.00', [['от 10 штук', '8', '8.00']], { percent: '0', amount: '0.00' }, '9.20', '92.00', '22', '16.59', '92.00'],
      // BOOK: 333.33 × 3 = 999.99; VAT 10 %: 999.99 × 10 / 110 = 90.908… → 90.91
      ['BOOK', '3', '333.33', [], { percent: '0', amount: '0.00' }, '333.33', '999.99', '10', '90.91', '999.99'],
    ]);
    // and the totals: 22800.00 + 92.00 + 999.99 = 23891.99; VAT 4111.48 + 16.59 + 90.91 = 4218.98; VAT is in the price
    expect([order.amount, order.vat, order.total]).toEqual(['23891.99', '4218.98', '23891.99']);

    // when the wholesale client orders BOLT ×7: 7.37 × 7 = 51.59, VAT on top 51.59 × 0.22 = 11.3498 → 11.35, total 62.94
    const wholesale = await draft(manager, [line('BOLT', '7')], { clientId: world.wholesaleClient });
    expect(wholesale.priceType.code).toBe('WHOLESALE');
    expect(wholesale.lines.map((l) => [l.finalUnitPrice, l.amount, l.vat, l.total])).toEqual([['7.37', '51.59', '11.35', '62.94']]);
    expect([wholesale.amount, wholesale.vat, wholesale.total]).toEqual(['51.59', '11.35', '62.94']);

    // when the draft's BOLT goes to 9 (under the break), then it is re-priced: 10.00 × 9 = 90.00, VAT 90 × 22 / 122 = 16.229… → 16.23
    const edited = (await manager.UpdateOrder({ id: order.id, input: { version: order.version, lines: [line('DRILL', '2', '5'), line('BOLT', '9'), line('BOOK', '3')] } })).updateOrder;
    expect(edited.lines[1]).toMatchObject({ appliedRules: [], finalUnitPrice: '10.00', amount: '90.00', vat: '16.23' });
    // 22800.00 + 90.00 + 999.99 = 23889.99; VAT 4111.48 + 16.23 + 90.91 = 4218.62
    expect([edited.amount, edited.vat, edited.total]).toEqual(['23889.99', '4218.62', '23889.99']);
    await manager.DeleteOrder({ id: order.id });
    await manager.DeleteOrder({ id: wholesale.id });
  });

  it('confirming reserves every line, availability shows it, and cancelling releases it', async () => {
    // given W1: DRILL 5, BOLT 100 on hand
    const order = await draft(manager, [line('DRILL', '2'), line('BOLT', '30')]);

    // when confirmed
    const confirmed = (await manager.ConfirmOrder({ id: order.id })).confirmOrder;

    // then each line holds its quantity at W1 and nothing waits
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.lines.map((l) => [l.product.sku, l.reserved, l.backordered, l.reservations.map((r) => [r.warehouse.code, r.quantity])])).toEqual([
      ['DRILL', '2', '0', [['W1', '2']]],
      ['BOLT', '30', '0', [['W1', '30']]],
    ]);
    // and W1 has DRILL 5 on hand, 2 reserved, 3 available; BOLT 100, 30, 70
    expect(await availability(p.DRILL)).toEqual([['W1', '5', '2', '3', '0']]);
    expect(await availability(p.BOLT)).toEqual([['W1', '100', '30', '70', '0']]);
    // and the prices are frozen: a new RETAIL price does not touch the confirmed order
    const list = (await admin.CreatePriceList({ input: { priceTypeId: world.retail, date: world.today, lines: [{ productId: p.DRILL, price: '13000.00' }] } })).createPriceList;
    await admin.PostPriceList({ id: list.id });
    expect((await manager.Order({ id: order.id })).order?.lines[0]).toMatchObject({ finalUnitPrice: '12000.00', amount: '24000.00' });

    // and a write-off may not take what the order holds: 4 of DRILL is more than the 3 free
    const writeOff = (await admin.CreateWriteOff({ input: { date: world.today, warehouseId: world.w1, reason: 'DAMAGE', lines: [{ productId: p.DRILL, quantity: '4' }] } })).createWriteOff;
    expect((await errorOf(admin.PostWriteOff({ id: writeOff.id }))).details).toMatchObject({ requested: '4', available: '3' });
    await admin.DeleteWriteOff({ id: writeOff.id });

    // when cancelled, then everything is released
    const cancelled = (await manager.CancelOrder({ id: order.id })).cancelOrder;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.lines.map((l) => [l.reserved, l.backordered])).toEqual([['0', '0'], ['0', '0']]);
    expect(await availability(p.DRILL)).toEqual([['W1', '5', '0', '5', '0']]);
    expect(await availability(p.BOLT)).toEqual([['W1', '100', '0', '100', '0']]);
    await admin.CancelPriceList({ id: list.id });
  });

  it('editing a confirmed order keeps unchanged prices and re-reserves only the difference', async () => {
    // given a confirmed order of DRILL 2, BOLT 30 and another customer's order taking the other 3 drills
    const order = (await manager.ConfirmOrder({ id: (await draft(manager, [line('DRILL', '2'), line('BOLT', '30')])).id })).confirmOrder;
    const other = (await manager.ConfirmOrder({ id: (await draft(manager, [line('DRILL', '3')], { clientId: world.wholesaleClient })).id })).confirmOrder;
    expect(await availability(p.DRILL)).toEqual([['W1', '5', '5', '0', '0']]);

    // when its drills go up to 3, then INSUFFICIENT_STOCK for the 1 more, with 0 free — nothing changes
    const more = await errorOf(manager.UpdateOrder({ id: order.id, input: { version: order.version, lines: [line('DRILL', '3'), line('BOLT', '30')] } }));
    expect(more.code).toBe('INSUFFICIENT_STOCK');
    expect(more.details).toMatchObject({ productId: p.DRILL, warehouseId: world.w1, requested: '1', available: '0' });
    expect((await manager.Order({ id: order.id })).order?.lines.map((l) => [l.product.sku, l.quantity, l.reserved])).toEqual([['DRILL', '2', '2'], ['BOLT', '30', '30']]);

    // when the drills stay at 2 and the bolts go down from 30 to 12
    const edited = (await manager.UpdateOrder({ id: order.id, input: { version: order.version, lines: [line('DRILL', '2'), line('BOLT', '12')] } })).updateOrder;

    // then the drills keep their frozen line, the bolts release 18 and are re-priced: 10.00 − 8 % = 9.20 × 12 = 110.40
    expect(edited.lines.map((l) => [l.product.sku, l.quantity, l.finalUnitPrice, l.amount, l.reserved])).toEqual([
      ['DRILL', '2', '12000.00', '24000.00', '2'],
      ['BOLT', '12', '9.20', '110.40', '12'],
    ]);
    expect(await availability(p.BOLT)).toEqual([['W1', '100', '12', '88', '0']]);
    // and the register holds exactly +30 and −18 for the bolts: the difference, not a new reservation
    const rows = await app.orm.em.getConnection().execute<{ quantity: string }[]>("select quantity::text from stock_reservation where recorder_id = ? and product_id = ? order by quantity desc", [order.id, p.BOLT]);
    expect(rows.map((r) => r.quantity)).toEqual(['30.000', '-18.000']);

    // and its warehouse stays once confirmed (BAD_USER_INPUT on the field), and a stale version is a CONFLICT
    const moved = await errorOf(manager.UpdateOrder({ id: order.id, input: { version: edited.version, warehouseId: world.w2 } }));
    expect(Object.keys((moved.details as { fields: object }).fields)).toEqual(['warehouseId']);
    expect((await errorOf(manager.UpdateOrder({ id: order.id, input: { version: order.version, comment: 'x' } }))).code).toBe('CONFLICT');

    await manager.CancelOrder({ id: order.id });
    await manager.CancelOrder({ id: other.id });
  });

  it('splits a line across warehouses by the configured priority', async () => {
    // given NAIL: W1 4, W2 10, W3 10; priority W3 then W2
    const nail = await world.product('NAIL', '5.00', '4.00');
    await world.receive(world.w1, nail, '4');
    await world.receive(world.w2, nail, '10');
    await world.receive(world.w3, nail, '10');
    await admin.UpdateSalesSettings({ input: { reservationPriority: [world.w3, world.w2] } });

    // when an order from W1 for 16 is confirmed, then W1 gives its 4, W3 the other 10, W2 the last 2
    const order = (await manager.ConfirmOrder({ id: (await draft(manager, [{ productId: nail, quantity: '16' }])).id })).confirmOrder;
    expect(order.lines[0].reservations.map((r) => [r.warehouse.code, r.quantity])).toEqual([['W1', '4'], ['W2', '2'], ['W3', '10']]);
    expect(await availability(nail, [world.w1, world.w2, world.w3])).toEqual([
      ['W1', '4', '4', '0', '0'],
      ['W2', '10', '2', '8', '0'],
      ['W3', '10', '10', '0', '0'],
    ]);

    // when the line goes down to 6, then the least preferred give back first: W2 its 2, then W3 8
    const down = (await manager.UpdateOrder({ id: order.id, input: { version: order.version, lines: [{ productId: nail, quantity: '6' }] } })).updateOrder;
    expect(down.lines[0].reservations.map((r) => [r.warehouse.code, r.quantity])).toEqual([['W1', '4'], ['W3', '2']]);
    await manager.CancelOrder({ id: order.id });
    await admin.UpdateSalesSettings({ input: { reservationPriority: [] } });
  });

  it('refuses a line stock cannot cover with INSUFFICIENT_STOCK and the numbers, and writes nothing', async () => {
    // given W1: DRILL 5, BOLT 100, nothing reserved
    const order = await draft(manager, [line('DRILL', '7'), line('BOLT', '100'), line('BOOK', '2')]);

    // when confirmed, then refused for DRILL (7 asked, 5 there) and BOOK (2 asked, none there)
    const refused = await errorOf(manager.ConfirmOrder({ id: order.id }));
    expect(refused.code).toBe('INSUFFICIENT_STOCK');
    expect(refused.details).toMatchObject({
      productId: p.DRILL,
      warehouseId: world.w1,
      requested: '7',
      available: '5',
      shortages: [
        { productId: p.DRILL, warehouseId: world.w1, line: 1, requested: '7', available: '5', warehouses: [{ warehouseId: world.w1, available: '5' }] },
        { productId: p.BOOK, warehouseId: world.w1, line: 3, requested: '2', available: '0', warehouses: [{ warehouseId: world.w1, available: '0' }] },
      ],
    });
    // and the draft stays a draft, nothing reserved (the bolts neither)
    const after = (await manager.Order({ id: order.id })).order!;
    expect([after.status, after.lines.map((l) => l.reserved)]).toEqual(['DRAFT', ['0', '0', '0']]);
    expect(await availability(p.BOLT)).toEqual([['W1', '100', '0', '100', '0']]);
    await manager.DeleteOrder({ id: order.id });
  });

  it('refuses at once what stock cannot cover while another holds the balance; what it can cover waits for the lock', async () => {
    // given GRIP: 2 at W1, and another session holding GRIP's W1 balance row (a posting in progress)
    p.GRIP = await world.product('GRIP', '5.00', '4.00');
    await world.receive(world.w1, p.GRIP, '2');
    const short = await draft(manager, [line('GRIP', '3')]);
    const covered = await draft(manager, [line('GRIP', '2')]);
    const lock = await holdBalanceLock(app.databaseUrl, world.w1, p.GRIP);
    try {
      // when 3 are confirmed, then INSUFFICIENT_STOCK (3 asked, 2 there) comes while the lock is still held: it did not queue for it
      const refused = await errorOf(manager.ConfirmOrder({ id: short.id }));
      expect([refused.code, refused.details.requested, refused.details.available]).toEqual(['INSUFFICIENT_STOCK', '3', '2']);

      // when 2 are confirmed, then that confirmation waits on the lock and is confirmed once it is released
      const confirming = manager.ConfirmOrder({ id: covered.id });
      await lock.untilWaiting(1);
      await lock.release();
      expect((await confirming).confirmOrder.status).toBe('CONFIRMED');
    } finally {
      await lock.release();
    }
    expect(await availability(p.GRIP)).toEqual([['W1', '2', '2', '0', '0']]);
    await manager.CancelOrder({ id: covered.id });
    await manager.DeleteOrder({ id: short.id });
  });

  it('keeps what stock cannot cover as a backorder when allowed; release and reserve again', async () => {
    // given W1: DRILL 5
    const order = await draft(manager, [line('DRILL', '7')]);

    // when confirmed with backorders allowed, then 5 are reserved and 2 wait
    const confirmed = (await manager.ConfirmOrder({ id: order.id, allowBackorder: true })).confirmOrder;
    expect([confirmed.allowBackorder, confirmed.lines[0].reserved, confirmed.lines[0].backordered]).toEqual([true, '5', '2']);
    expect(await availability(p.DRILL)).toEqual([['W1', '5', '5', '0', '2']]);

    // when released, then nothing is held and nothing waits; the order stays confirmed
    const released = (await manager.ReleaseOrder({ id: order.id })).releaseOrder;
    expect([released.status, released.lines[0].reserved, released.lines[0].backordered]).toEqual(['CONFIRMED', '0', '0']);
    expect(await availability(p.DRILL)).toEqual([['W1', '5', '0', '5', '0']]);

    // when 3 more arrive and it reserves again, then all 7 are held
    await world.receive(world.w1, p.DRILL, '3', '8000');
    const again = (await manager.ReserveOrder({ id: order.id })).reserveOrder;
    expect([again.lines[0].reserved, again.lines[0].backordered]).toEqual(['7', '0']);
    expect(await availability(p.DRILL)).toEqual([['W1', '8', '7', '1', '0']]);
    await manager.CancelOrder({ id: order.id });
    expect(await availability(p.DRILL)).toEqual([['W1', '8', '0', '8', '0']]);
  });

  it('refuses bad input on its field and writes nothing', async () => {
    // given an inactive product, a service without a price and a kg product
    const old = await world.product('OLD', '1.00', '1.00');
    const oldVersion = (await admin.Product({ id: old })).product!.version;
    await admin.UpdateProduct({ id: old, input: { version: oldVersion, active: false } });
    const service = (await admin.CreateProduct({ input: { sku: 'MOUNT', name: 'Монтаж', unitId: world.pcs, kind: 'SERVICE' } })).createProduct.id;
    const before = (await admin.Orders({ perPage: 1 })).orders.total;
    const fieldsOf = async (input: Partial<Parameters<TradebookClient['CreateOrder']>[0]['input']>) => {
      const error = await errorOf(manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [line('BOLT', '1')], ...input } }));
      expect(error.code).toBe('BAD_USER_INPUT');
      return Object.keys((error.details as { fields: Record<string, string> }).fields);
    };

    expect(await fieldsOf({ lines: [line('BOLT', '1'), { productId: old, quantity: '1' }] })).toEqual(['lines.1.productId']);
    expect(await fieldsOf({ lines: [line('BOLT', '0')] })).toEqual(['lines.0.quantity']);
    expect(await fieldsOf({ lines: [line('BOLT', '-2')] })).toEqual(['lines.0.quantity']);
    expect(await fieldsOf({ lines: [line('BOLT', '1.5')] })).toEqual(['lines.0.quantity']);
    expect(await fieldsOf({ promisedDate: world.daysFromToday(-1) })).toEqual(['promisedDate']);
    expect(await fieldsOf({ lines: [line('BOLT', '1'), line('BOLT', '2')] })).toEqual(['lines.1.productId']);
    expect(await fieldsOf({ lines: [{ productId: service, quantity: '1' }] })).toEqual(['lines.0.productId']);
    expect(await fieldsOf({ lines: [line('BOLT', '1', '30')] })).toEqual(['lines.0.manualDiscountPercent']);
    // and none of them made an order (nor took a number)
    expect((await admin.Orders({ perPage: 1 })).orders.total).toBe(before);
  });

  it('keeps the unit of a product on an order from counting more coarsely than the order', async () => {
    // given a draft of 2.5 kg of GRAIN (kg to 0.001)
    const grain = await world.product('GRAIN', '40.00', '35.00', { unitId: world.kg });
    const order = await draft(manager, [{ productId: grain, quantity: '2.5' }]);
    expect(order.lines.map((l) => [l.quantity, l.amount])).toEqual([['2.5', '100.00']]);

    // when kg would count whole kilograms, then refused: 1 order line of 1 product has more places
    const unit = (await admin.Unit({ id: world.kg })).unit!;
    const refused = await errorOf(admin.UpdateUnit({ id: world.kg, input: { version: unit.version, precision: 0 } }));
    expect(refused.fieldErrors[0]).toMatchObject({ field: 'precision', reason: 'FINER_QUANTITIES_HELD', params: { places: 0, lines: 1, products: 1, unit: 'kg' } });
    await manager.DeleteOrder({ id: order.id });
  });

  it('returns the first order for a retried idempotency key, also when 20 arrive at once', async () => {
    // when the same key is sent twice in a row, then one order
    const first = await draft(manager, [line('BOLT', '1')], { idempotencyKey: 'retry-1' });
    const retry = await draft(manager, [line('BOLT', '1')], { idempotencyKey: 'retry-1' });
    expect(retry.id).toBe(first.id);
    expect(retry.number).toBe(first.number);

    // when another key is sent 20 times at once, then every call gets the same one order
    const results = await Promise.all(Array.from({ length: 20 }, () => draft(manager, [line('BOLT', '2')], { idempotencyKey: 'storm-1' })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await admin.Orders({ filter: { q: results[0].number }, perPage: 1 })).orders.total).toBe(1);
    // and a key is the caller's own: the head of sales with the same key makes an order of their own
    const head = await app.as(Role.SALES_HEAD);
    expect((await draft(head, [line('BOLT', '1')], { idempotencyKey: 'retry-1' })).id).not.toBe(first.id);
  });

  it('a partner orders only for its own client and sees only its own orders', async () => {
    // given the partner's own client "Дилер Восток" and an order of the manager's "Розница"
    const partner = await app.as(Role.PARTNER);
    const dealer = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0].id;
    const others = await draft(manager, [line('BOLT', '1')]);

    // when the partner orders for itself from W1 (ships to partners), then it may confirm it
    const own = await draft(partner, [line('BOLT', '3')], { clientId: dealer });
    expect(own).toMatchObject({ client: { name: 'Дилер Восток' }, priceType: { code: 'RETAIL' } });
    expect((await partner.ConfirmOrder({ id: own.id })).confirmOrder.lines[0].reserved).toBe('3');

    // and it reads what W1 has available for it, never on hand, reserved or what others wait for
    expect((await partner.Availability({ productIds: [p.BOLT] })).availability.map((a) => [a.warehouse.code, a.onHand, a.reserved, a.available, a.backordered])).toEqual([['W1', null, null, '97', null]]);
    // and confirming it again is refused: it is no draft any more
    expect((await errorOf(partner.ConfirmOrder({ id: own.id }))).code).toBe('INVALID_STATE');

    // then it lists only its own order, and another client's order is NOT_FOUND for every verb
    expect((await partner.Orders({ perPage: 5 })).orders.items.map((o) => o.id)).toEqual([own.id]);
    expect((await partner.Order({ id: others.id })).order).toBeNull();
    for (const call of [partner.ConfirmOrder({ id: others.id }), partner.CancelOrder({ id: others.id }), partner.UpdateOrder({ id: others.id, input: { version: others.version, comment: 'x' } })]) {
      expect((await errorOf(call)).code).toBe('NOT_FOUND');
    }
    // and it may not order for another client, nor from a warehouse that does not ship to partners
    expect((await errorOf(draft(partner, [line('BOLT', '1')]))).code).toBe('NOT_FOUND');
    expect((await errorOf(draft(partner, [line('BOLT', '1')], { clientId: dealer, warehouseId: world.w2 }))).details).toMatchObject({ fields: { warehouseId: 'no such warehouse' } });

    // and another manager does not see the demo manager's order
    await admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } });
    const boris = (await app.login('boris@demo.tradebook', 'second-manager-pass')).client;
    expect((await boris.Order({ id: own.id })).order).toBeNull();
    expect((await errorOf(boris.CancelOrder({ id: own.id }))).code).toBe('NOT_FOUND');
    await partner.CancelOrder({ id: own.id });
    await manager.DeleteOrder({ id: others.id });
  });

  it('reads 2 or 6 orders with client, warehouse, lines, products and reservations in the same statements', async () => {
    // given 6 confirmed orders of 2 lines each: BOLT 1 (in stock) and BOOK 1 (none: backordered)
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await manager.ConfirmOrder({ id: (await draft(manager, [line('BOLT', '1'), line('BOOK', '1')], { comment: `SC-${i}` })).id, allowBackorder: true })).confirmOrder.id);
    await manager.Orders({ perPage: 1 }); // warm up
    const { token } = await app.login(demoEmail(Role.SALES_MANAGER));
    const withLines = async (perPage: number) => {
      const query = `query($ids: [ID!], $perPage: Int) { orders(filter: { ids: $ids }, perPage: $perPage) { items { number client { name } warehouse { code }
        lines { product { sku } reserved backordered reservations { warehouse { code } quantity } } } } }`;
      const { json } = await rawRequest(app.graphqlUrl, { query, variables: { ids, perPage } }, { authorization: `Bearer ${token}` });
      return json as { data: { orders: { items: { lines: { product: { sku: string }; reserved: string; backordered: string; reservations: { warehouse: { code: string } }[] }[] }[] } } };
    };
    const two = await app.countStatements(() => withLines(2));
    let six: Awaited<ReturnType<typeof withLines>> | undefined;
    const sixCount = await app.countStatements(async () => {
      six = await withLines(6);
    });
    // then every order came with its lines and reservations: BOLT 1 held at W1, BOOK 1 backordered
    expect(six!.data.orders.items.map((o) => o.lines.map((l) => [l.product.sku, l.reserved, l.backordered, l.reservations.map((r) => r.warehouse.code)]))).toEqual(
      Array.from({ length: 6 }, () => [['BOLT', '1', '0', ['W1']], ['BOOK', '0', '1', []]]),
    );
    // page, clients, managers, warehouses, price types, lines, products, reservations (+ the session's own reads)
    expect(two).toBe(sixCount);
    expect(sixCount).toBeLessThanOrEqual(9);
    for (const id of ids) await manager.CancelOrder({ id });
  });
});
