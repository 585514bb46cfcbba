import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

/*
 * Requisitions into purchase orders (issue 14, items 1, 2 and 6): the requisitions of two
 * people for one product consolidate into one order line; each requisition line shows
 * what became of it; two partial receipts (one late, one dearer) give the control
 * figures, OTIF and the chain; edits, deletion and cancellation of the order give the
 * requisitions back; reorder suggestions become purchase orders in one action.
 */
describe('requisitions into purchase orders', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let buyer: TradebookClient;
  let manager: TradebookClient;
  let storekeeper: TradebookClient;
  let supplier: string;
  let other: string;
  let client: string;
  let warehouse: string;
  let pcs: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    buyer = await app.as(Role.PURCHASING);
    manager = await app.as(Role.SALES_MANAGER);
    storekeeper = await app.as(Role.WAREHOUSE);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    other = (await admin.CreateCounterparty({ input: { name: 'Другой поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    client = (await admin.CreateCounterparty({ input: { name: 'Покупатель', roles: ['CLIENT'] } })).createCounterparty.id;
    warehouse = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } })).createWarehouse.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  /** A product bought from `from` (its main supplier) at `price` since April 1. */
  const product = async (sku: string, from: string | null, price: string | null) => {
    const id = (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, kind: 'GOODS', vatRate: '22' } })).createProduct.id;
    if (price) await buyer.SetSupplierPrice({ input: { supplierId: from ?? supplier, productId: id, validFrom: '2026-04-01', price } });
    if (from) await buyer.SetProductMainSupplier({ productId: id, supplierId: from });
    return id;
  };
  const approved = async (by: TradebookClient, lines: { productId: string; quantity: string; neededBy: string }[]) => {
    const r = (await by.CreatePurchaseRequisition({ input: { date: '2026-05-01', warehouseId: warehouse, lines } })).createPurchaseRequisition;
    await by.SubmitPurchaseRequisition({ id: r.id });
    await buyer.ApprovePurchaseRequisition({ id: r.id });
    return r.id;
  };
  const read = async (id: string) => {
    const r = (await buyer.PurchaseRequisition({ id })).purchaseRequisition!;
    return { status: r.status, lines: r.lines.map((l) => [l.product.sku, l.quantity, l.ordered, l.remaining, l.received, l.orders.map((o) => [o.purchaseOrderNumber, o.quantity, o.received])]) };
  };
  const orderCount = async () => (await buyer.PurchaseOrders({ perPage: 1 })).purchaseOrders.total;
  const receive = async (orderId: string, date: string, lines: { productId: string; quantity: string; unitCost: string; orderLine: number }[]) => {
    const receipt = (await admin.CreateReceiptFromPurchaseOrder({ id: orderId, date })).createReceiptFromPurchaseOrder;
    await admin.UpdateGoodsReceipt({ id: receipt.id, input: { version: receipt.version, lines } });
    await admin.PostGoodsReceipt({ id: receipt.id });
    return receipt.number;
  };

  it('two requisitions → one order → two partial receipts (one late, one dearer) → what each requisition line became, control, OTIF and the chain', async () => {
    // given A and B bought from the supplier at 100 and 200
    const a = await product('REQ-A', supplier, '100');
    const b = await product('REQ-B', supplier, '200');
    // and a manager asks for A 6 by May 10 and B 5 by May 12, a storekeeper for A 4 by May 15
    const mine = await approved(manager, [{ productId: a, quantity: '6', neededBy: '2026-05-10' }, { productId: b, quantity: '5', neededBy: '2026-05-12' }]);
    const theirs = await approved(storekeeper, [{ productId: a, quantity: '4', neededBy: '2026-05-15' }]);

    // when purchasing orders both on May 2
    const orders = (await buyer.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [mine, theirs], date: '2026-05-02' } })).createPurchaseOrdersFromRequisitions;
    // then one draft to the supplier, expected by the earliest need (May 10): A 6 + 4 = 10 @ 100 = 1000 + 220 VAT, B 5 @ 200 = 1000 + 220
    expect(orders.map((o) => [o.status, o.supplier.name, o.warehouse.code, o.date, o.expectedDate, o.lines.map((l) => [l.lineNo, l.product.sku, l.quantity, l.price, l.amount, l.vat])])).toEqual([
      ['DRAFT', 'Поставщик', 'W1', '2026-05-02', '2026-05-10', [[1, 'REQ-A', '10', '100.00', '1000.00', '220.00'], [2, 'REQ-B', '5', '200.00', '1000.00', '220.00']]],
    ]);
    const [order] = orders;
    // and both requisitions are ORDERED, each line on the order with what it asked
    expect(await read(mine)).toEqual({ status: 'ORDERED', lines: [['REQ-A', '6', '6', '0', '0', [[order.number, '6', '0']]], ['REQ-B', '5', '5', '0', '0', [[order.number, '5', '0']]]] });
    expect(await read(theirs)).toEqual({ status: 'ORDERED', lines: [['REQ-A', '4', '4', '0', '0', [[order.number, '4', '0']]]] });
    // and ordering them again is refused on each
    const again = await errorOf(buyer.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [mine, theirs] } }));
    expect(again.fieldErrors.map((e) => [e.field, e.reason, e.params.status])).toEqual([['requisitionIds.0', 'NOT_ORDERABLE', 'ORDERED'], ['requisitionIds.1', 'NOT_ORDERABLE', 'ORDERED']]);

    // when it is posted and on May 8 A 7 @ 100 and all of B @ 200 arrive (on time)
    await buyer.PostPurchaseOrder({ id: order.id });
    const first = await receive(order.id, '2026-05-08', [{ productId: a, quantity: '7', unitCost: '100', orderLine: 1 }, { productId: b, quantity: '5', unitCost: '200', orderLine: 2 }]);
    // then A's 7 go to the earliest need first: the manager's 6 (May 10), then 1 of the storekeeper's 4 (May 15)
    expect((await read(mine)).lines.map((l) => [l[0], l[4]])).toEqual([['REQ-A', '6'], ['REQ-B', '5']]);
    expect((await read(theirs)).lines).toEqual([['REQ-A', '4', '4', '0', '1', [[order.number, '4', '1']]]]);

    // when on May 13 (3 days after May 10) the other 3 of A come at 103
    const second = await receive(order.id, '2026-05-13', [{ productId: a, quantity: '3', unitCost: '103', orderLine: 1 }]);
    expect((await read(theirs)).lines).toEqual([['REQ-A', '4', '4', '0', '4', [[order.number, '4', '4']]]]);

    // then A is in full on May 13, 3 days late, variance 3 × (103 − 100) = 9.00; B in full on time
    const control = (await buyer.PurchaseControl({ filter: { orderId: order.id }, asOf: '2026-05-20' })).purchaseControl;
    expect(control.map((l) => [l.product.sku, l.ordered, l.received, l.remaining, l.inFull, l.onTime, l.completedOn, l.delayDays, l.priceVariance])).toEqual([
      ['REQ-A', '10', '10', '0', true, false, '2026-05-13', 3, '9.00'],
      ['REQ-B', '5', '5', '0', true, true, '2026-05-08', 0, '0.00'],
    ]);
    // and the supplier's May: 1 order, 2 lines, 1 on time in full → 50 %, delay (3 + 0) / 2 = 1.5, variance 9.00
    const { supplierScorecard } = await buyer.SupplierScorecard({ dateFrom: '2026-05-01', dateTo: '2026-05-31', supplierId: supplier });
    expect(supplierScorecard).toEqual([{ supplier: { id: supplier, name: 'Поставщик' }, orders: 1, lines: 2, linesOnTimeInFull: 1, otifPercent: '50', averageDelayDays: '1.5', priceVariance: '9.00' }]);

    // and the chain of A: the two requisition lines (earliest need first) → the order line → the two receipts
    const { purchaseLineChain } = await buyer.PurchaseLineChain({ orderId: order.id, lineNo: 1 });
    const numbers = [(await buyer.PurchaseRequisition({ id: mine })).purchaseRequisition!.number, (await buyer.PurchaseRequisition({ id: theirs })).purchaseRequisition!.number];
    expect(purchaseLineChain.requisitionLines.map((r) => [r.documentType, r.documentId, r.number, r.date, r.lineNo, r.quantity])).toEqual([
      ['PurchaseRequisition', mine, numbers[0], '2026-05-01', 1, '6'],
      ['PurchaseRequisition', theirs, numbers[1], '2026-05-01', 1, '4'],
    ]);
    expect(purchaseLineChain.receipts.map((r) => [r.number, r.quantity, r.priceVariance])).toEqual([[first, '7', '0.00'], [second, '3', '9.00']]);
    expect((await buyer.PurchaseLineChain({ orderId: order.id, lineNo: 2 })).purchaseLineChain.requisitionLines.map((r) => [r.number, r.lineNo, r.quantity])).toEqual([[numbers[0], 2, '5']]);
  });

  it("editing a draft keeps the earliest needs on it, deleting or cancelling it gives the requisitions back", async () => {
    const c = await product('REQ-C', supplier, '10');
    const early = await approved(manager, [{ productId: c, quantity: '6', neededBy: '2026-05-05' }]);
    const late = await approved(storekeeper, [{ productId: c, quantity: '4', neededBy: '2026-05-20' }]);
    const [order] = (await buyer.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [late, early], date: '2026-05-02' } })).createPurchaseOrdersFromRequisitions;
    expect([order.expectedDate, order.lines.map((l) => [l.product.sku, l.quantity])]).toEqual(['2026-05-05', [['REQ-C', '10']]]);

    // when the buyer cuts the line to 7: the May 5 need keeps its 6, the May 20 one only 1 (3 to order again)
    await buyer.UpdatePurchaseOrder({ id: order.id, input: { version: order.version, lines: [{ productId: c, quantity: '7' }] } });
    expect(await read(early)).toEqual({ status: 'ORDERED', lines: [['REQ-C', '6', '6', '0', '0', [[order.number, '6', '0']]]] });
    expect(await read(late)).toEqual({ status: 'PARTLY_ORDERED', lines: [['REQ-C', '4', '1', '3', '0', [[order.number, '1', '0']]]] });

    // when the rest of the late one is ordered on a second draft, which is then deleted
    const [rest] = (await buyer.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [late], date: '2026-05-02' } })).createPurchaseOrdersFromRequisitions;
    expect(rest.lines.map((l) => [l.product.sku, l.quantity, l.price])).toEqual([['REQ-C', '3', '10.00']]);
    expect((await read(late)).status).toBe('ORDERED');
    await buyer.DeletePurchaseOrder({ id: rest.id });
    expect(await read(late)).toEqual({ status: 'PARTLY_ORDERED', lines: [['REQ-C', '4', '1', '3', '0', [[order.number, '1', '0']]]] });

    // when the first is posted and then cancelled: both are APPROVED again with nothing ordered
    await buyer.PostPurchaseOrder({ id: order.id });
    await buyer.CancelPurchaseOrder({ id: order.id });
    expect(await read(early)).toEqual({ status: 'APPROVED', lines: [['REQ-C', '6', '0', '6', '0', []]] });
    expect(await read(late)).toEqual({ status: 'APPROVED', lines: [['REQ-C', '4', '0', '4', '0', []]] });
    // and a closed requisition is not ordered
    await buyer.ClosePurchaseRequisition({ id: early });
    const closed = await errorOf(buyer.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [early] } }));
    expect(closed.fieldErrors.map((e) => [e.field, e.reason, e.params.status])).toEqual([['requisitionIds.0', 'NOT_ORDERABLE', 'CLOSED']]);
  });

  it('two buyers ordering one requisition at once: one order, the other refused, nothing ordered twice', async () => {
    const d = await product('REQ-RACE', supplier, '3');
    const wanted = await approved(manager, [{ productId: d, quantity: '9', neededBy: '2026-05-09' }]);
    const other = await app.as(Role.PURCHASING);
    const before = await orderCount();
    const results = await Promise.allSettled([buyer, other, buyer, other].map((c) => c.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [wanted], date: '2026-05-02' } })));
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(r.reason.fieldErrors.map((e: { field: string; reason: string }) => [e.field, e.reason])).toEqual([['requisitionIds.0', 'NOT_ORDERABLE']]);
    expect(await orderCount()).toBe(before + 1);
    expect(await read(wanted)).toMatchObject({ status: 'ORDERED', lines: [['REQ-RACE', '9', '9', '0', '0', [[expect.any(String), '9', '0']]]] });
  });

  it('bad input is refused on the requisition or field at fault and writes nothing', async () => {
    const free = await product('REQ-FREE', null, null); // no main supplier, no price
    const priced = await product('REQ-PRICED', supplier, '5');
    const loose = await approved(manager, [{ productId: priced, quantity: '1', neededBy: '2026-05-09' }, { productId: free, quantity: '2', neededBy: '2026-05-09' }]);
    const submitted = (await manager.CreatePurchaseRequisition({ input: { date: '2026-05-01', warehouseId: warehouse, lines: [{ productId: priced, quantity: '1' }] } })).createPurchaseRequisition.id;
    await manager.SubmitPurchaseRequisition({ id: submitted });
    const before = await orderCount();
    const refusal = async (input: Parameters<TradebookClient['CreatePurchaseOrdersFromRequisitions']>[0]['input']) =>
      (await errorOf(buyer.CreatePurchaseOrdersFromRequisitions({ input }))).fieldErrors.map((e) => [e.field, e.reason]).sort();

    // a product without a main supplier, a submitted (not approved) one, one named twice, one that does not exist
    expect(await refusal({ requisitionIds: [loose, submitted, loose, '00000000-0000-4000-8000-000000000000'] })).toEqual([
      ['requisitionIds.0', 'NO_MAIN_SUPPLIER'], ['requisitionIds.1', 'NOT_ORDERABLE'], ['requisitionIds.2', 'REPEATED'], ['requisitionIds.3', 'NOT_FOUND'],
    ]);
    // another supplier given for all has no price for either product (on the line's requisition)
    expect(await refusal({ requisitionIds: [loose], supplierId: other })).toEqual([['requisitionIds.0', 'NO_PRICE']]);
    // a client is no supplier
    expect(await refusal({ requisitionIds: [loose], supplierId: client })).toEqual([['supplierId', 'NOT_A_SUPPLIER']]);
    expect(await orderCount()).toBe(before);
    expect((await read(loose)).status).toBe('APPROVED');
    // a role without purchasing's rights may not order
    expect((await errorOf(manager.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [loose] } }))).code).toBe('FORBIDDEN');

    // once the other supplier has prices, it takes the whole requisition
    await buyer.SetSupplierPrice({ input: { supplierId: other, productId: free, validFrom: '2026-04-01', price: '7.5' } });
    await buyer.SetSupplierPrice({ input: { supplierId: other, productId: priced, validFrom: '2026-04-01', price: '4.5' } });
    const [made] = (await buyer.CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: [loose], supplierId: other, date: '2026-05-03', expectedDate: '2026-05-07' } })).createPurchaseOrdersFromRequisitions;
    // 1 × 4.50 = 4.50, 2 × 7.50 = 15.00
    expect([made.supplier.name, made.expectedDate, made.lines.map((l) => [l.product.sku, l.quantity, l.price, l.amount])]).toEqual(['Другой поставщик', '2026-05-07', [['REQ-PRICED', '1', '4.50', '4.50'], ['REQ-FREE', '2', '7.50', '15.00']]]);
    expect((await read(loose)).status).toBe('ORDERED');
  });

  it('reorder suggestions become draft purchase orders per main supplier in one action; a draft counts as requested', async () => {
    const gear = await product('SUG-GEAR', supplier, '40');
    const nut = await product('SUG-NUT', other, '0.5');
    const bare = await product('SUG-BARE', null, null);
    // W2 holds nothing: GEAR min 5 max 20 → 20, NUT min 100 max 300 → 300, BARE min 1 max 3 → 3
    const w2 = (await admin.CreateWarehouse({ input: { code: 'W2', name: 'Второй' } })).createWarehouse.id;
    for (const [productId, min, max] of [[gear, '5', '20'], [nut, '100', '300'], [bare, '1', '3']]) await buyer.SetReorderRule({ input: { warehouseId: w2, productId, minQuantity: min, maxQuantity: max } });
    const suggested = async () => (await buyer.ReorderSuggestions({ filter: { warehouseId: w2 } })).reorderSuggestions.map((g) => [g.supplier?.name ?? null, g.suggestions.map((s) => [s.product.sku, s.requested, s.onOrder, s.quantity])]);
    expect(await suggested()).toEqual([
      [null, [['SUG-BARE', '0', '0', '3']]],
      ['Поставщик', [['SUG-GEAR', '0', '0', '20']]],
      ['Другой поставщик', [['SUG-NUT', '0', '0', '300']]],
    ]);

    // all of them at once: BARE has no main supplier, refused on the filter; nothing written
    const before = await orderCount();
    const all = await errorOf(buyer.PurchaseOrdersFromReorderSuggestions({ input: { filter: { warehouseId: w2 } } }));
    expect(all.fieldErrors.map((e) => [e.field, e.reason, e.params.sku])).toEqual([['filter', 'NO_MAIN_SUPPLIER', 'SUG-BARE']]);
    expect(await orderCount()).toBe(before);

    // GEAR (25 instead of 20) and NUT: one draft per supplier, priced from their prices
    const made = (await buyer.PurchaseOrdersFromReorderSuggestions({ input: { picks: [{ warehouseId: w2, productId: gear, quantity: '25' }, { warehouseId: w2, productId: nut }], date: '2026-05-04' } })).purchaseOrdersFromReorderSuggestions;
    // 25 × 40 = 1000.00; 300 × 0.50 = 150.00
    expect(made.map((o) => [o.supplier.name, o.warehouse.code, o.status, o.lines.map((l) => [l.product.sku, l.quantity, l.amount])]).sort()).toEqual([
      ['Другой поставщик', 'W2', 'DRAFT', [['SUG-NUT', '300', '150.00']]],
      ['Поставщик', 'W2', 'DRAFT', [['SUG-GEAR', '25', '1000.00']]],
    ]);
    // then the drafts count as requested (GEAR 25 > max: no suggestion), and once posted as on order
    expect(await suggested()).toEqual([[null, [['SUG-BARE', '0', '0', '3']]]]);
    for (const o of made) await buyer.PostPurchaseOrder({ id: o.id });
    expect(await suggested()).toEqual([[null, [['SUG-BARE', '0', '0', '3']]]]);
    // BARE ordered from a supplier given for it: no price → refused on its pick
    const unpriced = await errorOf(buyer.PurchaseOrdersFromReorderSuggestions({ input: { picks: [{ warehouseId: w2, productId: bare }], supplierId: supplier } }));
    expect(unpriced.fieldErrors.map((e) => [e.field, e.reason])).toEqual([['picks.0', 'NO_PRICE']]);
    // the warehouse may suggest but not order from suppliers
    expect((await errorOf(storekeeper.PurchaseOrdersFromReorderSuggestions({ input: { picks: [{ warehouseId: w2, productId: bare }] } }))).code).toBe('FORBIDDEN');
  });
});
