import { demoEmail, Role } from '../support/harness';
import { eventually, openMenu } from './browser';
import { logIn, pick, save, text, useStockConsole } from './stock-console';

/**
 * The client card in a real browser (issue 13): a sales manager enters a prospect with its
 * region and tags, adds its buyer with a mobile typed the Russian way (kept in E.164), writes a
 * note, and is told of a duplicate when the same client is entered again by its phone.
 */
describe('CRM clients in the console', () => {
  const { app, browserTest } = useStockConsole();

  browserTest('a sales manager enters a prospect, its contact and a note, and is told of a duplicate', async ({ page }) => {
    // given a region in the reference lists
    const head = await app().as(Role.SALES_HEAD);
    await head.CreateClientReference({ input: { kind: 'REGION', name: 'E2E Урал' } });
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when the manager creates a client with a phone, and on the CRM tab a status, region and tags
    await openMenu(page, 'Counterparties');
    await page.getByRole('link', { name: 'Create', exact: true }).click();
    await page.locator('input[name=name]').fill('E2E Ромашка');
    await page.locator('input[name=phone]').fill('8 (343) 200-10-20');
    await page.getByRole('tab', { name: 'CRM' }).click();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Prospect', exact: true }).click();
    await pick(page, page.getByRole('combobox', { name: 'Region' }), 'E2E', 'E2E Урал');
    await page.locator('input[name=tags]').fill('vip, опт, VIP');
    const id = await save(page, 'Counterparty');

    // then the card shows them, the tags each once
    await page.getByText('Prospect', { exact: true }).waitFor();
    await page.getByText('E2E Урал', { exact: true }).waitFor();
    await page.getByText('vip, опт', { exact: true }).waitFor();

    // when the manager adds its buyer from the Contacts tab, the mobile typed with 8 and brackets
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: 'Add contact' }).click();
    await page.waitForURL(/#\/Contact\/create/);
    await eventually(async () => expect(await page.getByRole('combobox', { name: 'Client' }).inputValue()).toBe('E2E Ромашка'));
    await page.locator('input[name=name]').fill('Иван Петров');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('combobox', { name: 'Type' }).first().click();
    await page.getByRole('option', { name: 'Mobile', exact: true }).click();
    await page.locator('input[name="channels.0.value"]').fill('8 (912) 345-67-89');
    await page.getByRole('button', { name: 'Save' }).click();

    // then it is back on the client's contacts, the number in E.164
    await page.waitForURL(new RegExp(`#/Counterparty/${id}/show/contacts$`));
    await eventually(async () => expect((await page.getByTestId('client-contact').allInnerTexts()).map(text)).toEqual([expect.stringContaining('Иван Петров')]));
    expect(text(await page.getByTestId('client-contact').innerText())).toContain('+79123456789');

    // when the manager writes a note on the Notes tab
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByLabel('Note').fill('Звонить после 11');
    await page.getByRole('button', { name: 'Add note' }).click();
    // then it shows with who wrote it
    await eventually(async () => expect(text(await page.getByTestId('client-note').first().innerText())).toMatch(/^Мария Продажина · .* Звонить после 11$/));

    // when the same client is entered again by the same phone written another way
    await openMenu(page, 'Counterparties');
    await page.getByRole('link', { name: 'Create', exact: true }).click();
    await page.locator('input[name=name]').fill('E2E Ромашка дубль');
    await page.locator('input[name=phone]').fill('+7 343 200 10 20');
    await page.getByRole('button', { name: 'Save' }).click();
    // then the phone says whose client it already is, and the form stays
    await page.locator('.MuiFormHelperText-root').getByText('E2E Ромашка (owner Мария Продажина) already has it: open that client, or create a deliberate duplicate').waitFor();
    expect(page.url()).toMatch(/#\/Counterparty\/create$/);
    // and a deliberate duplicate (a second legal entity) is saved when ticked
    await page.getByLabel('Deliberate duplicate').check();
    await save(page, 'Counterparty');
    await page.getByText('E2E Ромашка дубль', { exact: true }).first().waitFor();
  });
});
