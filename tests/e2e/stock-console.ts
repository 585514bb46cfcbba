import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, Role, startTestApp, type TestApp } from '../support/harness';
import { openMenu, useBrowser } from './browser';

/**
 * Steps the stock console's browser tests share: signing in, filling document forms and
 * reading their tables, and the suppliers, warehouses, products and posted receipts they
 * only need to exist, made through the SDK.
 */

export const text = (value: string) => value.replace(/\s+/g, ' ').trim();

export async function logIn(page: Page, email: string) {
  await page.goto('/');
  await page.locator('input[name=username]').fill(email);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
}

/** Signs the current user out (the token lives in sessionStorage) and another one in. */
export async function switchUser(page: Page, email: string) {
  await page.evaluate('sessionStorage.clear()');
  await logIn(page, email);
}

/** Types into an autocomplete and picks the option of exactly that text. */
export async function pick(page: Page, combobox: Locator, typed: string, option: string) {
  await combobox.click();
  await combobox.pressSequentially(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  expect(await combobox.inputValue()).toBe(option);
}

/** Opens a document list from the menu, then its Create form (`create`: the button's words in the console's language). */
export async function openCreate(page: Page, menu: string, resource: string, create = 'Create') {
  await openMenu(page, menu);
  await page.waitForURL(new RegExp(`#/${resource}$`));
  await page.getByRole('link', { name: create, exact: true }).click();
  await page.waitForURL(new RegExp(`#/${resource}/create$`));
}

/** Adds a line to the form's line grid: a product picked by its SKU, and a quantity. */
export async function addLine(page: Page, product: string, quantity: string, index = 0) {
  await page.getByRole('button', { name: 'Add line' }).click();
  await pick(page, page.getByRole('combobox', { name: 'Product', exact: true }).nth(index), product.split(' ')[0], product);
  await page.locator(`input[name="lines.${index}.quantity"]`).fill(quantity);
}

/** The row of a report or list table (`stock-balances`…) that holds `text`, as one line of text. */
export const rowWith = async (page: Page, table: string, text: string) => (await page.locator(`.${table} tbody tr`).filter({ hasText: text }).allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());

/** Saves a document's form and waits for the view it opens (`show`, or `edit` where work goes on); returns its id. */
export async function save(page: Page, resource: string, opens: 'show' | 'edit' = 'show'): Promise<string> {
  await page.getByRole('button', { name: 'Save' }).click();
  const url = new RegExp(`#/${resource}/([^/]+)${opens === 'show' ? '/show' : ''}$`);
  await page.waitForURL((current) => url.test(current.toString()) && !current.toString().endsWith('/create'));
  return decodeURIComponent(page.url().match(url)![1]);
}

/** The rows of a table (`document-lines`, `document-movements`, `stock-valuation`…), one line of text each. */
export const rowsOf = async (page: Page, table: string) => (await page.locator(`.${table} tbody tr`).allInnerTexts()).map(text);

export type Seeded = Awaited<ReturnType<ReturnType<typeof stockSeeds>['seed']>>;

/** Records made through the SDK as an administrator, each file-unique by `tag`. */
function stockSeeds(app: () => TestApp) {
  /** A supplier, a warehouse and a product. */
  async function seed(tag: string, sku: string, name: string) {
    const admin = await app().as(Role.ADMIN);
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: `pcs-${tag}`, name: 'piece' } });
    const product = (await admin.CreateProduct({ input: { sku, name, unitId: unit.id, vatRate: '22' } })).createProduct;
    const supplier = (await admin.CreateCounterparty({ input: { name: `E2E Supplier ${tag}`, roles: ['SUPPLIER'] } })).createCounterparty;
    const warehouse = (await admin.CreateWarehouse({ input: { code: `W-${tag}`, name: `E2E Store ${tag}` } })).createWarehouse;
    return { admin, unit, product, supplier, warehouse };
  }

  /** Another product of the seeded unit, in `groupId` if given. */
  async function addProduct(seeded: Seeded, sku: string, name: string, groupId?: string) {
    return (await seeded.admin.CreateProduct({ input: { sku, name, unitId: seeded.unit.id, vatRate: '22', groupId } })).createProduct;
  }

  /** Posts a receipt of `lines` (product, quantity, unit cost) into the seeded warehouse, or another one. */
  async function receive(seeded: Seeded, date: string, lines: [{ id: string }, string, string][], warehouse: { id: string } = seeded.warehouse) {
    const { admin, supplier } = seeded;
    const input = { date, warehouseId: warehouse.id, supplierId: supplier.id, lines: lines.map(([product, quantity, unitCost]) => ({ productId: product.id, quantity, unitCost })) };
    const { createGoodsReceipt: receipt } = await admin.CreateGoodsReceipt({ input });
    await admin.PostGoodsReceipt({ id: receipt.id });
    return receipt;
  }

  return { seed, addProduct, receive };
}

/**
 * Starts the file's API (beforeAll/afterAll) and browser; returns the app, `browserTest`
 * (see useBrowser) and the SDK seeds.
 */
export function useStockConsole() {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());
  return { app: () => app, browserTest: useBrowser(() => app.url), ...stockSeeds(() => app) };
}
