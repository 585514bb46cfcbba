import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { count, outcome } from '../support/outcomes';

/** Receipts against purchase orders (issue 14 §5): the tolerance, who may go past it, cancelled orders, and receipts racing for one line. */
describe('receipts against a purchase order', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let buyer: TradebookClient;
  let store: TradebookClient;
  let pcs: string;
  let supplier: string;
  let warehouse: string;

  beforeAll(async () => {
    app = await startTestApp({ REQUESTS_PER_USER: '100', REQUESTS_QUEUED_PER_USER: '500', DB_POOL_MAX: '16', DB_ACQUIRE_TIMEOUT_MS: '60000', DB_LOCK_TIMEOUT_MS: '60000' });
    admin = await app.as(Role.ADMIN);
    buyer = await app.as(Role.PURCHASING);
    store = await app.as(Role.WAREHOUSE);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    warehouse = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } })).createWarehouse.id;
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, kind: 'GOODS' } })).createProduct.id;
  const postedOrder = async (productId: string, quantity: string, tolerance?: string) => {
    const order = (await buyer.CreatePurchaseOrder({ input: { date: '2026-04-01', supplierId: supplier, warehouseId: warehouse, receiptTolerancePercent: tolerance, lines: [{ productId, quantity, price: '50', vatRate: '22' }] } })).createPurchaseOrder;
    return (await buyer.PostPurchaseOrder({ id: order.id })).postPurchaseOrder;
  };
  const receiptOf = async (client: TradebookClient, orderId: string, productId: string, quantity: string) =>
    (await client.CreateGoodsReceipt({ input: { date: '2026-04-05', warehouseId: warehouse, supplierId: supplier, purchaseOrderId: orderId, lines: [{ productId, quantity, unitCost: '50', vatRate: '22' }] } })).createGoodsReceipt;
  const onOrder = async (productId: string) => (await admin.Availability({ productIds: [productId], warehouseIds: [warehouse] })).availability[0].onOrder;

  it('refuses a receipt past ordered + tolerance with the numbers; an admin may receive past it', async () => {
    // given an order of 10 with a 10 % tolerance: up to 10 × 1.1 = 11 may come
    const p = await product('OVER-1');
    const order = await postedOrder(p, '10', '10');
    await store.PostGoodsReceipt({ id: (await receiptOf(store, order.id, p, '8')).id });

    // when 4 more are asked (8 + 4 = 12 > 11), then the quantity is refused with ordered, received, asked, tolerance
    const tooMany = await receiptOf(store, order.id, p, '4');
    const error = await errorOf(store.PostGoodsReceipt({ id: tooMany.id }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual({ 'lines.0.quantity': 'line 1: order line 1: ordered 10, received 8, asked 4, tolerance 10 %: at most 3 more may be received' });
    expect(error.details).toMatchObject({ fieldErrors: [{ field: 'lines.0.quantity', params: { ordered: '10', received: '8', asked: '4', tolerance: '10', max: '3' } }] });
    // and nothing was written: 10 − 8 = 2 on order, the draft still a draft
    expect(await onOrder(p)).toBe('2');
    expect((await store.GoodsReceipt({ id: tooMany.id })).goodsReceipt?.status).toBe('DRAFT');

    // when 3 are asked (8 + 3 = 11 = the most), it posts; on order cannot go below 0 (11 > 10)
    await store.UpdateGoodsReceipt({ id: tooMany.id, input: { version: tooMany.version, lines: [{ productId: p, quantity: '3', unitCost: '50' }] } });
    await store.PostGoodsReceipt({ id: tooMany.id });
    expect(await onOrder(p)).toBe('0');

    // when an admin (purchase:overReceive) receives 5 more, past the tolerance, it is allowed
    const extra = await receiptOf(admin, order.id, p, '5');
    await admin.PostGoodsReceipt({ id: extra.id });
    expect(await onOrder(p)).toBe('0');
  });

  it('refuses a receipt for a cancelled order, and one whose supplier differs', async () => {
    const p = await product('CANCEL-1');
    const order = await postedOrder(p, '5');
    const draft = await receiptOf(store, order.id, p, '2');
    await buyer.CancelPurchaseOrder({ id: order.id });
    expect(await onOrder(p)).toBe('0');
    // a new receipt, the prefill, and posting the draft made before are all INVALID_STATE
    expect((await errorOf(receiptOf(store, order.id, p, '1'))).code).toBe('INVALID_STATE');
    expect((await errorOf(store.CreateReceiptFromPurchaseOrder({ id: order.id, date: '2026-04-05' }))).code).toBe('INVALID_STATE');
    expect((await errorOf(store.PostGoodsReceipt({ id: draft.id }))).code).toBe('INVALID_STATE');
    // another supplier's receipt against an order → purchaseOrderId
    const other = (await admin.CreateCounterparty({ input: { name: 'Другой', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const open = await postedOrder(p, '5');
    const wrong = await errorOf(store.CreateGoodsReceipt({ input: { date: '2026-04-05', warehouseId: warehouse, supplierId: other, purchaseOrderId: open.id, lines: [{ productId: p, quantity: '1', unitCost: '50' }] } }));
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(wrong.fields)).toEqual(['purchaseOrderId']);
    // a line naming an order line that does not exist, or one of another product → lines.<i>.orderLine; no receipt is written
    const q = await product('CANCEL-2');
    const before = (await store.GoodsReceipts({ filter: { supplierId: supplier } })).goodsReceipts.total;
    const badLines = await errorOf(store.CreateGoodsReceipt({ input: { date: '2026-04-05', warehouseId: warehouse, supplierId: supplier, purchaseOrderId: open.id, lines: [{ productId: p, quantity: '1', unitCost: '50', orderLine: 7 }, { productId: q, quantity: '1', unitCost: '50', orderLine: 1 }] } }));
    expect(badLines.code).toBe('BAD_USER_INPUT');
    expect(badLines.fields).toEqual({ 'lines.0.orderLine': 'line 1: the order has no line 7', 'lines.1.orderLine': 'line 2: line 1 of the order is of another product' });
    expect((await store.GoodsReceipts({ filter: { supplierId: supplier } })).goodsReceipts.total).toBe(before);
  });

  it('refuses a receipt dated before its order on `date`, whether made, prefilled or redated; nothing is written', async () => {
    // given an order placed on 2026-04-01
    const p = await product('EARLY-1');
    const order = await postedOrder(p, '5');
    const before = (await store.GoodsReceipts({ filter: { supplierId: supplier } })).goodsReceipts.total;
    const early = (error: Awaited<ReturnType<typeof errorOf>>) => [error.code, error.details?.fieldErrors];
    const refusal = [
      'BAD_USER_INPUT',
      [{ field: 'date', reason: 'NOT_BEFORE', message: expect.stringContaining('(2026-04-01)'), params: { field: 'purchaseOrder.date', value: '2026-04-01' } }],
    ];

    // a receipt against it dated 2026-03-31, or its prefill for that day, is refused on the date
    const made = await errorOf(store.CreateGoodsReceipt({ input: { date: '2026-03-31', warehouseId: warehouse, supplierId: supplier, purchaseOrderId: order.id, lines: [{ productId: p, quantity: '1', unitCost: '50' }] } }));
    expect(early(made)).toEqual(refusal);
    expect(early(await errorOf(store.CreateReceiptFromPurchaseOrder({ id: order.id, date: '2026-03-31' })))).toEqual(refusal);
    expect((await store.GoodsReceipts({ filter: { supplierId: supplier } })).goodsReceipts.total).toBe(before);

    // a draft on the order's own day is fine; moved a day earlier it is refused at posting, and stays a draft, on order unchanged
    const draft = await receiptOf(store, order.id, p, '2');
    const moved = (await store.UpdateGoodsReceipt({ id: draft.id, input: { version: draft.version, date: '2026-03-31' } })).updateGoodsReceipt;
    expect(early(await errorOf(store.PostGoodsReceipt({ id: moved.id })))).toEqual(refusal);
    expect((await store.GoodsReceipt({ id: draft.id })).goodsReceipt?.status).toBe('DRAFT');
    expect(await onOrder(p)).toBe('5');
    // the same receipt with its lines sent again is refused at once
    expect(early(await errorOf(store.UpdateGoodsReceipt({ id: draft.id, input: { version: moved.version, lines: [{ productId: p, quantity: '2', unitCost: '50' }] } })))).toEqual(refusal);

    // dated 2026-04-01, it posts: 5 − 2 = 3 left on order
    const onTime = (await store.UpdateGoodsReceipt({ id: draft.id, input: { version: moved.version, date: '2026-04-01' } })).updateGoodsReceipt;
    await store.PostGoodsReceipt({ id: onTime.id });
    expect(await onOrder(p)).toBe('3');
  });

  it('8 receipts of 3 racing for one order line of 10 on their own connections: exactly 3 post, never more than ordered', async () => {
    // given an order of 10, tolerance 0, and 8 drafts of 3 against it
    const p = await product('RACE-1');
    const order = await postedOrder(p, '10');
    const drafts = await Promise.all(Array.from({ length: 8 }, () => receiptOf(store, order.id, p, '3')));

    // when all 8 are posted at once
    const outcomes = await Promise.all(drafts.map((d) => outcome(store.PostGoodsReceipt({ id: d.id }, { timeoutMs: 60_000 }))));

    // then 3 × 3 = 9 ≤ 10 came in; a 4th would make 12 > 10
    expect(count(outcomes)).toEqual({ OK: 3, BAD_USER_INPUT: 5 });
    // and 10 − 9 = 1 is on order, 9 on hand
    const [row] = (await admin.Availability({ productIds: [p], warehouseIds: [warehouse] })).availability;
    expect([row.onHand, row.onOrder]).toEqual(['9', '1']);
  });
});
