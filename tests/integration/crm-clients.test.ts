import { demoEmail, errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import type { CounterpartyFilter, TradebookClient } from '@tradebook/client';

// real INNs with valid check digits
const ROMASHKA_INN = '7707083893';
const LUTIK_INN = '7736207543';

/**
 * Issue 13 §1 and §3: one client base — a client's CRM profile (status, reference lists,
 * tags, website, notes), its contact persons with normalised channels, and duplicates
 * found by INN, phone or email however they were typed.
 */
describe('CRM: clients, contacts, notes and duplicates', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let head: TradebookClient;
  let manager: TradebookClient;
  let boris: TradebookClient;
  let marketing: TradebookClient;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    head = await app.as(Role.SALES_HEAD);
    manager = await app.as(Role.SALES_MANAGER);
    marketing = await app.as(Role.MARKETING);
    await admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } });
    boris = (await app.login('boris@demo.tradebook', 'second-manager-pass')).client;
    // the reference lists, kept by the head of sales (and marketing)
    for (const [key, kind, name] of [
      ['moscow', 'REGION', 'Москва'],
      ['retail', 'INDUSTRY', 'Розничная торговля'],
      ['key', 'SEGMENT', 'Ключевые'],
      ['expo', 'LEAD_SOURCE', 'Выставка'],
    ] as const) {
      refs[key] = (await head.CreateClientReference({ input: { kind, name } })).createClientReference.id;
    }
    refs.fair = (await marketing.CreateClientReference({ input: { kind: 'LEAD_SOURCE', name: 'Ярмарка' } })).createClientReference.id;
  });
  afterAll(() => app.close());

  it('keeps a client\'s status, region, industry, segment, lead source, tags and website, and lists by them', async () => {
    // when the manager enters a prospect with its classification, tags typed carelessly and a bare website
    const { createCounterparty: created } = await manager.CreateCounterparty({
      input: { name: 'Ромашка', inn: ROMASHKA_INN, status: 'PROSPECT', regionId: refs.moscow, industryId: refs.retail, segmentId: refs.key, leadSourceId: refs.expo, tags: [' VIP ', 'vip', 'опт', ''], website: 'romashka.ru' },
    });

    // then it is kept as sent, the tags trimmed and each once (first spelling), the website with its scheme
    expect(created).toMatchObject({
      status: 'PROSPECT',
      lostReason: null,
      region: { name: 'Москва' },
      industry: { name: 'Розничная торговля' },
      segment: { name: 'Ключевые' },
      leadSource: { name: 'Выставка' },
      tags: ['VIP', 'опт'],
      website: 'https://romashka.ru',
      owner: { email: demoEmail(Role.SALES_MANAGER) },
    });
    // and a client entered without a status is a LEAD
    const { createCounterparty: lead } = await manager.CreateCounterparty({ input: { name: 'Новичок' } });
    expect(lead.status).toBe('LEAD');

    // and the list filters by status, region, segment and tag (any case)
    const names = async (filter: CounterpartyFilter) => (await manager.Counterparties({ filter })).counterparties.items.map((c) => c.name);
    expect(await names({ status: 'PROSPECT' })).toEqual(['Ромашка']);
    expect(await names({ regionId: refs.moscow })).toEqual(['Ромашка']);
    expect(await names({ segmentId: refs.key, tag: 'Vip' })).toEqual(['Ромашка']);
    expect(await names({ tag: 'нет такого' })).toEqual([]);
  });

  it('refuses a reference of the wrong list, a website that is no address and LOST without a reason, on their fields, writing nothing', async () => {
    // when a client is given a lead source as its region, a broken website and LOST with no reason
    const error = await errorOf(manager.CreateCounterparty({ input: { name: 'Ошибочный', regionId: refs.expo, website: 'not a site', status: 'LOST' } }));

    // then every field is refused at once and no client was created
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ fields: { regionId: 'no such region', website: expect.stringContaining('web address'), lostReason: 'say why the client was lost' } });
    expect((await admin.Counterparties({ filter: { q: 'Ошибочный' } })).counterparties.total).toBe(0);
  });

  it('lets only the owner or a head of sales mark a client LOST, with the reason', async () => {
    // given the demo manager's client on which Boris is a team member
    const borisId = (await boris.Me()).me.id;
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'Уходящий', status: 'CUSTOMER', teamMemberIds: [borisId] } });

    // when Boris (a team member, not the owner) marks it LOST
    const refused = await errorOf(boris.UpdateCounterparty({ id: client.id, input: { version: client.version, status: 'LOST', lostReason: 'ушёл к конкуренту' } }));
    // then he may not
    expect(refused.code).toBe('FORBIDDEN');

    // but the owner may, with the reason; and back to PROSPECT clears the reason
    const { updateCounterparty: lost } = await manager.UpdateCounterparty({ id: client.id, input: { version: client.version, status: 'LOST', lostReason: 'ушёл к конкуренту' } });
    expect(lost).toMatchObject({ status: 'LOST', lostReason: 'ушёл к конкуренту' });
    const { updateCounterparty: back } = await head.UpdateCounterparty({ id: client.id, input: { version: lost.version, status: 'PROSPECT' } });
    expect(back).toMatchObject({ status: 'PROSPECT', lostReason: null });
  });

  it('keeps contact channels normalised: phones in E.164, emails in lower case, Telegram as @name; the first of a type is primary', async () => {
    // given a client of the manager
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'Лютик', inn: LUTIK_INN } });

    // when the manager adds its buyer with channels typed as people type them
    const { createContact: contact } = await manager.CreateContact({
      input: {
        counterpartyId: client.id,
        name: 'Иван Петров',
        position: 'закупщик',
        birthday: '1985-04-12',
        channels: [
          { type: 'MOBILE', value: '8 (912) 345-67-89' },
          { type: 'EMAIL', value: 'Ivan.Petrov@Lutik.RU' },
          { type: 'PHONE', value: '+7 495 123-45-67' },
          { type: 'PHONE', value: '+7 (495) 765-43-21', primary: true },
          { type: 'TELEGRAM', value: 'ivan_petrov' },
        ],
      },
    });

    // then each is kept in its normal form; the marked PHONE is primary, the first MOBILE and EMAIL are
    expect(contact).toMatchObject({ name: 'Иван Петров', position: 'закупщик', birthday: '1985-04-12' });
    expect(contact.channels).toEqual([
      { type: 'MOBILE', value: '+79123456789', primary: true },
      { type: 'EMAIL', value: 'ivan.petrov@lutik.ru', primary: true },
      { type: 'PHONE', value: '+74951234567', primary: false },
      { type: 'PHONE', value: '+74957654321', primary: true },
      { type: 'TELEGRAM', value: '@ivan_petrov', primary: true },
    ]);
    // and the client shows its people
    const { counterparty } = await manager.ClientProfile({ id: client.id });
    expect(counterparty?.contacts?.map((c) => c.name)).toEqual(['Иван Петров']);

    // when channels that are no phone, no email, a repeat and a second primary are sent
    const error = await errorOf(
      manager.UpdateContact({
        id: contact.id,
        input: {
          version: contact.version,
          channels: [
            { type: 'PHONE', value: '12345' },
            { type: 'EMAIL', value: 'ivan@' },
            { type: 'MOBILE', value: '+7 912 345 67 89', primary: true },
            { type: 'MOBILE', value: '89123456789' },
            { type: 'MOBILE', value: '+7 912 000-00-00', primary: true },
          ],
        },
      }),
    );
    // then each is refused on its own field, and the contact keeps its channels
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({
      fieldErrors: expect.arrayContaining([
        expect.objectContaining({ field: 'channels.0.value', reason: 'NOT_A_PHONE' }),
        expect.objectContaining({ field: 'channels.1.value', reason: 'NOT_AN_EMAIL' }),
        expect.objectContaining({ field: 'channels.3.value', reason: 'REPEATED' }),
        expect.objectContaining({ field: 'channels.4.primary', reason: 'INVALID' }),
      ]),
    });
    expect((await manager.Contact({ id: contact.id })).contact?.channels).toHaveLength(5);

    // and the update replaces the channels when they are good
    const { updateContact } = await manager.UpdateContact({ id: contact.id, input: { version: contact.version, position: 'директор по закупкам', channels: [{ type: 'WHATSAPP', value: '+7 912 345-67-89' }] } });
    expect(updateContact).toMatchObject({ position: 'директор по закупкам', channels: [{ type: 'WHATSAPP', value: '+79123456789', primary: true }] });
  });

  it('hides contacts and notes of a client outside the record rules (NOT_FOUND); marketing reads them but does not edit', async () => {
    // given the demo manager's client with a contact and a note
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'Закрытый' } });
    const { createContact: contact } = await manager.CreateContact({ input: { counterpartyId: client.id, name: 'Мария', channels: [{ type: 'EMAIL', value: 'maria@zakryt.ru' }] } });
    const { addClientNote: note } = await manager.AddClientNote({ counterpartyId: client.id, text: 'Любит скидки к концу квартала' });

    // then Boris (not owner, not on the team) sees none of it, as if it did not exist
    expect((await boris.Contact({ id: contact.id })).contact).toBeNull();
    expect((await boris.Contacts({ filter: { counterpartyId: client.id } })).contacts).toEqual({ items: [], total: 0 });
    expect((await manager.Contacts({ filter: { counterpartyId: client.id } })).contacts.items.map((c) => [c.name, c.counterparty.name])).toEqual([['Мария', 'Закрытый']]);
    expect((await errorOf(boris.UpdateContact({ id: contact.id, input: { version: contact.version, name: 'X' } }))).code).toBe('NOT_FOUND');
    expect((await errorOf(boris.DeleteContact({ id: contact.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(boris.UpdateClientNote({ id: note.id, text: 'X', version: note.version }))).code).toBe('NOT_FOUND');
    const adding = await errorOf(boris.CreateContact({ input: { counterpartyId: client.id, name: 'Чужой' } }));
    expect(adding.details).toMatchObject({ fields: { counterpartyId: 'no such counterparty' } });

    // and marketing reads the client's people and notes but may not change them
    const { counterparty } = await marketing.ClientProfile({ id: client.id });
    expect(counterparty).toMatchObject({ contacts: [{ name: 'Мария', channels: [{ value: 'maria@zakryt.ru' }] }], notes: [{ text: 'Любит скидки к концу квартала', author: { name: (await manager.Me()).me.name } }] });
    expect((await errorOf(marketing.CreateContact({ input: { counterpartyId: client.id, name: 'Новый' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(marketing.AddClientNote({ counterpartyId: client.id, text: 'x' }))).code).toBe('FORBIDDEN');
  });

  it('keeps notes with author and time, newest first; only the author or a head changes one', async () => {
    // given the manager's client with Boris on its team
    const borisId = (await boris.Me()).me.id;
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'С заметками', teamMemberIds: [borisId] } });
    const { addClientNote: first } = await manager.AddClientNote({ counterpartyId: client.id, text: '  Звонить после 11  ' });
    const { addClientNote: second } = await boris.AddClientNote({ counterpartyId: client.id, text: 'Директор сменился' });

    // then both read them, newest first, with who wrote them
    const { counterparty } = await boris.ClientProfile({ id: client.id });
    expect(counterparty?.notes?.map((n) => [n.text, n.author.name])).toEqual([
      ['Директор сменился', 'Борис'],
      ['Звонить после 11', (await manager.Me()).me.name],
    ]);

    // and Boris may not change the manager's note, the manager may; the head deletes Boris's
    expect((await errorOf(boris.UpdateClientNote({ id: first.id, text: 'X', version: first.version }))).code).toBe('FORBIDDEN');
    expect((await manager.UpdateClientNote({ id: first.id, text: 'Звонить после 12', version: first.version })).updateClientNote.text).toBe('Звонить после 12');
    await head.DeleteClientNote({ id: second.id });
    expect((await manager.ClientProfile({ id: client.id })).counterparty?.notes?.map((n) => n.text)).toEqual(['Звонить после 12']);
    // a blank note is refused on its field
    expect((await errorOf(manager.AddClientNote({ counterpartyId: client.id, text: '   ' }))).details).toMatchObject({ fields: { text: 'must not be blank' } });
  });

  describe('duplicates', () => {
    let original: { id: string; name: string };
    beforeAll(async () => {
      // Boris's client with a phone of its own and a contact whose email is typed in capitals
      const { createCounterparty } = await boris.CreateCounterparty({ input: { name: 'Василёк', inn: '7702070139', kpp: '770201001', phone: '8 (495) 111-22-33' } });
      original = createCounterparty;
      await boris.CreateContact({ input: { counterpartyId: original.id, name: 'Ольга', channels: [{ type: 'EMAIL', value: 'Olga@Vasilek.RU' }, { type: 'MOBILE', value: '+7 903 555 44 33' }] } });
    });

    it.each([
      ['the same INN (another KPP: a branch)', { inn: '7702070139', kpp: '770202001' }, 'inn'],
      ['the same phone written another way', { phone: '+7 495 111 22 33' }, 'phone'],
      ['a contact\'s mobile as the client\'s phone', { phone: '89035554433' }, 'phone'],
      ['a contact\'s email in another case', { email: 'olga@vasilek.ru' }, 'email'],
    ])('refuses a client with %s with CONFLICT naming the duplicate, even to a manager who cannot see it', async (_case, input, field) => {
      // when the demo manager enters it (Boris's client is outside the manager's record rules)
      const error = await errorOf(manager.CreateCounterparty({ input: { name: 'Василёк дубль', ...input } }));

      // then it names the client already there, whose it is and what matched; nothing was created
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('Василёк (owner Борис)');
      expect(error.details).toMatchObject({ reason: 'DUPLICATE', duplicates: [{ id: original.id, name: 'Василёк', owner: 'Борис', matchedOn: [field] }], fieldErrors: [expect.objectContaining({ field, reason: 'DUPLICATE_CLIENT', params: { name: 'Василёк', owner: 'Борис' } })] });
      expect((await admin.Counterparties({ filter: { q: 'Василёк дубль' } })).counterparties.total).toBe(0);
    });

    it('creates a deliberate duplicate when asked to', async () => {
      // when the manager insists: a second legal entity of the same group with the same phone
      const { createCounterparty } = await manager.CreateCounterparty({ input: { name: 'Василёк-2', phone: '+7 495 111-22-33', allowDuplicate: true } });
      // then it is created
      expect(createCounterparty.name).toBe('Василёк-2');
    });

    it('lets exactly one of two people entering the same new client at once through', async () => {
      // when the manager and Boris create a client with the same email at the same moment, 5 times over
      for (let round = 0; round < 5; round++) {
        const email = `race${round}@example.ru`;
        const results = await Promise.allSettled([manager.CreateCounterparty({ input: { name: `Гонка ${round} А`, email } }), boris.CreateCounterparty({ input: { name: `Гонка ${round} Б`, email: email.toUpperCase() } })]);
        // then one is created and the other is told of it
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(refused.reason.code).toBe('CONFLICT');
      }
      expect((await admin.Counterparties({ filter: { q: 'Гонка' } })).counterparties.total).toBe(5);
    });
  });

  it('lets only one who may choose price types move a client into a segment with a default price type', async () => {
    // given a segment whose clients get the WHOLESALE-like price type "Дилерская"
    const { createPriceType: dealer } = await admin.CreatePriceType({ input: { code: 'DEALER-SEG', name: 'Дилерская', vatIncluded: false } });
    const { createClientReference: segment } = await head.CreateClientReference({ input: { kind: 'SEGMENT', name: 'Дилеры', defaultPriceTypeId: dealer.id } });
    expect(segment.defaultPriceType).toEqual({ id: dealer.id, code: 'DEALER-SEG' });
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'Сегментный' } });

    // when the manager puts the client there himself
    const error = await errorOf(manager.UpdateCounterparty({ id: client.id, input: { version: client.version, segmentId: segment.id } }));
    // then he may not (it would change the client's prices, like its own price type)
    expect(error.code).toBe('FORBIDDEN');
    // but into a segment without a default price type he may
    expect((await manager.UpdateCounterparty({ id: client.id, input: { version: client.version, segmentId: refs.key } })).updateCounterparty.segment).toEqual({ id: refs.key, name: 'Ключевые' });
    // and a default price type is for segments only
    const notSegment = await errorOf(head.CreateClientReference({ input: { kind: 'REGION', name: 'Урал', defaultPriceTypeId: dealer.id } }));
    expect(notSegment.details).toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'defaultPriceTypeId', reason: 'NOT_USED_BY' })] });
    // and a name is once per list, whatever its case
    expect((await errorOf(head.CreateClientReference({ input: { kind: 'REGION', name: 'москва' } }))).code).toBe('CONFLICT');
  });
});
