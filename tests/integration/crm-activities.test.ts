import type { CreateActivityInput, TradebookClient } from '@tradebook/client';
import { demoEmail, errorOf, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const ACTIVITY_ASSIGNED = 'subscription { activityAssigned { activityId type subject dueAt clientId clientName assignedById assignedByName } }';

/**
 * A wall-clock time on the server's calendar as an instant. The server runs in this process,
 * so its time zone (TZ) is this one: the agenda's midnights are the midnights written here.
 */
const local = (text: string) => {
  const [date, time = '00:00:00'] = text.split(' ');
  const [y, m, d] = date.split('-').map(Number);
  const [h, min, s = 0] = time.split(':').map(Number);
  return new Date(y, m - 1, d, h, min, s).toISOString();
};

/** Far enough ahead that no reminder of it is in the past. */
const FUTURE = '2031-03-04T09:00:00.000Z';

/**
 * Issue 13 §4: activities — calls, meetings, tasks and emails with clients, planned for
 * oneself or a colleague; my agenda by day and week, a calendar for a team, the overdue
 * list, and activityAssigned to the colleague who was given one.
 */
describe('CRM: activities', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let head: TradebookClient;
  let manager: TradebookClient;
  let boris: TradebookClient;
  let borisToken: string;
  let managerId: string;
  let borisId: string;
  let romashka: string;
  let ivan: string;
  const sockets = wsClients();

  const plan = async (client: TradebookClient, input: Partial<CreateActivityInput>) =>
    (await client.CreateActivity({ input: { type: 'CALL', subject: 'Позвонить', clientId: romashka, dueAt: FUTURE, ...input } })).createActivity;

  beforeAll(async () => {
    app = await startTestApp({ JOBS_POLL_SECONDS: '0.5' });
    admin = await app.as(Role.ADMIN);
    head = await app.as(Role.SALES_HEAD);
    manager = await app.as(Role.SALES_MANAGER);
    managerId = (await manager.Me()).me.id;
    borisId = (await admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис Второй', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } })).createUser.id;
    ({ client: boris, token: borisToken } = await app.login('boris@demo.tradebook', 'second-manager-pass'));
    // the demo manager's client Ромашка with its buyer Иван
    romashka = (await manager.CreateCounterparty({ input: { name: 'Ромашка' } })).createCounterparty.id;
    ivan = (await manager.CreateContact({ input: { counterpartyId: romashka, name: 'Иван Петров' } })).createContact.id;
  });
  afterAll(async () => {
    await sockets.dispose();
    await app.close();
  });

  it('plans a call for a colleague with every field, and the colleague completes it with its result', async () => {
    // when the manager plans a call with Иван of Ромашка for Boris, 30 minutes, a reminder 15 minutes ahead
    const created = await plan(manager, { type: 'CALL', subject: '  Обсудить поставку  ', contactId: ivan, assigneeId: borisId, durationMinutes: 30, location: ' офис ', reminderOffsetMinutes: 15 });

    // then it is kept as sent (trimmed), PLANNED, written by the manager, Boris's to do
    expect(created).toMatchObject({
      type: 'CALL',
      subject: 'Обсудить поставку',
      status: 'PLANNED',
      dueAt: FUTURE,
      durationMinutes: 30,
      location: 'офис',
      result: null,
      completedAt: null,
      reminderOffsetMinutes: 15,
      reminderAt: '2031-03-04T08:45:00.000Z',
      overdue: false,
      client: { id: romashka, name: 'Ромашка' },
      contact: { id: ivan, name: 'Иван Петров' },
      assignee: { id: borisId, name: 'Борис Второй' },
      author: { id: managerId, name: 'Мария Продажина' },
      version: 1,
    });
    // and Boris, who does not see Ромашка, sees the activity given to him
    expect((await boris.Activity({ id: created.id })).activity?.subject).toBe('Обсудить поставку');

    // when Boris completes it with its result
    const before = Date.now();
    const { completeActivity: done } = await boris.CompleteActivity({ id: created.id, result: '  договорились о поставке в марте ' });
    const after = Date.now();

    // then it is DONE with the result trimmed and the moment it was completed
    expect(done).toMatchObject({ status: 'DONE', result: 'договорились о поставке в марте', overdue: false, version: 2 });
    expect(new Date(done.completedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(done.completedAt!).getTime()).toBeLessThanOrEqual(after + 1000);

    // and a done activity neither completes again, nor cancels, nor changes
    expect((await errorOf(manager.CompleteActivity({ id: created.id, result: 'ещё раз' }))).code).toBe('INVALID_STATE');
    expect((await errorOf(manager.CancelActivity({ id: created.id }))).code).toBe('INVALID_STATE');
    expect((await errorOf(manager.UpdateActivity({ id: created.id, input: { version: 2, subject: 'Другое' } }))).code).toBe('INVALID_STATE');
  });

  it('plans for oneself by default, updates with the version and cancels', async () => {
    // given a meeting the manager plans without naming anyone
    const meeting = await plan(manager, { type: 'MEETING', subject: 'Встреча' });
    expect(meeting).toMatchObject({ assignee: { id: managerId }, author: { id: managerId }, contact: null, durationMinutes: null, reminderOffsetMinutes: null, reminderAt: null });

    // when it is moved an hour on and given a place, then changed again with the old version
    const { updateActivity: moved } = await manager.UpdateActivity({ id: meeting.id, input: { version: meeting.version, dueAt: '2031-03-04T10:00:00.000Z', location: 'у клиента', contactId: ivan } });
    expect(moved).toMatchObject({ dueAt: '2031-03-04T10:00:00.000Z', location: 'у клиента', contact: { name: 'Иван Петров' }, version: 2 });
    const stale = await errorOf(manager.UpdateActivity({ id: meeting.id, input: { version: meeting.version, subject: 'Устаревшее' } }));
    expect(stale.code).toBe('CONFLICT');

    // when it is cancelled
    const { cancelActivity: cancelled } = await manager.CancelActivity({ id: meeting.id });

    // then it is CANCELLED, with no completion
    expect(cancelled).toMatchObject({ status: 'CANCELLED', completedAt: null, result: null, version: 3 });
  });

  it('refuses every bad field on its own name, writing nothing', async () => {
    // given an inactive user, Boris's own client and its contact
    const gone = (await admin.CreateUser({ input: { email: 'gone@demo.tradebook', name: 'Уволенный', password: 'gone-user-password', roles: ['SALES_MANAGER'] } })).createUser;
    await admin.UpdateUser({ id: gone.id, input: { version: gone.version, active: false } });
    const lutik = (await boris.CreateCounterparty({ input: { name: 'Лютик' } })).createCounterparty.id;
    const lutikContact = (await boris.CreateContact({ input: { counterpartyId: lutik, name: 'Пётр Лютиков' } })).createContact.id;
    const total = async () => (await admin.Activities({ perPage: 1 })).activities.total;
    const totalBefore = await total();
    const fieldsOf = async (input: Partial<CreateActivityInput>) => {
      const error = await errorOf(plan(manager, input));
      expect(error.code).toBe('BAD_USER_INPUT');
      return error.fieldErrors.map((e) => [e.field, e.reason, e.params]);
    };

    // then: an inactive assignee, a contact of another client, a reminder that would already be past
    expect(await fieldsOf({ assigneeId: gone.id })).toEqual([['assigneeId', 'INACTIVE', { entity: 'User', name: 'Уволенный' }]]);
    expect(await fieldsOf({ contactId: lutikContact })).toEqual([['contactId', 'CONTACT_OF_ANOTHER_CLIENT', { name: 'Пётр Лютиков' }]]);
    // due in 10 minutes with a reminder an hour ahead: the reminder was 50 minutes ago
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    expect(await fieldsOf({ dueAt: soon, reminderOffsetMinutes: 60 })).toEqual([['reminderOffsetMinutes', 'REMINDER_IN_THE_PAST', { at: expect.any(String) }]]);
    // a duration out of 0…1440 and a negative offset
    expect(await fieldsOf({ durationMinutes: 1441 })).toEqual([['durationMinutes', 'AT_MOST', { max: 1440 }]]);
    expect(await fieldsOf({ durationMinutes: -1 })).toEqual([['durationMinutes', 'AT_LEAST', { min: 0 }]]);
    expect(await fieldsOf({ reminderOffsetMinutes: -5 })).toEqual([['reminderOffsetMinutes', 'AT_LEAST', { min: 0 }]]);
    // a blank or too long subject
    expect(await fieldsOf({ subject: '   ' })).toEqual([['subject', 'REQUIRED', {}]]);
    expect(await fieldsOf({ subject: 'Я'.repeat(501) })).toEqual([['subject', 'TOO_LONG', { max: 500 }]]);
    // another manager's client is as one that does not exist
    expect(await fieldsOf({ clientId: lutik })).toEqual([['clientId', 'NOT_FOUND', { entity: 'Counterparty' }]]);
    // and several at once, each on its field
    expect(await fieldsOf({ assigneeId: gone.id, contactId: lutikContact, subject: ' ' })).toEqual([
      ['subject', 'REQUIRED', {}],
      ['contactId', 'CONTACT_OF_ANOTHER_CLIENT', { name: 'Пётр Лютиков' }],
      ['assigneeId', 'INACTIVE', { entity: 'User', name: 'Уволенный' }],
    ]);

    // and an update that moves the due time so that the reminder would be past is refused too
    const withReminder = await plan(manager, { reminderOffsetMinutes: 30 });
    const moved = await errorOf(manager.UpdateActivity({ id: withReminder.id, input: { version: withReminder.version, dueAt: soon } }));
    expect(moved.fieldErrors.map((e) => [e.field, e.reason])).toEqual([['reminderOffsetMinutes', 'REMINDER_IN_THE_PAST']]);
    expect(await total()).toBe(totalBefore + 1);
  });

  it("hides another manager's client's activity: null, NOT_FOUND, absent from the list; its author or a head deletes", async () => {
    // given Boris's client and an activity of his on it
    const vasilek = (await boris.CreateCounterparty({ input: { name: 'Василёк' } })).createCounterparty.id;
    const his = (await boris.CreateActivity({ input: { type: 'TASK', subject: 'Выставить счёт', clientId: vasilek, dueAt: FUTURE } })).createActivity;

    // then the demo manager cannot see it or act on it
    expect((await manager.Activity({ id: his.id })).activity).toBeNull();
    expect((await errorOf(manager.CompleteActivity({ id: his.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(manager.UpdateActivity({ id: his.id, input: { version: 1, subject: 'Чужое' } }))).code).toBe('NOT_FOUND');
    expect((await errorOf(manager.DeleteActivity({ id: his.id }))).code).toBe('NOT_FOUND');
    expect((await manager.Activities({ filter: { clientId: vasilek } })).activities).toEqual({ items: [], total: 0 });
    // while the head of sales sees it
    expect((await head.Activity({ id: his.id })).activity?.subject).toBe('Выставить счёт');

    // and of an activity the manager gave Boris, Boris (not its author) may not delete it; the manager may
    const given = await plan(manager, { assigneeId: borisId });
    expect((await errorOf(boris.DeleteActivity({ id: given.id }))).code).toBe('FORBIDDEN');
    await manager.DeleteActivity({ id: given.id });
    expect((await manager.Activity({ id: given.id })).activity).toBeNull();
    // and marketing reads activities but plans none
    const marketing = await app.as(Role.MARKETING);
    expect((await marketing.Activity({ id: his.id })).activity?.id).toBe(his.id);
    expect((await errorOf(plan(marketing, {}))).code).toBe('FORBIDDEN');
    // the service staff log one, but delete none
    const service = await app.as(Role.SERVICE);
    const logged = (await service.CreateActivity({ input: { type: 'CALL', subject: 'Жалоба на доставку', clientId: vasilek, dueAt: FUTURE } })).createActivity;
    expect(logged).toMatchObject({ client: { name: 'Василёк' }, author: { name: 'Игорь Сервисов' }, assignee: { name: 'Игорь Сервисов' } });
    expect((await errorOf(service.DeleteActivity({ id: logged.id }))).code).toBe('FORBIDDEN');
    // and the warehouse, which reads clients but not activities, gets the client with its activities null and FORBIDDEN there
    const warehouseToken = (await app.login(demoEmail(Role.WAREHOUSE))).token;
    const { json } = await rawRequest(app.graphqlUrl, { query: `{ counterparty(id: "${vasilek}") { name activities { id } } }` }, { authorization: `Bearer ${warehouseToken}` });
    expect(json?.data).toEqual({ counterparty: { name: 'Василёк', activities: null } });
    expect(json?.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([['FORBIDDEN', ['counterparty', 'activities']]]);
  });

  describe('agenda, calendar and overdue', () => {
    let vera: TradebookClient;
    let veraId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      // given Вера, a manager with no other activities, with seven of them around the week of Monday 5 January 2026
      veraId = (await admin.CreateUser({ input: { email: 'vera@demo.tradebook', name: 'Вера Третья', password: 'third-manager-pass', roles: ['SALES_MANAGER'] } })).createUser.id;
      vera = (await app.login('vera@demo.tradebook', 'third-manager-pass')).client;
      const client = (await vera.CreateCounterparty({ input: { name: 'Одуванчик' } })).createCounterparty.id;
      const at = async (key: string, dueAt: string, type: CreateActivityInput['type'] = 'CALL') =>
        (ids[key] = (await vera.CreateActivity({ input: { type, subject: key, clientId: client, dueAt: local(dueAt) } })).createActivity.id);
      await at('sunday before', '2026-01-04 23:59:59');
      await at('monday midnight', '2026-01-05 00:00:00', 'MEETING');
      await at('wednesday noon', '2026-01-07 12:00');
      await at('wednesday morning', '2026-01-07 09:30', 'EMAIL');
      await at('wednesday cancelled', '2026-01-07 10:00');
      await at('sunday last second', '2026-01-11 23:59:59', 'TASK');
      await at('next monday', '2026-01-12 00:00:00');
      await vera.CompleteActivity({ id: ids['wednesday morning'], result: 'отправлено' });
      await vera.CancelActivity({ id: ids['wednesday cancelled'] });
      // and one of Boris's that week
      const borisClient = (await boris.CreateCounterparty({ input: { name: 'Колокольчик' } })).createCounterparty.id;
      ids.boris = (await boris.CreateActivity({ input: { type: 'CALL', subject: 'boris', clientId: borisClient, dueAt: local('2026-01-06 15:00') } })).createActivity.id;
    });

    const subjects = (items: { subject: string }[]) => items.map((a) => a.subject);

    it('shows my day and my ISO week, planned and done, by due time, up to midnight and not past it', async () => {
      // a Wednesday: the morning email (done) and the noon call; not the cancelled one
      expect(subjects((await vera.MyAgenda({ period: 'DAY', date: '2026-01-07' })).myAgenda)).toEqual(['wednesday morning', 'wednesday noon']);
      // Monday holds its first second; Sunday its last
      expect(subjects((await vera.MyAgenda({ period: 'DAY', date: '2026-01-05' })).myAgenda)).toEqual(['monday midnight']);
      expect(subjects((await vera.MyAgenda({ period: 'DAY', date: '2026-01-04' })).myAgenda)).toEqual(['sunday before']);
      // the week of any of its days runs Monday 00:00 to Sunday 23:59:59
      const week = ['monday midnight', 'wednesday morning', 'wednesday noon', 'sunday last second'];
      for (const date of ['2026-01-05', '2026-01-07', '2026-01-11']) expect(subjects((await vera.MyAgenda({ period: 'WEEK', date })).myAgenda)).toEqual(week);
      expect(subjects((await vera.MyAgenda({ period: 'WEEK', date: '2026-01-12' })).myAgenda)).toEqual(['next monday']);
      // and only one's own: Boris's Tuesday call is not in Вера's week
      expect(subjects((await boris.MyAgenda({ period: 'WEEK', date: '2026-01-07' })).myAgenda)).toEqual(['boris']);
    });

    it('gives a head the calendar of a team, refuses a manager asking for another, and keeps ranges to 62 days', async () => {
      // when the head asks for Вера and Boris from Tuesday 6 to Sunday 11 January
      const { activityCalendar } = await head.ActivityCalendar({ from: '2026-01-06', to: '2026-01-11', assigneeIds: [veraId, borisId] });
      // then both, by due time, planned and done
      expect(activityCalendar.map((a) => [a.subject, a.assignee.name])).toEqual([
        ['boris', 'Борис Второй'],
        ['wednesday morning', 'Вера Третья'],
        ['wednesday noon', 'Вера Третья'],
        ['sunday last second', 'Вера Третья'],
      ]);
      // a manager gets their own, by default
      expect(subjects((await vera.ActivityCalendar({ from: '2026-01-04', to: '2026-01-05' })).activityCalendar)).toEqual(['sunday before', 'monday midnight']);
      // but not another's
      expect((await errorOf(vera.ActivityCalendar({ from: '2026-01-05', to: '2026-01-11', assigneeIds: [veraId, borisId] }))).code).toBe('FORBIDDEN');
      // 1 January to 3 March is 62 days counting both: allowed; to 4 March, 63: refused on `to`, as is an end before the start
      expect((await vera.ActivityCalendar({ from: '2026-01-01', to: '2026-03-03' })).activityCalendar).toHaveLength(6);
      const tooLong = await errorOf(vera.ActivityCalendar({ from: '2026-01-01', to: '2026-03-04' }));
      expect(tooLong.fieldErrors.map((e) => [e.field, e.reason, e.params])).toEqual([['to', 'RANGE_TOO_LONG', { max: 62 }]]);
      const backwards = await errorOf(vera.ActivityCalendar({ from: '2026-01-05', to: '2026-01-04' }));
      expect(backwards.fieldErrors.map((e) => [e.field, e.reason])).toEqual([['to', 'NOT_BEFORE']]);
    });

    it('lists the overdue: PLANNED and past due, the oldest first; a head may ask for anyone', async () => {
      // given one more of Вера's, due ahead (not overdue)
      await vera.CreateActivity({ input: { type: 'CALL', subject: 'ahead', clientId: (await vera.Counterparties({})).counterparties.items[0].id, dueAt: FUTURE } });
      // then her overdue are the five PLANNED ones of January, oldest first (not the done email nor the cancelled call)
      const overdue = ['sunday before', 'monday midnight', 'wednesday noon', 'sunday last second', 'next monday'];
      expect(subjects((await vera.OverdueActivities({})).overdueActivities)).toEqual(overdue);
      expect((await vera.OverdueActivities({})).overdueActivities.every((a) => a.overdue && a.status === 'PLANNED')).toBe(true);
      expect(subjects((await head.OverdueActivities({ assigneeId: veraId })).overdueActivities)).toEqual(overdue);
      expect((await errorOf(vera.OverdueActivities({ assigneeId: borisId }))).code).toBe('FORBIDDEN');
      // and the list filters alike
      expect((await vera.Activities({ filter: { overdue: true }, sort: [{ field: 'dueAt', order: 'ASC' }] })).activities.items.map((a) => a.subject)).toEqual(overdue);
      expect(subjects((await vera.Activities({ filter: { overdue: false } })).activities.items)).toEqual(['wednesday morning', 'wednesday cancelled', 'ahead']);
      expect(subjects((await vera.Activities({ filter: { type: 'MEETING' } })).activities.items)).toEqual(['monday midnight']);
      expect(subjects((await vera.Activities({ filter: { status: 'DONE' } })).activities.items)).toEqual(['wednesday morning']);
      expect(subjects((await vera.Activities({ filter: { dueFrom: local('2026-01-07'), dueTo: local('2026-01-08') } })).activities.items)).toEqual([
        'wednesday morning',
        'wednesday cancelled',
        'wednesday noon',
      ]);
    });
  });

  it("tells the assignee, and only them, over the WebSocket when a colleague gives them an activity or moves one to them", async () => {
    // given Boris and the manager listening for activityAssigned
    const borisHears = subscribeAll(sockets.open(app.graphqlUrl, borisToken), ACTIVITY_ASSIGNED, {});
    const managerHears = subscribeAll(sockets.open(app.graphqlUrl, (await app.login(demoEmail(Role.SALES_MANAGER))).token), ACTIVITY_ASSIGNED, {});
    await settle();

    // when the manager plans one for herself (no one is told), then one for Boris, then moves her own to Boris
    const own = await plan(manager, { subject: 'Своё' });
    const forBoris = await plan(manager, { type: 'EMAIL', subject: 'Борису', assigneeId: borisId });
    await manager.UpdateActivity({ id: own.id, input: { version: own.version, assigneeId: borisId } });

    // then Boris hears the two given to him, in order
    const heard = (id: string, type: string, subject: string) => ({
      data: { activityAssigned: { activityId: id, type, subject, dueAt: FUTURE, clientId: romashka, clientName: 'Ромашка', assignedById: managerId, assignedByName: 'Мария Продажина' } },
    });
    expect(await borisHears.next()).toEqual(heard(forBoris.id, 'EMAIL', 'Борису'));
    expect(await borisHears.next()).toEqual(heard(own.id, 'CALL', 'Своё'));
    // and the manager, who gave them, hears nothing; nor anything more reaches Boris
    await settle(1000);
    expect([borisHears.pending(), managerHears.pending()]).toEqual([0, 0]);
  });

  it("shows a client's latest activities, newest due first, in the same few statements for a page of 10 and of 30", async () => {
    // given 30 activities on a client of the manager (with a contact, given to her or to Boris)
    const client = (await manager.CreateCounterparty({ input: { name: 'Ландыш' } })).createCounterparty.id;
    const contact = (await manager.CreateContact({ input: { counterpartyId: client, name: 'Анна Ландышева' } })).createContact.id;
    for (let i = 0; i < 30; i++) {
      await plan(manager, { clientId: client, contactId: contact, subject: `Звонок ${i}`, dueAt: new Date(Date.UTC(2031, 0, 1 + i, 9)).toISOString(), assigneeId: i % 2 ? borisId : managerId });
    }

    // then the client shows the latest first, as many as asked
    const { counterparty } = await manager.ClientActivities({ id: client, limit: 3 });
    expect(counterparty?.activities?.map((a) => a.subject)).toEqual(['Звонок 29', 'Звонок 28', 'Звонок 27']);

    // and the list with client, assignee and contact costs the same at 10 and 30 rows
    const query = `query ($perPage: Int) { activities(filter: { clientId: "${client}" }, perPage: $perPage) { items { client { name } assignee { name } contact { name } } } }`;
    type Listed = { data: { activities: { items: { client: { name: string }; assignee: { name: string }; contact: { name: string } }[] } } };
    const { token } = await app.login(demoEmail(Role.SALES_MANAGER));
    const run = (perPage: number): Promise<Listed> => fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { perPage } }) }).then((r) => r.json() as Promise<Listed>);
    await run(1); // warm the session
    let ten: Listed | undefined;
    let thirty: Listed | undefined;
    const tenStatements = await app.countStatements(async () => (ten = await run(10)));
    const thirtyStatements = await app.countStatements(async () => (thirty = await run(30)));
    expect(ten!.data.activities.items).toHaveLength(10);
    expect(thirty!.data.activities.items).toHaveLength(30);
    expect(new Set(thirty!.data.activities.items.map((a) => `${a.client.name} ${a.assignee.name} ${a.contact.name}`))).toEqual(
      new Set(['Ландыш Мария Продажина Анна Ландышева', 'Ландыш Борис Второй Анна Ландышева']),
    );
    expect(tenStatements).toBe(thirtyStatements);
    // the page with its total, the clients, the users, the contacts
    expect(thirtyStatements).toBe(4);
  });
});
