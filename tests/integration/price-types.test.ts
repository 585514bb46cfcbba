import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('price types', () => {
  let app: TestApp;
  let admin: TradebookClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
  });
  afterAll(() => app.close());

  const create = async (input: Parameters<TradebookClient['CreatePriceType']>[0]['input']) => (await admin.CreatePriceType({ input })).createPriceType;

  it('creates, reads, updates and deletes a price type, with its base resolved', async () => {
    // given a retail type and a wholesale type 12 % below it, rounded to the rouble
    const retail = await create({ code: ' CRUD-RETAIL ', name: 'Розница', rounding: 'KOPECK' });
    const wholesale = await create({ code: 'CRUD-WHOLESALE', name: 'Опт', vatIncluded: false, rounding: 'ROUBLE', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: retail.id, adjustmentPercent: '-12' });

    // then they come back as sent, the code trimmed and the base resolved
    expect(retail).toMatchObject({ code: 'CRUD-RETAIL', vatIncluded: true, rounding: 'KOPECK', derivation: 'NONE', adjustmentPercent: null, basePriceType: null, isDefault: false, active: true, version: 1 });
    expect(wholesale).toMatchObject({ code: 'CRUD-WHOLESALE', vatIncluded: false, rounding: 'ROUBLE', derivation: 'FROM_PRICE_TYPE', adjustmentPercent: '-12', basePriceType: { id: retail.id, code: 'CRUD-RETAIL' } });
    expect((await admin.PriceType({ id: wholesale.id })).priceType).toMatchObject({ basePriceType: { code: 'CRUD-RETAIL' } });

    // when the wholesale type is changed with its version
    const { updatePriceType } = await admin.UpdatePriceType({ id: wholesale.id, input: { version: 1, name: 'Оптовая', adjustmentPercent: '-10.5', rounding: 'TEN_ROUBLES' } });
    expect(updatePriceType).toMatchObject({ name: 'Оптовая', adjustmentPercent: '-10.5', rounding: 'TEN_ROUBLES', version: 2, basePriceType: { id: retail.id } });

    // and a stale version is refused
    const stale = await errorOf(admin.UpdatePriceType({ id: wholesale.id, input: { version: 1, name: 'lost' } }));
    expect(stale.code).toBe('CONFLICT');

    // when it becomes a type of its own, the base and the adjustment go with the derivation
    const { updatePriceType: own } = await admin.UpdatePriceType({ id: wholesale.id, input: { version: 2, derivation: 'NONE' } });
    expect(own).toMatchObject({ derivation: 'NONE', basePriceType: null, adjustmentPercent: null, version: 3 });

    // and the list filters by text and derivation
    const list = (await admin.PriceTypes({ filter: { q: 'crud-' }, sort: [{ field: 'code', order: 'DESC' }] })).priceTypes;
    expect(list.items.map((t) => t.code)).toEqual(['CRUD-WHOLESALE', 'CRUD-RETAIL']);

    // when the unused type is deleted, it is gone
    await admin.DeletePriceType({ id: wholesale.id });
    expect((await admin.PriceType({ id: wholesale.id })).priceType).toBeNull();
  });

  it('asks each derivation for exactly what it uses', async () => {
    const base = await create({ code: 'RULES-BASE', name: 'Base' });
    const fieldsOf = async (input: Parameters<typeof create>[0]) => {
      const error = await errorOf(admin.CreatePriceType({ input }));
      expect(error.code).toBe('BAD_USER_INPUT');
      return error.fields;
    };
    // FROM_PRICE_TYPE needs a base and a percentage
    expect(await fieldsOf({ code: 'R-1', name: 'x', derivation: 'FROM_PRICE_TYPE' })).toEqual({
      basePriceTypeId: 'is required for FROM_PRICE_TYPE',
      adjustmentPercent: 'is required: the percentage relative to the base price type',
    });
    // … greater than −100, and a base that exists
    expect(await fieldsOf({ code: 'R-2', name: 'x', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: base.id, adjustmentPercent: '-100' })).toEqual({ adjustmentPercent: 'must be greater than −100' });
    expect(await fieldsOf({ code: 'R-3', name: 'x', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: MISSING, adjustmentPercent: '5' })).toEqual({ basePriceTypeId: 'no such price type' });
    // FROM_COST needs a markup and no base
    expect(await fieldsOf({ code: 'R-4', name: 'x', derivation: 'FROM_COST' })).toEqual({ adjustmentPercent: 'is required: the markup on cost in percent' });
    expect(await fieldsOf({ code: 'R-5', name: 'x', derivation: 'FROM_COST', adjustmentPercent: '30', basePriceTypeId: base.id })).toEqual({ basePriceTypeId: 'only a FROM_PRICE_TYPE price type has a base price type' });
    // NONE takes neither
    expect(await fieldsOf({ code: 'R-6', name: 'x', adjustmentPercent: '5', basePriceTypeId: base.id })).toEqual({
      adjustmentPercent: 'only a derived price type (FROM_PRICE_TYPE, FROM_COST) has an adjustment',
      basePriceTypeId: 'only a FROM_PRICE_TYPE price type has a base price type',
    });
    // a code with a space, and a code already taken
    expect(await fieldsOf({ code: 'A B', name: 'x' })).toEqual({ code: 'must be 1 to 32 characters without spaces' });
    const taken = await errorOf(admin.CreatePriceType({ input: { code: 'RULES-BASE', name: 'again' } }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.fields).toEqual({ code: 'is already taken' });

    // and a FROM_COST type with a markup is fine
    expect(await create({ code: 'RULES-COST', name: 'Cost + 30 %', derivation: 'FROM_COST', adjustmentPercent: '30' })).toMatchObject({ derivation: 'FROM_COST', adjustmentPercent: '30', basePriceType: null });
    // nothing invalid was written
    expect((await admin.PriceTypes({ filter: { q: 'R-' } })).priceTypes.total).toBe(0);
  });

  it('refuses a base chain that loops', async () => {
    // given A ← B ← C (B derives from A, C from B)
    const a = await create({ code: 'LOOP-A', name: 'A' });
    const b = await create({ code: 'LOOP-B', name: 'B', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: a.id, adjustmentPercent: '-5' });
    const c = await create({ code: 'LOOP-C', name: 'C', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: b.id, adjustmentPercent: '-5' });

    // when A would derive from C, or B from itself
    const loop = await errorOf(admin.UpdatePriceType({ id: a.id, input: { version: 1, derivation: 'FROM_PRICE_TYPE', basePriceTypeId: c.id, adjustmentPercent: '10' } }));
    const self = await errorOf(admin.UpdatePriceType({ id: b.id, input: { version: 1, basePriceTypeId: b.id } }));

    // then both are refused naming the base, and A stays a type of its own
    for (const error of [loop, self]) {
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.fields).toEqual({ basePriceTypeId: 'a price type cannot derive from itself or from a type derived from it' });
    }
    expect((await admin.PriceType({ id: a.id })).priceType).toMatchObject({ derivation: 'NONE', basePriceType: null, version: 1 });

    // while moving C onto A directly is fine
    const { updatePriceType } = await admin.UpdatePriceType({ id: c.id, input: { version: 1, basePriceTypeId: a.id } });
    expect(updatePriceType.basePriceType).toEqual({ id: a.id, code: 'LOOP-A' });
  });

  it('keeps at most one default, moving the mark in the same transaction', async () => {
    const defaults = async () => (await admin.PriceTypes({ perPage: 500 })).priceTypes.items.filter((t) => t.isDefault).map((t) => t.code);
    // given a default type
    const first = await create({ code: 'DEF-1', name: 'first', isDefault: true });
    expect(await defaults()).toEqual(['DEF-1']);

    // when another one is created as the default, then it takes the mark
    const second = await create({ code: 'DEF-2', name: 'second', isDefault: true });
    expect(await defaults()).toEqual(['DEF-2']);
    expect((await admin.PriceType({ id: first.id })).priceType).toMatchObject({ isDefault: false, version: 2 });

    // when the first is made the default again by an update, then the mark moves back
    await admin.UpdatePriceType({ id: first.id, input: { version: 2, isDefault: true } });
    expect(await defaults()).toEqual(['DEF-1']);

    // and the default cannot be deactivated
    const inactive = await errorOf(admin.UpdatePriceType({ id: first.id, input: { version: 3, active: false } }));
    expect(inactive.fields).toEqual({ active: 'the default price type must stay active' });
    expect(second.isDefault).toBe(true);
  });

  it('refuses to delete a type in use, with CONFLICT', async () => {
    // given a type another one derives from
    const base = await create({ code: 'USED-BASE', name: 'base' });
    await create({ code: 'USED-CHILD', name: 'child', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: base.id, adjustmentPercent: '1' });
    // when it is deleted
    const error = await errorOf(admin.DeletePriceType({ id: base.id }));
    // then CONFLICT says what uses it
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'IN_USE', priceLists: 0, derivedTypes: 1, clients: 0 });
  });

  it('lets a sales manager read price types but not change them', async () => {
    const manager = await app.as(Role.SALES_MANAGER);
    expect((await manager.PriceTypes({})).priceTypes.total).toBeGreaterThan(0);
    const error = await errorOf(manager.CreatePriceType({ input: { code: 'SM-1', name: 'nope' } }));
    expect(error.code).toBe('FORBIDDEN');
  });
});
