import { Client } from 'pg';
import { startMain } from '../support/main-process';
import { demoEmail, errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const REMINDER_DUE = 'subscription { reminderDue { reminderId userId title remindAt activityId deliveredAt } }';

/** A moment `ms` from now, as the API takes it. */
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/*
 * Reminders (issue 13, item 6): stored, fired by a pg-boss job at their time, delivered
 * through reminderDue to the user's connections on every instance (the event bus over
 * PostgreSQL LISTEN/NOTIFY), kept in myReminders for a user who was offline; read, snooze.
 */
describe('reminders', () => {
  let app: TestApp;
  const sockets = wsClients();
  let sql: Client;

  beforeAll(async () => {
    app = await startTestApp();
    sql = new Client({ connectionString: app.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sockets.dispose();
    await sql.end();
    await app.close();
  });

  /** How many times the job of a reminder ran to completion (pg-boss keeps its jobs). */
  const firedJobs = async (reminderId: string) =>
    Number((await sql.query(`select count(*) as n from pgboss.job where name = 'reminders.fire' and data->>'reminderId' = $1 and state = 'completed'`, [reminderId])).rows[0].n);

  it('a reminder set through instance A reaches the user on instance B exactly once, and its job runs once', async () => {
    // given a second API process on this database, running jobs too, and the manager connected to both
    const other = startMain({ DATABASE_URL: app.databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', JOBS_POLL_SECONDS: '0.5' });
    try {
      const port = await other.listening;
      const { token, client: manager, userId } = await app.login(demoEmail(Role.SALES_MANAGER));
      const onB = subscribeAll(sockets.open(`http://127.0.0.1:${port}/graphql`, token), REMINDER_DUE, {});
      const onA = subscribeAll(sockets.open(app.graphqlUrl, token), REMINDER_DUE, {});
      // and a colleague on B, who must hear nothing of it
      const { token: colleague } = await app.login(demoEmail(Role.SALES_HEAD));
      const colleagueOnB = subscribeAll(sockets.open(`http://127.0.0.1:${port}/graphql`, colleague), REMINDER_DUE, {});
      await settle();

      // when the manager sets a reminder 1.5 s ahead through A
      const remindAt = inMs(1500);
      const { createReminder } = await manager.CreateReminder({ input: { title: 'Позвонить в «Ромашку»', remindAt } });
      expect([createReminder.status, createReminder.remindAt, createReminder.deliveredAt]).toEqual(['PENDING', remindAt, null]);

      // then B's connection receives it once, when it is due, and so does A's
      const received = (await onB.next(15_000)) as { data: { reminderDue: { reminderId: string; userId: string; title: string; remindAt: string; deliveredAt: string } } };
      expect(received.data.reminderDue).toMatchObject({ reminderId: createReminder.id, userId, title: 'Позвонить в «Ромашку»', remindAt, activityId: null });
      expect(new Date(received.data.reminderDue.deliveredAt).getTime()).toBeGreaterThanOrEqual(new Date(remindAt).getTime());
      expect(((await onA.next()) as { data: { reminderDue: { reminderId: string } } }).data.reminderDue.reminderId).toBe(createReminder.id);
      await settle(2500);
      expect([onB.pending(), onA.pending()]).toEqual([0, 0]);
      await expect(colleagueOnB.next(200)).rejects.toThrow(/no event/);
      // and the job ran once, though two processes work its queue
      expect(await firedJobs(createReminder.id)).toBe(1);
      // and it waits unread in myReminders
      const mine = (await manager.MyReminders({ status: 'DUE' })).myReminders;
      expect(mine.items.map((r) => [r.id, r.status])).toEqual([[createReminder.id, 'DUE']]);
      expect((await manager.MyUnreadReminderCount()).myUnreadReminderCount).toBe(1);
    } finally {
      other.child.kill('SIGTERM');
      await other.exited;
    }
  });

  it('a reminder due while its user was offline waits in myReminders; read and snooze', async () => {
    const { client: buyer } = await app.login(demoEmail(Role.PURCHASING));
    const due = (await buyer.CreateReminder({ input: { title: 'Сверить счёт поставщика', remindAt: inMs(800) } })).createReminder;
    const later = (await buyer.CreateReminder({ input: { title: 'Через неделю', remindAt: inMs(7 * 86_400_000) } })).createReminder;

    // when it falls due with nobody connected
    await waitFor(async () => (await buyer.MyReminders({ status: 'DUE' })).myReminders.total === 1);
    const mine = (await buyer.MyReminders({})).myReminders.items.map((r) => [r.title, r.status, r.deliveredAt !== null]);
    // then it is there, unread; the one next week is still pending (the later moment first)
    expect(mine).toEqual([
      ['Через неделю', 'PENDING', false],
      ['Сверить счёт поставщика', 'DUE', true],
    ]);

    // when it is snoozed for 1 minute it is pending again, one minute from now
    const before = Date.now();
    const snoozed = (await buyer.SnoozeReminder({ id: due.id, minutes: 1 })).snoozeReminder;
    expect(snoozed.status).toBe('PENDING');
    expect(Math.round((new Date(snoozed.remindAt).getTime() - before) / 1000)).toBe(60);
    expect((await buyer.MyUnreadReminderCount()).myUnreadReminderCount).toBe(0);

    // and read: READ with the moment it was read
    const read = (await buyer.MarkReminderRead({ id: later.id })).markReminderRead;
    expect([read.status, read.readAt !== null]).toEqual(['READ', true]);

    // another user's reminder is as one that does not exist
    const { client: manager } = await app.login(demoEmail(Role.SALES_MANAGER));
    expect((await errorOf(manager.MarkReminderRead({ id: due.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(manager.SnoozeReminder({ id: due.id, minutes: 5 }))).code).toBe('NOT_FOUND');
    expect((await manager.MyReminders({})).myReminders.items.map((r) => r.id)).not.toContain(due.id);
  });

  it("an activity's reminder goes to its assignee at due − offset; moving it moves the reminder, cancelling removes it", async () => {
    const { client: manager } = await app.login(demoEmail(Role.SALES_MANAGER));
    const { token: serviceToken, client: service, userId: serviceId } = await app.login(demoEmail(Role.SERVICE));
    const clientId = (await manager.CreateCounterparty({ input: { name: 'Напоминания ООО', roles: ['CLIENT'] } })).createCounterparty.id;
    const heard = subscribeAll(sockets.open(app.graphqlUrl, serviceToken), REMINDER_DUE, {});
    await settle();

    // when the manager plans a call for the service engineer due in 61 s, reminded 1 minute before (in 1 s)
    const call = (await manager.CreateActivity({ input: { type: 'CALL', subject: 'Уточнить адрес доставки', clientId, assigneeId: serviceId, dueAt: inMs(61_000), reminderOffsetMinutes: 1 } })).createActivity;
    // and another due in an hour, reminded 30 minutes before, which is then moved an hour on and cancelled
    const meeting = (await manager.CreateActivity({ input: { type: 'MEETING', subject: 'Встреча', clientId, assigneeId: serviceId, dueAt: inMs(3_600_000), reminderOffsetMinutes: 30 } })).createActivity;
    const pendingOf = async () => (await service.MyReminders({ status: 'PENDING' })).myReminders.items.filter((r) => r.activityId === meeting.id).map((r) => r.remindAt);
    expect(await pendingOf()).toEqual([new Date(new Date(meeting.dueAt).getTime() - 30 * 60_000).toISOString()]);
    const moved = (await manager.UpdateActivity({ id: meeting.id, input: { version: meeting.version, dueAt: inMs(7_200_000) } })).updateActivity;
    expect(await pendingOf()).toEqual([new Date(new Date(moved.dueAt).getTime() - 30 * 60_000).toISOString()]);
    await manager.CancelActivity({ id: meeting.id });
    expect(await pendingOf()).toEqual([]);

    // then the engineer hears of the call, and only of it
    const due = (await heard.next(15_000)) as { data: { reminderDue: { activityId: string; title: string; userId: string } } };
    expect(due.data.reminderDue).toMatchObject({ activityId: call.id, title: 'Уточнить адрес доставки', userId: serviceId });
    await settle(1000);
    expect(heard.pending()).toBe(0);
    // and a reminder naming an activity the caller cannot see is refused
    await (await app.as(Role.ADMIN)).CreateUser({ input: { email: 'other-manager@demo.tradebook', name: 'Другой менеджер', password: 'other-manager-pass', roles: ['SALES_MANAGER'] } });
    const { client: other } = await app.login('other-manager@demo.tradebook', 'other-manager-pass');
    expect((await errorOf(other.CreateReminder({ input: { title: 'x', remindAt: inMs(60_000), activityId: call.id } }))).fieldErrors.map((e) => [e.field, e.reason])).toEqual([['activityId', 'NOT_FOUND']]);
  });

  it('bad input: a reminder in the past, a blank title, a snooze out of range; partners have none', async () => {
    const { client: manager } = await app.login(demoEmail(Role.SALES_MANAGER));
    const before = (await manager.MyReminders({})).myReminders.total;
    const past = await errorOf(manager.CreateReminder({ input: { title: 'x', remindAt: inMs(-60_000) } }));
    expect(past.fieldErrors.map((e) => [e.field, e.reason])).toEqual([['remindAt', 'IN_THE_PAST']]);
    const blank = await errorOf(manager.CreateReminder({ input: { title: '   ', remindAt: inMs(60_000) } }));
    expect(blank.fieldErrors.map((e) => [e.field, e.reason])).toEqual([['title', 'REQUIRED']]);
    expect((await manager.MyReminders({})).myReminders.total).toBe(before);
    const made = (await manager.CreateReminder({ input: { title: 'ok', remindAt: inMs(60_000) } })).createReminder;
    expect((await errorOf(manager.SnoozeReminder({ id: made.id, minutes: 0 }))).code).toBe('BAD_USER_INPUT');
    const { client: partner } = await app.login(demoEmail(Role.PARTNER));
    expect((await errorOf(partner.MyReminders({}))).code).toBe('FORBIDDEN');
  });

  it('a subscription without a valid token is closed by the server, not left open', async () => {
    const client = sockets.open(app.graphqlUrl, 'not-a-token');
    const closed = new Promise<{ code: number }>((resolve) => client.on('closed', (event) => resolve(event as { code: number })));
    subscribeAll(client, REMINDER_DUE, {});
    expect((await closed).code).toBe(4403);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
