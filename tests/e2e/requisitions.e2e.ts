import { demoEmail, Role } from '../support/harness';
import { eventually, openMenu } from './browser';
import { addLine, logIn, openCreate, pick, save, switchUser, text, useStockConsole } from './stock-console';

/**
 * Requisitions to purchase orders in a real browser: a sales manager asks for 6 gaskets,
 * a storekeeper for 4; purchasing approves and orders both in one click, which makes one
 * order line of 10 at the supplier's price, and each requisition shows the order; a
 * reorder suggestion becomes a purchase order with one click too.
 */
describe('requisitions and reorder suggestions in the console', () => {
  const { app, browserTest, seed, addProduct } = useStockConsole();

  browserTest('two requisitions (6 + 4) become one order line of 10 × 12.50 = 125.00 + VAT 27.50; a suggestion of 10 − 2 = 8 bolts becomes an order of 8 × 3.00', async ({ page }) => {
    // given gaskets bought from the supplier at 12.50 (its main supplier)
    const seeded = await seed('rq', 'E2E-RQ-1', 'Gasket');
    const { admin, product, supplier, warehouse } = seeded;
    await admin.SetSupplierPrice({ input: { supplierId: supplier.id, productId: product.id, validFrom: '2020-01-01', price: '12.5' } });
    await admin.SetProductMainSupplier({ productId: product.id, supplierId: supplier.id });

    // when a sales manager asks for 6 in the console and submits it
    await logIn(page, demoEmail(Role.SALES_MANAGER));
    await openCreate(page, 'Requisitions', 'PurchaseRequisition');
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), warehouse.name, warehouse.name);
    await addLine(page, 'E2E-RQ-1 Gasket', '6');
    const mine = await save(page, 'PurchaseRequisition');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await eventually(async () => expect((await admin.PurchaseRequisition({ id: mine })).purchaseRequisition?.status).toBe('SUBMITTED'));
    // and a storekeeper asks for 4 (through the API)
    const storekeeper = await app().as(Role.WAREHOUSE);
    const theirs = (await storekeeper.CreatePurchaseRequisition({ input: { date: (await admin.PurchaseRequisition({ id: mine })).purchaseRequisition!.date, warehouseId: warehouse.id, lines: [{ productId: product.id, quantity: '4' }] } })).createPurchaseRequisition;
    await storekeeper.SubmitPurchaseRequisition({ id: theirs.id });

    // when purchasing approves the manager's in the console and the storekeeper's through the API
    await switchUser(page, demoEmail(Role.PURCHASING));
    const number = (await admin.PurchaseRequisition({ id: mine })).purchaseRequisition!.number;
    await page.goto(`/#/PurchaseRequisition/${mine}/show`);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await eventually(async () => expect((await admin.PurchaseRequisition({ id: mine })).purchaseRequisition?.status).toBe('APPROVED'));
    await (await app().as(Role.PURCHASING)).ApprovePurchaseRequisition({ id: theirs.id });

    // and selects both in the list and orders them
    await openMenu(page, 'Requisitions');
    for (const n of [number, theirs.number]) await page.getByRole('row').filter({ hasText: n }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Order from suppliers' }).click();
    await page.waitForURL(/#\/PurchaseOrder\/[^/]+\/show$/);
    const orderId = decodeURIComponent(page.url().match(/#\/PurchaseOrder\/([^/]+)\/show$/)![1]);

    // then one draft to the supplier: 6 + 4 = 10 × 12.50 = 125.00, VAT 22 % = 27.50
    const { purchaseOrder } = await admin.PurchaseOrder({ id: orderId });
    expect([purchaseOrder?.status, purchaseOrder?.supplier.name, purchaseOrder?.lines.map((l) => [l.product.sku, l.quantity, l.price, l.amount, l.vat])]).toEqual(['DRAFT', supplier.name, [['E2E-RQ-1', '10', '12.50', '125.00', '27.50']]]);
    // and the manager's requisition is Ordered, its line on that order: 6 ordered, 0 received
    await page.goto(`/#/PurchaseRequisition/${mine}/show`);
    await eventually(async () => expect(text(await page.getByTestId('line-orders').innerText())).toBe(`${purchaseOrder!.number}: 6 / 0`));
    await page.getByText('Ordered', { exact: true }).first().waitFor();

    // when the order is posted, its line shows where it came from: the manager's 6 (line 1), the storekeeper's 4
    await page.goto(`/#/PurchaseOrder/${orderId}/show`);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('button', { name: 'Unpost', exact: true }).waitFor();
    await eventually(async () => expect((await page.locator('.line-chain tbody tr').allInnerTexts()).map((r) => text(r).replace(/ \S+ 1 /, ' <date> 1 '))).toEqual([
      `Requisition ${number} <date> 1 6 — — —`,
      `Requisition ${theirs.number} <date> 1 4 — — —`,
    ]));

    // given bolts with min 5 / max 10 in the warehouse, 2 on hand
    const bolt = await addProduct(seeded, 'E2E-RQ-2', 'Bolt');
    // and purchasing sets the supplier's price 3.00 on its card and makes it the bolts' main supplier
    await page.goto(`/#/Counterparty/${supplier.id}/show/supplier-prices`);
    await pick(page, page.getByRole('combobox', { name: 'Product' }), 'E2E-RQ-2', 'E2E-RQ-2 Bolt');
    await page.locator('input[name="price"]').fill('3');
    await page.getByRole('button', { name: 'Set price' }).click();
    const boltRow = page.locator('.supplier-prices tbody tr').filter({ hasText: 'E2E-RQ-2' });
    await eventually(async () => expect(text(await boltRow.innerText())).toMatch(/^E2E-RQ-2 Bolt \S+ RUB 3\.00$/));
    await boltRow.getByRole('button', { name: 'Make it the main supplier of the product' }).click();
    await eventually(async () => expect((await admin.ProductMainSupplier({ id: bolt.id })).product?.mainSupplier?.id).toBe(supplier.id));
    await admin.SetReorderRule({ input: { warehouseId: warehouse.id, productId: bolt.id, minQuantity: '5', maxQuantity: '10' } });
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2020-01-05', warehouseId: warehouse.id, supplierId: supplier.id, lines: [{ productId: bolt.id, quantity: '2', unitCost: '3' }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });

    // when purchasing opens the suggestions for the warehouse: 2 projected, buy 10 − 2 = 8
    await openMenu(page, 'Reorder suggestions');
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), warehouse.name, warehouse.name);
    const group = page.getByTestId('reorder-group').filter({ hasText: supplier.name });
    await eventually(async () => expect(text(await group.getByTestId('reorder-row').filter({ hasText: 'E2E-RQ-2' }).innerText())).toMatch(/E2E-RQ-2 Bolt 5 10 2 0 0 0 2 8$/));
    // and orders them in one click
    await group.getByRole('button', { name: 'Purchase order' }).click();
    await page.waitForURL(/#\/PurchaseOrder\/[^/]+\/show$/);
    const fromSuggestion = decodeURIComponent(page.url().match(/#\/PurchaseOrder\/([^/]+)\/show$/)![1]);

    // then a draft of 8 × 3.00 = 24.00, VAT 5.28
    const made = (await admin.PurchaseOrder({ id: fromSuggestion })).purchaseOrder!;
    expect([made.supplier.name, made.warehouse.code, made.lines.map((l) => [l.product.sku, l.quantity, l.price, l.amount, l.vat])]).toEqual([supplier.name, warehouse.code, [['E2E-RQ-2', '8', '3.00', '24.00', '5.28']]]);
  });
});
