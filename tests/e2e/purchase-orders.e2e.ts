import { demoEmail, Role } from '../support/harness';
import { eventually, openMenu } from './browser';
import { addLine, logIn, openCreate, pick, rowWith, save, useStockConsole } from './stock-console';

/**
 * Purchase orders in a real browser: purchasing enters an order whose line takes the
 * supplier's price by itself, posts it (on order), and receives part of it with Receive.
 */
describe('purchase orders in the console', () => {
  const { browserTest, seed } = useStockConsole();

  browserTest('an order of 8 bolts takes the supplier price 250 (2,000.00 + VAT 440.00), is posted onto order, and a receipt of 5 from it leaves 3 on order, shown by purchase control and the scorecard', async ({ page }) => {
    // given a supplier whose price list has bolts at 250 from 2020-01-01
    const seeded = await seed('po', 'E2E-PO-1', 'Bolt');
    const { admin, product, supplier, warehouse } = seeded;
    await admin.SetSupplierPrice({ input: { supplierId: supplier.id, productId: product.id, validFrom: '2020-01-01', price: '250' } });
    await logIn(page, demoEmail(Role.PURCHASING));

    // when purchasing makes an order of 8 bolts without typing a price
    await openCreate(page, 'Purchase orders', 'PurchaseOrder');
    await pick(page, page.getByRole('combobox', { name: 'Supplier' }), 'E2E Supplier', 'E2E Supplier po');
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), 'E2E Store po', 'E2E Store po');
    await addLine(page, 'E2E-PO-1 Bolt', '8');
    // then the line takes the supplier's 250
    await eventually(async () => expect(Number(await page.locator('input[name="lines.0.price"]').inputValue())).toBe(250));
    const id = await save(page, 'PurchaseOrder');

    // and the order is 8 × 250 = 2,000.00 with VAT 22 % = 440.00
    const { purchaseOrder } = await admin.PurchaseOrder({ id });
    expect(purchaseOrder?.lines.map((l) => [l.quantity, l.price, l.amount, l.vat])).toEqual([['8', '250.00', '2000.00', '440.00']]);

    // when it is posted, 8 are on order
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await eventually(async () => expect((await admin.PurchaseOrder({ id })).purchaseOrder?.status).toBe('POSTED'));
    const onOrder = async () => (await admin.Availability({ productIds: [product.id], warehouseIds: [warehouse.id] })).availability[0].onOrder;
    expect(await onOrder()).toBe('8');

    // when Receive makes the receipt (all 8 prefilled), 5 are kept and it is saved and posted
    await page.getByRole('button', { name: 'Receive' }).click();
    await page.waitForURL(/#\/GoodsReceipt\/[^/]+$/);
    await eventually(async () => expect(await page.locator('input[name="lines.0.quantity"]').inputValue()).toBe('8'));
    await page.locator('input[name="lines.0.quantity"]').fill('5');
    await save(page, 'GoodsReceipt');
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then 8 − 5 = 3 remain on order and 5 are on hand
    await eventually(async () => expect(await onOrder()).toBe('3'));

    // and purchase control shows the line: ordered 8, received 5, remaining 3
    await openMenu(page, 'Purchase control');
    const number = (await admin.PurchaseOrder({ id })).purchaseOrder!.number;
    await eventually(async () => expect((await rowWith(page, 'purchase-control', number)).join()).toMatch(new RegExp(`${number} 1 E2E-PO-1 .*8 5 3`)));
    // and the scorecard: 1 order, 1 line, none in full yet → OTIF 0 %
    await openMenu(page, 'Supplier scorecard');
    await eventually(async () => expect((await rowWith(page, 'supplier-scorecard', 'E2E Supplier po')).join()).toMatch(/^E2E Supplier po 1 1 0 0 /));
  });
});
