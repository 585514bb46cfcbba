import type { Page } from 'playwright-core';
import { createClient } from '@tradebook/client';
import { demoEmail, errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { columnTexts, eventually, expandMenu, helperTextOf, openMenu, useBrowser } from './browser';
import { logIn, pick } from './stock-console';

/**
 * Partners' API keys in the console: an administrator makes one for a client, sees it once,
 * copies it, the partner's server signs in with it through the SDK, and revoking it in the
 * console shuts that server out.
 */
describe('API keys in the console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const browserTest = useBrowser(() => app.url);

  /** The dashboard's tiles have loaded: before that a menu entry far down may scroll away under the click. */
  const dashboardLoaded = (page: Page, words = 'active clients') => page.getByText(words).waitFor();

  browserTest('an administrator makes a key shown once, the partner server reads its own client with it, and revoking it shuts the server out', async ({ page, context }) => {
    // given the administrator on the API keys screen, with the clipboard allowed
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const admin = await app.as(Role.ADMIN);
    const dealer = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0];
    await logIn(page, demoEmail(Role.ADMIN));
    await dashboardLoaded(page);
    await openMenu(page, 'API keys');
    await page.waitForURL(/#\/ApiKey$/);

    // when they create a key named "Web shop" for the dealer's client
    await page.getByRole('link', { name: 'Create', exact: true }).click();
    await page.waitForURL(/#\/ApiKey\/create$/);
    await pick(page, page.getByRole('combobox', { name: /^Client/ }), 'Дилер', 'Дилер Восток');
    await page.locator('input[name="name"]').fill('Web shop');
    await page.getByRole('button', { name: 'Create key' }).click();

    // then the key is shown with the warning that it will not be shown again, and Copy puts it on the clipboard
    const shown = page.getByTestId('api-key-text');
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^tbk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(await page.getByTestId('api-key-warning').innerText()).toBe(
      "Copy the key now: it will not be shown again. Keep it in the partner server's secrets; if it is lost, revoke it and create another.",
    );
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('The key is copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(key);

    // when the partner's server signs in with it through the SDK, then it reads its own client and only that
    const shop = createClient({ url: app.graphqlUrl, token: key });
    expect((await shop.Counterparty({ id: dealer.id })).counterparty).toMatchObject({ id: dealer.id, name: 'Дилер Восток' });
    expect((await shop.Counterparties()).counterparties.items.map((c) => c.name)).toEqual(['Дилер Восток']);

    // and back in the list the key shows its client and its last use, and its text is nowhere on the page
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(/#\/ApiKey$/);
    await eventually(async () => expect(await columnTexts(page, 'name')).toEqual(['Web shop']));
    expect(await columnTexts(page, 'counterparty.name')).toEqual(['Дилер Восток']);
    expect((await columnTexts(page, 'lastUsedAt'))[0]).not.toBe('—');
    expect(await page.content()).not.toContain(key.slice(-43));

    // when the administrator revokes it and confirms
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Revoke "Web shop"?').waitFor();
    await dialog.getByRole('button', { name: 'Revoke' }).click();

    // then the list says when, and the partner's server is refused
    await page.getByText('API key "Web shop" revoked').waitFor();
    await eventually(async () => expect((await columnTexts(page, 'revokedAt'))[0]).toMatch(/\d/));
    expect((await errorOf(shop.Counterparties())).code).toBe('UNAUTHENTICATED');
  });

  browserTest('the form offers only clients, refuses a key without a name, and reads in Russian', async ({ page }) => {
    // given a supplier, and the administrator on the form in Russian
    const admin = await app.as(Role.ADMIN);
    await admin.CreateCounterparty({ input: { name: 'Дилер-поставщик', roles: ['SUPPLIER'] } });
    const keysBefore = (await admin.ApiKeys()).apiKeys.total;
    await logIn(page, demoEmail(Role.ADMIN));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await dashboardLoaded(page, 'активных клиентов');
    await openMenu(page, 'API-ключи');
    await page.waitForURL(/#\/ApiKey$/);
    await page.getByRole('link', { name: 'Создать', exact: true }).click();
    await page.waitForURL(/#\/ApiKey\/create$/);

    // when they look for "Дилер" among the clients, then the dealer is offered and the supplier is not
    const client = page.getByRole('combobox', { name: /^Клиент/ });
    await client.click();
    await client.pressSequentially('Дилер');
    await page.getByRole('option', { name: 'Дилер Восток', exact: true }).waitFor();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Дилер Восток']);
    await page.getByRole('option', { name: 'Дилер Восток', exact: true }).click();

    // and creating it without a name is refused on the name, nothing made
    await page.getByRole('button', { name: 'Создать ключ' }).click();
    expect(await helperTextOf(page.locator('input[name="name"]'))).toBe('Обязательно для заполнения');
    expect((await admin.ApiKeys()).apiKeys.total).toBe(keysBefore);
  });

  browserTest('a sales head has no API keys screen', async ({ page }) => {
    await logIn(page, demoEmail(Role.SALES_HEAD));
    await expandMenu(page);
    await page.getByRole('menuitem', { name: 'Users' }).or(page.getByRole('menuitem', { name: 'Counterparties' })).first().waitFor();
    expect(await page.getByRole('menuitem', { name: 'API keys' }).count()).toBe(0);
  });
});
