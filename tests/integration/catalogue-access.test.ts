import { defaultModules } from '../../api/src/modules';
import { defineModule } from '../../api/src/server/module';
import { createClient, type TradebookClient } from '@tradebook/client';
import { DEMO_PASSWORD, demoEmail, errorOf, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';
import { startCatalogueWorld, type CatalogueWorld } from '../support/catalogue-world';
import { assertLedgerInvariants } from '../support/ledger-invariants';

/**
 * Issue 11, point 1: who sees which prices and what availability on the catalogue's
 * products (DESIGN §8), with the numbers worked out by hand. A partner reads its own price
 * type and what is available where it may order from, never stock:read's on hand; staff
 * read what their permissions grant, and a field they may not read is null with FORBIDDEN
 * at its path while the rest of the answer stays.
 *
 * The world (startCatalogueWorld): W1 and W2 ship to partners, W3 does not; RETAIL is the
 * default price type, DEALER the demo partner's client's own.
 */
describe('the catalogue as each role reads it', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let partner: TradebookClient;
  let w1: string;
  let w2: string;
  let w3: string;
  let retail: string;
  let dealer: string;
  let product: CatalogueWorld['product'];
  let receive: CatalogueWorld['receive'];
  let transfer: CatalogueWorld['transfer'];
  let writeOff: CatalogueWorld['writeOff'];
  let priceList: CatalogueWorld['priceList'];
  let asRaw: CatalogueWorld['asRaw'];

  const year = new Date().getFullYear();
  // documents dated after today: what the shop cannot sell yet, or must keep for later
  const NEXT_JANUARY = `${year + 1}-01-15`;
  const NEXT_FEBRUARY = `${year + 1}-02-01`;
  const sql = (text: string, params: unknown[] = []) => app.orm.em.getConnection().execute(text, params);

  beforeAll(async () => ({ app, admin, partner, w1, w2, w3, retail, dealer, product, receive, transfer, writeOff, priceList, asRaw } = await startCatalogueWorld()));
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  describe('availability by hand', () => {
    let p: string;

    beforeAll(async () => {
      // given 10 received at W1 on 2026-11-02, 3 of them reserved (a movement of the
      // reservation register and its balance, written as the register writes them),
      // and 4 moved to W2 on 2026-11-03
      p = await product('HW-1');
      await receive(w1, [{ productId: p, quantity: '10', unitCost: '100' }], '2026-11-02');
      await sql("insert into stock_reservation (id, warehouse_id, product_id, date, quantity, recorder_type, recorder_id, recorder_line) values (gen_random_uuid(), ?, ?, '2026-11-02', 3, 'Test', gen_random_uuid(), 1)", [w1, p]);
      await sql('update stock_balance set reserved = 3 where warehouse_id = ? and product_id = ?', [w1, p]);
      await transfer(w1, w2, [{ productId: p, quantity: '4' }], '2026-11-03');
      // and at W2, 2 written off next January and 2 received next February
      await writeOff(w2, p, '2', NEXT_JANUARY);
      await receive(w2, [{ productId: p, quantity: '2', unitCost: '100' }], NEXT_FEBRUARY);
    });

    it('shows staff on hand, reserved and what an order today may take, per warehouse', async () => {
      // when a sales manager reads the product's availability
      const manager = await app.as(Role.SALES_MANAGER);
      const { products } = await manager.CatalogueStock({ filter: { ids: [p] } });

      // then W1: 10 − 4 = 6 on hand, 3 reserved, 6 − 3 = 3 available; W2: 4 on hand (and 4
      // after next February), but next January's write-off leaves 2 until then, so an order
      // today may take 2 — what arrives in February is not there yet
      expect(products.items[0].availability).toEqual([
        { warehouseId: w1, warehouse: { code: 'W1' }, onHand: '6', reserved: '3', available: '3', onOrder: '0' },
        { warehouseId: w2, warehouse: { code: 'W2' }, onHand: '4', reserved: '0', available: '2', onOrder: '0' },
      ]);

      // and a warehouse named without stock there is a row of zeros
      const named = await manager.CatalogueStock({ filter: { ids: [p] }, warehouseIds: [w3, w1] });
      expect(named.products.items[0].availability).toEqual([
        { warehouseId: w1, warehouse: { code: 'W1' }, onHand: '6', reserved: '3', available: '3', onOrder: '0' },
        { warehouseId: w3, warehouse: { code: 'W3' }, onHand: '0', reserved: '0', available: '0', onOrder: '0' },
      ]);
    });

    it('shows a partner only what is available, only where it may order from, without stock:read', async () => {
      // given a partner: availability:read, no stock:read
      expect((await errorOf(partner.StockBalances({ filter: { productId: p } }))).code).toBe('FORBIDDEN');

      // when it reads the product
      const { products } = await partner.CatalogueStock({ filter: { ids: [p] } });

      // then available per partner warehouse (W1 3, W2 2), on hand and reserved null
      expect(products.items[0].availability).toEqual([
        { warehouseId: w1, warehouse: { code: 'W1' }, onHand: null, reserved: null, available: '3', onOrder: null },
        { warehouseId: w2, warehouse: { code: 'W2' }, onHand: null, reserved: null, available: '2', onOrder: null },
      ]);

      // and a warehouse it may not order from has no row, with no error, like one that does not exist
      const named = await partner.PartnerCatalogue({ filter: { ids: [p] }, warehouseIds: [w1, w3, '00000000-0000-4000-8000-000000000000'] });
      expect(named.products.items[0].availability).toEqual([{ warehouseId: w1, available: '3' }]);
      expect((await partner.PartnerCatalogue({ filter: { ids: [p] }, warehouseIds: [w3] })).products.items[0].availability).toEqual([]);

      // and when W2 stops shipping to partners it is gone from their availability at once
      const { warehouse } = await admin.Warehouse({ id: w2 });
      await admin.UpdateWarehouse({ id: w2, input: { version: warehouse!.version, partnerShipping: false } });
      expect((await partner.PartnerCatalogue({ filter: { ids: [p] } })).products.items[0].availability).toEqual([{ warehouseId: w1, available: '3' }]);
      await admin.UpdateWarehouse({ id: w2, input: { version: warehouse!.version + 1, partnerShipping: true } });
    });

    it("gives the partner's server, signed in with an API key of its client, the same prices and availability", async () => {
      // given a DEALER price of 777.00 from 2026-11-01, and an API key of the partner's client
      await priceList(dealer, '2026-11-01', [{ productId: p, price: '777.00' }]);
      const clientId = (await partner.Me()).me.counterparty!.id;
      const { key } = (await admin.CreateApiKey({ input: { counterpartyId: clientId, name: 'Интернет-магазин' } })).createApiKey;
      const server = createClient({ url: app.graphqlUrl, token: key });

      // when the server and the partner user read the same page, then they read the same: the DEALER price, W1 3 and W2 2 available
      const page = { filter: { ids: [p] } };
      const byKey = await server.PartnerCatalogue(page);
      expect(byKey).toEqual(await partner.PartnerCatalogue(page));
      expect(byKey.products.items[0]).toMatchObject({
        price: { price: '777.00', validFrom: '2026-11-01' },
        availability: [
          { warehouseId: w1, available: '3' },
          { warehouseId: w2, available: '2' },
        ],
      });
    });

    it('lets the warehouse read availability but not prices, and marketing prices but not availability: the rest of the answer stays', async () => {
      // when the WAREHOUSE role (stock:read, no price:read) reads prices and availability
      const store = await asRaw(demoEmail(Role.WAREHOUSE), `{ products(filter: { ids: ["${p}"] }) { items { sku price { price } availability { warehouseId onHand available } } } }`);

      // then the price is null with FORBIDDEN at its path, the availability is there
      expect(store.data).toEqual({ products: { items: [{ sku: 'HW-1', price: null, availability: [{ warehouseId: w1, onHand: '6', available: '3' }, { warehouseId: w2, onHand: '4', available: '2' }] }] } });
      expect(store.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([['FORBIDDEN', ['products', 'items', 0, 'price']]]);

      // when MARKETING (price:read, no availability:read) reads the same
      const marketing = await asRaw(demoEmail(Role.MARKETING), `{ products(filter: { ids: ["${p}"] }) { items { sku availability { available } } } }`);

      // then availability is null with FORBIDDEN at its path, the product is there
      expect(marketing.data).toEqual({ products: { items: [{ sku: 'HW-1', availability: null }] } });
      expect(marketing.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([['FORBIDDEN', ['products', 'items', 0, 'availability']]]);
    });

    it('refuses more than 100 warehouses on the field, naming it', async () => {
      const many = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      const refused = await errorOf(partner.PartnerCatalogue({ filter: { ids: [p] }, warehouseIds: many }));
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.fieldErrors).toEqual([{ field: 'warehouseIds', reason: 'TOO_MANY', params: { max: 100 }, message: 'must name at most 100 warehouses' }]);
    });
  });

  describe('prices on the product', () => {
    let p: string;

    beforeAll(async () => {
      // given RETAIL 1,200.00 and DEALER 1,000.00 from 2026-11-01, and DEALER 950.00 from 2026-11-20
      p = await product('PR-1');
      await priceList(retail, '2026-11-01', [{ productId: p, price: '1200.00' }]);
      await priceList(dealer, '2026-11-01', [{ productId: p, price: '1000.00' }]);
      await priceList(dealer, '2026-11-20', [{ productId: p, price: '950.00' }]);
    });

    const priceOf = async (client: TradebookClient, args: { priceTypeId?: string; date?: string } = {}) =>
      (await client.CatalogueStock({ filter: { ids: [p] }, ...args })).products.items[0].price;

    it("gives a partner its own price type's price today, on any date asked, and the same for its own type named", async () => {
      // when the partner asks without a type: its client's DEALER, today (after 2026-11-20): 950
      expect(await priceOf(partner)).toMatchObject({ priceTypeId: dealer, price: '950.00', validFrom: '2026-11-20' });
      // on 2026-11-10: the list of 2026-11-01, 1000; before any list: none
      expect(await priceOf(partner, { date: '2026-11-10' })).toMatchObject({ price: '1000.00', validFrom: '2026-11-01' });
      expect(await priceOf(partner, { date: '2026-10-31' })).toBeNull();
      // and naming its own type is the same
      expect(await priceOf(partner, { priceTypeId: dealer })).toMatchObject({ priceTypeId: dealer, price: '950.00' });
    });

    it('answers a partner naming another price type as if there were no such type: no price, no error, the rest kept', async () => {
      // when the partner names RETAIL, and a type that does not exist
      const nowhere = '00000000-0000-4000-8000-000000000000';
      const answer = await asRaw(demoEmail(Role.PARTNER), `{ products(filter: { ids: ["${p}"] }) { items { sku retail: price(priceTypeId: "${retail}") { price } none: price(priceTypeId: "${nowhere}") { price } } } }`);

      // then the product is there and both prices are null, indistinguishable (the one out-of-scope rule)
      expect(answer).toEqual({ data: { products: { items: [{ sku: 'PR-1', retail: null, none: null }] } } });
      // as `price`, `prices` and `priceHistory` answer the same question
      expect((await partner.Price({ productId: p, priceTypeId: retail, date: '2026-11-10' })).price).toBeNull();
      expect((await partner.Price({ productId: p, priceTypeId: nowhere, date: '2026-11-10' })).price).toBeNull();
      const staffSee = await (await app.as(Role.SALES_MANAGER)).Price({ productId: p, priceTypeId: retail, date: '2026-11-10' });
      expect(staffSee.price).toMatchObject({ price: '1200.00' }); // there is a RETAIL price to hide
      const lists = await asRaw(demoEmail(Role.PARTNER), `{ prices(filter: { priceTypeId: "${retail}", date: "2026-11-10" }) { total items { price } } priceHistory(productId: "${p}", priceTypeId: "${retail}") { price } }`);
      expect(lists).toEqual({ data: { prices: { total: 0, items: [] }, priceHistory: [] } });
    });

    it('gives staff the default price type unless they name one', async () => {
      const manager = await app.as(Role.SALES_MANAGER);
      expect(await priceOf(manager)).toMatchObject({ priceTypeId: retail, price: '1200.00', validFrom: '2026-11-01' });
      expect(await priceOf(manager, { priceTypeId: dealer, date: '2026-11-10' })).toMatchObject({ priceTypeId: dealer, price: '1000.00' });
      // a type that does not exist has no price
      expect(await priceOf(manager, { priceTypeId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    });

    it("gives a partner whose client has no price type of its own the default type's price, the choice a quote makes", async () => {
      // given the partner's client without a price type
      const clientId = (await partner.Me()).me.counterparty!.id;
      const before = (await admin.Counterparty({ id: clientId })).counterparty!;
      await admin.UpdateCounterparty({ id: clientId, input: { version: before.version, priceTypeId: null } });

      try {
        // then its price is RETAIL's, and DEALER is now another type: out of its scope, no price
        expect(await priceOf(partner)).toMatchObject({ priceTypeId: retail, price: '1200.00' });
        expect((await partner.Price({ productId: p, priceTypeId: dealer, date: '2026-11-10' })).price).toBeNull();
      } finally {
        await admin.UpdateCounterparty({ id: clientId, input: { version: before.version + 1, priceTypeId: dealer } });
      }
    });
  });

  describe('signing in', () => {
    it("answers a partner's login with its counterparty, as `me` does", async () => {
      // when the partner signs in and asks for its user
      const { login } = await app.anonymous.Login({ email: demoEmail(Role.PARTNER), password: DEMO_PASSWORD });
      const { me } = await partner.Me();

      // then the login's user is the partner's own record: roles, permissions, its client
      expect(login.user.counterparty).toEqual(me.counterparty);
      expect(login.user.counterparty).toMatchObject({ name: 'Дилер Восток' });
      expect(login.user.roles).toEqual(['PARTNER']);
      expect(login.user.permissions).toEqual(me.permissions);
      expect(login.user.permissions).toContain('availability:read');
      expect(login.user.permissions).not.toContain('stock:read');
    });

    it('does not let the rest of a login request act as the user who signed in', async () => {
      // when one request signs in and asks for the users list
      const { json } = await rawRequest(app.graphqlUrl, { query: `mutation { login(email: "${demoEmail(Role.ADMIN)}", password: "${DEMO_PASSWORD}") { token } createUnit(input: { code: "x1", name: "x" }) { id } }` });

      // then the second field is refused: access goes by the request's token alone
      expect(json?.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });
  });
});

describe('availability:read without stock:read for staff', () => {
  let app: TestApp;

  beforeAll(async () => {
    // given a company that lets its service desk see what is available (a module's grant of availability:read to SERVICE)
    const serviceDesk = defineModule({ name: 'serviceDesk', permissions: { grants: { [Role.SERVICE]: { fields: ['availability:read'] } } } });
    app = await startTestApp({}, { modules: [...defaultModules, serviceDesk] });
  });
  afterAll(() => app.close());

  it('shows available in every warehouse, never on hand or reserved', async () => {
    // given 7 received at W1 (which does not ship to partners: staff see every warehouse)
    const admin = await app.as(Role.ADMIN);
    const pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    const supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const w1 = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } })).createWarehouse.id;
    const p = (await admin.CreateProduct({ input: { sku: 'SD-1', name: 'SD-1', unitId: pcs, kind: 'GOODS' } })).createProduct.id;
    const draft = (await admin.CreateGoodsReceipt({ input: { date: '2026-11-02', warehouseId: w1, supplierId: supplier, lines: [{ productId: p, quantity: '7', unitCost: '1' }] } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: draft.id });

    // when the service desk reads it
    const service = await app.as(Role.SERVICE);
    const { products } = await service.CatalogueStock({ filter: { ids: [p] } });

    // then available 7 at W1, on hand and reserved null (they need stock:read)
    expect(products.items[0].availability).toEqual([{ warehouseId: w1, warehouse: { code: 'W1' }, onHand: null, reserved: null, available: '7', onOrder: null }]);
  });
});
