import { demoEmail, Role } from '../support/harness';
import { eventually } from './browser';
import { logIn, useStockConsole } from './stock-console';

/**
 * The reminder bell in a real browser: a reminder set for the signed-in manager arrives
 * live over graphql-ws (told, and counted on the bell) without a reload; snoozed from the
 * bell it is pending again and the bell is empty; an activity a colleague gives the
 * manager is told at once.
 */
describe('the reminder bell', () => {
  const { app, browserTest } = useStockConsole();

  browserTest('a reminder due in 2 s arrives live; snoozing it for 10 minutes empties the bell', async ({ page }) => {
    // given the manager signed in, nothing due
    await logIn(page, demoEmail(Role.SALES_MANAGER));
    const { client: manager } = await app().login(demoEmail(Role.SALES_MANAGER));
    const count = page.getByTestId('reminder-count').locator('.MuiBadge-badge');
    await eventually(async () => expect(await count.innerText()).toBe(''));

    // when a reminder of the manager's falls due 2 s from now (set through the API, as an activity does)
    const remindAt = new Date(Date.now() + 2000).toISOString();
    const { createReminder } = await manager.CreateReminder({ input: { title: 'Перезвонить Иванову', remindAt } });

    // then the console tells of it and the bell counts 1, without a reload
    await page.getByText('Reminder: Перезвонить Иванову').waitFor({ timeout: 20_000 });
    await eventually(async () => expect(await count.innerText()).toBe('1'));

    // when it is snoozed for 10 minutes from the bell
    await page.getByTestId('reminder-bell').click();
    const item = page.getByTestId('reminder-item').filter({ hasText: 'Перезвонить Иванову' });
    await item.getByRole('button', { name: 'In 10 min' }).click();

    // then it is pending again, about 10 minutes ahead, and the bell is empty
    await eventually(async () => expect(await count.innerText()).toBe(''));
    const [again] = (await manager.MyReminders({ status: 'PENDING' })).myReminders.items.filter((r) => r.id === createReminder.id);
    expect(Math.round((Date.parse(again.remindAt) - Date.now()) / 60_000)).toBe(10);

    // when the head of sales gives the manager a call on one of the head's clients
    const head = await app().as(Role.SALES_HEAD);
    const headName = (await head.Me()).me.name;
    const managerId = (await manager.Me()).me.id;
    const clientId = (await head.CreateCounterparty({ input: { name: 'E2E Клевер' } })).createCounterparty.id;
    await head.CreateActivity({ input: { type: 'CALL', subject: 'Позвонить по рекламации', clientId, assigneeId: managerId, dueAt: new Date(Date.now() + 86_400_000).toISOString() } });
    // then the manager's console tells of it at once
    await page.getByText(`${headName} gave you: Позвонить по рекламации (E2E Клевер)`).waitFor({ timeout: 20_000 });
  });

  browserTest('a handover of three planned calls reaches the new owner as one notice, not three', async ({ page }) => {
    // given Дина, leaving, with three planned calls on her client, and the demo manager signed in to take them
    const admin = await app().as(Role.ADMIN);
    const { createUser: dina } = await admin.CreateUser({ input: { email: 'dina@demo.tradebook', name: 'E2E Дина', password: 'manager-pass-1', roles: ['SALES_MANAGER'] } });
    const { client: asDina } = await app().login('dina@demo.tradebook', 'manager-pass-1');
    const { createCounterparty: client } = await asDina.CreateCounterparty({ input: { name: 'E2E Лютик' } });
    for (const subject of ['Звонок 1', 'Звонок 2', 'Звонок 3']) await asDina.CreateActivity({ input: { type: 'CALL', subject, clientId: client.id, dueAt: '2031-03-04T09:00:00.000Z' } });
    await logIn(page, demoEmail(Role.SALES_MANAGER));
    const { client: manager } = await app().login(demoEmail(Role.SALES_MANAGER));
    const managerId = (await manager.Me()).me.id;
    await page.getByTestId('reminder-bell').waitFor();

    // when the head of sales hands Дина's work to the manager
    const head = await app().as(Role.SALES_HEAD);
    const headName = (await head.Me()).me.name;
    const { handOver } = await head.HandOver({ input: { fromUserId: dina.id, toUserId: managerId, reason: 'Дина уходит' } });
    expect(handOver.activities).toBe(3);

    // then the manager's console says so once, counting the calls, and tells none of them on its own
    await page.getByText(`${headName} gave you 3 activities`).waitFor({ timeout: 20_000 });
    expect(await page.getByText(`${headName} gave you:`).count()).toBe(0);
  });
});
