import { DEMO_PASSWORD, demoEmail, Role } from '../support/harness';
import { localToday } from '../../api/src/shared/local-date.scalar';
import { eventually, openMenu } from './browser';
import { logIn, pick, text, useStockConsole } from './stock-console';

/**
 * Handover in a real browser (issue 13 §7, §12): a head of sales picks a leaving manager and a
 * colleague, previews what would move, confirms, and sees the report's numbers; the colleague
 * owns the clients afterwards. A deputy finds the absent colleague's activities in their own agenda.
 */
describe('Handover in the console', () => {
  const { app, browserTest } = useStockConsole();

  browserTest('a head hands a manager\'s clients to another and sees the report numbers', async ({ page }) => {
    // given Анна with two clients and a planned call, and Борис to take them
    const admin = await app().as(Role.ADMIN);
    await admin.CreateUser({ input: { email: 'anna@demo.tradebook', name: 'E2E Анна', password: 'manager-pass-1', roles: ['SALES_MANAGER'] } });
    const { createUser: boris } = await admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'E2E Борис', password: 'manager-pass-1', roles: ['SALES_MANAGER'] } });
    const { client: anna } = await app().login('anna@demo.tradebook', 'manager-pass-1');
    const { createCounterparty: first } = await anna.CreateCounterparty({ input: { name: 'E2E Альфа' } });
    await anna.CreateCounterparty({ input: { name: 'E2E Бета' } });
    await anna.CreateActivity({ input: { type: 'CALL', subject: 'E2E Позвонить', clientId: first.id, dueAt: '2031-03-04T09:00:00.000Z' } });
    await logIn(page, demoEmail(Role.SALES_HEAD));

    // when the head opens Handover, picks them and previews
    await openMenu(page, 'Handover');
    await pick(page, page.getByRole('combobox', { name: 'From user' }), 'E2E Ан', 'E2E Анна');
    await pick(page, page.getByRole('combobox', { name: 'To user' }), 'E2E Бо', 'E2E Борис');
    await page.getByTestId('handover-preview-button').click();
    const preview = page.getByTestId('handover-preview');
    await preview.waitFor();
    // then it shows 2 clients, 1 activity, 0 deals, and nothing has moved
    expect([await preview.getByTestId('count-clients').innerText(), await preview.getByTestId('count-activities').innerText(), await preview.getByTestId('count-deals').innerText()]).toEqual(['2', '1', '0']);
    expect((await anna.Counterparty({ id: first.id })).counterparty?.owner?.id).not.toBe(boris.id);

    // when the head gives the reason and confirms
    await page.locator('textarea[name=reason]').first().fill('Анна уходит');
    await page.getByTestId('handover-confirm-button').click();
    const report = page.getByTestId('handover-report');
    await report.waitFor();

    // then the report says what moved, and Борис owns the clients
    expect([await report.getByTestId('count-clients').innerText(), await report.getByTestId('count-activities').innerText(), await report.getByTestId('count-deals').innerText()]).toEqual(['2', '1', '0']);
    await report.getByText('E2E Альфа, E2E Бета').waitFor();
    const head = await app().as(Role.SALES_HEAD);
    expect((await head.Counterparty({ id: first.id })).counterparty?.owner?.id).toBe(boris.id);
  });

  browserTest('a deputy finds the absent colleague\'s call in their agenda, marked with whose it is', async ({ page }) => {
    // given Вера on holiday from today with Глеб as her deputy, and her call in the week of 3 March 2031
    const admin = await app().as(Role.ADMIN);
    const { createUser: vera } = await admin.CreateUser({ input: { email: 'vera@demo.tradebook', name: 'E2E Вера', password: DEMO_PASSWORD, roles: ['SALES_MANAGER'] } });
    const { createUser: gleb } = await admin.CreateUser({ input: { email: 'gleb@demo.tradebook', name: 'E2E Глеб', password: DEMO_PASSWORD, roles: ['SALES_MANAGER'] } });
    const { client: asVera } = await app().login('vera@demo.tradebook', DEMO_PASSWORD);
    const { createCounterparty: client } = await asVera.CreateCounterparty({ input: { name: 'E2E Гамма' } });
    await asVera.CreateActivity({ input: { type: 'CALL', subject: 'E2E Уточнить заказ', clientId: client.id, dueAt: '2031-03-04T09:00:00.000Z' } });
    await asVera.SetDeputy({ input: { userId: vera.id, deputyId: gleb.id, from: localToday(), to: '2031-12-31' } });

    // when Глеб opens his agenda of that week
    await logIn(page, 'gleb@demo.tradebook');
    await openMenu(page, 'My agenda');
    await page.getByTestId('agenda-week').click();
    await page.getByLabel('Date').fill('2031-03-03');

    // then her call is there, saying it is hers
    await eventually(async () => expect((await page.getByTestId('agenda-activity').allInnerTexts()).map(text)).toEqual([expect.stringContaining('Call E2E Уточнить заказ E2E Гамма for E2E Вера')]));
  });
});
