import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

describe('audit log', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('records who created, changed and deleted a record, with before and after of each changed field', async () => {
    // given an admin who creates, renames and deletes a unit
    const { client: admin, userId } = await app.login('admin@demo.tradebook');
    const startedAt = new Date().toISOString();
    const { createUnit } = await admin.CreateUnit({ input: { code: 'drum', name: 'барабан', precision: 0 } });
    await admin.UpdateUnit({ id: createUnit.id, input: { version: 1, name: 'бухта', precision: 2 } });
    await admin.DeleteUnit({ id: createUnit.id });

    // when they read the log of that record
    const { auditEntries } = await admin.AuditEntries({ filter: { entity: 'Unit', entityId: createUnit.id }, sort: [{ field: 'at', order: 'ASC' }] });

    // then there are three entries, by that admin, with exact changes
    expect(auditEntries.total).toBe(3);
    const [created, updated, deleted] = auditEntries.items;
    expect(auditEntries.items.map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(auditEntries.items.every((e) => e.user?.id === userId && e.requestId)).toBe(true);
    expect(created.changes).toEqual({
      code: { before: null, after: 'drum' },
      name: { before: null, after: 'барабан' },
      precision: { before: null, after: 0 },
    });
    expect(updated.changes).toEqual({ name: { before: 'барабан', after: 'бухта' }, precision: { before: 0, after: 2 } });
    expect(deleted.changes).toMatchObject({ code: { before: 'drum', after: null }, name: { before: 'бухта', after: null } });

    // and the log filters by user and by time
    const byUser = await admin.AuditEntries({ filter: { userId, from: startedAt } });
    expect(byUser.auditEntries.items.map((e) => e.entityId)).toEqual([createUnit.id, createUnit.id, createUnit.id]);
    const future = await admin.AuditEntries({ filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.auditEntries.total).toBe(0);
  });

  it('never copies a password hash into the log', async () => {
    const admin = await app.as(Role.ADMIN);
    const { createUser } = await admin.CreateUser({ input: { email: 'audit.me@example.com', name: 'A', password: 'secret-pass-1', roles: ['MARKETING'] } });
    const { auditEntries } = await admin.AuditEntries({ filter: { entity: 'User', entityId: createUser.id } });
    expect(auditEntries.items[0].changes.passwordHash).toEqual({ before: null, after: '***' });
    expect(JSON.stringify(auditEntries.items)).not.toMatch(/argon2/);
  });

  it('writes nothing for a change that failed and was rolled back', async () => {
    const admin = await app.as(Role.ADMIN);
    await admin.CreateUnit({ input: { code: 'twice', name: 'дважды' } });
    const before = (await admin.AuditEntries({ filter: { entity: 'Unit' } })).auditEntries.total;
    expect((await errorOf(admin.CreateUnit({ input: { code: 'twice', name: 'снова' } }))).code).toBe('CONFLICT');
    expect((await admin.AuditEntries({ filter: { entity: 'Unit' } })).auditEntries.total).toBe(before);
  });

  it('is readable by administrators only', async () => {
    for (const role of [Role.SALES_HEAD, Role.ACCOUNTANT, Role.PARTNER]) {
      const client = await app.as(role);
      expect((await errorOf(client.AuditEntries({}))).code).toBe('FORBIDDEN');
    }
  });
});
