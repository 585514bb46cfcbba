import { demoEmail, Role } from '../support/harness';
import { eventually, openMenu, typeMoment } from './browser';
import { logIn, pick, text, useStockConsole } from './stock-console';

/** Today as the browser's calendar has it (the calendar's columns are the reader's days). */
const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * Planning from anywhere and the team calendar in a real browser (issue 13 §12): a head of
 * sales plans a meeting for a manager from the app bar without leaving the dashboard, then
 * finds it in the manager's row of this week's team calendar.
 */
describe('quick activity and the team calendar', () => {
  const { app, browserTest } = useStockConsole();

  browserTest("a head plans a meeting for a manager from the app bar; it is in the manager's row of the team calendar today", async ({ page }) => {
    const head = await app().as(Role.SALES_HEAD);
    await head.CreateCounterparty({ input: { name: 'E2E Календула' } });
    const managerName = (await (await app().as(Role.SALES_MANAGER)).Me()).me.name;
    await logIn(page, demoEmail(Role.SALES_HEAD));

    // when the head plans a meeting for the manager from the app bar, today at 23:40
    await page.getByTestId('quick-activity').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=subject]').fill('Встреча по договору');
    await pick(page, dialog.getByRole('combobox', { name: 'Client' }), 'E2E Календула', 'E2E Календула');
    await pick(page, dialog.getByRole('combobox', { name: 'Assignee' }), managerName.split(' ')[0], managerName);
    await typeMoment(page, 'dueAt', localToday(), '23:40');
    await dialog.getByRole('button', { name: 'Save' }).click();

    // then it is planned and the head is still on the dashboard
    await page.getByText('Planned: Встреча по договору').waitFor();
    expect(page.url()).toMatch(/#\/$/);
    const { activities } = await head.Activities({ filter: { q: 'Встреча по договору' } });
    expect(activities.items.map((a) => [a.subject, a.type, a.assignee.name, a.client.name, a.status])).toEqual([['Встреча по договору', 'CALL', managerName, 'E2E Календула', 'PLANNED']]);

    // and the team calendar of this week, for the manager, has it in the manager's row
    await openMenu(page, 'Team calendar');
    const people = page.getByRole('combobox', { name: 'People' });
    await people.click();
    await people.pressSequentially(managerName.split(' ')[0]);
    await page.getByRole('option', { name: managerName, exact: true }).click();
    const row = page.locator('.activity-calendar tbody tr').filter({ hasText: managerName });
    await eventually(async () => expect(text(await row.innerText())).toMatch(/23:40 Встреча по договору · E2E Календула/));
  });
});
