import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import pluralize from 'pluralize';
import { defaultModules } from '../../api/src/modules';
import { PermissionMatrix } from '../../api/src/modules/identity/permissions';
import type { TradebookClient } from '@tradebook/client';
import { rawRequest, Role, startTestApp, type TestApp } from '../support/harness';
import { argumentsFor, committedSchema, deepSelection } from '../support/schema-walk';

/*
 * What each role can read, read as each role would (issue 17, point 5): every root query
 * of the schema, nested four levels deep, as each demo user. No role without user:read
 * sees another user's roles, permissions, team, status or login times; no role without
 * cost:read sees a cost field that is not null. The fields guarded are the ones the
 * schema documents as such ("unless you have user:read", "cost:read").
 */
describe('scope: every field of another user or of cost, walked as every role', () => {
  let app: TestApp;
  let admin: TradebookClient;
  const schema: GraphQLSchema = committedSchema();
  const ids = new Map<string, string>();

  /** Fields of each type the schema says are guarded by `marker`. */
  const guarded = (marker: RegExp) =>
    new Map(
      Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .map((type) => [type.name, Object.values(type.getFields()).filter((f) => marker.test(f.description ?? '')).map((f) => f.name)] as const)
        .filter(([, fields]) => fields.length),
    );
  const userOnly = guarded(/unless you have user:read/).get('User') ?? [];
  const costOnly = guarded(/cost:read/);

  beforeAll(async () => {
    // the walk selects every field four levels deep: far past what the cost limit lets a client ask at once
    app = await startTestApp({ QUERY_MAX_COST: '100000000', QUERY_MAX_DEPTH: '30', QUERY_MAX_TOKENS: '100000' });
    admin = await app.as(Role.ADMIN);
    // given stock with its cost (a receipt, a landed cost over it, a counted surplus), prices,
    // a closed period and changed pricing settings (both name the admin), and the partner's
    // client managed by the sales manager with the head of sales on its team
    const unit = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    const product = (await admin.CreateProduct({ input: { sku: 'WALK', name: 'Шуруп', unitId: unit } })).createProduct.id;
    const warehouse = (await admin.CreateWarehouse({ input: { code: 'W', name: 'Склад' } })).createWarehouse.id;
    const supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-02-01', warehouseId: warehouse, supplierId: supplier, lines: [{ productId: product, quantity: '3', unitCost: '123.4567' }] } })).createGoodsReceipt.id;
    await admin.PostGoodsReceipt({ id: receipt });
    const landed = (await admin.CreateLandedCost({ input: { date: '2026-02-02', supplierId: supplier, description: 'Доставка', amount: '30', method: 'QUANTITY', goodsReceiptIds: [receipt] } })).createLandedCost.id;
    await admin.PostLandedCost({ id: landed });
    const count = (await admin.CreateStockCount({ input: { date: '2026-02-03', warehouseId: warehouse, prefill: false, lines: [{ productId: product, countedQuantity: '4' }] } })).createStockCount.id;
    await admin.PostStockCount({ id: count });
    const retail = (await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розница', isDefault: true } })).createPriceType.id;
    const list = (await admin.CreatePriceList({ input: { priceTypeId: retail, date: '2026-01-01', lines: [{ productId: product, price: '200' }] } })).createPriceList.id;
    await admin.PostPriceList({ id: list });
    await admin.ClosePeriod({ through: '2026-01-31' });
    const settings = (await admin.PricingSettings()).pricingSettings;
    await admin.UpdatePricingSettings({ input: { version: settings.version, belowCostRoles: ['ADMIN'] } });
    const users = (await admin.Users({ perPage: 50 })).users.items;
    const idOfRole = (role: Role) => users.find((u) => u.email === `${role.toLowerCase()}@demo.tradebook`)!.id;
    const dealer = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0];
    await admin.UpdateCounterparty({ id: dealer.id, input: { version: dealer.version, teamMemberIds: [idOfRole(Role.SALES_HEAD)] } });

    // the first record of every list (those whose items have an id), for the single-record queries and the <thing>Id arguments
    const auth = { authorization: `Bearer ${(await app.login('admin@demo.tradebook')).token}` };
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const page = getNamedType(field.type);
      const item = isObjectType(page) && page.getFields().items ? getNamedType(page.getFields().items.type) : undefined;
      if (!item || !isObjectType(item) || !item.getFields().id || field.args.some((a) => String(a.type).endsWith('!') && a.defaultValue === undefined)) continue;
      const { json } = await rawRequest(app.graphqlUrl, { query: `{ ${field.name}(perPage: 1) { items { id } } }` }, auth);
      const first = (json?.data as Record<string, { items: { id: string }[] }> | undefined)?.[field.name]?.items[0];
      if (first) ids.set(pluralize.singular(field.name), first.id);
    }
    ids.set('counterparty', dealer.id);
    ids.set('client', dealer.id);
    ids.set('user', idOfRole(Role.SALES_MANAGER));
    ids.set('priceType', retail);
    ids.set('product', product);
    ids.set('warehouse', warehouse);
  });
  afterAll(() => app.close());

  it("shows a partner its manager's and team's name and email, and nothing else of them", async () => {
    // when the partner reads its client's manager and team as the probe did
    const { token } = await app.login('partner@demo.tradebook');
    const query = '{ me { roles counterparty { owner { name email roles permissions lastLoginAt active team counterparty { id } } teamMembers { name email roles } } } }';
    const { json } = await rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${token}` });

    // then it sees who they are and how to reach them, its own roles, and no error
    expect(json?.errors).toBeUndefined();
    expect(json?.data).toEqual({
      me: {
        roles: ['PARTNER'],
        counterparty: {
          owner: { name: expect.any(String), email: 'sales_manager@demo.tradebook', roles: null, permissions: null, lastLoginAt: null, active: null, team: null, counterparty: null },
          teamMembers: [{ name: expect.any(String), email: 'sales_head@demo.tradebook', roles: null }],
        },
      },
    });
  });

  it('guards the fields the schema says it does', () => {
    // the walk below would pass vacuously with nothing to guard
    expect(userOnly.sort()).toEqual(['active', 'counterparty', 'lastLoginAt', 'permissions', 'roles', 'team']);
    expect([...costOnly.keys()]).toEqual(expect.arrayContaining(['StockLot', 'StockMovement', 'StockBalanceView', 'StockValuationRow', 'CostAdjustment', 'StockCountLine']));
  });

  it.each(Object.values(Role))('shows %s no field of another user or of cost it has no right to', async (role) => {
    // given the role's demo user
    const { token, userId } = await app.login(`${role.toLowerCase()}@demo.tradebook`);
    const granted = PermissionMatrix.compose(defaultModules.map((m) => m.permissions ?? {})).of([role]);
    const violations: string[] = [];
    const seen = { otherUsers: 0, contacts: 0, costFields: 0, costValues: 0, userDetails: 0 };

    // when it reads every root query, four levels deep
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const args = argumentsFor(field, (entity) => ids.get(entity));
      if (args === null) continue; // an input the walk cannot fill (quote): its own tests cover it
      const query = `{ ${field.name}${args} ${deepSelection(getNamedType(field.type), 4)} }`;
      const { status, json } = await rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${token}` });
      // a walk the server refuses to run (too deep, not valid) would check nothing: that is a failure too
      if (status >= 500 || json?.errors?.some((e) => ['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'].includes(String(e.extensions?.code)))) {
        violations.push(`${field.name}: ${status} ${JSON.stringify(json?.errors).slice(0, 300)}`);
      }

      // then every object it got back holds only what the role may see
      const visit = (value: unknown, path: string) => {
        if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}.${i}`));
        if (!value || typeof value !== 'object') return;
        const object = value as Record<string, unknown>;
        const type = object.__typename as string | undefined;
        if (type === 'User' && object.id !== userId) {
          seen.otherUsers++;
          if (object.name && object.email) seen.contacts++;
          for (const f of userOnly) {
            if (object[f] === undefined || object[f] === null) continue;
            seen.userDetails++;
            if (!granted.has('user:read')) violations.push(`${path}.${f} of another user = ${JSON.stringify(object[f])}`);
          }
        }
        for (const f of (type && costOnly.get(type)) || []) {
          if (object[f] === undefined) continue;
          seen.costFields++;
          if (object[f] === null) continue;
          seen.costValues++;
          if (!granted.has('cost:read')) violations.push(`${path}.${f} (cost) = ${JSON.stringify(object[f])}`);
        }
        for (const [key, item] of Object.entries(object)) visit(item, `${path}.${key}`);
      };
      visit(json?.data, field.name);
    }

    expect(violations).toEqual([]);
    // and the walk met what it guards: the partner its manager's contact, stock readers cost fields
    if (role === Role.PARTNER) expect(seen.contacts).toBeGreaterThan(0);
    if (granted.has('stock:read')) expect(seen.costFields).toBeGreaterThan(0);
    if (granted.has('cost:read') && granted.has('stock:read')) expect(seen.costValues).toBeGreaterThan(0);
    if (granted.has('user:read')) expect(seen.userDetails).toBeGreaterThan(0);
    if (!granted.has('user:read') && role !== Role.PARTNER) expect(seen.otherUsers).toBeGreaterThan(0);
  });
});
