import { Counterparty } from '../../api/src/modules/crm/counterparty.entity';
import { User } from '../../api/src/modules/identity/user.entity';
import { Product } from '../../api/src/modules/catalog/product.entity';
import { ProductGroup } from '../../api/src/modules/catalog/product-group.entity';
import { Unit } from '../../api/src/modules/catalog/unit.entity';
import type { TradebookClient } from '@tradebook/client';
import { demoEmail, errorOf, Role, startTestApp, type TestApp } from '../support/harness';

type CreatePriceTypeInput = Parameters<TradebookClient['CreatePriceType']>[0]['input'];

describe('price lists and prices', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let pcs: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
  });
  afterAll(() => app.close());

  const priceType = async (input: CreatePriceTypeInput) => (await admin.CreatePriceType({ input })).createPriceType;
  const product = async (sku: string, groupId: string | null = null) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId: pcs, groupId } })).createProduct.id;
  const group = async (name: string, parentId?: string) => (await admin.CreateProductGroup({ input: { name, parentId } })).createProductGroup.id;
  const draft = async (priceTypeId: string, date: string, lines: { productId: string; price: string }[], groupId?: string) =>
    (await admin.CreatePriceList({ input: { priceTypeId, date, lines, groupId } })).createPriceList;
  const posted = async (priceTypeId: string, date: string, lines: { productId: string; price: string }[], groupId?: string) =>
    (await admin.PostPriceList({ id: (await draft(priceTypeId, date, lines, groupId)).id })).postPriceList;
  const priceOf = async (productId: string, priceTypeId: string, date: string) => (await admin.Price({ productId, priceTypeId, date })).price;

  it('makes prices effective from their dates; unposting brings back the one before', async () => {
    // given a price type and a product priced 100 from 2026-01-01 and 120 from 2026-03-01
    const type = await priceType({ code: 'DATED', name: 'Dated' });
    const p = await product('DATED-1');
    const january = await posted(type.id, '2026-01-01', [{ productId: p, price: '100' }]);
    const march = await posted(type.id, '2026-03-01', [{ productId: p, price: '120.00' }]);
    expect(january).toMatchObject({ status: 'POSTED', source: 'MANUAL', date: '2026-01-01', priceType: { code: 'DATED' } });
    expect(january.number).toMatch(/^PL-2026-\d{6}$/);
    expect(january.postedAt).not.toBeNull();

    // then the price on a date is that of the latest list on or before it
    expect(await priceOf(p, type.id, '2025-12-31')).toBeNull();
    expect(await priceOf(p, type.id, '2026-01-01')).toMatchObject({ price: '100.00', validFrom: '2026-01-01', priceListNumber: january.number, priceListId: january.id });
    expect(await priceOf(p, type.id, '2026-02-15')).toMatchObject({ price: '100.00', validFrom: '2026-01-01' });
    expect(await priceOf(p, type.id, '2026-03-01')).toMatchObject({ price: '120.00', validFrom: '2026-03-01', priceListNumber: march.number });
    expect((await admin.PriceWithList({ productId: p, priceTypeId: type.id, date: '2026-12-31' })).price?.priceList).toEqual({ id: march.id, number: march.number, source: 'MANUAL' });

    // and the history lists both, newest first
    const history = (await admin.PriceHistory({ productId: p, priceTypeId: type.id })).priceHistory;
    expect(history.map((h) => [h.validFrom, h.price, h.priceListNumber, h.lineNo])).toEqual([
      ['2026-03-01', '120.00', march.number, 1],
      ['2026-01-01', '100.00', january.number, 1],
    ]);

    // and the March list shows the register row it wrote
    const { priceList } = await admin.PriceList({ id: march.id });
    expect(priceList?.records).toMatchObject([{ validFrom: '2026-03-01', price: '120.00', priceListId: march.id, lineNo: 1, product: { sku: 'DATED-1' } }]);

    // when the March list is unposted
    const { unpostPriceList } = await admin.UnpostPriceList({ id: march.id });

    // then it is a draft again, its row is gone and 100 applies again
    expect(unpostPriceList).toMatchObject({ status: 'DRAFT', postedAt: null });
    expect((await admin.PriceList({ id: march.id })).priceList?.records).toEqual([]);
    expect(await priceOf(p, type.id, '2026-03-01')).toMatchObject({ price: '100.00', validFrom: '2026-01-01' });
    expect((await admin.PriceHistory({ productId: p, priceTypeId: type.id })).priceHistory.map((h) => h.price)).toEqual(['100.00']);

    // and when it is posted again, 120 is back (reposting = unpost + post)
    await admin.PostPriceList({ id: march.id });
    expect(await priceOf(p, type.id, '2026-03-01')).toMatchObject({ price: '120.00' });
  });

  it('takes the latest posted among lists of the same date', async () => {
    // given two lists of one date posted one after the other
    const type = await priceType({ code: 'SAMEDAY', name: 'Same day' });
    const p = await product('SAMEDAY-1');
    await posted(type.id, '2026-02-01', [{ productId: p, price: '50' }]);
    const later = await posted(type.id, '2026-02-01', [{ productId: p, price: '55' }]);
    // then the one posted last wins
    expect(await priceOf(p, type.id, '2026-02-01')).toMatchObject({ price: '55.00', priceListNumber: later.number });
  });

  describe('derived price types', () => {
    let retail: { id: string };
    let wholesale: { id: string };
    let dealer: { id: string };

    beforeAll(async () => {
      // RETAIL ← WHOLESALE (−12 %, to the rouble) ← DEALER (−5 %, to the kopeck);
      // an inactive type and a FROM_COST type on RETAIL's side are left alone
      retail = await priceType({ code: 'RETAIL', name: 'Розница', isDefault: true });
      wholesale = await priceType({ code: 'WHOLESALE', name: 'Опт', rounding: 'ROUBLE', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: retail.id, adjustmentPercent: '-12' });
      dealer = await priceType({ code: 'DEALER', name: 'Дилер', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: wholesale.id, adjustmentPercent: '-5' });
      await priceType({ code: 'RETIRED', name: 'Old', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: retail.id, adjustmentPercent: '-50', active: false });
      await priceType({ code: 'COSTPLUS', name: 'Cost + 30 %', derivation: 'FROM_COST', adjustmentPercent: '30' });
    });

    it('computes and posts the derived lists when the base list is posted, and removes them when it is unposted', async () => {
      // given a retail price of 1234.56
      const p = await product('DERIVED-1');
      const q = await product('DERIVED-2');
      const list = await draft(retail.id, '2026-01-01', [
        { productId: p, price: '1234.56' },
        { productId: q, price: '99.99' },
      ]);

      // when the retail list is posted
      const { postPriceList } = await admin.PostPriceList({ id: list.id });

      // then exactly one list is derived from it (WHOLESALE), and one from that (DEALER)
      expect(postPriceList.derivedPriceLists).toHaveLength(1);
      const wholesaleList = postPriceList.derivedPriceLists[0];
      expect(wholesaleList).toMatchObject({ status: 'POSTED', priceType: { code: 'WHOLESALE' } });
      const { priceList: wholesaleFull } = await admin.PriceList({ id: wholesaleList.id });
      expect(wholesaleFull).toMatchObject({ source: 'DERIVED', date: '2026-01-01', basePriceList: { id: list.id, number: list.number } });
      expect(wholesaleFull?.comment).toBe(`WHOLESALE computed from ${list.number} (RETAIL −12 % of the net price, VAT included, rounded to 1)`);
      // wholesale: 1234.56 × 0.88 = 1086.4128 → 1086; 99.99 × 0.88 = 87.9912 → 88
      expect(wholesaleFull?.lines.map((l) => [l.lineNo, l.product.sku, l.price])).toEqual([
        [1, 'DERIVED-1', '1086.00'],
        [2, 'DERIVED-2', '88.00'],
      ]);
      expect(wholesaleFull?.derivedPriceLists).toHaveLength(1);
      const dealerList = wholesaleFull!.derivedPriceLists[0];
      // dealer: from the wholesale list's prices, 1086 × 0.95 = 1031.70; 88 × 0.95 = 83.60
      expect(dealerList).toMatchObject({ status: 'POSTED', priceType: { code: 'DEALER' } });
      expect(dealerList.lines.map((l) => [l.product.sku, l.price])).toEqual([
        ['DERIVED-1', '1031.70'],
        ['DERIVED-2', '83.60'],
      ]);

      // and the prices are in effect from the retail list's date
      expect(await priceOf(p, retail.id, '2026-01-15')).toMatchObject({ price: '1234.56' });
      expect(await priceOf(p, wholesale.id, '2026-01-15')).toMatchObject({ price: '1086.00', priceListId: wholesaleList.id });
      expect(await priceOf(p, dealer.id, '2026-01-15')).toMatchObject({ price: '1031.70', priceListId: dealerList.id });

      // and a derived list cannot be unposted or cancelled by itself
      for (const verb of [admin.UnpostPriceList, admin.CancelPriceList]) {
        const error = await errorOf(verb({ id: dealerList.id }));
        expect(error.code).toBe('INVALID_STATE');
      }

      // when the retail list is unposted
      await admin.UnpostPriceList({ id: list.id });

      // then both derived lists and their prices are gone
      expect((await admin.PriceList({ id: wholesaleList.id })).priceList).toBeNull();
      expect((await admin.PriceList({ id: dealerList.id })).priceList).toBeNull();
      expect(await priceOf(p, retail.id, '2026-01-15')).toBeNull();
      expect(await priceOf(p, wholesale.id, '2026-01-15')).toBeNull();
      expect(await priceOf(p, dealer.id, '2026-01-15')).toBeNull();
      expect((await admin.PriceHistory({ productId: p, priceTypeId: dealer.id })).priceHistory).toEqual([]);
      expect((await admin.PriceLists({ filter: { source: 'DERIVED' } })).priceLists.total).toBe(0);

      // and posting it again derives them again
      await admin.PostPriceList({ id: list.id });
      expect(await priceOf(q, dealer.id, '2026-01-01')).toMatchObject({ price: '83.60' });
      expect((await admin.PriceLists({ filter: { source: 'DERIVED' } })).priceLists.total).toBe(2);
    });

    it('refuses a list typed in for a derived price type', async () => {
      const p = await product('DERIVED-3');
      const error = await errorOf(admin.CreatePriceList({ input: { priceTypeId: wholesale.id, date: '2026-01-01', lines: [{ productId: p, price: '1' }] } }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.fields).toEqual({ priceTypeId: 'WHOLESALE is derived (FROM_PRICE_TYPE): its prices are computed, only a price type with derivation NONE takes price lists by hand' });
    });

    it('lets a partner read only the price type of its own client', async () => {
      // given the partner's client without a price type of its own: the default (RETAIL) applies
      const p = await product('PARTNER-1');
      await posted(retail.id, '2026-01-10', [{ productId: p, price: '500' }]);
      const partner = await app.as(Role.PARTNER);
      expect((await partner.Price({ productId: p, priceTypeId: retail.id, date: '2026-01-10' })).price).toMatchObject({ price: '500.00' });

      // when it asks for another price type, then it is answered as for a type that does not exist (out of its scope)
      expect((await partner.Price({ productId: p, priceTypeId: dealer.id, date: '2026-01-10' })).price).toBeNull();
      expect((await partner.Prices({ filter: { priceTypeId: dealer.id, date: '2026-01-10' } })).prices).toEqual({ items: [], total: 0 });
      expect((await partner.PriceHistory({ productId: p, priceTypeId: wholesale.id })).priceHistory).toEqual([]);
      // and the price list behind a price is staff-only (a derived list would show its base)
      expect((await errorOf(partner.PriceWithList({ productId: p, priceTypeId: retail.id, date: '2026-01-10' }))).code).toBe('FORBIDDEN');

      // when the client is given the DEALER price type
      const em = app.orm.em.fork();
      const user = await em.findOneOrFail(User, { email: demoEmail(Role.PARTNER) });
      await em.nativeUpdate(Counterparty, { id: user.counterparty!.id }, { priceType: dealer.id });

      // then DEALER is readable — 500 × 0.88 = 440 (to the rouble), 440 × 0.95 = 418.00 — and RETAIL is not
      const dealerPrices = (await partner.Prices({ filter: { priceTypeId: dealer.id, date: '2026-01-10', q: 'PARTNER-1' } })).prices;
      expect(dealerPrices).toMatchObject({ total: 1, items: [{ product: { sku: 'PARTNER-1' }, price: '418.00', validFrom: '2026-01-10' }] });
      expect((await partner.Price({ productId: p, priceTypeId: retail.id, date: '2026-01-10' })).price).toBeNull();
      await em.nativeUpdate(Counterparty, { id: user.counterparty!.id }, { priceType: null });
    });
  });

  it('allows only what the status allows: INVALID_STATE otherwise', async () => {
    // given a posted list
    const type = await priceType({ code: 'STATES', name: 'States' });
    const p = await product('STATES-1');
    const list = await posted(type.id, '2026-01-01', [{ productId: p, price: '10' }]);
    const expectInvalidState = async (call: Promise<unknown>, message: RegExp) => {
      const error = await errorOf(call);
      expect(error.code).toBe('INVALID_STATE');
      expect(error.message).toMatch(message);
    };

    // then it cannot be posted twice, edited or deleted
    await expectInvalidState(admin.PostPriceList({ id: list.id }), /is POSTED; only a draft can be posted/);
    await expectInvalidState(admin.UpdatePriceList({ id: list.id, input: { version: list.version, comment: 'x' } }), /is POSTED; only a draft can be edited/);
    await expectInvalidState(admin.DeletePriceList({ id: list.id }), /is POSTED; only a draft can be deleted/);
    expect((await admin.PriceHistory({ productId: p, priceTypeId: type.id })).priceHistory).toHaveLength(1);

    // when it is cancelled, then its price is gone and nothing more can be done with it
    const { cancelPriceList } = await admin.CancelPriceList({ id: list.id });
    expect(cancelPriceList).toMatchObject({ status: 'CANCELLED', postedAt: null });
    expect(await priceOf(p, type.id, '2026-06-01')).toBeNull();
    await expectInvalidState(admin.CancelPriceList({ id: list.id }), /already CANCELLED/);
    await expectInvalidState(admin.UnpostPriceList({ id: list.id }), /is CANCELLED; only a posted document can be unposted/);
    await expectInvalidState(admin.PostPriceList({ id: list.id }), /is CANCELLED/);

    // and a draft cannot be unposted, nor posted without lines
    const empty = await draft(type.id, '2026-01-01', []);
    await expectInvalidState(admin.UnpostPriceList({ id: empty.id }), /is DRAFT; only a posted document can be unposted/);
    await expectInvalidState(admin.PostPriceList({ id: empty.id }), /has no lines to post/);

    // while a draft can be edited (lines replaced, version up) and deleted
    const { updatePriceList } = await admin.UpdatePriceList({ id: empty.id, input: { version: 1, date: '2026-02-01', comment: ' new ', lines: [{ productId: p, price: '11.5' }] } });
    expect(updatePriceList).toMatchObject({ date: '2026-02-01', comment: 'new', version: 2, lines: [{ lineNo: 1, price: '11.50', product: { sku: 'STATES-1' } }] });
    const { updatePriceList: again } = await admin.UpdatePriceList({ id: empty.id, input: { version: 2, lines: [{ productId: p, price: '12' }] } });
    expect(again).toMatchObject({ version: 3, lines: [{ lineNo: 1, price: '12.00' }] });
    expect((await errorOf(admin.UpdatePriceList({ id: empty.id, input: { version: 2, comment: 'stale' } }))).code).toBe('CONFLICT');
    await admin.DeletePriceList({ id: empty.id });
    expect((await admin.PriceList({ id: empty.id })).priceList).toBeNull();
  });

  it('refuses bad lines with BAD_USER_INPUT naming the line', async () => {
    // given a group Scope > Inner, a product inside and one outside
    const scope = await group('Scope');
    const inner = await group('Scope inner', scope);
    const inside = await product('SCOPE-IN', inner);
    const outside = await product('SCOPE-OUT');
    const type = await priceType({ code: 'LINES', name: 'Lines' });
    const fieldsOf = async (lines: { productId: string; price: string }[], groupId?: string) => {
      const error = await errorOf(admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2026-01-01', lines, groupId } }));
      expect(error.code).toBe('BAD_USER_INPUT');
      return error.fields;
    };

    // a negative price
    expect(await fieldsOf([{ productId: inside, price: '-0.01' }])).toEqual({ 'lines.0.price': 'line 1: the price must not be negative' });
    // the same product twice
    expect(await fieldsOf([{ productId: inside, price: '1' }, { productId: outside, price: '2' }, { productId: inside, price: '3' }])).toEqual({
      'lines.2.productId': 'line 3 repeats the product of line 1',
    });
    // a product outside the group scope (the subgroup's product is inside)
    expect(await fieldsOf([{ productId: inside, price: '1' }, { productId: outside, price: '2' }], scope)).toEqual({
      'lines.1.productId': "line 2: SCOPE-OUT is outside the list's product group and the groups below it",
    });
    // an unknown product, and five decimal places
    expect(await fieldsOf([{ productId: '00000000-0000-4000-8000-000000000000', price: '1.00001' }])).toEqual({
      'lines.0.price': 'line 1: the price must have at most 4 decimal places',
      'lines.0.productId': 'line 1: no such product',
    });
    // and nothing was written
    expect((await admin.PriceLists({ filter: { priceTypeId: type.id } })).priceLists.total).toBe(0);

    // while the scoped list with the inside product is fine, and narrowing a draft's scope checks its lines
    const ok = await draft(type.id, '2026-01-01', [{ productId: inside, price: '1' }], scope);
    expect(ok.group).toEqual({ id: scope, name: 'Scope' });
    const wide = await draft(type.id, '2026-01-01', [{ productId: outside, price: '1' }]);
    const narrowed = await errorOf(admin.UpdatePriceList({ id: wide.id, input: { version: 1, groupId: inner } }));
    expect(narrowed.fields).toEqual({ 'lines.0.productId': "line 1: SCOPE-OUT is outside the list's product group and the groups below it" });
  });

  it('filters the list of price lists', async () => {
    const type = await priceType({ code: 'FILTERS', name: 'Filters' });
    const p = await product('FILTERS-1');
    const jan = await posted(type.id, '2026-01-15', [{ productId: p, price: '1' }]);
    const feb = await draft(type.id, '2026-02-15', [{ productId: p, price: '2' }]);
    const mar = (await admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2026-03-15', comment: 'spring sale', lines: [] } })).createPriceList;
    const numbers = async (filter: Record<string, unknown>) =>
      (await admin.PriceLists({ filter: { priceTypeId: type.id, ...filter }, sort: [{ field: 'date', order: 'ASC' }] })).priceLists.items.map((l) => l.number);

    expect(await numbers({})).toEqual([jan.number, feb.number, mar.number]);
    expect(await numbers({ status: 'DRAFT' })).toEqual([feb.number, mar.number]);
    expect(await numbers({ dateFrom: '2026-02-01', dateTo: '2026-02-28' })).toEqual([feb.number]);
    expect(await numbers({ number: mar.number })).toEqual([mar.number]);
    expect(await numbers({ q: 'SPRING' })).toEqual([mar.number]);
    expect(await numbers({ productId: p })).toEqual([jan.number, feb.number]);
  });

  it('reprices a group with its subgroups: +10 % rounded to ten roubles, the rest untouched', async () => {
    // given Tools > (Hand, Power > Cordless) and Other, with SHOP prices from 2026-01-01
    const tools = await group('Reprice tools');
    const hand = await group('Reprice hand', tools);
    const power = await group('Reprice power', tools);
    const cordless = await group('Reprice cordless', power);
    const other = await group('Reprice other');
    const type = await priceType({ code: 'SHOP', name: 'Shop' });
    const ids = {
      hammer: await product('RP-HAMMER', hand),
      pliers: await product('RP-PLIERS', hand),
      drill: await product('RP-DRILL', power),
      driver: await product('RP-DRIVER', cordless),
      unpriced: await product('RP-UNPRICED', tools),
      later: await product('RP-LATER', tools),
      outside: await product('RP-OUTSIDE', other),
    };
    await posted(type.id, '2026-01-01', [
      { productId: ids.hammer, price: '499.00' },
      { productId: ids.pliers, price: '1234' },
      { productId: ids.drill, price: '45' },
      { productId: ids.driver, price: '1040' },
      { productId: ids.outside, price: '300' },
    ]);
    await posted(type.id, '2026-05-01', [{ productId: ids.later, price: '100' }]); // not yet in effect on 2026-04-01

    // when the group is repriced by +10 % to ten roubles from 2026-04-01
    const { repriceGroup } = await admin.RepriceGroup({ groupId: tools, priceTypeId: type.id, percent: '10', rounding: 'TEN_ROUBLES', validFrom: '2026-04-01' });

    // then a draft REPRICE list has one line per priced product of the subtree, by SKU
    expect(repriceGroup).toMatchObject({ status: 'DRAFT', source: 'REPRICE', date: '2026-04-01', group: { id: tools }, priceType: { code: 'SHOP' } });
    expect(repriceGroup.lines.map((l) => [l.lineNo, l.product.sku, l.price])).toEqual([
      [1, 'RP-DRILL', '50.00'], // 45 × 1.1 = 49.50 → 50 (half up)
      [2, 'RP-DRIVER', '1140.00'], // 1040 × 1.1 = 1144.00 → 1140
      [3, 'RP-HAMMER', '550.00'], // 499 × 1.1 = 548.90 → 550
      [4, 'RP-PLIERS', '1360.00'], // 1234 × 1.1 = 1357.40 → 1360
    ]);
    // and nothing changes until it is posted
    expect(await priceOf(ids.hammer, type.id, '2026-04-01')).toMatchObject({ price: '499.00' });

    // when it is posted, then the new prices apply from 2026-04-01, the old ones before, and Other is untouched
    await admin.PostPriceList({ id: repriceGroup.id });
    const on = async (date: string) =>
      Object.fromEntries((await admin.Prices({ filter: { priceTypeId: type.id, date, q: 'RP-' }, perPage: 100 })).prices.items.map((i) => [i.product?.sku, i.price]));
    expect(await on('2026-04-01')).toEqual({ 'RP-DRILL': '50.00', 'RP-DRIVER': '1140.00', 'RP-HAMMER': '550.00', 'RP-PLIERS': '1360.00', 'RP-OUTSIDE': '300.00' });
    expect(await on('2026-03-31')).toEqual({ 'RP-DRILL': '45.00', 'RP-DRIVER': '1040.00', 'RP-HAMMER': '499.00', 'RP-PLIERS': '1234.00', 'RP-OUTSIDE': '300.00' });
    expect(await priceOf(ids.outside, type.id, '2026-04-01')).toMatchObject({ validFrom: '2026-01-01' });

    // and the prices of a group can be listed, with its subgroups, sorted by price
    const byPrice = (await admin.Prices({ filter: { priceTypeId: type.id, date: '2026-06-01', groupId: power }, sort: [{ field: 'price', order: 'DESC' }] })).prices;
    expect(byPrice.items.map((i) => [i.product?.sku, i.price])).toEqual([
      ['RP-DRIVER', '1140.00'],
      ['RP-DRILL', '50.00'],
    ]);

    // and a group with nothing priced, or a percentage of −100, is refused
    const empty = await group('Reprice empty');
    expect((await errorOf(admin.RepriceGroup({ groupId: empty, priceTypeId: type.id, percent: '5', rounding: 'KOPECK', validFrom: '2026-04-01' }))).code).toBe('BAD_USER_INPUT');
    const minus100 = await errorOf(admin.RepriceGroup({ groupId: tools, priceTypeId: type.id, percent: '-100', rounding: 'KOPECK', validFrom: '2026-04-01' }));
    expect(minus100.fields).toEqual({ percent: 'must be greater than −100' });
  });

  it('imports a CSV file, reporting every bad row by number', async () => {
    // given three products and a file of 5 rows, 2 of them bad (an unknown SKU, a negative price)
    const type = await priceType({ code: 'IMPORT', name: 'Import' });
    for (const sku of ['CSV-1', 'CSV-2', 'CSV-3', 'CSV-4']) await product(sku);
    const csv = ['SKU;Price', 'CSV-1;100,50', 'NOPE-1;10', 'CSV-2;-5', 'CSV-3;1 234,00', 'CSV-4;0'].join('\r\n');

    // when it is imported
    const { importPriceList } = await admin.ImportPriceList({ priceTypeId: type.id, date: '2026-02-01', csv });

    // then the 3 good rows are a draft IMPORT list, in file order
    expect(importPriceList.priceList).toMatchObject({ status: 'DRAFT', source: 'IMPORT', date: '2026-02-01', comment: 'Imported: 3 row(s), 2 left out' });
    expect(importPriceList.priceList.lines.map((l) => [l.lineNo, l.product.sku, l.price])).toEqual([
      [1, 'CSV-1', '100.50'],
      [2, 'CSV-3', '1234.00'],
      [3, 'CSV-4', '0.00'],
    ]);
    // and the 2 bad ones are reported with their row in the file (the header is row 1)
    expect(importPriceList.rowErrors).toEqual([
      { row: 3, sku: 'NOPE-1', message: 'no product with SKU NOPE-1', reason: 'NOT_FOUND', params: { entity: 'Product' } },
      { row: 4, sku: 'CSV-2', message: 'the price must not be negative', reason: 'NEGATIVE', params: {} },
    ]);

    // when every row is bad, then no list is made and the error lists the rows
    const allBad = await errorOf(admin.ImportPriceList({ priceTypeId: type.id, date: '2026-02-01', csv: 'sku,price\nNOPE-2,1\nCSV-1,"1,5x"\nNOPE-2,2' }));
    expect(allBad.code).toBe('BAD_USER_INPUT');
    expect(allBad.fields).toEqual({ csv: 'no row can be imported; row 2: no product with SKU NOPE-2; row 3: "1,5x" is not a number; row 4: SKU NOPE-2 is already on row 2' });
    expect((await admin.PriceLists({ filter: { priceTypeId: type.id } })).priceLists.total).toBe(1);
  });
});

describe('prices: statement count', () => {
  let app: TestApp;
  let priceTypeId: string;

  beforeAll(async () => {
    app = await startTestApp();
    // given 100 products in two groups, written straight to the database, priced by one posted list
    const em = app.orm.em.fork();
    const unit = em.create(Unit, { code: 'pcs', name: 'штука' });
    const groups = ['A', 'B'].map((name) => em.create(ProductGroup, { name }));
    const products = Array.from({ length: 100 }, (_, i) => em.create(Product, { sku: `SC-${String(i).padStart(3, '0')}`, name: `Товар ${i}`, unit, group: groups[i % 2] }));
    await em.flush();
    const admin = await app.as(Role.ADMIN);
    priceTypeId = (await admin.CreatePriceType({ input: { code: 'BULK', name: 'Bulk' } })).createPriceType.id;
    const { createPriceList } = await admin.CreatePriceList({ input: { priceTypeId, date: '2026-01-01', lines: products.map((p, i) => ({ productId: p.id, price: `${100 + i}.50` })) } });
    await admin.PostPriceList({ id: createPriceList.id });
  });
  afterAll(() => app.close());

  it('is the same for 10 and for 100 products', async () => {
    const admin = await app.as(Role.ADMIN);
    await admin.Prices({ filter: { priceTypeId, date: '2026-01-01' }, perPage: 1 }); // warm up

    let small: Awaited<ReturnType<typeof admin.Prices>> | undefined;
    let large: Awaited<ReturnType<typeof admin.Prices>> | undefined;
    const ten = await app.countStatements(async () => {
      small = await admin.Prices({ filter: { priceTypeId, date: '2026-06-30' }, perPage: 10 });
    });
    const hundred = await app.countStatements(async () => {
      large = await admin.Prices({ filter: { priceTypeId, date: '2026-06-30' }, perPage: 100 });
    });

    // then every row came with its product and price
    expect(small!.prices.items).toHaveLength(10);
    expect(large!.prices).toMatchObject({ total: 100 });
    expect(large!.prices.items[42]).toMatchObject({ product: { sku: 'SC-042' }, price: '142.50', validFrom: '2026-01-01' });
    // and the statements are the same two: the prices with the total, the products
    expect(ten).toBe(hundred);
    expect(hundred).toBe(2);
  });
});
