import { demoEmail, Role } from '../support/harness';
import { eventually, openMenu } from './browser';
import { logIn, text, useStockConsole } from './stock-console';

/**
 * The import wizard in a real browser (issue 13 §2): a head of sales uploads a small CSV,
 * the headers suggest the fields, one column is mapped by hand, the dry run reports every
 * row in colour and writes nothing, and the import creates the clients.
 */
describe('client import in the console', () => {
  const { app, browserTest } = useStockConsole();

  browserTest('a head of sales uploads a CSV, maps its columns, sees the dry run and imports', async ({ page }) => {
    // given a region and a CSV whose "Город" column the wizard cannot guess
    const head = await app().as(Role.SALES_HEAD);
    await head.CreateClientReference({ input: { kind: 'REGION', name: 'E2E Сибирь' } });
    const csv = ['Название;Телефон;Город;Контакт', 'E2E Импорт Кедр;8 (383) 200-10-20;E2E Сибирь;Ольга', 'E2E Импорт Плохой;12345;;'].join('\n');
    await logIn(page, demoEmail(Role.SALES_HEAD));

    // when the head opens the wizard and chooses the file
    await openMenu(page, 'Client import');
    await page.getByLabel('Spreadsheet file').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    // then the columns show with a sample each and the fields their headers suggest
    await page.getByTestId('import-file').getByText('Sheet CSV: 2 rows').waitFor();
    const columns = page.getByTestId('import-column');
    await eventually(async () => expect((await columns.allInnerTexts()).map(text)).toEqual(['Название E2E Импорт Кедр Name', 'Телефон 8 (383) 200-10-20 Phone', 'Город E2E Сибирь — leave out —', 'Контакт Ольга Contact: name']));

    // when the head maps Город to the region by hand and runs a dry run
    await columns.nth(2).getByRole('combobox').click();
    await page.getByRole('option', { name: 'Region (by name)', exact: true }).click();
    await page.getByRole('button', { name: 'Dry run' }).click();

    // then every row is reported, the refused one with its reason, and nothing is written yet
    await page.getByTestId('import-summary').getByText('A dry run: 1 to create, 0 to update, 0 to skip, 1 refused. Nothing was written yet.').waitFor();
    const rows = page.getByTestId('import-row');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))).toEqual(['CREATE', 'REFUSE']);
    expect(text(await rows.nth(0).innerText())).toBe('2 Create E2E Импорт Кедр');
    expect(text(await rows.nth(1).innerText())).toMatch(/^3 Refused — Phone: /);
    expect((await head.Counterparties({ filter: { q: 'E2E Импорт' } })).counterparties.total).toBe(0);

    // when the head imports
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    // then the client is made with its region and contact, and the report links to it
    await page.getByTestId('import-summary').getByText('Imported: 1 created, 0 updated, 0 skipped, 1 refused.').waitFor();
    await rows.nth(0).getByRole('link', { name: 'E2E Импорт Кедр' }).click();
    await page.waitForURL(/#\/Counterparty\/[0-9a-f-]+\/show$/);
    await page.getByText('E2E Сибирь', { exact: true }).waitFor();
    const { counterparties } = await head.Counterparties({ filter: { q: 'E2E Импорт' } });
    expect(counterparties.items.map((c) => [c.name, c.phone])).toEqual([['E2E Импорт Кедр', '8 (383) 200-10-20']]);
    const { counterparty } = await head.ClientProfile({ id: counterparties.items[0].id });
    expect(counterparty!.contacts!.map((c) => c.name)).toEqual(['Ольга']);
  });
});
