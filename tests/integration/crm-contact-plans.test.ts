import type { TradebookClient } from '@tradebook/client';
import { reminderAt } from '../../api/src/modules/crm/activity-schedule';
import { plannedDueAt } from '../../api/src/modules/crm/contact-plan-schedule';
import { systemContext } from '../../api/src/server/context';
import { localToday } from '../../api/src/shared/local-date.scalar';
import { inTransaction } from '../../api/src/shared/transaction';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

/** Far enough ahead that no reminder of it is in the past. */
const FUTURE = '2031-03-04T09:00:00.000Z';

/** Noon of the day `days` before today on the server's calendar (this process's TZ). */
const daysAgo = (days: number) => {
  const at = new Date();
  at.setHours(12, 0, 0, 0);
  at.setDate(at.getDate() - days);
  return at;
};

/**
 * Issue 13 §5: contact plans — every client contacted at least every N days, by its own plan
 * or its segment's default; where each client stands; the daily job planning the late
 * contacts for the owners, once.
 */
describe('CRM: contact plans', () => {
  let app: TestApp;
  let head: TradebookClient;
  let manager: TradebookClient;
  let boris: TradebookClient;
  let managerId: string;
  let borisId: string;
  let wholesale: string;
  let romashka: string;
  let lutik: string;
  let vasilek: string;
  let segmentPlan: string;
  let lutikPlan: string;
  const sql = (text: string, params: unknown[] = []) => app.orm.em.getConnection().execute(text, params);
  const runDaily = () => inTransaction(app.orm.em.fork(), (em) => app.services.contactPlans.runDaily(systemContext(em, app.services)));
  /** A DONE activity completed at the moment given. */
  const done = async (client: TradebookClient, clientId: string, type: 'CALL' | 'MEETING' | 'EMAIL', at: Date) => {
    const { createActivity } = await client.CreateActivity({ input: { type, subject: 'Было', clientId, dueAt: FUTURE } });
    await client.CompleteActivity({ id: createActivity.id, result: 'ok' });
    await sql('update activity set completed_at = ? where id = ?', [at, createActivity.id]);
  };
  const refusal = async (call: Promise<unknown>) => {
    const error = await errorOf(call);
    return [error.code, error.fieldErrors?.map((e) => [e.field, e.reason])];
  };

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await app.as(Role.ADMIN);
    head = await app.as(Role.SALES_HEAD);
    manager = await app.as(Role.SALES_MANAGER);
    managerId = (await manager.Me()).me.id;
    borisId = (await admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис Второй', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } })).createUser.id;
    ({ client: boris } = await app.login('boris@demo.tradebook', 'second-manager-pass'));
    wholesale = (await head.CreateClientReference({ input: { kind: 'SEGMENT', name: 'Опт' } })).createClientReference.id;
    // the manager's Ромашка and Лютик and Boris's Василёк, all wholesale
    romashka = (await manager.CreateCounterparty({ input: { name: 'Ромашка', segmentId: wholesale } })).createCounterparty.id;
    lutik = (await manager.CreateCounterparty({ input: { name: 'Лютик', segmentId: wholesale } })).createCounterparty.id;
    vasilek = (await boris.CreateCounterparty({ input: { name: 'Василёк', segmentId: wholesale } })).createCounterparty.id;
  });
  afterAll(() => app.close());

  it('refuses a plan of both or neither, of no types or out of range, and a manager the segment defaults or others\' clients', async () => {
    const plan = { everyDays: 7, activityTypes: ['CALL' as const] };
    expect(await refusal(head.SetContactPlan({ input: { ...plan, clientId: romashka, segmentId: wholesale } }))).toEqual(['BAD_USER_INPUT', [['segmentId', 'EXACTLY_ONE_OF']]]);
    expect(await refusal(head.SetContactPlan({ input: plan }))).toEqual(['BAD_USER_INPUT', [['clientId', 'EXACTLY_ONE_OF']]]);
    expect((await refusal(head.SetContactPlan({ input: { ...plan, clientId: romashka, everyDays: 0 } })))[0]).toBe('BAD_USER_INPUT');
    expect((await refusal(head.SetContactPlan({ input: { ...plan, clientId: romashka, everyDays: 366 } })))[0]).toBe('BAD_USER_INPUT');
    expect((await refusal(head.SetContactPlan({ input: { ...plan, clientId: romashka, activityTypes: [] } })))[0]).toBe('BAD_USER_INPUT');
    // a region is no segment
    const region = (await head.CreateClientReference({ input: { kind: 'REGION', name: 'Урал' } })).createClientReference.id;
    expect(await refusal(head.SetContactPlan({ input: { ...plan, segmentId: region } }))).toEqual(['BAD_USER_INPUT', [['segmentId', 'NOT_FOUND']]]);
    expect((await errorOf(manager.SetContactPlan({ input: { ...plan, segmentId: wholesale } }))).code).toBe('FORBIDDEN');
    // Boris's client is out of the manager's sight
    expect(await refusal(manager.SetContactPlan({ input: { ...plan, clientId: vasilek } }))).toEqual(['BAD_USER_INPUT', [['clientId', 'NOT_FOUND']]]);
    expect((await head.ContactPlans({})).contactPlans.total).toBe(0);
  });

  it('takes a client\'s own plan over its segment\'s default, and a manager reads the defaults', async () => {
    // given the head's wholesale default, every 14 days by a call or a meeting, and the manager's own plan for Лютик, every 7 days by a meeting
    segmentPlan = (await head.SetContactPlan({ input: { segmentId: wholesale, everyDays: 14, activityTypes: ['CALL', 'MEETING', 'CALL'] } })).setContactPlan.id;
    const own = (await manager.SetContactPlan({ input: { clientId: lutik, everyDays: 10, activityTypes: ['MEETING'] } })).setContactPlan;
    // setting it again replaces it
    const again = (await manager.SetContactPlan({ input: { clientId: lutik, everyDays: 7, activityTypes: ['MEETING'] } })).setContactPlan;
    lutikPlan = own.id;
    expect(again).toMatchObject({ id: own.id, everyDays: 7, activityTypes: ['MEETING'], active: true, client: { id: lutik, name: 'Лютик' }, segment: null, version: 2 });

    // then the manager sees the default and their own client's plan; Boris sees only the default
    const plans = (await manager.ContactPlans({ sort: [{ field: 'everyDays', order: 'ASC' }] })).contactPlans.items;
    expect(plans.map((p) => [p.everyDays, p.activityTypes, p.client?.name ?? null, p.segment?.name ?? null])).toEqual([
      [7, ['MEETING'], 'Лютик', null],
      [14, ['CALL', 'MEETING'], null, 'Опт'],
    ]);
    expect((await boris.ContactPlans({})).contactPlans.items.map((p) => p.id)).toEqual([segmentPlan]);
    expect((await boris.ContactPlans({ filter: { segmentDefaults: false } })).contactPlans.total).toBe(0);
    expect((await errorOf(boris.DeleteContactPlan({ id: lutikPlan }))).code).toBe('NOT_FOUND');

    expect((await manager.ContactPlanStatus({ clientId: romashka })).contactPlanStatus?.plan.id).toBe(segmentPlan);
    expect((await manager.ContactPlanStatus({ clientId: lutik })).contactPlanStatus?.plan.id).toBe(lutikPlan);
    expect((await errorOf(manager.ContactPlanStatus({ clientId: vasilek }))).code).toBe('NOT_FOUND');
  });

  it('counts the days overdue from the last contact of the plan\'s types, or from the plan when never contacted', async () => {
    // given both plans made 20 days ago
    await sql('update contact_plan set created_at = ? where id in (?, ?)', [daysAgo(20), segmentPlan, lutikPlan]);
    // and Ромашка called 17 days ago and emailed yesterday (an email is not of its plan)
    await done(manager, romashka, 'CALL', daysAgo(17));
    await done(manager, romashka, 'EMAIL', daysAgo(1));
    // and Лютик called yesterday, but its plan wants meetings: never contacted
    await done(manager, lutik, 'CALL', daysAgo(1));
    // and Василёк never contacted

    // then Ромашка is due 17 − 14 = 3 days ago; Лютик 20 − 7 = 13; Василёк 20 − 14 = 6
    const status = (await manager.ContactPlanStatus({ clientId: romashka })).contactPlanStatus!;
    expect(status).toMatchObject({ clientName: 'Ромашка', owner: { id: managerId }, lastContactAt: daysAgo(17).toISOString(), dueDate: localToday(daysAgo(3)), daysOverdue: 3 });
    expect((await manager.ContactPlanStatus({ clientId: lutik })).contactPlanStatus).toMatchObject({ lastContactAt: null, dueDate: localToday(daysAgo(13)), daysOverdue: 13 });

    const all = (await head.OverdueContactPlans({})).overdueContactPlans;
    expect(all.map((s) => [s.clientName, s.owner?.name, s.daysOverdue])).toEqual([
      ['Лютик', 'Мария Продажина', 13],
      ['Василёк', 'Борис Второй', 6],
      ['Ромашка', 'Мария Продажина', 3],
    ]);
    expect((await manager.OverdueContactPlans({})).overdueContactPlans.map((s) => s.clientName)).toEqual(['Лютик', 'Ромашка']);
    expect((await head.OverdueContactPlans({ ownerId: borisId })).overdueContactPlans.map((s) => s.clientName)).toEqual(['Василёк']);
    expect((await errorOf(manager.OverdueContactPlans({ ownerId: borisId }))).code).toBe('FORBIDDEN');

    // a client's own inactive plan switches the default off for it
    await manager.SetContactPlan({ input: { clientId: romashka, everyDays: 30, activityTypes: ['CALL'], active: false } });
    expect((await manager.ContactPlanStatus({ clientId: romashka })).contactPlanStatus).toBeNull();
    const off = (await manager.ContactPlans({ filter: { clientId: romashka } })).contactPlans.items[0];
    await manager.DeleteContactPlan({ id: off.id });
    expect((await manager.ContactPlanStatus({ clientId: romashka })).contactPlanStatus?.daysOverdue).toBe(3);
  });

  it('plans one contact per late client without one planned, for its owner with a reminder, and nothing on a second run', async () => {
    // given Boris has a meeting planned with Василёк already
    await boris.CreateActivity({ input: { type: 'MEETING', subject: 'Встреча', clientId: vasilek, dueAt: FUTURE } });
    const before = (await head.Activities({ filter: { status: 'PLANNED' } })).activities.total;

    // when the daily job runs
    const expectedDue = plannedDueAt(new Date());
    expect(await runDaily()).toBe(2);

    // then Ромашка gets a call (its plan's first type) and Лютик a meeting, both the manager's, due today with a reminder
    const planned = (await head.Activities({ filter: { status: 'PLANNED', q: 'Contact per plan' }, sort: [{ field: 'subject', order: 'ASC' }] })).activities.items;
    expect(planned.map((a) => [a.subject, a.type, a.client.name, a.assignee.id, a.author.id, a.dueAt, a.reminderOffsetMinutes])).toEqual([
      ['Contact per plan: Лютик', 'MEETING', 'Лютик', managerId, managerId, expectedDue.toISOString(), 30],
      ['Contact per plan: Ромашка', 'CALL', 'Ромашка', managerId, managerId, expectedDue.toISOString(), 30],
    ]);
    const reminders = (await manager.MyReminders({ status: 'PENDING' })).myReminders.items;
    expect(reminders.filter((r) => planned.some((a) => a.id === r.activityId)).map((r) => [r.title, r.remindAt]).sort()).toEqual([
      ['Contact per plan: Лютик', reminderAt(expectedDue, 30).toISOString()],
      ['Contact per plan: Ромашка', reminderAt(expectedDue, 30).toISOString()],
    ]);

    // and a second run plans nothing more
    expect(await runDaily()).toBe(0);
    expect((await head.Activities({ filter: { status: 'PLANNED' } })).activities.total).toBe(before + 2);
  });
});
