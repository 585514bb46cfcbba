import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

/** Purchase control (issue 14 §6): an order, two partial receipts (one late, one dearer), and what control and the scorecard show. */
describe('purchase control', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let buyer: TradebookClient;
  let supplier: string;
  let carrier: string;
  let warehouse: string;
  let pcs: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    buyer = await app.as(Role.PURCHASING);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    carrier = (await admin.CreateCounterparty({ input: { name: 'Перевозчик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    warehouse = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } })).createWarehouse.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, kind: 'GOODS' } })).createProduct.id;

  it('an order → two partial receipts (one late, one dearer) → control figures, OTIF, delay, price variance and the chain', async () => {
    // given an order dated May 1, expected May 10: A 10 @ 100, B 5 @ 200
    const a = await product('CTL-A');
    const b = await product('CTL-B');
    const order = (await buyer.CreatePurchaseOrder({ input: { date: '2026-05-01', expectedDate: '2026-05-10', supplierId: supplier, warehouseId: warehouse, lines: [{ productId: a, quantity: '10', price: '100', vatRate: '22' }, { productId: b, quantity: '5', price: '200', vatRate: '22' }] } })).createPurchaseOrder;
    await buyer.PostPurchaseOrder({ id: order.id });

    // when on May 8 a receipt brings A 6 @ 100 and all of B @ 200 (on time)
    const first = (await admin.CreateReceiptFromPurchaseOrder({ id: order.id, date: '2026-05-08' })).createReceiptFromPurchaseOrder;
    await admin.UpdateGoodsReceipt({ id: first.id, input: { version: first.version, lines: [{ productId: a, quantity: '6', unitCost: '100', orderLine: 1 }, { productId: b, quantity: '5', unitCost: '200', orderLine: 2 }] } });
    await admin.PostGoodsReceipt({ id: first.id });

    // then as of May 11, A has 10 − 6 = 4 remaining and is overdue (expected May 10); B is in full, on time
    const mid = (await buyer.PurchaseControl({ filter: { orderId: order.id }, asOf: '2026-05-11' })).purchaseControl;
    expect(mid.map((l) => [l.product.sku, l.ordered, l.received, l.remaining, l.overdue, l.inFull, l.onTime, l.delayDays])).toEqual([
      ['CTL-A', '10', '6', '4', true, false, false, null],
      ['CTL-B', '5', '5', '0', false, true, true, 0],
    ]);
    expect((await buyer.PurchaseControl({ filter: { supplierId: supplier, onlyOverdue: true }, asOf: '2026-05-11' })).purchaseControl.map((l) => l.product.sku)).toEqual(['CTL-A']);

    // when on May 13 (3 days late) the remaining 4 of A come at 103 instead of 100
    const second = (await admin.CreateReceiptFromPurchaseOrder({ id: order.id, date: '2026-05-13' })).createReceiptFromPurchaseOrder;
    expect(second.lines.map((l) => [l.orderLine, l.quantity, l.unitCost])).toEqual([[1, '4', '100.00']]);
    await admin.UpdateGoodsReceipt({ id: second.id, input: { version: second.version, lines: [{ productId: a, quantity: '4', unitCost: '103', orderLine: 1 }] } });
    await admin.PostGoodsReceipt({ id: second.id });
    // and a landed cost of 30 is spread over the second receipt (one line: all of it)
    const freight = (await admin.CreateLandedCost({ input: { date: '2026-05-14', supplierId: carrier, description: 'Доставка', amount: '30', vatRate: '0', method: 'QUANTITY', goodsReceiptIds: [second.id] } })).createLandedCost;
    await admin.PostLandedCost({ id: freight.id });

    // then A is in full on May 13: delay 13 − 10 = 3 days, not on time; price variance 4 × (103 − 100) = 12.00
    const end = (await buyer.PurchaseControl({ filter: { orderId: order.id }, asOf: '2026-05-20' })).purchaseControl;
    expect(end.map((l) => [l.product.sku, l.received, l.remaining, l.overdue, l.inFull, l.onTime, l.completedOn, l.delayDays, l.priceVariance])).toEqual([
      ['CTL-A', '10', '0', false, true, false, '2026-05-13', 3, '12.00'],
      ['CTL-B', '5', '0', false, true, true, '2026-05-08', 0, '0.00'],
    ]);

    // and the supplier's May: 1 order, 2 lines, 1 on time in full → 50 %; delay (3 + 0) / 2 = 1.5; variance 12.00
    const { supplierScorecard } = await buyer.SupplierScorecard({ dateFrom: '2026-05-01', dateTo: '2026-05-31', supplierId: supplier });
    expect(supplierScorecard).toEqual([{ supplier: { id: supplier, name: 'Поставщик' }, orders: 1, lines: 2, linesOnTimeInFull: 1, otifPercent: '50', averageDelayDays: '1.5', priceVariance: '12.00' }]);
    // April has none of its orders
    expect((await buyer.SupplierScorecard({ dateFrom: '2026-04-01', dateTo: '2026-04-30', supplierId: supplier })).supplierScorecard).toEqual([]);

    // and the chain of A: order → the two receipts (variance 0 and 12) → the landed cost's 30
    const { purchaseLineChain } = await buyer.PurchaseLineChain({ orderId: order.id, lineNo: 1 });
    expect(purchaseLineChain.requisitionLines).toEqual([]);
    expect(purchaseLineChain.receipts.map((r) => [r.number, r.date, r.quantity, r.unitCost, r.amount, r.priceVariance])).toEqual([
      [first.number, '2026-05-08', '6', '100.00', '600.00', '0.00'],
      [second.number, '2026-05-13', '4', '103.00', '412.00', '12.00'],
    ]);
    expect(purchaseLineChain.landedCosts.map((l) => [l.documentType, l.number, l.amount])).toEqual([['LandedCost', freight.number, '30.00']]);
    expect((await errorOf(buyer.PurchaseLineChain({ orderId: order.id, lineNo: 9 }))).code).toBe('NOT_FOUND');
  });
});
