import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, Role, startTestApp, type TestApp } from '../support/harness';
import { columnTexts, eventually, expandMenu, helperTextOf, openMenu, useBrowser } from './browser';

/**
 * The console in a real browser: the API serves the built admin/dist at / against a fresh
 * database holding one demo user per role; data the tests only need to exist comes from the SDK.
 */
describe('console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const browserTest = useBrowser(() => app.url);

  /** Signs in through the login page and waits for the menu. */
  async function logIn(page: Page, email: string) {
    await page.goto('/');
    await page.locator('input[name=username]').fill(email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
  }

  async function seedUnit(code: string, name: string) {
    const admin = await app.as(Role.ADMIN);
    return (await admin.CreateUnit({ input: { code, name } })).createUnit;
  }

  async function userId(role: Role) {
    const admin = await app.as(Role.ADMIN);
    const { users } = await admin.Users({ filter: { q: demoEmail(role) } });
    expect(users.items).toHaveLength(1);
    return users.items[0].id;
  }

  browserTest('an administrator signs in and sees the dashboard with their name and the Users menu', async ({ page }) => {
    // given the login page
    await page.goto('/');
    const username = page.locator('input[name=username]');
    await username.waitFor();

    // when the administrator types their email and password and signs in
    await username.click();
    await username.pressSequentially(demoEmail(Role.ADMIN));
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // then the dashboard greets them by name and the menu offers Users
    await page.getByRole('heading', { name: 'Welcome, Анна Админова' }).waitFor();
    await expandMenu(page);
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    await page.getByRole('menuitem', { name: 'Audit log' }).waitFor();
  });

  browserTest('the product search lists only the products that match', async ({ page }) => {
    // given a unit, a group and three products
    const admin = await app.as(Role.ADMIN);
    const unit = await seedUnit('e2e-pcs', 'piece');
    const { createProductGroup: group } = await admin.CreateProductGroup({ input: { name: 'E2E fasteners' } });
    for (const [sku, name] of [['E2E-BOLT-1', 'Bolt M6'], ['E2E-BOLT-2', 'Bolt M8'], ['E2E-NUT-1', 'Nut M6']]) {
      await admin.CreateProduct({ input: { sku, name, unitId: unit.id, groupId: group.id } });
    }
    await logIn(page, demoEmail(Role.ADMIN));

    // when the administrator opens Products and all three are listed
    await openMenu(page, 'Products');
    await page.waitForURL(/#\/Product$/);
    await eventually(async () => expect(await columnTexts(page, 'sku')).toEqual(expect.arrayContaining(['E2E-BOLT-1', 'E2E-BOLT-2', 'E2E-NUT-1'])));

    // and types "Bolt" into the search box
    const search = page.locator('input[name="q"]');
    await search.click();
    await search.pressSequentially('Bolt');

    // then, once the list refreshes, exactly the two bolts are listed
    await page.waitForURL(/filter=.*Bolt/);
    await eventually(async () => {
      expect(await columnTexts(page, 'sku')).toEqual(['E2E-BOLT-1', 'E2E-BOLT-2']);
      expect(await columnTexts(page, 'name')).toEqual(['Bolt M6', 'Bolt M8']);
    });
  });

  browserTest('a product created through the form is listed, and a second one with its SKU is refused on the SKU field', async ({ page }) => {
    // given a unit and the product list
    const admin = await app.as(Role.ADMIN);
    await seedUnit('e2e-box', 'box');
    await logIn(page, demoEmail(Role.ADMIN));
    await openMenu(page, 'Products');

    // when the administrator creates a product: SKU, name, a unit picked in the autocomplete, Save
    const fillProduct = async (sku: string, name: string) => {
      await page.getByRole('link', { name: 'Create', exact: true }).click(); // exact: the dashboard's "Create · Product" may still be on screen
      await page.waitForURL(/#\/Product\/create$/);
      await page.locator('input[name=sku]').fill(sku);
      await page.locator('input[name=name]').fill(name);
      const unit = page.getByRole('combobox', { name: 'Unit' });
      await unit.click();
      await unit.pressSequentially('e2e-box');
      await page.getByRole('option', { name: 'e2e-box — box' }).click();
      expect(await unit.inputValue()).toBe('e2e-box — box');
      await page.getByRole('button', { name: 'Save' }).click();
    };
    await fillProduct('E2E-WASHER-1', 'Washer M6');

    // then the form goes back to the list, which shows the new product
    await page.waitForURL(/#\/Product$/);
    await page.getByRole('cell', { name: 'E2E-WASHER-1', exact: true }).waitFor();
    await eventually(async () => expect(await columnTexts(page, 'name')).toContain('Washer M6'));

    // when they create another product with the same SKU
    await fillProduct('E2E-WASHER-1', 'Washer M6, second');

    // then the form stays open and the server's error shows under the SKU field
    const sku = page.locator('input[name=sku]');
    await eventually(async () => expect(await helperTextOf(sku)).toBe('is already taken by another record'));
    expect(await sku.getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/#\/Product\/create$/);

    // and no second product was stored
    const { products } = await admin.Products({ filter: { q: 'E2E-WASHER-1' } });
    expect(products.items.map((p) => [p.sku, p.name])).toEqual([['E2E-WASHER-1', 'Washer M6']]);
  });

  browserTest('the language menu switches the console to Russian', async ({ page }) => {
    // given an administrator on the product list in English
    await logIn(page, demoEmail(Role.ADMIN));
    await openMenu(page, 'Products');
    await page.getByRole('columnheader', { name: 'SKU' }).waitFor();

    // when they choose Русский in the app bar's language menu
    await page.getByRole('button', { name: 'English' }).click();
    await openMenu(page, 'Русский');

    // then the menu and the columns are in Russian
    await page.getByRole('menuitem', { name: 'Товары', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Артикул' }).waitFor();
    await expandMenu(page);
    await page.getByRole('menuitem', { name: 'Контрагенты' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Products' }).count()).toBe(0);
  });

  browserTest('a user opening a form or screen their roles do not open by its URL is told so, with the way back, instead of a blank page', async ({ page }) => {
    // given a client, and a warehouse user: products they may change but not create, counterparties they may only read, users not at all
    const admin = await app.as(Role.ADMIN);
    const { createCounterparty: client } = await admin.CreateCounterparty({ input: { name: 'E2E Read-only client' } });
    await logIn(page, demoEmail(Role.WAREHOUSE));

    // when they open the product create form by its URL
    await page.goto('/#/Product/create');

    // then the page says they may not create products, shows no form, and leads back to the list
    await page.getByText('You are not allowed to create records in Products').waitFor();
    expect(await page.locator('input[name=sku]').count()).toBe(0);
    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.waitForURL(/#\/Product$/);

    // when they open the client's edit form by its URL
    await page.goto(`/#/Counterparty/${client.id}`);

    // then the page says they may not change counterparties and opens the client read-only instead
    await page.getByText('You are not allowed to change records in Counterparties').waitFor();
    await page.getByRole('link', { name: 'Open read-only' }).click();
    await page.waitForURL(new RegExp(`#/Counterparty/${client.id}/show$`));
    await page.getByText('E2E Read-only client').first().waitFor();

    // when they open the user create form, of a screen they may not open at all
    await page.goto('/#/User/create');

    // then they are refused the screen by name rather than told the page does not exist
    await page.getByText('You are not allowed to open Users').waitFor();
    expect(await page.getByText('Not Found').count()).toBe(0);
  });

  browserTest('a sales manager sees no administration menus and only their own clients', async ({ page }) => {
    // given a client owned by the sales manager and one owned by the head of sales
    const admin = await app.as(Role.ADMIN);
    await admin.CreateCounterparty({ input: { name: 'Мой клиент', ownerId: await userId(Role.SALES_MANAGER) } });
    await admin.CreateCounterparty({ input: { name: 'Чужой клиент', ownerId: await userId(Role.SALES_HEAD) } });

    // when the sales manager signs in
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // then the menu has no Users and no Audit log
    await expandMenu(page);
    await page.getByRole('menuitem', { name: 'Counterparties' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Audit log' }).count()).toBe(0);

    // when they open Counterparties
    await openMenu(page, 'Counterparties');

    // then their client is listed and the other manager's is not
    await page.getByRole('cell', { name: 'Мой клиент', exact: true }).waitFor();
    const names = await columnTexts(page, 'name');
    expect(names).toContain('Мой клиент');
    expect(names).not.toContain('Чужой клиент');
  });
});
