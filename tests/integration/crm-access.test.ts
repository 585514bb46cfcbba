import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/*
 * CRM access by role (issue 13, item 10), in one place: a sales manager works with their
 * own clients (another's is NOT_FOUND, by id as by list), a head of sales sees all and
 * changes owners, marketing reads clients and contacts but edits no deal and sees no cost,
 * service reads clients and logs activities; only the owner or a head marks a client LOST,
 * only a head changes its owner — purchasing and accounting see every client but decide neither.
 */
describe('CRM access by role', () => {
  let app: TestApp;
  let managerA: TradebookClient;
  let managerB: TradebookClient;
  let head: TradebookClient;
  let marketing: TradebookClient;
  let service: TradebookClient;
  let purchasing: TradebookClient;
  let accountant: TradebookClient;
  let idB: string;
  const mine = { client: '', contact: '', activity: '', deal: '' };
  const theirs = { client: '', contact: '', activity: '', deal: '' };

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await app.as(Role.ADMIN);
    idB = (await admin.CreateUser({ input: { email: 'access-b@demo.tradebook', name: 'Менеджер Б', password: 'access-b-password', roles: ['SALES_MANAGER'] } })).createUser.id;
    managerA = await app.as(Role.SALES_MANAGER);
    managerB = (await app.login('access-b@demo.tradebook', 'access-b-password')).client;
    [head, marketing, service, purchasing, accountant] = await Promise.all([Role.SALES_HEAD, Role.MARKETING, Role.SERVICE, Role.PURCHASING, Role.ACCOUNTANT].map((r) => app.as(r)));
    for (const [who, into, name] of [[managerA, mine, 'Клиент А'], [managerB, theirs, 'Клиент Б']] as const) {
      into.client = (await who.CreateCounterparty({ input: { name } })).createCounterparty.id;
      into.contact = (await who.CreateContact({ input: { counterpartyId: into.client, name: `Контакт ${name}` } })).createContact.id;
      into.activity = (await who.CreateActivity({ input: { type: 'CALL', subject: `Звонок: ${name}`, clientId: into.client, dueAt: inAnHour() } })).createActivity.id;
      into.deal = (await who.CreateDeal({ input: { clientId: into.client, title: `Сделка: ${name}`, amount: '1000.00' } })).createDeal.id;
    }
  });
  afterAll(() => app.close());

  it("a sales manager works with their own clients; another's client, contact, activity and deal are as missing", async () => {
    expect((await managerA.Counterparty({ id: mine.client })).counterparty?.name).toBe('Клиент А');
    expect((await managerA.Counterparty({ id: theirs.client })).counterparty).toBeNull();
    expect((await managerA.Activity({ id: theirs.activity })).activity).toBeNull();
    expect((await managerA.Deal({ id: theirs.deal })).deal).toBeNull();
    expect((await managerA.Contact({ id: theirs.contact })).contact).toBeNull();
    expect((await managerA.Counterparties({ filter: { q: 'Клиент' } })).counterparties.items.map((c) => c.name)).toEqual(['Клиент А']);
    const version = (await managerB.Counterparty({ id: theirs.client })).counterparty!.version;
    expect((await errorOf(managerA.UpdateCounterparty({ id: theirs.client, input: { version, comment: 'x' } }))).code).toBe('NOT_FOUND');
    expect((await errorOf(managerA.CreateActivity({ input: { type: 'CALL', subject: 'x', clientId: theirs.client, dueAt: inAnHour() } }))).fieldErrors.map((e) => [e.field, e.reason])).toEqual([['clientId', 'NOT_FOUND']]);
    // and may not give even their own client to a colleague: a head decides owners
    const own = (await managerA.Counterparty({ id: mine.client })).counterparty!;
    expect((await errorOf(managerA.UpdateCounterparty({ id: mine.client, input: { version: own.version, ownerId: idB } }))).code).toBe('FORBIDDEN');
  });

  it('marketing reads clients and contacts, edits no client or deal, and has no cost data; service reads clients and logs activities', async () => {
    expect((await marketing.Counterparties({ filter: { q: 'Клиент' } })).counterparties.items.map((c) => c.name).sort()).toEqual(['Клиент А', 'Клиент Б']);
    expect((await marketing.Contact({ id: theirs.contact })).contact?.name).toBe('Контакт Клиент Б');
    const deal = (await marketing.Deal({ id: mine.deal })).deal!;
    expect(deal.title).toBe('Сделка: Клиент А');
    const stages = (await marketing.DealStages({})).dealStages.items;
    expect((await errorOf(marketing.MoveDeal({ id: mine.deal, stageId: stages[1].id, version: deal.version }))).code).toBe('FORBIDDEN');
    expect((await errorOf(marketing.CreateDeal({ input: { clientId: mine.client, title: 'x', amount: '1' } }))).code).toBe('FORBIDDEN');
    const client = (await marketing.Counterparty({ id: mine.client })).counterparty!;
    expect((await errorOf(marketing.UpdateCounterparty({ id: mine.client, input: { version: client.version, comment: 'x' } }))).code).toBe('FORBIDDEN');
    expect((await marketing.Me()).me.permissions).not.toContain('cost:read');

    expect((await service.Counterparty({ id: theirs.client })).counterparty?.name).toBe('Клиент Б');
    const logged = (await service.CreateActivity({ input: { type: 'CALL', subject: 'Сервисный звонок', clientId: theirs.client, dueAt: inAnHour() } })).createActivity;
    expect([logged.client.name, logged.status]).toEqual(['Клиент Б', 'PLANNED']);
    expect((await errorOf(service.UpdateCounterparty({ id: theirs.client, input: { version: (await service.Counterparty({ id: theirs.client })).counterparty!.version, comment: 'x' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(service.Deals({}))).code).toBe('FORBIDDEN');
  });

  it('only the owner or a head marks a client LOST; only a head changes its owner', async () => {
    const read = async () => (await head.Counterparty({ id: mine.client })).counterparty!;
    // purchasing and accounting see every client (and may edit requisites) but decide neither
    expect((await errorOf(purchasing.UpdateCounterparty({ id: mine.client, input: { version: (await read()).version, ownerId: idB } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(accountant.UpdateCounterparty({ id: mine.client, input: { version: (await read()).version, status: 'LOST', lostReason: 'ушёл к конкуренту' } }))).code).toBe('FORBIDDEN');
    expect([(await read()).status, (await read()).owner?.id === idB]).toEqual(['LEAD', false]);
    // the owner marks it LOST with the reason
    const lost = (await managerA.UpdateCounterparty({ id: mine.client, input: { version: (await read()).version, status: 'LOST', lostReason: 'ушёл к конкуренту' } })).updateCounterparty;
    expect([lost.status, lost.lostReason]).toEqual(['LOST', 'ушёл к конкуренту']);
    // and the head gives it to manager B, who now sees it while A does not
    await head.UpdateCounterparty({ id: mine.client, input: { version: (await read()).version, ownerId: idB } });
    expect((await managerB.Counterparty({ id: mine.client })).counterparty?.name).toBe('Клиент А');
    expect((await managerA.Counterparty({ id: mine.client })).counterparty).toBeNull();
  });
});
