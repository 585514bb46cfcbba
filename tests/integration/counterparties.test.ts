import { demoEmail, errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import type { TradebookClient } from '@tradebook/client';

// Real INNs with valid check digits.
const SBERBANK_INN = '7707083893';
const MOSCOW_TAX_INN = '7736207543';
const PERSON_INN = '500100732259';
const BANK = { bankName: 'ПАО Сбербанк', bik: '044525225', account: '40702810938000000001', correspondentAccount: '30101810400000000225' };

describe('counterparties', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const names = (page: { items: { name: string }[] }) => page.items.map((c) => c.name);

  describe('validation', () => {
    it('accepts a company and a person with valid INNs, KPP and bank details', async () => {
      // given an administrator
      const admin = await app.as(Role.ADMIN);

      // when they create a company with INN, KPP and bank details, and a sole trader with a 12-digit INN
      const { createCounterparty: company } = await admin.CreateCounterparty({
        input: { name: 'Сбербанк', fullName: 'ПАО «Сбербанк России»', inn: SBERBANK_INN, kpp: '773601001', roles: ['CLIENT', 'SUPPLIER'], email: 'info@sber.example', bank: BANK },
      });
      const { createCounterparty: person } = await admin.CreateCounterparty({ input: { kind: 'PERSON', name: 'ИП Тестов', inn: PERSON_INN } });

      // then both are stored as sent; the creator owns them; the person is a client by default
      expect(company).toMatchObject({ kind: 'COMPANY', name: 'Сбербанк', inn: SBERBANK_INN, kpp: '773601001', roles: ['CLIENT', 'SUPPLIER'], bank: BANK, owner: { email: demoEmail(Role.ADMIN) }, teamMembers: [], version: 1 });
      expect(person).toMatchObject({ kind: 'PERSON', inn: PERSON_INN, kpp: null, roles: ['CLIENT'], bank: { bik: null, account: null } });

      // and the list finds them by INN and filters by kind and role
      expect(names((await admin.Counterparties({ filter: { q: '770708' } })).counterparties)).toEqual(['Сбербанк']);
      expect(names((await admin.Counterparties({ filter: { kind: 'PERSON' } })).counterparties)).toEqual(['ИП Тестов']);
      expect(names((await admin.Counterparties({ filter: { role: 'SUPPLIER' } })).counterparties)).toEqual(['Сбербанк']);
    });

    it('the list finds a client by a phone however it is typed, and not by a few digits of it', async () => {
      const admin = await app.as(Role.ADMIN);
      await admin.CreateCounterparty({ input: { name: 'Телефонный клиент', phone: '8 (912) 345-67-89' } });
      // kept as +79123456789: found by a fragment with spaces, the full number with the trunk 8, or +7
      for (const q of ['912 345-67', '8 912 345 67 89', '+7 (912) 3456789']) expect(names((await admin.Counterparties({ filter: { q } })).counterparties)).toEqual(['Телефонный клиент']);
      // four digits are no phone (nor in a name or an INN here)
      expect((await admin.Counterparties({ filter: { q: '4567' } })).counterparties.total).toBe(0);
    });

    it.each([
      ['a wrong check digit', { name: 'Опечатка', inn: '7707083894' }, 'inn'],
      ['a person INN on a company', { name: 'Не та длина', inn: PERSON_INN }, 'inn'],
      ['a company INN on a person', { kind: 'PERSON' as const, name: 'ИП Не та длина', inn: SBERBANK_INN }, 'inn'],
      ['letters in the INN', { name: 'Буквы', inn: '77070838AB' }, 'inn'],
      ['a KPP of 8 characters', { name: 'Короткий КПП', inn: MOSCOW_TAX_INN, kpp: '77360100' }, 'kpp'],
      ['a KPP in the wrong shape', { name: 'Кривой КПП', inn: MOSCOW_TAX_INN, kpp: '7736ab001' }, 'kpp'],
      ['a KPP on a person', { kind: 'PERSON' as const, name: 'ИП с КПП', inn: PERSON_INN, kpp: '773601001' }, 'kpp'],
      ['a 19-digit bank account', { name: 'Плохой счёт', bank: { ...BANK, account: '4070281093800000000' } }, 'bank.account'],
      ['a BIK with letters', { name: 'Плохой БИК', bank: { bik: '04452522X' } }, 'bank.bik'],
      ['a short correspondent account', { name: 'Плохой корсчёт', bank: { correspondentAccount: '301018104' } }, 'bank.correspondentAccount'],
      ['a malformed email', { name: 'Плохая почта', email: 'not-an-email' }, 'email'],
      ['no roles', { name: 'Без роли', roles: [] }, 'roles'],
    ])('refuses %s with BAD_USER_INPUT on that field and writes nothing', async (_case, input, field) => {
      // given an administrator
      const admin = await app.as(Role.ADMIN);

      // when they create a counterparty with the bad value
      const error = await errorOf(admin.CreateCounterparty({ input }));

      // then the error names the field, and nothing was stored
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.fields)).toEqual([field]);
      expect((await admin.Counterparties({ filter: { q: input.name } })).counterparties.total).toBe(0);
    });

    it('checks the INN against the kind on update too', async () => {
      // given a company with a valid INN
      const admin = await app.as(Role.ADMIN);
      const { createCounterparty: company } = await admin.CreateCounterparty({ input: { name: 'Смена вида', inn: '7728168971' } });

      // when it is turned into a person without changing the 10-digit INN, then inn is refused
      const error = await errorOf(admin.UpdateCounterparty({ id: company.id, input: { version: company.version, kind: 'PERSON' } }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.fields).toHaveProperty('inn');

      // and with a person's INN it is accepted
      const { updateCounterparty } = await admin.UpdateCounterparty({ id: company.id, input: { version: company.version, kind: 'PERSON', inn: '772016190202' } });
      expect(updateCounterparty).toMatchObject({ kind: 'PERSON', inn: '772016190202', version: 2 });
    });

    it('refuses a duplicate INN with CONFLICT on inn; a branch with another KPP is a deliberate duplicate; the same INN + KPP never', async () => {
      // given a company with an INN and a KPP
      const admin = await app.as(Role.ADMIN);
      await admin.CreateCounterparty({ input: { name: 'ИФНС 36', inn: MOSCOW_TAX_INN, kpp: '773601001' } });

      // when another is created with the same INN, then CONFLICT names inn and the client that has it
      const error = await errorOf(admin.CreateCounterparty({ input: { name: 'ИФНС 36 дубль', inn: MOSCOW_TAX_INN, kpp: '773601001' } }));
      expect(error.code).toBe('CONFLICT');
      expect(error.fields).toEqual({ inn: 'ИФНС 36 already has it' });
      expect(error.details).toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'inn', reason: 'DUPLICATE_CLIENT' })] });
      // and even as a deliberate duplicate the same INN + KPP stays taken
      const pair = await errorOf(admin.CreateCounterparty({ input: { name: 'ИФНС 36 дубль', inn: MOSCOW_TAX_INN, kpp: '773601001', allowDuplicate: true } }));
      expect(pair.fields).toEqual({ inn: 'is already taken' });

      // but a branch (same INN, another KPP) is fine when meant
      await expect(admin.CreateCounterparty({ input: { name: 'ИФНС 36 филиал', inn: MOSCOW_TAX_INN, kpp: '773645001', allowDuplicate: true } })).resolves.toBeDefined();
      expect((await admin.Counterparties({ filter: { q: MOSCOW_TAX_INN } })).counterparties.total).toBe(2);
    });
  });

  it('updates with optimistic locking and keeps unsent fields', async () => {
    // given a counterparty with bank details
    const admin = await app.as(Role.ADMIN);
    const { createCounterparty: created } = await admin.CreateCounterparty({ input: { name: 'Версия', phone: '+7 495 000-00-00', bank: BANK } });

    // when it is updated with the current version, changing only the account
    const { updateCounterparty } = await admin.UpdateCounterparty({ id: created.id, input: { version: 1, name: 'Версия 2', bank: { account: '40702810938000000002' } } });

    // then the rest stays and the version goes up
    expect(updateCounterparty).toMatchObject({ name: 'Версия 2', phone: '+7 495 000-00-00', bank: { ...BANK, account: '40702810938000000002' }, version: 2 });

    // and a second update still holding version 1 is refused and changes nothing
    const stale = await errorOf(admin.UpdateCounterparty({ id: created.id, input: { version: 1, name: 'lost update' } }));
    expect(stale.code).toBe('CONFLICT');
    expect((await admin.Counterparty({ id: created.id })).counterparty).toMatchObject({ name: 'Версия 2', version: 2 });

    // when it is deleted, it is gone
    await admin.DeleteCounterparty({ id: created.id });
    expect((await admin.Counterparty({ id: created.id })).counterparty).toBeNull();
  });

  it('round-trips team members through teamMemberIds and filters by owner', async () => {
    // given two staff users
    const admin = await app.as(Role.ADMIN);
    const manager = await app.login(demoEmail(Role.SALES_MANAGER));
    const head = await app.login(demoEmail(Role.SALES_HEAD));

    // when a counterparty is created with both as team members and the head as owner
    const { createCounterparty: created } = await admin.CreateCounterparty({ input: { name: 'Командный', ownerId: head.userId, teamMemberIds: [manager.userId, head.userId] } });

    // then both come back, and the owner is the head
    expect(created.owner).toMatchObject({ id: head.userId, email: demoEmail(Role.SALES_HEAD) });
    expect(created.teamMembers.map((u) => u.id).sort()).toEqual([manager.userId, head.userId].sort());
    expect(names((await admin.Counterparties({ filter: { ownerId: head.userId } })).counterparties)).toEqual(['Командный']);

    // when the team is replaced by the manager alone, then only the manager remains
    const { updateCounterparty: one } = await admin.UpdateCounterparty({ id: created.id, input: { version: created.version, teamMemberIds: [manager.userId] } });
    expect(one.teamMembers.map((u) => u.id)).toEqual([manager.userId]);
    expect((await admin.Counterparty({ id: created.id })).counterparty?.teamMembers.map((u) => u.id)).toEqual([manager.userId]);

    // when it is emptied, then there is no team
    const { updateCounterparty: none } = await admin.UpdateCounterparty({ id: created.id, input: { version: one.version, teamMemberIds: [] } });
    expect(none.teamMembers).toEqual([]);

    // and unknown users are refused on the field
    const error = await errorOf(admin.UpdateCounterparty({ id: created.id, input: { version: none.version, teamMemberIds: ['00000000-0000-4000-8000-000000000000'] } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fields)).toEqual(['teamMemberIds']);
  });

  it('resolves owners and teams of a page in a fixed number of statements', async () => {
    // given several counterparties with owners and teams
    const admin = await app.as(Role.ADMIN);
    const head = await app.login(demoEmail(Role.SALES_HEAD));
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await admin.CreateCounterparty({ input: { name: `Загрузка ${i}`, teamMemberIds: [head.userId] } })).createCounterparty.id);
    // and what their creation set going in the background (the timeline's entries, its jobs) done: only the reads are counted
    const sql = app.orm.em.fork().getConnection();
    const settled = async () => {
      const [{ entries }]: { entries: string }[] = await sql.execute('select count(*) as entries from timeline_entry where client_id in (?)', [ids]);
      const [{ due }]: { due: string }[] = await sql.execute(`select count(*) as due from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()`);
      return Number(entries) === ids.length && Number(due) === 0;
    };
    for (const until = Date.now() + 15_000; !(await settled()) && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 100));

    // when a page of 1 and a page of 6 are read, then the statements are the same number
    const small = await app.countStatements(() => admin.Counterparties({ filter: { q: 'Загрузка' }, perPage: 1 }));
    const large = await app.countStatements(() => admin.Counterparties({ filter: { q: 'Загрузка' }, perPage: 6 }));
    expect(large).toBe(small);
  });

  describe('record rules', () => {
    let managerA: TradebookClient;
    let managerB: TradebookClient;
    let idA: string;
    let idB: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      // given manager A (the demo sales manager, who owns "Дилер Восток") and a second manager B
      const admin = await app.as(Role.ADMIN);
      const password = 'second-manager-pass';
      await admin.CreateUser({ input: { email: 'manager.b@demo.tradebook', name: 'Борис Вторых', password, roles: ['SALES_MANAGER'], team: 'Москва' } });
      const a = await app.login(demoEmail(Role.SALES_MANAGER));
      const b = await app.login('manager.b@demo.tradebook', password);
      [managerA, idA, managerB, idB] = [a.client, a.userId, b.client, b.userId];

      // and counterparties owned by A, owned by B, and owned by B with A on the team
      const own = await managerA.CreateCounterparty({ input: { name: 'Свой клиент А', ownerId: idB } }); // ownerId is ignored for a manager
      const other = await managerB.CreateCounterparty({ input: { name: 'Чужой клиент Б', inn: '7702070139', kpp: '770201001' } });
      const team = await managerB.CreateCounterparty({ input: { name: 'Общий клиент', teamMemberIds: [idA] } });
      ids.own = own.createCounterparty.id;
      ids.other = other.createCounterparty.id;
      ids.team = team.createCounterparty.id;
      expect(own.createCounterparty.owner?.id).toBe(idA);
    });

    it('shows a sales manager exactly the counterparties they own or are on the team of', async () => {
      // when A lists counterparties
      const { counterparties } = await managerA.Counterparties({ perPage: 500 });

      // then exactly their own (including the seeded "Дилер Восток") and the team one come back
      expect(names(counterparties)).toEqual(['Дилер Восток', 'Общий клиент', 'Свой клиент А']);
      expect(counterparties.total).toBe(3);

      // and B sees only B's
      expect(names((await managerB.Counterparties({ perPage: 500 })).counterparties)).toEqual(['Общий клиент', 'Чужой клиент Б']);

      // and a search does not widen the scope
      expect((await managerA.Counterparties({ filter: { q: 'клиент Б' } })).counterparties.total).toBe(0);
      expect((await managerA.Counterparties({ filter: { ids: [ids.other] } })).counterparties.total).toBe(0);
    });

    it('hides another manager\'s counterparty from a by-id read and refuses to change it', async () => {
      // when A reads B's counterparty by id, then it is as if it did not exist
      expect((await managerA.Counterparty({ id: ids.other })).counterparty).toBeNull();

      // when A updates it, then NOT_FOUND
      const error = await errorOf(managerA.UpdateCounterparty({ id: ids.other, input: { version: 1, name: 'Угнанный' } }));
      expect(error.code).toBe('NOT_FOUND');

      // and the record is unchanged
      const admin = await app.as(Role.ADMIN);
      expect((await admin.Counterparty({ id: ids.other })).counterparty).toMatchObject({ name: 'Чужой клиент Б', version: 1, owner: { id: idB } });
    });

    it('lets a team member edit the counterparty but not hand it to someone else', async () => {
      // when A, a team member, edits the shared counterparty, then it works
      const { counterparty } = await managerA.Counterparty({ id: ids.team });
      expect(counterparty?.owner?.id).toBe(idB);
      const { updateCounterparty } = await managerA.UpdateCounterparty({ id: ids.team, input: { version: counterparty!.version, comment: 'звонил 12.03' } });
      expect(updateCounterparty.comment).toBe('звонил 12.03');

      // but reassigning the owner of their own record is FORBIDDEN
      const own = (await managerA.Counterparty({ id: ids.own })).counterparty!;
      const error = await errorOf(managerA.UpdateCounterparty({ id: ids.own, input: { version: own.version, ownerId: idB } }));
      expect(error.code).toBe('FORBIDDEN');
      expect((await managerA.Counterparty({ id: ids.own })).counterparty?.owner?.id).toBe(idA);
    });

    it('shows a sales head every counterparty', async () => {
      // when the sales head lists, then everyone's records are there
      const head = await app.as(Role.SALES_HEAD);
      const admin = await app.as(Role.ADMIN);
      const all = (await head.Counterparties({ perPage: 500 })).counterparties;
      expect(names(all)).toEqual(expect.arrayContaining(['Дилер Восток', 'Общий клиент', 'Свой клиент А', 'Чужой клиент Б']));
      expect(all.total).toBe((await admin.Counterparties({ perPage: 500 })).counterparties.total);
      expect((await head.Counterparty({ id: ids.other })).counterparty?.name).toBe('Чужой клиент Б');
    });

    it('shows a partner only its own counterparty and lets it change nothing', async () => {
      // given the demo partner, linked to "Дилер Восток"
      const partner = await app.as(Role.PARTNER);

      // when it lists counterparties, then exactly its own comes back
      const { counterparties } = await partner.Counterparties({ perPage: 500 });
      expect(names(counterparties)).toEqual(['Дилер Восток']);
      expect(counterparties.total).toBe(1);

      // and any other by id is null
      expect((await partner.Counterparty({ id: ids.own })).counterparty).toBeNull();
      expect((await partner.Counterparty({ id: ids.other })).counterparty).toBeNull();

      // and updating even its own is FORBIDDEN
      const own = counterparties.items[0];
      expect((await partner.Counterparty({ id: own.id })).counterparty?.name).toBe('Дилер Восток');
      const error = await errorOf(partner.UpdateCounterparty({ id: own.id, input: { version: own.version, name: 'Дилер Запад' } }));
      expect(error.code).toBe('FORBIDDEN');
      expect((await partner.Counterparty({ id: own.id })).counterparty?.name).toBe('Дилер Восток');
    });
  });
});
