import { Product } from '../../api/src/modules/catalog/product.entity';
import { ProductGroup } from '../../api/src/modules/catalog/product-group.entity';
import { Unit } from '../../api/src/modules/catalog/unit.entity';
import { onStatement } from '../../api/src/db/orm.config';
import type { TradebookClient } from '@tradebook/client';
import { demoEmail, rawRequest, Role, type TestApp } from '../support/harness';
import { startCatalogueWorld, type CatalogueWorld } from '../support/catalogue-world';
import { assertLedgerInvariants } from '../support/ledger-invariants';

/**
 * Issue 11, point 1: a dealer's web shop shows our catalogue with its own prices and what
 * is in stock, in one request — `products { items { price availability } }` — whose
 * statements do not grow with the page (who sees what: catalogue-access.test.ts).
 *
 * The world (startCatalogueWorld): W1 and W2 ship to partners, W3 does not; RETAIL is the
 * default price type, DEALER the demo partner's client's own.
 */
describe('the catalogue graph for partner portals', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let partner: TradebookClient;
  let pcs: string;
  let w1: string;
  let w2: string;
  let w3: string;
  let retail: string;
  let dealer: string;
  let product: CatalogueWorld['product'];
  let receive: CatalogueWorld['receive'];
  let transfer: CatalogueWorld['transfer'];
  let priceList: CatalogueWorld['priceList'];

  beforeAll(async () => ({ app, admin, partner, pcs, w1, w2, w3, retail, dealer, product, receive, transfer, priceList } = await startCatalogueWorld()));
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

    it('costs a partner the same 4 statements at 10, 50 and 200 products, with its prices and availability on every row', async () => {
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
          price: { price: `${100 + i}.00`, validFrom: '2026-11-01' },
          availability: [
            { warehouseId: w1, available: '6' },
            { warehouseId: w2, available: '4' },
          ],
        });
      });
      expect(pages.map((page) => page.products.items.length)).toEqual([10, 50, 200]);

      // and the statements are the same few at every size: the page with its total (units
      // and groups joined in), the partner's client (whose key names its price type), the
      // prices of that type today, and the availability of all products in all warehouses
      expect(counts).toEqual([4, 4, 4]);
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
        price: { priceTypeId: retail, price: '200.00', validFrom: '2026-11-01', priceListNumber: expect.stringMatching(/^PL-/) },
        availability: [
          { warehouseId: w1, warehouse: { code: 'W1' }, onHand: '6', reserved: '0', available: '6', onOrder: '0' },
          { warehouseId: w2, warehouse: { code: 'W2' }, onHand: '4', reserved: '0', available: '4', onOrder: '0' },
          { warehouseId: w3, warehouse: { code: 'W3' }, onHand: '5', reserved: '0', available: '5', onOrder: '0' },
        ],
      });
      expect(pages[2].products.items.map((item) => item.price?.price)).toEqual(ids.map((_, i) => `${200 + i}.00`));

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
        { warehouseId: w1, productId: a, onHand: '3', cost: '30.00' },
        { warehouseId: w1, productId: b, onHand: '5', cost: '100.00' },
        { warehouseId: w3, productId: b, onHand: '2', cost: '40.00' },
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
});
