import { Product } from '../../api/src/modules/catalog/product.entity';
import { ProductGroup } from '../../api/src/modules/catalog/product-group.entity';
import { Unit } from '../../api/src/modules/catalog/unit.entity';
import { defaultModules } from '../../api/src/modules';
import { onStatement } from '../../api/src/db/orm.config';
import { defineModule } from '../../api/src/server/module';
import type { TradebookClient } from '../../schema/client';
import { DEMO_PASSWORD, demoEmail, errorOf, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startStockWorld } from '../support/stock-world';

/**
 * Issue 11, point 1: a dealer's web shop shows our catalogue with its own prices and what
 * is in stock, in one request — `products { items { price availability } }` — whose
 * statements do not grow with the page.
 *
 * The world: W1 «Основной» and W2 «Филиал» ship to partners, W3 «Витрина» does not.
 * Price types RETAIL (the default) and DEALER (the demo partner's client's own), both set
 * by hand. The demo partner acts for «Дилер Восток».
 */
describe('the catalogue graph for partner portals', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let partner: TradebookClient;
  let pcs: string;
  let supplier: string;
  let w1: string;
  let w2: string;
  let w3: string;
  let retail: string;
  let dealer: string;

  const year = new Date().getFullYear();
  // documents dated after today: what the shop cannot sell yet, or must keep for later
  const NEXT_JANUARY = `${year + 1}-01-15`;
  const NEXT_FEBRUARY = `${year + 1}-02-01`;

  const receive = async (warehouseId: string, lines: { productId: string; quantity: string; unitCost: string }[], date: string) => {
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: draft.id });
  };
  const transfer = async (from: string, to: string, lines: { productId: string; quantity: string }[], date: string) => {
    const draft = (await admin.CreateStockTransfer({ input: { date, fromWarehouseId: from, toWarehouseId: to, lines } })).createStockTransfer;
    await admin.PostStockTransfer({ id: draft.id });
  };
  const writeOff = async (warehouseId: string, productId: string, quantity: string, date: string) => {
    const draft = (await admin.CreateWriteOff({ input: { date, warehouseId, reason: 'DAMAGE', lines: [{ productId, quantity }] } })).createWriteOff;
    await admin.PostWriteOff({ id: draft.id });
  };
  const priceList = async (priceTypeId: string, date: string, lines: { productId: string; price: string }[]) => {
    const draft = (await admin.CreatePriceList({ input: { priceTypeId, date, lines } })).createPriceList;
    await admin.PostPriceList({ id: draft.id });
  };
  const shipsToPartners = async (id: string) => {
    const { warehouse } = await admin.Warehouse({ id });
    await admin.UpdateWarehouse({ id, input: { version: warehouse!.version, partnerShipping: true } });
  };
  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: sku, unitId: pcs, kind: 'GOODS' } })).createProduct.id;
  const sql = (text: string, params: unknown[] = []) => app.orm.em.getConnection().execute(text, params);
  /** Raw GraphQL as a role, to see the data a partial answer keeps beside its errors. */
  const asRaw = async (email: string, query: string) => {
    const { token } = await app.login(email);
    return (await rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${token}` })).json!;
  };

  beforeAll(async () => {
    ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld());
    partner = await app.as(Role.PARTNER);
    w3 = (await admin.CreateWarehouse({ input: { code: 'W3', name: 'Витрина' } })).createWarehouse.id;
    await shipsToPartners(w1);
    await shipsToPartners(w2);
    retail = (await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розничная', vatIncluded: true, isDefault: true } })).createPriceType.id;
    dealer = (await admin.CreatePriceType({ input: { code: 'DEALER', name: 'Дилерская', vatIncluded: true } })).createPriceType.id;
    const clientId = (await partner.Me()).me.counterparty!.id;
    const { counterparty } = await admin.Counterparty({ id: clientId });
    await admin.UpdateCounterparty({ id: clientId, input: { version: counterparty!.version, priceTypeId: dealer } });
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  describe('a page of 200 products', () => {
    const ids: string[] = [];

    beforeAll(async () => {
      // given 200 products CAT-000…CAT-199 in one group (written straight to the database),
      // DEALER prices 100 + i and RETAIL prices 200 + i from 2026-11-01, and of each 10
      // received at W1 on 2026-11-02, 4 of them moved to W2 on 2026-11-03, and 5 at W3
      const em = app.orm.em.fork();
      const group = em.create(ProductGroup, { name: 'Каталог' });
      const unit = em.getReference(Unit, pcs);
      for (let i = 0; i < 200; i++) ids.push(em.create(Product, { sku: `CAT-${String(i).padStart(3, '0')}`, name: `Товар ${i}`, unit, group }).id);
      await em.flush();
      await priceList(dealer, '2026-11-01', ids.map((productId, i) => ({ productId, price: String(100 + i) })));
      await priceList(retail, '2026-11-01', ids.map((productId, i) => ({ productId, price: String(200 + i) })));
      await receive(w1, ids.map((productId) => ({ productId, quantity: '10', unitCost: '50' })), '2026-11-02');
      await transfer(w1, w2, ids.map((productId) => ({ productId, quantity: '4' })), '2026-11-03');
      await receive(w3, ids.map((productId) => ({ productId, quantity: '5', unitCost: '50' })), '2026-11-02');
      // warm up: the sessions are known, the schema is built
      await partner.PartnerCatalogue({ perPage: 1 });
      await (await app.as(Role.SALES_MANAGER)).CatalogueStock({ perPage: 1 });
    });

    it('costs a partner the same 5 statements at 10, 50 and 200 products, with its prices and availability on every row', async () => {
      // when the partner reads the catalogue a page of 10, 50 and 200 at a time
      const pages: Awaited<ReturnType<TradebookClient['PartnerCatalogue']>>[] = [];
      const counts: number[] = [];
      for (const perPage of [10, 50, 200]) {
        counts.push(await app.countStatements(async () => void pages.push(await partner.PartnerCatalogue({ filter: { q: 'CAT-' }, perPage }))));
      }

      // then every row has its unit, group, DEALER price and what W1 (10 − 4 = 6) and W2 (4)
      // have available; W3 does not ship to partners and never shows
      const [, , all] = pages;
      expect(all.products.total).toBe(200);
      expect(all.products.items).toHaveLength(200);
      all.products.items.forEach((item, i) => {
        expect(item).toEqual({
          id: ids[i],
          sku: `CAT-${String(i).padStart(3, '0')}`,
          name: `Товар ${i}`,
          unit: { code: 'pcs' },
          group: { name: 'Каталог' },
          price: { price: String(100 + i), validFrom: '2026-11-01' },
          availability: [
            { warehouseId: w1, available: '6' },
            { warehouseId: w2, available: '4' },
          ],
        });
      });
      expect(pages.map((page) => page.products.items.length)).toEqual([10, 50, 200]);

      // and the statements are the same few at every size: the page with its total (units
      // and groups joined in), the partner's client, its price type, the prices of that
      // type today, and the availability of all products in all warehouses
      expect(counts).toEqual([5, 5, 5]);
    });

    it('costs staff the same 5 statements with on hand, reserved and the warehouses, whatever the page size', async () => {
      // given a sales manager (price:read, stock:read, availability:read)
      const manager = await app.as(Role.SALES_MANAGER);

      // when the manager reads 10, 50 and 200 products with where each price comes from and the stock per warehouse
      const pages: Awaited<ReturnType<TradebookClient['CatalogueStock']>>[] = [];
      const counts: number[] = [];
      for (const perPage of [10, 50, 200]) {
        counts.push(await app.countStatements(async () => void pages.push(await manager.CatalogueStock({ filter: { q: 'CAT-' }, perPage }))));
      }

      // then the price is the default type's (RETAIL 200 + i), and every warehouse with stock shows: W1 6, W2 4, W3 5
      const first = pages[2].products.items[0];
      expect(first).toEqual({
        id: ids[0],
        sku: 'CAT-000',
        price: { priceTypeId: retail, price: '200', validFrom: '2026-11-01', priceListNumber: expect.stringMatching(/^PL-/) },
        availability: [
          { warehouseId: w1, warehouse: { code: 'W1' }, onHand: '6', reserved: '0', available: '6', onOrder: null },
          { warehouseId: w2, warehouse: { code: 'W2' }, onHand: '4', reserved: '0', available: '4', onOrder: null },
          { warehouseId: w3, warehouse: { code: 'W3' }, onHand: '5', reserved: '0', available: '5', onOrder: null },
        ],
      });
      expect(pages[2].products.items.map((item) => item.price?.price)).toEqual(ids.map((_, i) => String(200 + i)));

      // and: the page, the default price type, the prices, the availability, the warehouses
      expect(counts).toEqual([5, 5, 5]);
    });

    it('reads the page with its total in one statement: no separate count(*)', async () => {
      // when a page of products is read, with and without rows past it
      const statements: string[] = [];
      const stop = onStatement((text) => statements.push(text));
      let second: Awaited<ReturnType<TradebookClient['Products']>> | undefined;
      try {
        second = await admin.Products({ filter: { q: 'CAT-' }, page: 2, perPage: 150 });
      } finally {
        stop();
      }

      // then the 50 rows of page 2 and the total 200 come from one statement
      expect(second!.products.items).toHaveLength(50);
      expect(second!.products.total).toBe(200);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/count\(\*\) over \(\)/);

      // and sorting by a linked record's column (the unit, joined in anyway) keeps it one statement
      let sorted: Awaited<ReturnType<TradebookClient['Products']>> | undefined;
      const count = await app.countStatements(async () => {
        sorted = await admin.Products({ filter: { q: 'CAT-' }, sort: [{ field: 'unit.code' }, { field: 'group.name' }, { field: 'sku', order: 'DESC' }], perPage: 3 });
      });
      expect(sorted!.products.items.map((item) => [item.sku, item.unit.code, item.group?.name])).toEqual([
        ['CAT-199', 'pcs', 'Каталог'],
        ['CAT-198', 'pcs', 'Каталог'],
        ['CAT-197', 'pcs', 'Каталог'],
      ]);
      expect(sorted!.products.total).toBe(200);
      // (the group has no parent to look up)
      expect(count).toBe(1);

      // and a page past the end still tells the total, with a count of its own
      expect((await admin.Products({ filter: { q: 'CAT-' }, page: 3, perPage: 150 })).products).toEqual({ items: [], total: 200 });
    });
  });

  describe('availability by hand', () => {
    let p: string;

    beforeAll(async () => {
      // given 10 received at W1 on 2026-11-02, 3 of them reserved (written straight into the
      // balance, as the reservations register will: nothing reserves through the API yet),
      // and 4 moved to W2 on 2026-11-03
      p = await product('HW-1');
      await receive(w1, [{ productId: p, quantity: '10', unitCost: '100' }], '2026-11-02');
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
        { warehouseId: w1, warehouse: { code: 'W1' }, onHand: '6', reserved: '3', available: '3', onOrder: null },
        { warehouseId: w2, warehouse: { code: 'W2' }, onHand: '4', reserved: '0', available: '2', onOrder: null },
      ]);

      // and a warehouse named without stock there is a row of zeros
      const named = await manager.CatalogueStock({ filter: { ids: [p] }, warehouseIds: [w3, w1] });
      expect(named.products.items[0].availability).toEqual([
        { warehouseId: w1, warehouse: { code: 'W1' }, onHand: '6', reserved: '3', available: '3', onOrder: null },
        { warehouseId: w3, warehouse: { code: 'W3' }, onHand: '0', reserved: '0', available: '0', onOrder: null },
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
      await priceList(retail, '2026-11-01', [{ productId: p, price: '1200' }]);
      await priceList(dealer, '2026-11-01', [{ productId: p, price: '1000' }]);
      await priceList(dealer, '2026-11-20', [{ productId: p, price: '950' }]);
    });

    const priceOf = async (client: TradebookClient, args: { priceTypeId?: string; date?: string } = {}) =>
      (await client.CatalogueStock({ filter: { ids: [p] }, ...args })).products.items[0].price;

    it("gives a partner its own price type's price today, on any date asked, and the same for its own type named", async () => {
      // when the partner asks without a type: its client's DEALER, today (after 2026-11-20): 950
      expect(await priceOf(partner)).toMatchObject({ priceTypeId: dealer, price: '950', validFrom: '2026-11-20' });
      // on 2026-11-10: the list of 2026-11-01, 1000; before any list: none
      expect(await priceOf(partner, { date: '2026-11-10' })).toMatchObject({ price: '1000', validFrom: '2026-11-01' });
      expect(await priceOf(partner, { date: '2026-10-31' })).toBeNull();
      // and naming its own type is the same
      expect(await priceOf(partner, { priceTypeId: dealer })).toMatchObject({ priceTypeId: dealer, price: '950' });
    });

    it('gives a partner naming another price type null with FORBIDDEN at the path, as the price query does, and keeps the rest', async () => {
      // when the partner names RETAIL
      const answer = await asRaw(demoEmail(Role.PARTNER), `{ products(filter: { ids: ["${p}"] }) { items { sku price(priceTypeId: "${retail}") { price } } } }`);

      // then the product is there, its price null with FORBIDDEN at the path
      expect(answer.data).toEqual({ products: { items: [{ sku: 'PR-1', price: null }] } });
      expect(answer.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([['FORBIDDEN', ['products', 'items', 0, 'price']]]);
      // as `price(productId, priceTypeId, date)` answers the same question
      expect((await errorOf(partner.Price({ productId: p, priceTypeId: retail, date: '2026-11-10' }))).code).toBe('FORBIDDEN');
    });

    it('gives staff the default price type unless they name one', async () => {
      const manager = await app.as(Role.SALES_MANAGER);
      expect(await priceOf(manager)).toMatchObject({ priceTypeId: retail, price: '1200', validFrom: '2026-11-01' });
      expect(await priceOf(manager, { priceTypeId: dealer, date: '2026-11-10' })).toMatchObject({ priceTypeId: dealer, price: '1000' });
      // a type that does not exist has no price
      expect(await priceOf(manager, { priceTypeId: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    });

    it("gives a partner whose client has no price type of its own the default type's price, the choice a quote makes", async () => {
      // given the partner's client without a price type
      const clientId = (await partner.Me()).me.counterparty!.id;
      const before = (await admin.Counterparty({ id: clientId })).counterparty!;
      await admin.UpdateCounterparty({ id: clientId, input: { version: before.version, priceTypeId: null } });

      try {
        // then its price is RETAIL's, and DEALER is now another type: FORBIDDEN
        expect(await priceOf(partner)).toMatchObject({ priceTypeId: retail, price: '1200' });
        expect((await errorOf(partner.Price({ productId: p, priceTypeId: dealer, date: '2026-11-10' }))).code).toBe('FORBIDDEN');
      } finally {
        await admin.UpdateCounterparty({ id: clientId, input: { version: before.version + 1, priceTypeId: dealer } });
      }
    });
  });

  describe('stock balances of a page of products', () => {
    let a: string;
    let b: string;

    beforeAll(async () => {
      // given SB-A: 3 @ 10 at W1; SB-B: 5 @ 20 at W1 and 2 @ 20 at W3; SB-C: 1 @ 30 at W1
      [a, b] = [await product('SB-A'), await product('SB-B')];
      const c = await product('SB-C');
      await receive(w1, [{ productId: a, quantity: '3', unitCost: '10' }, { productId: b, quantity: '5', unitCost: '20' }, { productId: c, quantity: '1', unitCost: '30' }], '2026-11-05');
      await receive(w3, [{ productId: b, quantity: '2', unitCost: '20' }], '2026-11-05');
    });

    it('filters by several products and names the product and warehouse of each row', async () => {
      // when the balances of SB-A and SB-B are read
      const { stockBalances } = await admin.StockBalances({ filter: { productIds: [a, b] } });

      // then three rows, by warehouse code and SKU, each with its ids
      expect(stockBalances.total).toBe(3);
      expect(stockBalances.items.map((r) => ({ warehouseId: r.warehouseId, productId: r.productId, onHand: r.onHand, cost: r.cost }))).toEqual([
        { warehouseId: w1, productId: a, onHand: '3', cost: '30' },
        { warehouseId: w1, productId: b, onHand: '5', cost: '100' },
        { warehouseId: w3, productId: b, onHand: '2', cost: '40' },
      ]);
      // and with productId too, the products in both; an empty list, nothing
      expect((await admin.StockBalances({ filter: { productIds: [a, b], productId: b, warehouseId: w1 } })).stockBalances.items.map((r) => r.productId)).toEqual([b]);
      expect((await admin.StockBalances({ filter: { productIds: [] } })).stockBalances).toEqual({ items: [], total: 0 });
    });

    it('reads the lots for the average unit cost only when it is asked for', async () => {
      const statementsOf = async (query: string) => {
        const statements: string[] = [];
        const stop = onStatement((text) => statements.push(text));
        try {
          const { json } = await rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${(await app.login(demoEmail(Role.ACCOUNTANT))).token}` });
          expect(json?.errors).toBeUndefined();
        } finally {
          stop();
        }
        return statements.filter((text) => text.includes('stock_balance'));
      };
      const filter = `filter: { productIds: ["${a}", "${b}"] }`;

      // when on hand and cost are asked for, then the one statement never reads the lots
      const plain = await statementsOf(`{ stockBalances(${filter}) { items { productId onHand cost } total } }`);
      expect(plain).toHaveLength(1);
      expect(plain[0]).not.toMatch(/stock_lot/);

      // when the average unit cost is asked for (here through a fragment), then it does
      const average = await statementsOf(`{ stockBalances(${filter}) { items { ...Avg } } } fragment Avg on StockBalanceView { averageUnitCost }`);
      expect(average).toHaveLength(1);
      expect(average[0]).toMatch(/stock_lot/);
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
