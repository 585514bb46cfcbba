import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

describe('units', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates, lists, updates and deletes a unit, with optimistic locking', async () => {
    // given an administrator
    const admin = await app.as(Role.ADMIN);

    // when they create a unit
    const { createUnit } = await admin.CreateUnit({ input: { code: 'box', name: 'коробка', okeiCode: '812', precision: 0 } });

    // then it is listed and found by search
    expect(createUnit).toMatchObject({ code: 'box', name: 'коробка', okeiCode: '812', precision: 0, version: 1 });
    const { units } = await admin.Units({ filter: { q: 'короб' } });
    expect(units.items.map((u) => u.code)).toEqual(['box']);

    // and an update with the current version succeeds and bumps the version
    const { updateUnit } = await admin.UpdateUnit({ id: createUnit.id, input: { version: 1, name: 'коробка 10 шт.' } });
    expect(updateUnit).toMatchObject({ name: 'коробка 10 шт.', version: 2 });

    // but a second update still holding version 1 is refused
    const stale = await errorOf(admin.UpdateUnit({ id: createUnit.id, input: { version: 1, name: 'lost update' } }));
    expect(stale.code).toBe('CONFLICT');
    expect((await admin.Unit({ id: createUnit.id })).unit?.name).toBe('коробка 10 шт.');

    await admin.DeleteUnit({ id: createUnit.id });
    expect((await admin.Unit({ id: createUnit.id })).unit).toBeNull();
  });

  it('refuses a duplicate code with CONFLICT naming the field', async () => {
    const admin = await app.as(Role.ADMIN);
    await admin.CreateUnit({ input: { code: 'roll', name: 'рулон' } });
    const error = await errorOf(admin.CreateUnit({ input: { code: 'roll', name: 'рулон 2' } }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ code: 'is already taken' });
  });

  it('refuses bad input with BAD_USER_INPUT per field and writes nothing', async () => {
    const admin = await app.as(Role.ADMIN);
    const error = await errorOf(admin.CreateUnit({ input: { code: '', name: 'x', okeiCode: 'abc', precision: 5 } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fields).sort()).toEqual(['code', 'okeiCode', 'precision']);
    expect((await admin.Units({ filter: { q: 'x' } })).units.total).toBe(0);
  });

  it('refuses to delete a unit products are counted in, as CONFLICT IN_USE naming them, and keeps it', async () => {
    // given a unit a product is counted in
    const admin = await app.as(Role.ADMIN);
    const { createUnit } = await admin.CreateUnit({ input: { code: 'set', name: 'комплект' } });
    await admin.CreateProduct({ input: { sku: 'SET-1', name: 'Набор ключей', unitId: createUnit.id } });

    // when purchasing deletes it
    const purchasing = await app.as(Role.PURCHASING);
    const error = await errorOf(purchasing.DeleteUnit({ id: createUnit.id }));

    // then it is refused as in use, and the unit is still there
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'IN_USE' });
    expect((await admin.Unit({ id: createUnit.id })).unit?.code).toBe('set');
  });

  it('lets a sales manager read units but not create them', async () => {
    const manager = await app.as(Role.SALES_MANAGER);
    await expect(manager.Units({})).resolves.toBeDefined();
    const error = await errorOf(manager.CreateUnit({ input: { code: 'nope', name: 'nope' } }));
    expect(error.code).toBe('FORBIDDEN');
  });
});
