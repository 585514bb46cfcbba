import type { TradebookClient } from '@tradebook/client';
import { localToday } from '../../api/src/shared/local-date.scalar';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const REMINDER_DUE = 'subscription { reminderDue { reminderId userId title } }';
const ACTIVITY_ASSIGNED = 'subscription { activityAssigned { activityId subject assignedByName } }';

/** Far enough ahead that no reminder of it is in the past. */
const FUTURE = '2031-03-04T09:00:00.000Z';
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const dayFromToday = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localToday(date);
};
const refusals = (error: { fieldErrors: { field: string; reason: string }[] }) => error.fieldErrors.map(({ field, reason }) => ({ field, reason }));

/**
 * Issue 13 §7: a head of sales hands a leaving manager's clients, planned activities and open
 * deals to a colleague in one action with a report of what moved; a deputy stands in for an
 * absent manager while the period lasts. Both land in the audit log.
 */
describe('CRM: handover and deputies', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let head: TradebookClient;
  const sockets = wsClients();

  /** A sales manager of their own: their client, their token. */
  const newManager = async (email: string, name: string) => {
    await admin.CreateUser({ input: { email, name, password: 'manager-pass-1', roles: ['SALES_MANAGER'] } });
    return app.login(email, 'manager-pass-1');
  };

  beforeAll(async () => {
    app = await startTestApp({ JOBS_POLL_SECONDS: '0.5' });
    admin = await app.as(Role.ADMIN);
    head = await app.as(Role.SALES_HEAD);
  });
  afterAll(async () => {
    await sockets.dispose();
    await app.close();
  });

  it('hands every client, planned activity and open deal of a leaving manager to a colleague, with the report', async () => {
    // given Анна with 2 clients and a place in the team of a head's client
    const { client: anna, userId: annaId } = await newManager('anna@demo.tradebook', 'Анна Уходящая');
    const { client: boris, userId: borisId, token: borisToken } = await newManager('boris@demo.tradebook', 'Борис Принимающий');
    const alfa = (await anna.CreateCounterparty({ input: { name: 'Альфа' } })).createCounterparty.id;
    const beta = (await anna.CreateCounterparty({ input: { name: 'Бета' } })).createCounterparty.id;
    const gamma = (await head.CreateCounterparty({ input: { name: 'Гамма', teamMemberIds: [annaId] } })).createCounterparty.id;
    // and 3 planned activities (one with a reminder) and one done, which the head gave her
    const act = async (subject: string, dueAt: string, more: { reminderOffsetMinutes?: number; clientId?: string } = {}) =>
      (await head.CreateActivity({ input: { type: 'CALL', subject, clientId: alfa, dueAt, assigneeId: annaId, ...more } })).createActivity.id;
    const call = await act('Позвонить Альфе', FUTURE, { reminderOffsetMinutes: 30 });
    await act('Встреча с Бетой', '2031-03-05T09:00:00.000Z', { clientId: beta });
    await act('Письмо Гамме', '2031-03-06T09:00:00.000Z', { clientId: gamma });
    const done = await act('Уже позвонила', '2031-03-01T09:00:00.000Z');
    await anna.CompleteActivity({ id: done, result: 'готово' });
    // and 2 open deals and 1 won
    const stage = Object.fromEntries((await head.DealStages({})).dealStages.items.map((s) => [s.name, s.id]));
    const deal = async (title: string, clientId: string) => (await anna.CreateDeal({ input: { clientId, title, amount: '1000' } })).createDeal;
    const openA = await deal('Поставка Альфе', alfa);
    await deal('Договор с Бетой', beta);
    const won = await deal('Выигранная', alfa);
    await anna.MoveDeal({ id: won.id, stageId: stage.Won, version: won.version });

    const expected = {
      fromUserId: annaId,
      fromUserName: 'Анна Уходящая',
      toUserId: borisId,
      toUserName: 'Борис Принимающий',
      clients: 2,
      clientNames: ['Альфа', 'Бета'],
      teamMemberships: 1,
      activities: 3,
      activitySubjects: ['Позвонить Альфе', 'Встреча с Бетой', 'Письмо Гамме'],
      reminders: 1,
      deals: 2,
      dealTitles: ['Договор с Бетой', 'Поставка Альфе'],
    };

    // when the head previews it, nothing moves
    const { handoverPreview: preview } = await head.HandoverPreview({ input: { fromUserId: annaId, toUserId: borisId } });
    expect(preview).toEqual({ id: null, ...expected });
    expect((await boris.Counterparty({ id: alfa })).counterparty).toBeNull();

    // when the head hands it over, Борис connected
    const assigned = subscribeAll(sockets.open(app.graphqlUrl, borisToken), ACTIVITY_ASSIGNED, {});
    await settle();
    const { handOver: report } = await head.HandOver({ input: { fromUserId: annaId, toUserId: borisId, reason: 'Анна увольняется' } });

    // then the report is the preview's, now with its id
    expect(report).toEqual({ ...expected, id: expect.any(String) });
    // and Борис sees her clients, her planned activities and open deals, and owns them
    expect((await boris.Counterparty({ id: alfa })).counterparty?.owner?.id).toBe(borisId);
    expect((await boris.Counterparty({ id: beta })).counterparty?.owner?.id).toBe(borisId);
    expect((await boris.Counterparty({ id: gamma })).counterparty?.teamMembers.map((u) => u.id)).toEqual([borisId]);
    expect((await boris.Activity({ id: call })).activity?.assignee.id).toBe(borisId);
    expect((await boris.Deal({ id: openA.id })).deal?.owner.id).toBe(borisId);
    // and his planned list holds the three (the report counted the call's pending reminder with them)
    const pending = await boris.Activities({ filter: { assigneeId: borisId, status: 'PLANNED' } });
    expect(pending.activities.total).toBe(3);
    // and he was told of each of the three as given to him by the head, and of nothing else
    const told = [await assigned.next(), await assigned.next(), await assigned.next()].map((e) => (e as { data: { activityAssigned: { subject: string } } }).data.activityAssigned);
    const headName = (await head.Me()).me.name;
    const bySubject = (a: { subject: string }, b: { subject: string }) => a.subject.localeCompare(b.subject);
    expect(told.sort(bySubject)).toEqual(['Встреча с Бетой', 'Письмо Гамме', 'Позвонить Альфе'].map((subject) => ({ activityId: expect.any(String), subject, assignedByName: headName })));
    await expect(assigned.next(1000)).rejects.toThrow(/no event/);
    // and Анна sees none of it any more; the done activity and the won deal stayed hers
    expect((await anna.Counterparty({ id: alfa })).counterparty).toBeNull();
    expect((await anna.Activity({ id: call })).activity).toBeNull();
    expect((await errorOf(anna.CompleteActivity({ id: call, result: 'x' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(anna.UpdateDeal({ id: openA.id, input: { version: openA.version + 1, title: 'Моё' } }))).code).toBe('NOT_FOUND');
    expect((await anna.Activity({ id: done })).activity?.assignee.id).toBe(annaId);
    expect((await head.Deal({ id: won.id })).deal?.owner.id).toBe(annaId);

    // and the audit log holds who, from, to, the reason and the counts
    const { auditEntries } = await admin.AuditEntries({ filter: { entity: 'Handover', entityId: report.id! } });
    const headId = (await head.Me()).me.id;
    expect(auditEntries.items).toHaveLength(1);
    expect(auditEntries.items[0]).toMatchObject({ action: 'CREATE', userId: headId });
    expect(auditEntries.items[0].changes).toMatchObject({
      fromUser: { after: annaId },
      toUser: { after: borisId },
      reason: { after: 'Анна увольняется' },
      moved: { after: { clients: 2, activities: 3, deals: 2, teamMemberships: 1, reminders: 1 } },
    });
  });

  it('refuses the same user, an inactive one, and anyone but a head', async () => {
    const { client: vera, userId: veraId } = await newManager('vera@demo.tradebook', 'Вера');
    const { userId: gone } = await newManager('gone@demo.tradebook', 'Ушедший');
    const goneUser = (await admin.User({ id: gone })).user!;
    await admin.UpdateUser({ id: gone, input: { version: goneUser.version, active: false } });

    const same = await errorOf(head.HandOver({ input: { fromUserId: veraId, toUserId: veraId, reason: 'x' } }));
    expect([same.code, refusals(same)]).toEqual(['BAD_USER_INPUT', [{ field: 'toUserId', reason: 'SAME_USER' }]]);
    const inactive = await errorOf(head.HandOver({ input: { fromUserId: veraId, toUserId: gone, reason: 'x' } }));
    expect([inactive.code, refusals(inactive)]).toEqual(['BAD_USER_INPUT', [{ field: 'toUserId', reason: 'INACTIVE' }]]);
    const blank = await errorOf(head.HandOver({ input: { fromUserId: veraId, toUserId: (await head.Me()).me.id, reason: '  ' } }));
    expect(refusals(blank)).toEqual([{ field: 'reason', reason: 'REQUIRED' }]);
    expect((await errorOf(vera.HandOver({ input: { fromUserId: veraId, toUserId: gone, reason: 'x' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(vera.HandoverPreview({ input: { fromUserId: veraId, toUserId: gone } }))).code).toBe('FORBIDDEN');
  });

  it('a deputy sees the absent manager\'s client and receives their reminders only while the period lasts', async () => {
    // given Галина with a client, and Дмитрий who will stand in for her
    const { client: galina, userId: galinaId } = await newManager('galina@demo.tradebook', 'Галина');
    const { client: dmitry, userId: dmitryId, token: dmitryToken } = await newManager('dmitry@demo.tradebook', 'Дмитрий');
    const client = (await galina.CreateCounterparty({ input: { name: 'Дельта' } })).createCounterparty.id;

    // when Галина names him for a holiday that starts tomorrow
    const { setDeputy: later } = await galina.SetDeputy({ input: { userId: galinaId, deputyId: dmitryId, from: dayFromToday(1), to: dayFromToday(14) } });
    expect(later).toMatchObject({ user: { id: galinaId }, deputy: { id: dmitryId }, createdBy: { id: galinaId }, from: dayFromToday(1), to: dayFromToday(14), inForce: false, endedAt: null });
    // then before it starts he does not see her client
    expect((await dmitry.Counterparty({ id: client })).counterparty).toBeNull();

    // when the head names him from today
    const { setDeputy: now } = await head.SetDeputy({ input: { userId: galinaId, deputyId: dmitryId, from: localToday(), to: dayFromToday(3) } });
    expect(now.inForce).toBe(true);
    // then he sees her client, and her reminders and the activities given to her reach him
    expect((await dmitry.Counterparty({ id: client })).counterparty?.name).toBe('Дельта');
    const reminders = subscribeAll(sockets.open(app.graphqlUrl, dmitryToken), REMINDER_DUE, {});
    const assigned = subscribeAll(sockets.open(app.graphqlUrl, dmitryToken), ACTIVITY_ASSIGNED, {});
    await settle();
    const { createReminder } = await galina.CreateReminder({ input: { title: 'Позвонить в «Дельту»', remindAt: inMs(1000) } });
    expect(((await reminders.next(15_000)) as { data: { reminderDue: unknown } }).data.reminderDue).toEqual({ reminderId: createReminder.id, userId: galinaId, title: 'Позвонить в «Дельту»' });
    const { createActivity } = await head.CreateActivity({ input: { type: 'TASK', subject: 'Подготовить КП', clientId: client, dueAt: FUTURE, assigneeId: galinaId } });
    expect(((await assigned.next()) as { data: { activityAssigned: unknown } }).data.activityAssigned).toEqual({ activityId: createActivity.id, subject: 'Подготовить КП', assignedByName: expect.any(String) });
    // and her activity is in his agenda of that day, and he may open her calendar
    const agendaOf = async (who: typeof dmitry) => (await who.MyAgenda({ period: 'DAY', date: FUTURE.slice(0, 10) })).myAgenda.map((a) => [a.subject, a.assignee.id]);
    expect(await agendaOf(dmitry)).toEqual([['Подготовить КП', galinaId]]);
    const day = { from: FUTURE.slice(0, 10), to: FUTURE.slice(0, 10) };
    expect((await dmitry.ActivityCalendar({ ...day, assigneeIds: [galinaId] })).activityCalendar.map((a) => a.id)).toEqual([createActivity.id]);
    // and the list shows both periods, the latest start first
    expect((await galina.Deputies({})).deputies.map((d) => [d.id, d.inForce])).toEqual([[later.id, false], [now.id, true]]);

    // when the period is ended
    const { endDeputy: ended } = await galina.EndDeputy({ id: now.id });
    expect([ended.inForce, ended.endedAt !== null]).toEqual([false, true]);
    // then he no longer sees her client, her agenda or her calendar, nor gets her reminders
    expect((await dmitry.Counterparty({ id: client })).counterparty).toBeNull();
    expect(await agendaOf(dmitry)).toEqual([]);
    expect((await errorOf(dmitry.ActivityCalendar({ ...day, assigneeIds: [galinaId] }))).code).toBe('FORBIDDEN');
    await galina.CreateReminder({ input: { title: 'Ещё одно', remindAt: inMs(800) } });
    await expect(reminders.next(3000)).rejects.toThrow(/no event/);
    expect((await errorOf(galina.EndDeputy({ id: now.id }))).code).toBe('INVALID_STATE');
    // and another manager can neither end it nor see it
    expect((await errorOf(dmitry.EndDeputy({ id: later.id }))).code).toBe('NOT_FOUND');

    // and setting and ending are in the audit log
    const { auditEntries } = await admin.AuditEntries({ filter: { entity: 'UserDeputy', entityId: now.id } });
    expect(auditEntries.items.map((e) => e.action).sort()).toEqual(['CREATE', 'UPDATE']);
  });

  it('refuses a period that ends before it starts, an inactive deputy, and another user\'s deputy from a manager', async () => {
    const { client: igor, userId: igorId } = await newManager('igor@demo.tradebook', 'Игорь');
    const { userId: kira } = await newManager('kira@demo.tradebook', 'Кира');
    const { userId: off } = await newManager('off@demo.tradebook', 'Отключённый');
    const offUser = (await admin.User({ id: off })).user!;
    await admin.UpdateUser({ id: off, input: { version: offUser.version, active: false } });

    const backwards = await errorOf(igor.SetDeputy({ input: { userId: igorId, deputyId: kira, from: '2031-05-10', to: '2031-05-09' } }));
    expect([backwards.code, refusals(backwards)]).toEqual(['BAD_USER_INPUT', [{ field: 'to', reason: 'NOT_BEFORE' }]]);
    const inactive = await errorOf(igor.SetDeputy({ input: { userId: igorId, deputyId: off, from: '2031-05-10', to: '2031-05-20' } }));
    expect(refusals(inactive)).toEqual([{ field: 'deputyId', reason: 'INACTIVE' }]);
    const self = await errorOf(igor.SetDeputy({ input: { userId: igorId, deputyId: igorId, from: '2031-05-10', to: '2031-05-20' } }));
    expect(refusals(self)).toEqual([{ field: 'deputyId', reason: 'SAME_USER' }]);
    expect((await errorOf(igor.SetDeputy({ input: { userId: kira, deputyId: igorId, from: '2031-05-10', to: '2031-05-20' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(igor.Deputies({ userId: kira }))).code).toBe('FORBIDDEN');
  });
});
