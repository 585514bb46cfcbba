import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startStockWorld } from '../support/stock-world';

type CreatePriceTypeInput = Parameters<TradebookClient['CreatePriceType']>[0]['input'];

/**
 * Derived price types follow their rules: the percentage applies to the net price and the
 * result is stated on the derived type's VAT basis (the product's VAT rate), rounded once;
 * creating or changing a derived or cost type recomputes it from a date, keeping history.
 */
describe('price derivation', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;
  let supplier: string;
  let w1: string;
  let w2: string;

  beforeAll(async () => ({ app, admin, pcs, supplier, w1, w2 } = await startStockWorld()));
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const priceType = async (input: CreatePriceTypeInput) => (await admin.CreatePriceType({ input })).createPriceType;
  const derivedType = (code: string, basePriceTypeId: string, adjustmentPercent: string, vatIncluded: boolean, rounding: 'KOPECK' | 'ROUBLE' | 'TEN_ROUBLES' = 'KOPECK', recomputeFrom?: string) =>
    priceType({ code, name: code, derivation: 'FROM_PRICE_TYPE', basePriceTypeId, adjustmentPercent, vatIncluded, rounding, recomputeFrom });
  const product = async (sku: string, vatRate: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, vatRate } })).createProduct.id;
  const post = async (priceTypeId: string, date: string, lines: { productId: string; price: string }[]) =>
    (await admin.PostPriceList({ id: (await admin.CreatePriceList({ input: { priceTypeId, date, lines } })).createPriceList.id })).postPriceList;
  const priceOf = async (productId: string, priceTypeId: string, date: string) => (await admin.Price({ productId, priceTypeId, date })).price?.price ?? null;
  const listsOf = async (priceTypeId: string) => (await admin.PriceLists({ filter: { priceTypeId }, sort: [{ field: 'number', order: 'ASC' }], perPage: 100 })).priceLists;
  const receive = async (warehouseId: string, date: string, lines: { productId: string; quantity: string; unitCost: string }[]) =>
    (await admin.PostGoodsReceipt({ id: (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines } })).createGoodsReceipt.id })).postGoodsReceipt;

  describe('across VAT bases', () => {
    it('takes a VAT-included base to its net price before the percentage, for a VAT-on-top type and each rounding', async () => {
      // given a base type with VAT included and X (VAT 22 %) at 1220.00 gross, Y (VAT 10 %) at 1234.56 gross
      const gross = await priceType({ code: 'B-GROSS', name: 'Base, VAT included', vatIncluded: true });
      const x = await product('VAT-X', '22');
      const y = await product('VAT-Y', '10');
      // and types derived from it at −12 %: VAT on top to the kopeck, rouble and ten roubles, and VAT included to the kopeck
      const netK = await derivedType('NET-K', gross.id, '-12', false, 'KOPECK');
      const netR = await derivedType('NET-R', gross.id, '-12', false, 'ROUBLE');
      const netT = await derivedType('NET-T', gross.id, '-12', false, 'TEN_ROUBLES');
      const grossK = await derivedType('GROSS-K', gross.id, '-12', true, 'KOPECK');

      // when the base list is posted on 2026-02-01
      await post(gross.id, '2026-02-01', [
        { productId: x, price: '1220.00' },
        { productId: y, price: '1234.56' },
      ]);

      // then X: 1220 / 1.22 = 1000 net, × 0.88 = 880 net on every step (not 1220 × 0.88 = 1073.60, which is 7.4 % above the base's net)
      expect(await priceOf(x, netK.id, '2026-02-01')).toBe('880.00');
      expect(await priceOf(x, netR.id, '2026-02-01')).toBe('880.00');
      expect(await priceOf(x, netT.id, '2026-02-01')).toBe('880.00');
      // and Y: 1234.56 / 1.1 × 0.88 = 987.648 → 987.65; 988; 990
      expect(await priceOf(y, netK.id, '2026-02-01')).toBe('987.65');
      expect(await priceOf(y, netR.id, '2026-02-01')).toBe('988.00');
      expect(await priceOf(y, netT.id, '2026-02-01')).toBe('990.00');
      // and on the same basis VAT cancels out: 1220 × 0.88 = 1073.60; 1234.56 × 0.88 = 1086.4128 → 1086.41
      expect(await priceOf(x, grossK.id, '2026-02-01')).toBe('1073.60');
      expect(await priceOf(y, grossK.id, '2026-02-01')).toBe('1086.41');
    });

    it('adds the VAT to a VAT-on-top base for a VAT-included type, and each rounding', async () => {
      // given a base type with VAT on top and X (22 %) at 1000.00 net, Y (10 %) at 1234.56 net
      const net = await priceType({ code: 'B-NET', name: 'Base, VAT on top', vatIncluded: false });
      const x = await product('NET-X', '22');
      const y = await product('NET-Y', '10');
      // and types derived from it at −12 %: VAT included to the kopeck, rouble and ten roubles, and VAT on top to the rouble
      const grossK = await derivedType('NG-K', net.id, '-12', true, 'KOPECK');
      const grossR = await derivedType('NG-R', net.id, '-12', true, 'ROUBLE');
      const grossT = await derivedType('NG-T', net.id, '-12', true, 'TEN_ROUBLES');
      const netR = await derivedType('NN-R', net.id, '-12', false, 'ROUBLE');

      // when the base list is posted on 2026-02-01
      await post(net.id, '2026-02-01', [
        { productId: x, price: '1000.00' },
        { productId: y, price: '1234.56' },
      ]);

      // then X: 1000 × 0.88 = 880 net, × 1.22 = 1073.60 gross → 1073.60; 1074; 1070
      expect(await priceOf(x, grossK.id, '2026-02-01')).toBe('1073.60');
      expect(await priceOf(x, grossR.id, '2026-02-01')).toBe('1074.00');
      expect(await priceOf(x, grossT.id, '2026-02-01')).toBe('1070.00');
      // and Y: 1234.56 × 0.88 × 1.1 = 1195.05408 → 1195.05; 1195; 1200 (119.505 tens round up)
      expect(await priceOf(y, grossK.id, '2026-02-01')).toBe('1195.05');
      expect(await priceOf(y, grossR.id, '2026-02-01')).toBe('1195.00');
      expect(await priceOf(y, grossT.id, '2026-02-01')).toBe('1200.00');
      // and net to net: 880; 1086.4128 → 1086
      expect(await priceOf(x, netR.id, '2026-02-01')).toBe('880.00');
      expect(await priceOf(y, netR.id, '2026-02-01')).toBe('1086.00');
    });
  });

  describe('recomputing from a date', () => {
    let base: { id: string };
    let x: string;

    beforeAll(async () => {
      // a VAT-included base with X (22 %) at 1220.00 from 2026-03-01
      base = await priceType({ code: 'RC-BASE', name: 'Base', vatIncluded: true });
      x = await product('RC-X', '22');
      await post(base.id, '2026-03-01', [{ productId: x, price: '1220.00' }]);
    });

    it('prices a derived type created after its base list from its recompute date', async () => {
      // when D3 (−12 %, VAT on top) is created with recomputeFrom 2026-04-01
      const d3 = await derivedType('RC-D3', base.id, '-12', false, 'KOPECK', '2026-04-01');

      // then X has a D3 price from 2026-04-01: 1220 / 1.22 × 0.88 = 880, and none before
      expect(await priceOf(x, d3.id, '2026-04-01')).toBe('880.00');
      expect(await priceOf(x, d3.id, '2026-03-31')).toBeNull();
      // and it comes from one DERIVED list dated 2026-04-01 standing alone
      const lists = await listsOf(d3.id);
      expect(lists.items.map((l) => [l.date, l.source, l.status, l.basePriceList])).toEqual([['2026-04-01', 'DERIVED', 'POSTED', null]]);
      expect(lists.items[0].comment).toBe('RC-D3 recomputed from the RC-BASE prices in effect on 2026-04-01 (−12 % of the net price, VAT on top, rounded to 0.01)');
    });

    it('recomputes from today when no date is given', async () => {
      // when D4 (−12 %, VAT on top) is created without recomputeFrom
      const d4 = await derivedType('RC-D4', base.id, '-12', false);
      // then its one list is dated today (the server's calendar)
      const now = new Date();
      const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      expect((await listsOf(d4.id)).items.map((l) => l.date)).toEqual([today]);
      expect(await priceOf(x, d4.id, today)).toBe('880.00');
    });

    it('changing −12 % to −15 % from a date recomputes from that date; before it the old price stays, and D2 follows', async () => {
      // given D (−12 %, VAT on top) and D2 derived from D (−5 %, VAT included), both from 2026-03-01
      const d = await derivedType('RC-D', base.id, '-12', false, 'KOPECK', '2026-03-01');
      const d2 = await derivedType('RC-D2', d.id, '-5', true, 'KOPECK', '2026-03-01');
      // D: 1220 / 1.22 × 0.88 = 880; D2: 880 × 0.95 × 1.22 = 1019.92
      expect(await priceOf(x, d.id, '2026-03-01')).toBe('880.00');
      expect(await priceOf(x, d2.id, '2026-03-01')).toBe('1019.92');
      // and a base list already posted for 2026-08-01: X 1342.00 → D 1342 / 1.22 × 0.88 = 968; D2 968 × 0.95 × 1.22 = 1121.912 → 1121.91
      await post(base.id, '2026-08-01', [{ productId: x, price: '1342.00' }]);
      expect(await priceOf(x, d.id, '2026-08-01')).toBe('968.00');
      expect(await priceOf(x, d2.id, '2026-08-01')).toBe('1121.91');

      // when D becomes −15 % from 2026-06-01
      const { updatePriceType } = await admin.UpdatePriceType({ id: d.id, input: { version: d.version, adjustmentPercent: '-15', recomputeFrom: '2026-06-01' } });
      expect(updatePriceType).toMatchObject({ adjustmentPercent: '-15', version: d.version + 1 });

      // then before 2026-06-01 the old prices stay: 880 and 1019.92
      expect(await priceOf(x, d.id, '2026-05-31')).toBe('880.00');
      expect(await priceOf(x, d2.id, '2026-05-31')).toBe('1019.92');
      // and from 2026-06-01: 1000 × 0.85 = 850; D2 850 × 0.95 × 1.22 = 985.15
      expect(await priceOf(x, d.id, '2026-06-01')).toBe('850.00');
      expect(await priceOf(x, d2.id, '2026-06-01')).toBe('985.15');
      // and the base list of 2026-08-01 derives with the new rule: 1100 × 0.85 = 935; D2 935 × 0.95 × 1.22 = 1083.665 → 1083.67
      expect(await priceOf(x, d.id, '2026-08-01')).toBe('935.00');
      expect(await priceOf(x, d2.id, '2026-08-01')).toBe('1083.67');
      // and D's history keeps March, adds June and has August at the new rule (968 is gone)
      const history = (await admin.PriceHistory({ productId: x, priceTypeId: d.id })).priceHistory;
      expect(history.map((h) => [h.validFrom, h.price])).toEqual([
        ['2026-08-01', '935.00'],
        ['2026-06-01', '850.00'],
        ['2026-03-01', '880.00'],
      ]);

      // and a base list posted after the change derives with it: 1464 / 1.22 × 0.85 = 1020; D2 1020 × 0.95 × 1.22 = 1182.18
      await post(base.id, '2026-09-01', [{ productId: x, price: '1464.00' }]);
      expect(await priceOf(x, d.id, '2026-09-01')).toBe('1020.00');
      expect(await priceOf(x, d2.id, '2026-09-01')).toBe('1182.18');
    });

    it('changing a VAT basis or a rounding recomputes; a name alone does not', async () => {
      // given D5 (−12 %, VAT on top, kopeck) from 2026-03-01: 880 (and the base's lists of August and September derived for it)
      const d5 = await derivedType('RC-D5', base.id, '-12', false, 'KOPECK', '2026-03-01');
      expect((await listsOf(d5.id)).items.map((l) => l.date)).toEqual(['2026-03-01', '2026-08-01', '2026-09-01']);
      expect(await priceOf(x, d5.id, '2026-03-01')).toBe('880.00');

      // when only its name changes
      const renamed = (await admin.UpdatePriceType({ id: d5.id, input: { version: d5.version, name: 'Renamed', recomputeFrom: '2026-04-01' } })).updatePriceType;
      // then nothing is recomputed
      expect((await listsOf(d5.id)).total).toBe(3);

      // when it becomes VAT included, to ten roubles, from 2026-05-01: 1220 × 0.88 = 1073.60 → 1070
      await admin.UpdatePriceType({ id: d5.id, input: { version: renamed.version, vatIncluded: true, rounding: 'TEN_ROUBLES', recomputeFrom: '2026-05-01' } });
      expect(await priceOf(x, d5.id, '2026-05-01')).toBe('1070.00');
      expect(await priceOf(x, d5.id, '2026-04-30')).toBe('880.00');
    });

    it('recomputePriceType posts the type and the types derived from it from validFrom', async () => {
      // given a base of its own with X at 1220.00 from 2026-03-01 (VAT included)
      const own = await priceType({ code: 'RC-BASE2', name: 'Base 2', vatIncluded: true });
      await post(own.id, '2026-03-01', [{ productId: x, price: '1220.00' }]);
      // and E (−10 %, VAT on top, rouble) and E2 from it (+0 %, VAT included, kopeck), both from 2026-03-01
      const e = await derivedType('RC-E', own.id, '-10', false, 'ROUBLE', '2026-03-01');
      const e2 = await derivedType('RC-E2', e.id, '0', true, 'KOPECK', '2026-03-01');
      // E 1000 × 0.9 = 900; E2 900 × 1.22 = 1098
      expect(await priceOf(x, e2.id, '2026-03-01')).toBe('1098.00');

      // when E is recomputed from 2026-04-15
      const { recomputePriceType: done } = await admin.RecomputePriceType({ id: e.id, validFrom: '2026-04-15' });

      // then one list of E and one of E2 are posted, dated 2026-04-15, E2's following E's
      expect(done).toMatchObject({ validFrom: '2026-04-15', withdrawnPriceLists: 0, priceType: { code: 'RC-E' } });
      expect(done.priceLists.map((l) => [l.priceType.code, l.date, l.source, l.lines.map((line) => line.price)])).toEqual([
        ['RC-E', '2026-04-15', 'DERIVED', ['900.00']],
        ['RC-E2', '2026-04-15', 'DERIVED', ['1098.00']],
      ]);
      expect(done.priceLists[1].basePriceList?.id).toBe(done.priceLists[0].id);

      // when it is recomputed from 2026-04-01: the list of 2026-04-15 follows a superseded computation and is withdrawn
      const again = (await admin.RecomputePriceType({ id: e.id, validFrom: '2026-04-01' })).recomputePriceType;
      expect(again.withdrawnPriceLists).toBe(1);
      expect((await listsOf(e.id)).items.map((l) => l.date)).toEqual(['2026-03-01', '2026-04-01']);
      // and E2 kept only the lists following E's that stand: March (created) and 2026-04-01
      expect((await listsOf(e2.id)).items.map((l) => l.date)).toEqual(['2026-03-01', '2026-04-01']);
    });
  });

  describe('cost-based types', () => {
    it('recomputePriceType prices a FROM_COST type from the current average cost, VAT on its basis', async () => {
      // given P (VAT 22 %) received 10 @ 100 and 10 @ 130: average 115
      const p = await product('COSTRC-P', '22');
      await receive(w1, '2026-02-01', [{ productId: p, quantity: '10', unitCost: '100' }]);
      await receive(w2, '2026-02-02', [{ productId: p, quantity: '10', unitCost: '130' }]);
      // and a cost type +20 % with VAT included, created from 2026-02-10: 115 × 1.2 = 138 net, × 1.22 = 168.36 gross
      const c = await priceType({ code: 'COSTRC', name: 'Cost + 20 %', derivation: 'FROM_COST', adjustmentPercent: '20', vatIncluded: true, recomputeFrom: '2026-02-10' });
      expect(await priceOf(p, c.id, '2026-02-10')).toBe('168.36');
      expect(await priceOf(p, c.id, '2026-02-09')).toBeNull();

      // when its markup becomes +25 % and it is recomputed explicitly from 2026-03-01 too
      await admin.UpdatePriceType({ id: c.id, input: { version: c.version, adjustmentPercent: '25', recomputeFrom: '2026-02-20' } });
      const { recomputePriceType: done } = await admin.RecomputePriceType({ id: c.id, validFrom: '2026-03-01' });

      // then 115 × 1.25 = 143.75 net, × 1.22 = 175.375 → 175.38 from 2026-02-20, and the list of 2026-03-01 holds the same
      expect(await priceOf(p, c.id, '2026-02-20')).toBe('175.38');
      expect(done.priceLists.map((l) => [l.date, l.lines.map((line) => [line.product.sku, line.price])])).toEqual([['2026-03-01', [['COSTRC-P', '175.38']]]]);
      // and the price before stays 168.36
      expect(await priceOf(p, c.id, '2026-02-19')).toBe('168.36');
    });

    it('follows a write-off that changes the average cost (FIFO), its unposting, a stock count, and not a transfer', async () => {
      // given Q with lots 10 @ 100 and 10 @ 130 in W1, and a cost type +20 %, VAT on top (a later type: no price yet)
      const q = await product('FIFO-Q', '22');
      const c = await priceType({ code: 'FIFO20', name: 'Cost + 20 %', derivation: 'FROM_COST', adjustmentPercent: '20', vatIncluded: false, recomputeFrom: '2026-05-01' });
      await receive(w1, '2026-05-02', [{ productId: q, quantity: '10', unitCost: '100' }]);
      await receive(w1, '2026-05-03', [{ productId: q, quantity: '10', unitCost: '130' }]);
      // average (1000 + 1300) / 20 = 115 → 138
      expect(await priceOf(q, c.id, '2026-05-03')).toBe('138.00');

      // when 10 are written off on 2026-05-10: FIFO takes the lot @ 100, what is left is 10 @ 130
      const writeOff = (await admin.CreateWriteOff({ input: { date: '2026-05-10', warehouseId: w1, reason: 'DAMAGE', lines: [{ productId: q, quantity: '10' }] } })).createWriteOff;
      await admin.PostWriteOff({ id: writeOff.id });
      // then 130 × 1.2 = 156.00 from the write-off's date
      expect(await priceOf(q, c.id, '2026-05-10')).toBe('156.00');
      expect(await priceOf(q, c.id, '2026-05-09')).toBe('138.00');

      // when the write-off is unposted: the lot @ 100 is back, average 115 → 138 again
      await admin.UnpostWriteOff({ id: writeOff.id });
      expect(await priceOf(q, c.id, '2026-05-10')).toBe('138.00');

      // when 5 move to W2 on 2026-05-12: the average of all warehouses stays 115, no list is made
      const before = (await listsOf(c.id)).total;
      const transfer = (await admin.CreateStockTransfer({ input: { date: '2026-05-12', fromWarehouseId: w1, toWarehouseId: w2, lines: [{ productId: q, quantity: '5' }] } })).createStockTransfer;
      await admin.PostStockTransfer({ id: transfer.id });
      expect((await listsOf(c.id)).total).toBe(before);

      // when a count in W1 on 2026-05-15 finds 10 of the 15 there (5 @ 100 left after the transfer took 5 @ 100, and 10 @ 130):
      // the shortage of 5 takes the 5 @ 100, leaving 10 @ 130 in W1 and 5 @ 100 in W2: (1300 + 500) / 15 = 120 → 144
      const count = (await admin.CreateStockCount({ input: { date: '2026-05-15', warehouseId: w1, prefill: false, lines: [{ productId: q, countedQuantity: '10' }] } })).createStockCount;
      await admin.PostStockCount({ id: count.id });
      expect(await priceOf(q, c.id, '2026-05-15')).toBe('144.00');
      expect(await priceOf(q, c.id, '2026-05-14')).toBe('138.00');
    });
  });

  describe('refusals', () => {
    it('refuses to recompute a type set by hand, an unknown or inactive one, or one with nothing to price, writing nothing', async () => {
      // given a type set by hand, an inactive derived one and a derived one whose base has no prices
      const manual = await priceType({ code: 'REF-MANUAL', name: 'By hand' });
      const inactive = await priceType({ code: 'REF-OFF', name: 'Off', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: manual.id, adjustmentPercent: '-5', active: false });
      const empty = await derivedType('REF-EMPTY', manual.id, '-5', false);

      // then recomputing the manual one is INVALID_STATE NOT_DERIVED at id
      const notDerived = await errorOf(admin.RecomputePriceType({ id: manual.id, validFrom: '2026-03-01' }));
      expect(notDerived.code).toBe('INVALID_STATE');
      expect(notDerived.details).toMatchObject({ reason: 'NOT_DERIVED', field: 'id', code: 'REF-MANUAL', derivation: 'NONE' });
      // and an unknown id is NOT_FOUND, a malformed one a field error
      expect((await errorOf(admin.RecomputePriceType({ id: '00000000-0000-4000-8000-000000000000', validFrom: '2026-03-01' }))).code).toBe('NOT_FOUND');
      expect((await errorOf(admin.RecomputePriceType({ id: 'nope', validFrom: '2026-03-01' }))).code).toBe('BAD_USER_INPUT');
      // and an inactive type is INVALID_STATE PRICE_TYPE_INACTIVE
      expect((await errorOf(admin.RecomputePriceType({ id: inactive.id, validFrom: '2026-03-01' }))).details).toMatchObject({ reason: 'PRICE_TYPE_INACTIVE', field: 'id' });
      // and a base with no prices is INVALID_STATE NO_BASE_PRICES at validFrom
      expect((await errorOf(admin.RecomputePriceType({ id: empty.id, validFrom: '2026-03-01' }))).details).toMatchObject({ reason: 'NO_BASE_PRICES', field: 'validFrom' });
      // and none of them has a list
      for (const type of [manual, inactive, empty]) expect((await listsOf(type.id)).total).toBe(0);
    });

    it('lets whoever may update price types recompute, and nobody else', async () => {
      // given a derived type with a price
      const b = await priceType({ code: 'PERM-B', name: 'B' });
      const z = await product('PERM-Z', '22');
      await post(b.id, '2026-03-01', [{ productId: z, price: '100.00' }]);
      const d = await derivedType('PERM-D', b.id, '-10', true, 'KOPECK', '2026-03-01');
      // then a sales manager (price types read only) is FORBIDDEN
      const manager = await app.as(Role.SALES_MANAGER);
      expect((await errorOf(manager.RecomputePriceType({ id: d.id, validFrom: '2026-04-01' }))).code).toBe('FORBIDDEN');
      // and the head of sales (price types in full) recomputes: 100 × 0.9 = 90
      const head = await app.as(Role.SALES_HEAD);
      const { recomputePriceType } = await head.RecomputePriceType({ id: d.id, validFrom: '2026-04-01' });
      expect(recomputePriceType.priceLists.map((l) => l.lines.map((line) => line.price))).toEqual([['90.00']]);
    });

    it('a change whose recompute date is in a closed period is refused as a whole', async () => {
      // given a derived type and the period closed through 2026-03-31
      const b = await priceType({ code: 'CLOSED-B', name: 'B' });
      const z = await product('CLOSED-Z', '22');
      await post(b.id, '2026-03-01', [{ productId: z, price: '100.00' }]);
      const d = await derivedType('CLOSED-D', b.id, '-10', true, 'KOPECK', '2026-03-01');
      await admin.ClosePeriod({ through: '2026-03-31' });

      // when its percentage changes from 2026-03-15
      const refused = await errorOf(admin.UpdatePriceType({ id: d.id, input: { version: d.version, adjustmentPercent: '-20', recomputeFrom: '2026-03-15' } }));

      // then it is PERIOD_CLOSED and nothing changed: the type keeps −10 % and its version, its prices stay
      expect(refused.code).toBe('PERIOD_CLOSED');
      expect((await admin.PriceType({ id: d.id })).priceType).toMatchObject({ adjustmentPercent: '-10', version: d.version });
      expect(await priceOf(z, d.id, '2026-03-15')).toBe('90.00');
      expect((await listsOf(d.id)).total).toBe(1);
      await admin.ClosePeriod({ through: null });
    });
  });
});
