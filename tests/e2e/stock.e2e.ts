import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, Role, startTestApp, type TestApp } from '../support/harness';
import { eventually, useBrowser } from './browser';

/**
 * The stock screens in a real browser: a goods receipt written through its form and posted,
 * then read back on the stock balance screen, with the value columns only for those who may
 * see cost. Suppliers, warehouses and products come from the SDK.
 */
describe('stock console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const browserTest = useBrowser(() => app.url);

  async function logIn(page: Page, email: string) {
    await page.goto('/');
    await page.locator('input[name=username]').fill(email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
  }

  /** A supplier, a warehouse and a product, each file-unique by `tag`. */
  async function seed(tag: string, sku: string, name: string) {
    const admin = await app.as(Role.ADMIN);
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: `pcs-${tag}`, name: 'piece' } });
    const product = (await admin.CreateProduct({ input: { sku, name, unitId: unit.id, vatRate: '22' } })).createProduct;
    const supplier = (await admin.CreateCounterparty({ input: { name: `E2E Supplier ${tag}`, roles: ['SUPPLIER'] } })).createCounterparty;
    const warehouse = (await admin.CreateWarehouse({ input: { code: `W-${tag}`, name: `E2E Store ${tag}` } })).createWarehouse;
    return { admin, product, supplier, warehouse };
  }

  async function pick(page: Page, combobox: Locator, typed: string, option: string) {
    await combobox.click();
    await combobox.pressSequentially(typed);
    await page.getByRole('option', { name: option }).click();
    expect(await combobox.inputValue()).toBe(option);
  }

  const text = (value: string) => value.replace(/\s+/g, ' ').trim();

  browserTest('a warehouse user writes a goods receipt with one line, posts it, and sees the quantity on the stock balance screen', async ({ page }) => {
    // given a supplier, a warehouse and a product
    const { admin, warehouse } = await seed('rc', 'E2E-ST-1', 'Crowbar');
    await logIn(page, demoEmail(Role.WAREHOUSE));

    // when the warehouse user opens Goods receipts, Create, and fills the head
    await page.getByRole('menuitem', { name: 'Goods receipts' }).click();
    await page.waitForURL(/#\/GoodsReceipt$/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.waitForURL(/#\/GoodsReceipt\/create$/);
    await page.locator('input[name=date]').fill('2020-03-02');
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), 'E2E Store', 'E2E Store rc');
    await pick(page, page.getByRole('combobox', { name: 'Supplier' }), 'E2E Supplier', 'E2E Supplier rc');

    // and one line: 10 crowbars at 100, VAT 22 %
    await page.getByRole('button', { name: 'Add' }).click();
    await pick(page, page.getByRole('combobox', { name: 'Product', exact: true }), 'E2E-ST-1', 'E2E-ST-1 Crowbar');
    await page.locator('input[name="lines.0.quantity"]').fill('10');
    await page.locator('input[name="lines.0.unitCost"]').fill('100');
    await page.getByRole('combobox', { name: 'VAT, %' }).click();
    await page.getByRole('option', { name: '22 %' }).click();
    await page.getByRole('button', { name: 'Save' }).click();

    // then the draft opens with its line, and no movements yet
    await page.waitForURL(/#\/GoodsReceipt\/[^/]+\/show$/);
    const id = decodeURIComponent(page.url().match(/#\/GoodsReceipt\/([^/]+)\/show$/)![1]);
    await page.getByText('Draft', { exact: true }).waitFor();
    await eventually(async () => expect((await page.locator('.receipt-lines tbody tr').allInnerTexts()).map(text)).toEqual([expect.stringMatching(/^1 E2E-ST-1 Crowbar 10 RUB 100\.00 RUB 1,000\.00 22 RUB 220\.00$/)]));

    // when they press Post
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then it is Posted, offers Unpost, and shows the movement it made (no cost column without cost:read)
    await page.getByText('Posted', { exact: true }).waitFor();
    await eventually(async () => expect((await page.locator('.receipt-movements tbody tr').allInnerTexts()).map(text)).toEqual([expect.stringMatching(/^1 02\/03\/2020 E2E-ST-1 10$/)]));
    expect(await page.getByRole('button', { name: 'Unpost', exact: true }).count()).toBe(1);
    expect((await admin.GoodsReceipt({ id })).goodsReceipt?.status).toBe('POSTED');

    // and the stock balance screen shows 10 on hand in that warehouse, without value columns
    await page.getByRole('menuitem', { name: 'Stock balances' }).click();
    await page.waitForURL(/#\/StockBalance$/);
    const row = page.getByTestId('balance-E2E-ST-1');
    await eventually(async () => expect(text(await row.innerText())).toMatch(/^E2E Store rc E2E-ST-1 Crowbar 10 0 10 Lots$/));
    expect(await page.getByRole('columnheader', { name: 'Value' }).count()).toBe(0);
    expect(warehouse.code).toBe('W-rc');
  });

  browserTest('a sales manager sees the balance without value columns; an administrator sees the value and average cost', async ({ page }) => {
    // given 4 drills received at 250 and posted through the SDK
    const { admin, product, supplier, warehouse } = await seed('sm', 'E2E-ST-2', 'Drill');
    const { createGoodsReceipt: receipt } = await admin.CreateGoodsReceipt({ input: { date: '2020-03-03', warehouseId: warehouse.id, supplierId: supplier.id, lines: [{ productId: product.id, quantity: '4', unitCost: '250' }] } });
    await admin.PostGoodsReceipt({ id: receipt.id });

    // when a sales manager opens Stock balances
    await logIn(page, demoEmail(Role.SALES_MANAGER));
    await page.getByRole('menuitem', { name: 'Stock balances' }).click();
    await page.waitForURL(/#\/StockBalance$/);

    // then the row shows quantities only, and there is no value or average cost column
    const row = page.getByTestId('balance-E2E-ST-2');
    await eventually(async () => expect(text(await row.innerText())).toMatch(/^E2E Store sm E2E-ST-2 Drill 4 0 4 Lots$/));
    await page.getByRole('columnheader', { name: 'On hand' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Value' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Average cost' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Goods receipts' }).count()).toBe(0);

    // and an administrator sees value 1,000.00 at an average of 250.00
    await page.evaluate('sessionStorage.clear()');
    await logIn(page, demoEmail(Role.ADMIN));
    await page.getByRole('menuitem', { name: 'Stock balances' }).click();
    await eventually(async () => expect(text(await page.getByTestId('balance-E2E-ST-2').innerText())).toMatch(/^E2E Store sm E2E-ST-2 Drill 4 0 4 RUB 250\.00 RUB 1,000\.00 Lots$/));
  });
});
