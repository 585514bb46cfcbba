import type { CreateDiscountRuleInput, DiscountRuleFilter, TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

const MISSING = '00000000-0000-4000-8000-000000000000';
const SEGMENT = '22222222-2222-4222-8222-222222222222';

describe('discount rules', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let tools: { id: string; name: string };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    tools = (await admin.CreateProductGroup({ input: { name: 'Инструмент' } })).createProductGroup;
  });
  afterAll(() => app.close());

  const tierRule = (fields: Partial<CreateDiscountRuleInput> = {}): CreateDiscountRuleInput => ({
    name: 'Объём заказа',
    kind: 'ORDER_AMOUNT_TIER',
    activeFrom: '2026-01-01',
    tiers: [
      { threshold: '50000', percent: '3' },
      { threshold: '100000', percent: '5' },
    ],
    ...fields,
  });

  it('creates every kind with its typed fields, reads, updates with optimistic locking and deletes', async () => {
    // when an administrator creates one rule of each kind
    const { createDiscountRule: tiers } = await admin.CreateDiscountRule({ input: tierRule({ activeTo: '2026-12-31', capPercent: '4.50' }) });
    const { createDiscountRule: history } = await admin.CreateDiscountRule({
      input: { name: 'Постоянный клиент', kind: 'PURCHASE_HISTORY', activeFrom: '2026-01-01', days: 90, tiers: [{ threshold: '200000.00', percent: '2' }] },
    });
    const { createDiscountRule: breaks } = await admin.CreateDiscountRule({
      input: { name: 'Опт от 10 шт.', kind: 'QUANTITY_BREAK', activeFrom: '2026-01-01', breaks: [{ minQuantity: '10', percent: '2' }, { minQuantity: '100', percent: '4' }], stacking: 'EXCLUSIVE', priority: 5 },
    });
    const { createDiscountRule: segment } = await admin.CreateDiscountRule({ input: { name: 'VIP', kind: 'CLIENT_SEGMENT', activeFrom: '2026-01-01', segmentId: SEGMENT, percent: '7' } });
    const { createDiscountRule: group } = await admin.CreateDiscountRule({ input: { name: 'Инструмент −10 %', kind: 'PRODUCT_GROUP', activeFrom: '2026-01-01', groupId: tools.id, percent: '10' } });
    const { createDiscountRule: promo } = await admin.CreateDiscountRule({ input: { name: 'Весна', kind: 'PROMO_CODE', activeFrom: '2026-03-01', activeTo: '2026-05-31', promoCode: '  VESNA26 ', percent: '5' } });

    // then each comes back with its own typed fields and null for the others; money with 2 places, percents plain
    expect(tiers).toMatchObject({
      kind: 'ORDER_AMOUNT_TIER',
      activeFrom: '2026-01-01',
      activeTo: '2026-12-31',
      priority: 100,
      stacking: 'COMBINABLE',
      percent: null,
      capPercent: '4.5',
      tiers: [{ threshold: '50000.00', percent: '3' }, { threshold: '100000.00', percent: '5' }],
      breaks: null,
      days: null,
      groupId: null,
      promoCode: null,
      active: true,
      version: 1,
    });
    expect(history).toMatchObject({ days: 90, tiers: [{ threshold: '200000.00', percent: '2' }], conditions: { days: 90, tiers: [{ threshold: '200000', percent: '2' }] } });
    expect(breaks).toMatchObject({ stacking: 'EXCLUSIVE', priority: 5, breaks: [{ minQuantity: '10', percent: '2' }, { minQuantity: '100', percent: '4' }], tiers: null });
    expect(segment).toMatchObject({ segmentId: SEGMENT, percent: '7' });
    expect(group).toMatchObject({ groupId: tools.id, group: { id: tools.id, name: 'Инструмент' }, percent: '10' });
    expect(promo).toMatchObject({ promoCode: 'VESNA26', percent: '5', activeTo: '2026-05-31' });
    expect((await admin.DiscountRule({ id: promo.id })).discountRule).toMatchObject({ promoCode: 'VESNA26', conditions: { promoCode: 'VESNA26' } });

    // when the tiers rule gets another scale with the current version
    const { updateDiscountRule: updated } = await admin.UpdateDiscountRule({
      id: tiers.id,
      input: { version: 1, tiers: [{ threshold: '30000', percent: '2' }, { threshold: '60000', percent: '4' }], capPercent: null },
    });
    // then the scale is replaced, the untouched fields stay and the version goes up
    expect(updated).toMatchObject({ name: 'Объём заказа', activeTo: '2026-12-31', capPercent: null, tiers: [{ threshold: '30000.00', percent: '2' }, { threshold: '60000.00', percent: '4' }], version: 2 });

    // when a second writer still holds version 1, then CONFLICT and nothing changes
    const stale = await errorOf(admin.UpdateDiscountRule({ id: tiers.id, input: { version: 1, name: 'lost update' } }));
    expect(stale.code).toBe('CONFLICT');
    expect((await admin.DiscountRule({ id: tiers.id })).discountRule?.name).toBe('Объём заказа');

    // when the promo rule is turned into a group rule, then the old code is dropped and the percent kept
    const { updateDiscountRule: turned } = await admin.UpdateDiscountRule({ id: promo.id, input: { version: 1, kind: 'PRODUCT_GROUP', groupId: tools.id } });
    expect(turned).toMatchObject({ kind: 'PRODUCT_GROUP', groupId: tools.id, promoCode: null, percent: '5', conditions: { groupId: tools.id } });

    // when one is deleted, it is gone
    await admin.DeleteDiscountRule({ id: segment.id });
    expect((await admin.DiscountRule({ id: segment.id })).discountRule).toBeNull();
  });

  it.each<[string, CreateDiscountRuleInput, Record<string, string>]>([
    ['a negative percent', { name: 'Минус', kind: 'PROMO_CODE', activeFrom: '2026-01-01', promoCode: 'MINUS', percent: '-5' }, { percent: 'must not be negative' }],
    ['a percent over 100', { name: 'Больше ста', kind: 'PRODUCT_GROUP', activeFrom: '2026-01-01', groupId: MISSING, percent: '150' }, { percent: 'must not be more than 100', groupId: 'no such product group' }],
    ['a negative tier percent', tierRule({ name: 'Минус в шкале', tiers: [{ threshold: '1000', percent: '-1' }] }), { 'tiers.0.percent': 'must not be negative' }],
    ['a negative cap', tierRule({ name: 'Минус в потолке', capPercent: '-0.01' }), { capPercent: 'must not be negative' }],
    ['a period ending before it starts', tierRule({ name: 'Назад во времени', activeFrom: '2026-03-01', activeTo: '2026-02-28' }), { activeTo: 'must not be before activeFrom (2026-03-01)' }],
    [
      'tiers not increasing',
      tierRule({ name: 'Шкала вразнобой', tiers: [{ threshold: '100000', percent: '5' }, { threshold: '50000', percent: '3' }] }),
      { 'tiers.1.threshold': 'must be greater than the previous threshold (100000): tiers go in strictly increasing order' },
    ],
    ['an unknown group', { name: 'Нет группы', kind: 'PRODUCT_GROUP', activeFrom: '2026-01-01', groupId: MISSING, percent: '5' }, { groupId: 'no such product group' }],
    ['tiers without a scale', tierRule({ name: 'Пустая шкала', tiers: [] }), { tiers: 'give at least one for ORDER_AMOUNT_TIER rules' }],
    ['purchase history without days', { name: 'Без дней', kind: 'PURCHASE_HISTORY', activeFrom: '2026-01-01', tiers: [{ threshold: '1', percent: '1' }] }, { days: 'is required for PURCHASE_HISTORY rules' }],
    ['breaks not increasing', { name: 'Ступени вниз', kind: 'QUANTITY_BREAK', activeFrom: '2026-01-01', breaks: [{ minQuantity: '10', percent: '2' }, { minQuantity: '10', percent: '3' }] }, { 'breaks.1.minQuantity': 'must be greater than the previous minQuantity (10): breaks go in strictly increasing order' }],
    ['a segment rule without a segment', { name: 'Без сегмента', kind: 'CLIENT_SEGMENT', activeFrom: '2026-01-01', percent: '5' }, { segmentId: 'is required for CLIENT_SEGMENT rules' }],
    ['a promo rule without a percent', { name: 'Без процента', kind: 'PROMO_CODE', activeFrom: '2026-01-01', promoCode: 'NOPCT' }, { percent: 'is required for PROMO_CODE rules' }],
    ['another kind\'s field', tierRule({ name: 'Лишнее поле', promoCode: 'EXTRA' }), { promoCode: 'is not used by ORDER_AMOUNT_TIER rules' }],
  ])('refuses %s with BAD_USER_INPUT naming the fields, and stores nothing', async (_story, input, fields) => {
    // when the rule is created
    const error = await errorOf(admin.CreateDiscountRule({ input }));
    // then every bad field is named, and no rule of that name exists
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual(fields);
    expect((await admin.DiscountRules({ filter: { q: input.name } })).discountRules.total).toBe(0);
  });

  it('checks an update against the whole rule: a new period end before the stored start, a kind without its fields', async () => {
    // given a rule from 2026-03-01
    const { createDiscountRule: rule } = await admin.CreateDiscountRule({ input: tierRule({ name: 'Проверка обновления', activeFrom: '2026-03-01' }) });

    // when only activeTo is sent, before the stored activeFrom, then activeTo is refused
    const period = await errorOf(admin.UpdateDiscountRule({ id: rule.id, input: { version: 1, activeTo: '2026-02-01' } }));
    expect(period.code).toBe('BAD_USER_INPUT');
    expect(period.fields).toEqual({ activeTo: 'must not be before activeFrom (2026-03-01)' });

    // when the kind changes without the new kind's fields, then those are required
    const kind = await errorOf(admin.UpdateDiscountRule({ id: rule.id, input: { version: 1, kind: 'PROMO_CODE' } }));
    expect(kind.fields).toEqual({ promoCode: 'is required for PROMO_CODE rules', percent: 'is required for PROMO_CODE rules' });

    // when a negative percent goes into one tier, then that tier's percent is named
    const tier = await errorOf(admin.UpdateDiscountRule({ id: rule.id, input: { version: 1, tiers: [{ threshold: '50000', percent: '3' }, { threshold: '60000', percent: '-4' }] } }));
    expect(tier.fields).toEqual({ 'tiers.1.percent': 'must not be negative' });

    // and the rule is as it was
    expect((await admin.DiscountRule({ id: rule.id })).discountRule).toMatchObject({ version: 1, kind: 'ORDER_AMOUNT_TIER', activeTo: null });
  });

  it('filters by text, kind, the on/off switch and the date a rule is active on', async () => {
    // given rules with periods: Jan–Feb, from March open-ended, all of 2026 but switched off
    const made = async (name: string, activeFrom: string, activeTo: string | null, active = true) =>
      (await admin.CreateDiscountRule({ input: tierRule({ name, activeFrom, activeTo, active }) })).createDiscountRule.id;
    const winter = await made('Фильтр зима', '2026-01-01', '2026-02-28');
    const spring = await made('Фильтр с весны', '2026-03-01', null);
    const off = await made('Фильтр выключен', '2026-01-01', '2026-12-31', false);
    const names = async (filter: DiscountRuleFilter) =>
      (await admin.DiscountRules({ filter: { q: 'Фильтр', ...filter }, sort: [{ field: 'name' }] })).discountRules.items.map((r) => r.id);

    // then activeOn counts both ends of the period, and an open end as "forever"
    expect(await names({ activeOn: '2026-02-28' })).toEqual([off, winter]);
    expect(await names({ activeOn: '2026-03-01' })).toEqual([off, spring]);
    expect(await names({ activeOn: '2030-01-01' })).toEqual([spring]);
    expect(await names({ activeOn: '2025-12-31' })).toEqual([]);
    // and `active` is the switch
    expect(await names({ active: true, activeOn: '2026-02-01' })).toEqual([winter]);
    expect(await names({ active: false })).toEqual([off]);
    // and kind filters
    expect(await names({ kind: 'PROMO_CODE' })).toEqual([]);
    expect((await admin.DiscountRules({ filter: { q: 'Фильтр', kind: 'ORDER_AMOUNT_TIER' } })).discountRules.total).toBe(3);
  });

  it('lets a sales manager read rules but not change them', async () => {
    // given a rule and the demo sales manager (discountRule:read only)
    const { createDiscountRule: rule } = await admin.CreateDiscountRule({ input: tierRule({ name: 'Только чтение' }) });
    const manager = await app.as(Role.SALES_MANAGER);

    // then reading works, and create, update, delete are FORBIDDEN
    expect((await manager.DiscountRule({ id: rule.id })).discountRule?.name).toBe('Только чтение');
    expect((await errorOf(manager.CreateDiscountRule({ input: tierRule({ name: 'Самовольная' }) }))).code).toBe('FORBIDDEN');
    expect((await errorOf(manager.UpdateDiscountRule({ id: rule.id, input: { version: 1, name: 'x' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(manager.DeleteDiscountRule({ id: rule.id }))).code).toBe('FORBIDDEN');

    // and the head of sales may change them
    const head = await app.as(Role.SALES_HEAD);
    expect((await head.UpdateDiscountRule({ id: rule.id, input: { version: 1, priority: 1 } })).updateDiscountRule.priority).toBe(1);
  });
});

describe('pricing settings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const caps = (settings: { manualDiscountCaps: { role: string; percent: string }[] }) => Object.fromEntries(settings.manualDiscountCaps.map((cap) => [cap.role, cap.percent]));

  it('starts from the defaults: 5 % for a manager, 15 % for the head, 100 % for an admin, 0 for the rest', async () => {
    // when a sales manager (price:read) reads them on a fresh installation
    const { pricingSettings } = await (await app.as(Role.SALES_MANAGER)).PricingSettings();
    // then every role is listed with the default caps, and admins and heads may sell below cost
    expect(caps(pricingSettings)).toEqual({ ADMIN: '100', SALES_HEAD: '15', SALES_MANAGER: '5', WAREHOUSE: '0', PURCHASING: '0', MARKETING: '0', SERVICE: '0', ACCOUNTANT: '0', PARTNER: '0' });
    expect(pricingSettings).toMatchObject({ version: 1, belowCostRoles: ['ADMIN', 'SALES_HEAD'], updatedAt: null, updatedBy: null });
  });

  it('updates with a version, keeps the caps not sent, and refuses a stale version', async () => {
    // given an accountant (setting:update)
    const accountant = await app.as(Role.ACCOUNTANT);
    const { pricingSettings: before } = await accountant.PricingSettings();

    // when the manager's cap becomes 7.5 % and only the head may sell below cost
    const { updatePricingSettings: after } = await accountant.UpdatePricingSettings({
      input: { version: before.version, manualDiscountCaps: [{ role: 'SALES_MANAGER', percent: '7.50' }], belowCostRoles: ['SALES_HEAD', 'SALES_HEAD'] },
    });

    // then that is stored, the other caps stay, the version goes up, and who did it is known
    expect(caps(after)).toMatchObject({ SALES_MANAGER: '7.5', SALES_HEAD: '15', ADMIN: '100' });
    expect(after).toMatchObject({ version: before.version + 1, belowCostRoles: ['SALES_HEAD'], updatedBy: { name: 'Елена Бухова' } });
    expect(after.updatedAt).not.toBeNull();
    expect((await (await app.as(Role.SALES_HEAD)).PricingSettings()).pricingSettings.version).toBe(before.version + 1);
    // and a partner may not read the internal caps at all
    expect((await errorOf((await app.as(Role.PARTNER)).PricingSettings())).code).toBe('FORBIDDEN');

    // when someone still holding the old version writes, then CONFLICT and nothing changes
    const stale = await errorOf(accountant.UpdatePricingSettings({ input: { version: before.version, belowCostRoles: [] } }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toMatchObject({ reason: 'STALE_VERSION', currentVersion: before.version + 1 });
    expect((await accountant.PricingSettings()).pricingSettings.belowCostRoles).toEqual(['SALES_HEAD']);
  });

  it('refuses a cap outside 0..100 or a role given twice, naming the entry; and a sales manager may not change them', async () => {
    const admin = await app.as(Role.ADMIN);
    const { pricingSettings } = await admin.PricingSettings();

    // when a cap is negative, another over 100 and a role comes twice
    const error = await errorOf(
      admin.UpdatePricingSettings({
        input: {
          version: pricingSettings.version,
          manualDiscountCaps: [
            { role: 'SALES_MANAGER', percent: '-1' },
            { role: 'SALES_HEAD', percent: '101' },
            { role: 'SALES_MANAGER', percent: '3' },
          ],
        },
      }),
    );
    // then each is named
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual({
      'manualDiscountCaps.0.percent': 'must not be negative',
      'manualDiscountCaps.1.percent': 'must not be more than 100',
      'manualDiscountCaps.2.role': 'SALES_MANAGER is already given at manualDiscountCaps.0',
    });

    // and a sales manager raising their own cap is FORBIDDEN
    const manager = await app.as(Role.SALES_MANAGER);
    const forbidden = await errorOf(manager.UpdatePricingSettings({ input: { version: pricingSettings.version, manualDiscountCaps: [{ role: 'SALES_MANAGER', percent: '50' }] } }));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect((await admin.PricingSettings()).pricingSettings.version).toBe(pricingSettings.version);
  });
});
