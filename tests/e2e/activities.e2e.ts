import { DEMO_PASSWORD, demoEmail, Role } from '../support/harness';
import { eventually, openMenu, typeMoment } from './browser';
import { logIn, pick, switchUser, text, useStockConsole } from './stock-console';

/**
 * Activities in a real browser (issue 13 §4): a sales manager plans a call for a colleague
 * from the client's Activities tab, finds it in the activities list, and completes it with its result.
 */
describe('CRM activities in the console', () => {
  const { app, browserTest } = useStockConsole();

  browserTest('a manager plans a call for a colleague from the client card, sees it in the list and completes it', async ({ page }) => {
    // given the manager's client and a colleague, Boris
    const manager = await app().as(Role.SALES_MANAGER);
    const admin = await app().as(Role.ADMIN);
    const client = (await manager.CreateCounterparty({ input: { name: 'E2E Ландыш' } })).createCounterparty.id;
    await admin.CreateUser({ input: { email: 'e2e-boris@demo.tradebook', name: 'Борис Коллегин', password: DEMO_PASSWORD, roles: ['SALES_MANAGER'] } });
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when she opens the client's Activities tab and plans a call for Boris
    await page.goto(`/#/Counterparty/${client}/show`);
    await page.getByRole('tab', { name: 'Activities' }).click();
    await page.getByRole('link', { name: 'Plan an activity' }).click();
    await page.waitForURL(/#\/Activity\/create/);
    await eventually(async () => expect(await page.getByRole('combobox', { name: 'Client' }).inputValue()).toBe('E2E Ландыш'));
    await page.locator('input[name=subject]').fill('Обсудить отгрузку');
    await pick(page, page.getByRole('combobox', { name: 'Assignee' }), 'Борис', 'Борис Коллегин');
    await typeMoment(page, 'dueAt', '2031-03-04', '10:30');
    await page.locator('input[name=durationMinutes]').fill('30');
    await page.locator('input[name=reminderOffsetMinutes]').fill('15');
    await page.getByRole('button', { name: 'Save' }).click();

    // then she is back on the client's activities, the call there for Boris
    await page.waitForURL(new RegExp(`#/Counterparty/${client}/show/activities$`));
    await eventually(async () => expect((await page.getByTestId('client-activity').allInnerTexts()).map(text)).toEqual([expect.stringMatching(/Call Обсудить отгрузку Борис Коллегин Planned$/)]));

    // and the activities list shows it
    await openMenu(page, 'Activities');
    const row = page.locator('tbody tr').filter({ hasText: 'Обсудить отгрузку' });
    await eventually(async () => expect(text(await row.innerText())).toContain('Борис Коллегин'));

    // when she opens it and completes it with its result
    await row.click();
    await page.waitForURL(/#\/Activity\/[^/]+$/);
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('dialog').getByLabel('Result').fill('Договорились на среду');
    await page.getByRole('dialog').getByRole('button', { name: 'Complete' }).click();

    // then it is done, with its result, and can no longer be completed or cancelled
    await page.getByText('Activity completed').waitFor();
    await page.getByText('Договорились на среду', { exact: true }).waitFor();
    await eventually(async () => expect(await page.getByRole('button', { name: 'Cancel activity' }).count()).toBe(0));
    const { activities } = await manager.Activities({ filter: { clientId: client } });
    expect(activities.items.map((a) => [a.subject, a.status, a.result, a.assignee.name])).toEqual([['Обсудить отгрузку', 'DONE', 'Договорились на среду', 'Борис Коллегин']]);

    // and Boris finds it, done, in his agenda of that week (from its Monday, 3 March 2031)
    await switchUser(page, 'e2e-boris@demo.tradebook');
    await openMenu(page, 'My agenda');
    await page.getByTestId('agenda-week').click();
    await page.getByLabel('Date').fill('2031-03-03');
    await eventually(async () => expect((await page.getByTestId('agenda-activity').allInnerTexts()).map(text)).toEqual([expect.stringContaining('Call Обсудить отгрузку E2E Ландыш')]));
  });
});
