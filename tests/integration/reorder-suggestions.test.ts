import type { TradebookClient } from '@tradebook/client';
import { systemContext } from '../../api/src/server/context';
import { inTransaction } from '../../api/src/shared/transaction';
import { errorOf, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Reorder suggestions (issue 14, item 2): per warehouse × product a reorder point (min) and
 * level (max); where available + on order + requested − backordered is at or below min,
 * buy up to max; one action turns them into draft requisitions; a daily job keeps them.
 */
describe('reorder suggestions', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let buyer: TradebookClient;
  let p: Record<'GEAR' | 'BOLT', string>;

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    buyer = await app.as(Role.PURCHASING);
    p = { GEAR: await world.product('GEAR', '50.00', '40.00'), BOLT: await world.product('BOLT', '2.00', '1.50') };
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const confirmed = async (productId: string, quantity: string, allowBackorder = false) => {
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId, quantity }] } })).createOrder;
    return (await manager.ConfirmOrder({ id: order.id, allowBackorder })).confirmOrder;
  };
  const figures = async (warehouseId?: string) =>
    (await buyer.ReorderSuggestions({ filter: warehouseId ? { warehouseId } : null })).reorderSuggestions.flatMap((g) =>
      g.suggestions.map((s) => [s.warehouse.code, s.product.sku, s.available, s.onOrder, s.requested, s.backordered, s.projected, s.quantity]),
    );

  it('min > max is refused on minQuantity and writes nothing; a second set replaces the rule', async () => {
    const refused = await errorOf(buyer.SetReorderRule({ input: { warehouseId: world.w1, productId: p.GEAR, minQuantity: '12', maxQuantity: '10' } }));
    expect([refused.code, Object.keys(refused.fields), refused.fieldErrors[0].reason]).toEqual(['BAD_USER_INPUT', ['minQuantity'], 'AT_MOST']);
    const negative = await errorOf(buyer.SetReorderRule({ input: { warehouseId: world.w1, productId: p.GEAR, minQuantity: '-1', maxQuantity: '1.5' } }));
    // −1 is negative; 1.5 pcs is finer than the unit
    expect(Object.keys(negative.fields).sort()).toEqual(['maxQuantity', 'minQuantity']);
    expect((await buyer.ReorderRules({ filter: { productId: p.GEAR } })).reorderRules.total).toBe(0);

    const first = (await buyer.SetReorderRule({ input: { warehouseId: world.w1, productId: p.GEAR, minQuantity: '5', maxQuantity: '20' } })).setReorderRule;
    const second = (await buyer.SetReorderRule({ input: { warehouseId: world.w1, productId: p.GEAR, minQuantity: '10', maxQuantity: '30' } })).setReorderRule;
    expect([second.id, second.minQuantity, second.maxQuantity, second.version]).toEqual([first.id, '10', '30', first.version + 1]);
    expect((await buyer.ReorderRules({ filter: { q: 'gea' } })).reorderRules.items.map((r) => [r.warehouse.code, r.product.sku, r.minQuantity, r.maxQuantity])).toEqual([['W1', 'GEAR', '10', '30']]);
    // a sales manager has no reorder settings
    expect((await errorOf(manager.ReorderRules({}))).code).toBe('FORBIDDEN');
  });

  it('stock, reservations, backorders and requisitions in the figures; one action makes a draft requisition; the daily job keeps them', async () => {
    // given rules: W1 GEAR min 10 max 30 (above), W1 BOLT min 5 max 10, W2 GEAR min 0 max 4
    await buyer.SetReorderRule({ input: { warehouseId: world.w1, productId: p.BOLT, minQuantity: '5', maxQuantity: '10' } });
    await buyer.SetReorderRule({ input: { warehouseId: world.w2, productId: p.GEAR, minQuantity: '0', maxQuantity: '4' } });
    // and W1: 20 GEAR received; order A reserves 8; order B wants 15, reserves the other 12 and waits for 3; 7 BOLT received
    await world.receive(world.w1, p.GEAR, '20');
    await confirmed(p.GEAR, '8');
    await confirmed(p.GEAR, '15', true);
    await world.receive(world.w1, p.BOLT, '7');
    // and a submitted requisition for 5 GEAR at W1 (a draft for 100 does not count)
    const asked = (await manager.CreatePurchaseRequisition({ input: { date: world.today, warehouseId: world.w1, lines: [{ productId: p.GEAR, quantity: '5' }] } })).createPurchaseRequisition;
    await manager.SubmitPurchaseRequisition({ id: asked.id });
    await manager.CreatePurchaseRequisition({ input: { date: world.today, warehouseId: world.w1, lines: [{ productId: p.GEAR, quantity: '100' }] } });

    // then W1 GEAR: available 20 − 8 − 12 = 0, requested 5, backordered 3 → 0 + 0 + 5 − 3 = 2 ≤ 10 → 30 − 2 = 28
    //      W1 BOLT: 7 > 5 → nothing;  W2 GEAR: 0 ≤ 0 → 4 − 0 = 4 (W1's backorders are W1's)
    expect(await figures()).toEqual([
      ['W1', 'GEAR', '0', '0', '5', '3', '2', '28'],
      ['W2', 'GEAR', '0', '0', '0', '0', '0', '4'],
    ]);
    // no main suppliers yet: one group without a supplier
    expect((await buyer.ReorderSuggestions({})).reorderSuggestions.map((g) => [g.supplierId, g.suggestions.length])).toEqual([[null, 2]]);

    // when the daily job runs, it keeps the same figures
    await inTransaction(app.orm.em.fork(), (em) => app.services.reorderSuggestions.runDaily(systemContext(em, app.services)));
    const daily = (await buyer.DailyReorderSuggestions({ filter: { warehouseId: world.w1 } })).dailyReorderSuggestions!;
    expect(daily.groups.flatMap((g) => g.suggestions.map((s) => [s.product.sku, s.projected, s.quantity]))).toEqual([['GEAR', '2', '28']]);

    // when purchasing turns W1's GEAR into a requisition of 25 (its own figure) in one action
    const bad = await errorOf(buyer.RequisitionsFromReorderSuggestions({ input: { picks: [{ warehouseId: world.w1, productId: p.BOLT }, { warehouseId: world.w1, productId: p.GEAR, quantity: '0' }] } }));
    expect(Object.keys(bad.fields).sort()).toEqual(['picks.0', 'picks.1.quantity']);
    const [made] = (await buyer.RequisitionsFromReorderSuggestions({ input: { picks: [{ warehouseId: world.w1, productId: p.GEAR, quantity: '25' }] } })).requisitionsFromReorderSuggestions;
    expect([made.status, made.warehouse.code, made.lines.map((l) => [l.product.sku, l.quantity])]).toEqual(['DRAFT', 'W1', [['GEAR', '25']]]);
    // a draft asks for nothing yet: still 28
    expect((await figures(world.w1))[0]).toEqual(['W1', 'GEAR', '0', '0', '5', '3', '2', '28']);
    // once submitted: 0 + 0 + (5 + 25) − 3 = 27 > 10 → no suggestion for W1
    await buyer.SubmitPurchaseRequisition({ id: made.id });
    expect(await figures(world.w1)).toEqual([]);

    // and "all of them" for W2 makes one requisition of 4
    const all = (await buyer.RequisitionsFromReorderSuggestions({ input: { filter: { warehouseId: world.w2 } } })).requisitionsFromReorderSuggestions;
    expect(all.map((r) => [r.warehouse.code, r.lines.map((l) => [l.product.sku, l.quantity])])).toEqual([['W2', [['GEAR', '4']]]]);
  });
  it('posted purchase orders count as on order, drafts as requested; the main supplier groups them', async () => {
    // given W3 BOLT min 40 max 60, 4 received, a posted order of 20 and a draft of 5, the supplier its main supplier
    await buyer.SetReorderRule({ input: { warehouseId: world.w3, productId: p.BOLT, minQuantity: '40', maxQuantity: '60' } });
    await world.receive(world.w3, p.BOLT, '4');
    const order = (quantity: string) => buyer.CreatePurchaseOrder({ input: { date: world.today, supplierId: world.supplier, warehouseId: world.w3, lines: [{ productId: p.BOLT, quantity, price: '1.5' }] } }).then((r) => r.createPurchaseOrder);
    await buyer.PostPurchaseOrder({ id: (await order('20')).id });
    await order('5');
    await buyer.SetProductMainSupplier({ productId: p.BOLT, supplierId: world.supplier });

    // then available 4 + on order 20 + requested 5 − backordered 0 = 29 ≤ 40 → 60 − 29 = 31, in the supplier's group
    const groups = (await buyer.ReorderSuggestions({ filter: { warehouseId: world.w3 } })).reorderSuggestions;
    expect(groups.map((g) => [g.supplier?.name, g.suggestions.map((s) => [s.product.sku, s.available, s.onOrder, s.requested, s.backordered, s.projected, s.quantity])])).toEqual([
      ['Поставщик', [['BOLT', '4', '20', '5', '0', '29', '31']]],
    ]);
    // and narrowed to another supplier, nothing
    expect((await buyer.ReorderSuggestions({ filter: { warehouseId: world.w3, supplierId: world.retailClient } })).reorderSuggestions).toEqual([]);
  });
});
