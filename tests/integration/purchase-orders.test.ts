import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

describe('purchase orders', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let buyer: TradebookClient;
  let pcs: string;
  let supplier: string;
  let client: string;
  let warehouse: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    buyer = await app.as(Role.PURCHASING);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    client = (await admin.CreateCounterparty({ input: { name: 'Покупатель', roles: ['CLIENT'] } })).createCounterparty.id;
    warehouse = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } })).createWarehouse.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, kind: 'GOODS' } })).createProduct.id;
  const balance = async (productId: string) => (await admin.StockBalances({ filter: { productId } })).stockBalances.items.map((b) => [b.warehouse.code, b.onHand, b.available, b.onOrder]);

  it('prefills prices from the supplier, puts a posted order on order, and a receipt from it takes what it received off', async () => {
    // given a price list of 95 from March 1 and a receipt at 100 on March 5: the receipt is more recent
    const p = await product('PO-1');
    const q = await product('PO-2');
    await buyer.SetSupplierPrice({ input: { supplierId: supplier, productId: p, validFrom: '2026-03-01', price: '95' } });
    await buyer.SetSupplierPrice({ input: { supplierId: supplier, productId: q, validFrom: '2026-03-01', price: '40' } });
    expect((await buyer.SupplierPrice({ supplierId: supplier, productId: p, date: '2026-03-02' })).supplierPrice).toEqual({ productId: p, price: '95.00', source: 'PRICE_LIST', since: '2026-03-01' });
    const rc = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-05', warehouseId: warehouse, supplierId: supplier, lines: [{ productId: p, quantity: '1', unitCost: '100', vatRate: '22' }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: rc.id });
    expect((await buyer.SupplierPrice({ supplierId: supplier, productId: p, date: '2026-03-10' })).supplierPrice).toEqual({ productId: p, price: '100.00', source: 'LAST_RECEIPT', since: '2026-03-05' });
    // before the price list there is no price
    expect((await buyer.SupplierPrice({ supplierId: supplier, productId: q, date: '2026-02-28' })).supplierPrice).toBeNull();
    // and the supplier is the product's main supplier
    await buyer.SetProductMainSupplier({ productId: p, supplierId: supplier });
    expect((await buyer.ProductMainSupplier({ id: p })).product?.mainSupplier).toEqual({ id: supplier, name: 'Поставщик' });

    // when an order of 10 × PO-1 (no price: 100 from the last receipt) and 4 × PO-2 at 38 is made and posted
    const draft = (await buyer.CreatePurchaseOrder({ input: { date: '2026-03-10', supplierId: supplier, warehouseId: warehouse, expectedDate: '2026-03-20', paymentDays: 14, lines: [{ productId: p, quantity: '10' }, { productId: q, quantity: '4', price: '38', vatRate: '10' }] } })).createPurchaseOrder;
    // then the lines are 10 × 100 = 1000 + VAT 22 % 220 (the product's rate), 4 × 38 = 152 + VAT 10 % 15.20
    expect(draft.number).toMatch(/^PO-2026-\d{6}$/);
    expect(draft.lines.map((l) => [l.lineNo, l.quantity, l.price, l.vatRate, l.amount, l.vat])).toEqual([
      [1, '10', '100.00', '22', '1000.00', '220.00'],
      [2, '4', '38.00', '10', '152.00', '15.20'],
    ]);
    expect(await balance(p)).toEqual([['W1', '1', '1', '0']]);
    await buyer.PostPurchaseOrder({ id: draft.id });
    // then 10 of PO-1 are on order beside the 1 on hand
    expect(await balance(p)).toEqual([['W1', '1', '1', '10']]);
    expect((await admin.Availability({ productIds: [p], warehouseIds: [warehouse] })).availability.map((a) => [a.onHand, a.available, a.onOrder])).toEqual([['1', '1', '10']]);

    // when a receipt from the order is made: prefilled with everything left, at the order's prices
    const receipt = (await admin.CreateReceiptFromPurchaseOrder({ id: draft.id, date: '2026-03-15' })).createReceiptFromPurchaseOrder;
    expect(receipt.purchaseOrderId).toBe(draft.id);
    expect(receipt.lines.map((l) => [l.orderLine, l.product.sku, l.quantity, l.unitCost])).toEqual([
      [1, 'PO-1', '10', '100.00'],
      [2, 'PO-2', '4', '38.00'],
    ]);
    // and only 6 of PO-1 are taken, then posted
    const partial = (await admin.UpdateGoodsReceipt({ id: receipt.id, input: { version: receipt.version, lines: [{ productId: p, quantity: '6', unitCost: '100', orderLine: 1 }] } })).updateGoodsReceipt;
    await admin.PostGoodsReceipt({ id: partial.id });
    // then 1 + 6 = 7 are on hand and 10 − 6 = 4 on order; PO-2 still 4
    expect(await balance(p)).toEqual([['W1', '7', '7', '4']]);
    expect(await balance(q)).toEqual([]);
    expect((await admin.Availability({ productIds: [q], warehouseIds: [warehouse] })).availability.map((a) => a.onOrder)).toEqual(['4']);

    // when the receipt is unposted, its 6 go back on order; the order cannot be unposted while a receipt stands on it
    expect((await errorOf(buyer.UnpostPurchaseOrder({ id: draft.id }))).code).toBe('INVALID_STATE');
    await admin.UnpostGoodsReceipt({ id: partial.id });
    expect(await balance(p)).toEqual([['W1', '1', '1', '10']]);

    // when the order is closed, nothing is on order any more and no receipt can be made from it
    await buyer.ClosePurchaseOrder({ id: draft.id });
    expect(await balance(p)).toEqual([['W1', '1', '1', '0']]);
    expect((await errorOf(admin.CreateReceiptFromPurchaseOrder({ id: draft.id, date: '2026-03-16' }))).code).toBe('INVALID_STATE');
    // and unposting it takes the closing back with the order
    await buyer.UnpostPurchaseOrder({ id: draft.id });
    expect(await balance(p)).toEqual([['W1', '1', '1', '0']]);
    expect((await buyer.PurchaseOrder({ id: draft.id })).purchaseOrder).toMatchObject({ status: 'DRAFT', closedAt: null });
  });

  it('refuses to close an order on a day of a closed period (PERIOD_CLOSED): it stays open, its goods on order', async () => {
    // given a posted order of 5, and the period closed through today
    const p = await product('PO-PERIOD');
    const order = (await buyer.CreatePurchaseOrder({ input: { date: '2026-03-01', supplierId: supplier, warehouseId: warehouse, lines: [{ productId: p, quantity: '5', price: '10' }] } })).createPurchaseOrder;
    await buyer.PostPurchaseOrder({ id: order.id });
    const today = new Date().toISOString().slice(0, 10);
    await admin.ClosePeriod({ through: today });
    try {
      // when it is closed today, then PERIOD_CLOSED with the dates, and nothing changed
      const refused = await errorOf(buyer.ClosePurchaseOrder({ id: order.id }));
      expect([refused.code, refused.details]).toEqual(['PERIOD_CLOSED', { closedThrough: today, date: today }]);
      expect((await buyer.PurchaseOrder({ id: order.id })).purchaseOrder?.closedAt).toBeNull();
      expect((await admin.Availability({ productIds: [p], warehouseIds: [warehouse] })).availability.map((a) => a.onOrder)).toEqual(['5']);
    } finally {
      await admin.ClosePeriod({ through: null });
    }
    // once the period is open again, it closes: nothing left on order
    await buyer.ClosePurchaseOrder({ id: order.id });
    expect((await admin.Availability({ productIds: [p], warehouseIds: [warehouse] })).availability.map((a) => a.onOrder)).toEqual(['0']);
  });

  it('refuses a client that is not a supplier, bad lines and a missing price on the field, writing nothing', async () => {
    const p = await product('PO-BAD');
    const before = (await buyer.PurchaseOrders({})).purchaseOrders.total;
    const error = await errorOf(buyer.CreatePurchaseOrder({ input: { date: '2026-03-10', supplierId: client, warehouseId: warehouse, receiptTolerancePercent: '101', lines: [{ productId: p, quantity: '0', price: '1' }, { productId: p, quantity: '1', price: '-1' }] } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fields).sort()).toEqual(['lines.0.quantity', 'lines.1.price', 'receiptTolerancePercent', 'supplierId']);
    expect(error.fields.supplierId).toMatch(/is not a supplier/);
    // a line without a price where the supplier has none
    const noPrice = await errorOf(buyer.CreatePurchaseOrder({ input: { date: '2026-03-10', supplierId: supplier, warehouseId: warehouse, lines: [{ productId: p, quantity: '1' }] } }));
    expect(noPrice.fields).toEqual({ 'lines.0.price': expect.stringMatching(/no price given/) });
    expect((await buyer.PurchaseOrders({})).purchaseOrders.total).toBe(before);
    // a main supplier that is not a supplier
    expect(Object.keys((await errorOf(buyer.SetProductMainSupplier({ productId: p, supplierId: client }))).fields)).toEqual(['supplierId']);
  });
});
