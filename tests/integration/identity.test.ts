import { DEMO_PASSWORD, demoEmail, errorOf, Role, startTestApp, type TestApp } from '../support/harness';

describe('identity: login, me, passwords, user administration', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ LOGIN_ATTEMPTS_PER_EMAIL: '3' });
  });
  afterAll(() => app.close());

  it('logs a demo user in and tells them who they are and what they may do', async () => {
    // when the sales manager logs in
    const { login } = await app.anonymous.Login({ email: 'Sales_Manager@demo.tradebook ', password: DEMO_PASSWORD });

    // then the token works and `me` carries the roles and the permissions they grant
    expect(login.user.email).toBe('sales_manager@demo.tradebook');
    const manager = await app.as(Role.SALES_MANAGER);
    const { me } = await manager.Me();
    expect(me.roles).toEqual(['SALES_MANAGER']);
    expect(me.permissions).toContain('counterparty:update');
    expect(me.permissions).not.toContain('counterparty:delete');
    expect(me.permissions).not.toContain('cost:read');
    expect(me.lastLoginAt).not.toBeNull();
  });

  it('refuses a wrong password or an unknown email with one message', async () => {
    const wrong = await errorOf(app.anonymous.Login({ email: demoEmail(Role.WAREHOUSE), password: 'nope-nope' }));
    const unknown = await errorOf(app.anonymous.Login({ email: 'nobody@demo.tradebook', password: 'nope-nope' }));
    expect([wrong.code, unknown.code]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(wrong.message).toBe(unknown.message);
  });

  it('blocks an email after too many failed logins, even with the right password', async () => {
    // given the limit of 3 failures per email in this test app
    const email = demoEmail(Role.MARKETING);
    for (let i = 0; i < 3; i++) expect((await errorOf(app.anonymous.Login({ email, password: `wrong-${i}` }))).code).toBe('UNAUTHENTICATED');

    // when the right password comes next
    const blocked = await errorOf(app.anonymous.Login({ email, password: DEMO_PASSWORD }));

    // then it is refused until the window passes, and other emails are unaffected
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.details.retryAfterSeconds).toBeGreaterThan(0);
    await expect(app.anonymous.Login({ email: demoEmail(Role.SERVICE), password: DEMO_PASSWORD })).resolves.toBeDefined();
  });

  it('changes one\'s own password: the old one stops working, the new one works', async () => {
    const { client } = await app.login(demoEmail(Role.ACCOUNTANT));
    const mistake = await errorOf(client.ChangePassword({ currentPassword: 'not-it', newPassword: 'a-new-secret-1' }));
    expect(mistake.code).toBe('BAD_USER_INPUT');
    expect(mistake.fields).toEqual({ currentPassword: 'is not your current password' });
    const short = await errorOf(client.ChangePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }));
    expect(short.fields).toEqual({ newPassword: 'must be at least 8 characters' });

    await client.ChangePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'a-new-secret-1' });

    expect((await errorOf(app.anonymous.Login({ email: demoEmail(Role.ACCOUNTANT), password: DEMO_PASSWORD }))).code).toBe('UNAUTHENTICATED');
    await expect(app.anonymous.Login({ email: demoEmail(Role.ACCOUNTANT), password: 'a-new-secret-1' })).resolves.toBeDefined();
  });

  it('lets an admin create, find, update and deactivate a user; a deactivated user is locked out at once', async () => {
    // given an admin
    const admin = await app.as(Role.ADMIN);

    // when they create a warehouse user
    const { createUser } = await admin.CreateUser({ input: { email: 'New.Keeper@Example.com', name: 'Новый Кладовщик', password: 'keeper-pass-1', roles: ['WAREHOUSE'], team: 'Склад' } });
    expect(createUser).toMatchObject({ email: 'new.keeper@example.com', roles: ['WAREHOUSE'], active: true, version: 1 });
    const keeper = await app.login('new.keeper@example.com', 'keeper-pass-1');
    await expect(keeper.client.Me()).resolves.toBeDefined();

    // then they are found by role and team
    const { users } = await admin.Users({ filter: { role: 'WAREHOUSE', team: 'Склад' } });
    expect(users.items.map((u) => u.email)).toEqual(['new.keeper@example.com']);

    // and deactivating them ends their session immediately
    await admin.UpdateUser({ id: createUser.id, input: { version: 1, active: false } });
    expect((await errorOf(keeper.client.Me())).code).toBe('UNAUTHENTICATED');
    const relogin = await errorOf(app.anonymous.Login({ email: 'new.keeper@example.com', password: 'keeper-pass-1' }));
    expect(relogin.message).toMatch(/deactivated/);
  });

  it('validates users: duplicate email is CONFLICT, a partner needs a counterparty, bad fields are named', async () => {
    const admin = await app.as(Role.ADMIN);
    const duplicate = await errorOf(admin.CreateUser({ input: { email: 'admin@demo.tradebook', name: 'Twin', password: 'twin-pass-1', roles: ['ADMIN'] } }));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.fields).toEqual({ email: 'is already taken' });

    const partner = await errorOf(admin.CreateUser({ input: { email: 'p2@example.com', name: 'P', password: 'partner-pass', roles: ['PARTNER'] } }));
    expect(partner.code).toBe('BAD_USER_INPUT');
    expect(partner.fields).toEqual({ counterpartyId: 'a PARTNER user must be linked to a counterparty' });

    const bad = await errorOf(admin.CreateUser({ input: { email: 'not-an-email', name: 'X', password: 'short', roles: [] } }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields).sort()).toEqual(['email', 'password', 'roles']);
  });

  it('keeps an admin from locking themselves out', async () => {
    const { client, userId } = await app.login(demoEmail(Role.ADMIN));
    const { user } = await client.User({ id: userId });
    const error = await errorOf(client.UpdateUser({ id: userId, input: { version: user!.version, roles: ['SALES_HEAD'] } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect((await client.Me()).me.roles).toEqual(['ADMIN']);
  });

  it('shows a partner user\'s counterparty to a sales manager only when the record rules let them see it', async () => {
    // given a client owned by the head of sales, with a partner user of its own
    const admin = await app.as(Role.ADMIN);
    const { users: heads } = await admin.Users({ filter: { role: 'SALES_HEAD' } });
    const { createCounterparty } = await admin.CreateCounterparty({ input: { name: 'Чужой дилер', inn: '7736207543', ownerId: heads.items[0].id } });
    await admin.CreateUser({ input: { email: 'other.partner@example.com', name: 'Other', password: 'partner-pass-1', roles: ['PARTNER'], counterpartyId: createCounterparty.id } });

    // when the sales manager reads the partner users
    const manager = await app.as(Role.SALES_MANAGER);
    const { users } = await manager.Users({ filter: { role: 'PARTNER' }, sort: [{ field: 'email', order: 'ASC' }] });

    // then they see their own client behind the demo partner, but not the head's client
    expect(users.items.map((u) => [u.email, u.counterparty?.name ?? null])).toEqual([
      ['other.partner@example.com', null],
      ['partner@demo.tradebook', 'Дилер Восток'],
    ]);
    const head = await app.as(Role.SALES_HEAD);
    const seenByHead = await head.Users({ filter: { role: 'PARTNER' }, sort: [{ field: 'email', order: 'ASC' }] });
    expect(seenByHead.users.items.map((u) => u.counterparty?.name)).toEqual(['Чужой дилер', 'Дилер Восток']);
  });

  it('lets only an admin manage users', async () => {
    const head = await app.as(Role.SALES_HEAD);
    await expect(head.Users({})).resolves.toBeDefined();
    const error = await errorOf(head.CreateUser({ input: { email: 'x@example.com', name: 'X', password: 'long-enough', roles: ['SALES_MANAGER'] } }));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('permission matrix', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('shows administrators what every role may do, and nobody else', async () => {
    const admin = await app.as(Role.ADMIN);
    const { permissionMatrix } = await admin.PermissionMatrix();
    expect(permissionMatrix.map((r) => r.role)).toEqual(['ADMIN', 'SALES_HEAD', 'SALES_MANAGER', 'WAREHOUSE', 'PURCHASING', 'MARKETING', 'SERVICE', 'ACCOUNTANT', 'PARTNER']);
    const partner = permissionMatrix.find((r) => r.role === 'PARTNER')!;
    // a partner also orders for its own client (issue 12): read, create, update and confirm its orders; and reads its shipments, returns, acts, invoices, payments and balance
    expect(partner.permissions).toEqual(['availability:read', 'counterparty:read', 'customerReturn:read', 'invoice:read', 'order:create', 'order:post', 'order:read', 'order:update', 'payment:read', 'price:read', 'product:read', 'productGroup:read', 'serviceAct:read', 'settlement:read', 'shipment:read', 'unit:read']);

    const head = await app.as(Role.SALES_HEAD);
    expect((await errorOf(head.PermissionMatrix())).code).toBe('FORBIDDEN');
  });
});
