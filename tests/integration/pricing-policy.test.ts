import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';

/*
 * Issue 9, through the API: list prices fit their type's rounding (refused where typed,
 * reported per row where imported), an undiscounted line is charged exactly its list price,
 * and the total discount a role may give on a line (rules and manual together) is a setting.
 */
describe('pricing policy', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let manager: TradebookClient;
  let unitId: string;
  let roubles: { id: string; version: number };
  let client: string;

  const product = async (sku: string, groupId?: string) => (await admin.CreateProduct({ input: { sku, name: `Товар ${sku}`, unitId, vatRate: '22', groupId } })).createProduct.id;
  const postedList = async (priceTypeId: string, date: string, lines: { productId: string; price: string }[]) =>
    (await admin.PostPriceList({ id: (await admin.CreatePriceList({ input: { priceTypeId, date, lines } })).createPriceList.id })).postPriceList;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    manager = await app.as(Role.SALES_MANAGER);
    unitId = (await admin.CreateUnit({ input: { code: 'pp-pcs', name: 'штука' } })).createUnit.id;
    // B: VAT in the price, rounded to the rouble, the default type
    roubles = (await admin.CreatePriceType({ input: { code: 'B', name: 'Розница по рублю', vatIncluded: true, rounding: 'ROUBLE', isDefault: true } })).createPriceType;
    client = (await manager.CreateCounterparty({ input: { name: 'Покупатель политики' } })).createCounterparty.id;
  });
  afterAll(() => app.close());

  describe('list prices fit their price type\'s rounding', () => {
    it('refuses a typed price that is not whole roubles on a type rounded to the rouble, naming the line', async () => {
      const x = await product('PP-X');
      // when 1,190.60 is typed on B, then the line's price is refused, and no list is written
      const error = await errorOf(admin.CreatePriceList({ input: { priceTypeId: roubles.id, date: '2026-02-01', lines: [{ productId: x, price: '1190' }, { productId: await product('PP-Y'), price: '1190.60' }] } }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.fields).toEqual({ 'lines.1.price': 'line 2: the price is not a multiple of 1, the rounding of B prices' });
      expect(error.fieldErrors).toEqual([{ field: 'lines.1.price', reason: 'OFF_ROUNDING_STEP', params: { step: '1', priceType: 'B' }, message: error.fields['lines.1.price'] }]);
      expect((await admin.PriceLists({ filter: { priceTypeId: roubles.id } })).priceLists.total).toBe(0);
    });

    it('charges an undiscounted line exactly its list price', async () => {
      // given X at 1,190 on B from 2026-02-01
      const x = await product('PP-EXACT');
      await postedList(roubles.id, '2026-02-01', [{ productId: x, price: '1190' }]);
      // when it is quoted with no rule and no manual discount: 2 × 1,190.00 = 2,380.00, VAT 2,380 × 22 / 122 = 429.18
      const { quote } = await manager.Quote({ input: { clientId: client, date: '2026-02-10', lines: [{ productId: x, quantity: '2' }] } });
      expect(quote.lines).toMatchObject([{ basePrice: '1190.00', finalUnitPrice: '1190.00', rounding: '0.00', amount: '2380.00', vat: '429.18' }]);
      expect((await manager.Price({ productId: x, priceTypeId: roubles.id, date: '2026-02-10' })).price?.price).toBe('1190.00');
    });

    it('refuses moving a draft to a coarser type its prices do not fit, and posting a draft whose type became coarser', async () => {
      // given a kopeck type K and a draft of it at 99.50
      const kopecks = (await admin.CreatePriceType({ input: { code: 'K', name: 'По копейке', vatIncluded: true } })).createPriceType;
      const z = await product('PP-Z');
      const draft = (await admin.CreatePriceList({ input: { priceTypeId: kopecks.id, date: '2026-02-01', lines: [{ productId: z, price: '99.50' }] } })).createPriceList;

      // when the draft is moved to B (roubles), then its line is refused and it stays a K draft
      const moved = await errorOf(admin.UpdatePriceList({ id: draft.id, input: { version: draft.version, priceTypeId: roubles.id } }));
      expect(moved.fields).toEqual({ 'lines.0.price': 'line 1: the price is not a multiple of 1, the rounding of B prices' });
      expect((await admin.PriceList({ id: draft.id })).priceList?.priceType.code).toBe('K');

      // when K itself is changed to round to the rouble, then posting the draft is refused on its line
      await admin.UpdatePriceType({ id: kopecks.id, input: { version: kopecks.version, rounding: 'ROUBLE' } });
      const posting = await errorOf(admin.PostPriceList({ id: draft.id }));
      expect(posting.code).toBe('BAD_USER_INPUT');
      expect(posting.fields).toEqual({ 'lines.0.price': 'line 1: the price is not a multiple of 1, the rounding of K prices' });
      expect((await admin.PriceList({ id: draft.id })).priceList?.status).toBe('DRAFT');
    });

    it('leaves out an imported row whose price does not fit, reporting it by row, and keeps the rows that do', async () => {
      await product('PP-IMP-1');
      await product('PP-IMP-2');
      // when "sku;price" rows 2 and 3 are imported onto B: 500 fits, 499.99 does not
      const { importPriceList } = await admin.ImportPriceList({ priceTypeId: roubles.id, date: '2026-03-01', csv: 'sku;price\nPP-IMP-1;500\nPP-IMP-2;499.99\n' });
      expect(importPriceList.priceList.lines.map((l) => [l.product.sku, l.price])).toEqual([['PP-IMP-1', '500.00']]);
      expect(importPriceList.rowErrors).toEqual([{ row: 3, sku: 'PP-IMP-2', message: 'the price 499.99 is not a multiple of 1, the rounding of B prices', reason: 'OFF_ROUNDING_STEP', params: { step: '1', priceType: 'B' } }]);
    });

    it('refuses repricing a group to kopecks on a type rounded to the rouble, and allows tens', async () => {
      const group = (await admin.CreateProductGroup({ input: { name: 'Переоценка по рублю' } })).createProductGroup.id;
      const item = await product('PP-REP', group);
      await postedList(roubles.id, '2026-01-01', [{ productId: item, price: '1000' }]);
      const reprice = (rounding: 'KOPECK' | 'TEN_ROUBLES') => admin.RepriceGroup({ groupId: group, priceTypeId: roubles.id, percent: '3.3', rounding, validFrom: '2026-04-01' });
      const refused = await errorOf(reprice('KOPECK'));
      expect(refused.fields).toEqual({ rounding: 'rounds to 0.01, finer than B prices (1)' });
      // 1,000 × 1.033 = 1,033 → tens: 1,030
      expect((await reprice('TEN_ROUBLES')).repriceGroup.lines.map((l) => l.price)).toEqual(['1030.00']);
    });
  });

  describe('the total discount a role may give on a line', () => {
    it('reads the defaults, follows a changed limit, trims rules to it and refuses a manual discount past it', async () => {
      // given the defaults: a sales manager 10 %, a sales head 25 %, everyone else not limited (100)
      const { pricingSettings } = await admin.PricingSettings();
      const totals = Object.fromEntries(pricingSettings.totalDiscountCaps.map((cap) => [cap.role, cap.percent]));
      expect(totals).toMatchObject({ SALES_MANAGER: '10', SALES_HEAD: '25', ADMIN: '100', PARTNER: '100' });

      // and a 4 % rule on a group with W at 1,000 on B
      const group = (await admin.CreateProductGroup({ input: { name: 'Лимит скидки' } })).createProductGroup.id;
      const w = await product('PP-W', group);
      await postedList(roubles.id, '2026-05-01', [{ productId: w, price: '1000' }]);
      await admin.CreateDiscountRule({ input: { name: 'Группа −4 %', kind: 'PRODUCT_GROUP', activeFrom: '2026-05-01', activeTo: '2026-05-31', groupId: group, percent: '4' } });

      // when the administrator limits a sales manager's total to 6 %
      await admin.UpdatePricingSettings({ input: { version: pricingSettings.version, totalDiscountCaps: [{ role: 'SALES_MANAGER', percent: '6' }] } });
      const quote = (manualDiscountPercent?: string) => manager.Quote({ input: { clientId: client, date: '2026-05-15', lines: [{ productId: w, quantity: '1', manualDiscountPercent }] } });

      // then 4 % rule + 2 % manual: 960.00 × 0.98 = 940.80 ≥ 940.00 is allowed; step 1: 941; rounding +0.20
      const { quote: allowed } = await quote('2');
      expect(allowed).toMatchObject({ totalDiscountCapPercent: '6', lines: [{ appliedRules: [{ percent: '4', limitedBy: null, amount: '40.00' }], manualDiscount: { amount: '19.20' }, rounding: '0.20', finalUnitPrice: '941.00' }] });

      // and 4 % + 3 %: 960.00 × 0.97 = 931.20 < 940.00: refused on the manual discount, 6.88 % off in all
      const refused = await errorOf(quote('3'));
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.fields).toEqual({ 'lines.0.manualDiscountPercent': 'with the discount rules the line would be 6.88 % off, over your total limit of 6 %' });
      expect(refused.fieldErrors).toEqual([{ field: 'lines.0.manualDiscountPercent', reason: 'OVER_TOTAL_DISCOUNT_CAP', params: { percent: '6.88', cap: '6' }, message: refused.fields['lines.0.manualDiscountPercent'] }]);

      // when the limit is 3 %, the rule itself is trimmed: 1,000 × 0.97 = 970.00, the rule gives 30.00 (3 %), limited
      const { pricingSettings: now } = await admin.PricingSettings();
      await admin.UpdatePricingSettings({ input: { version: now.version, totalDiscountCaps: [{ role: 'SALES_MANAGER', percent: '3' }] } });
      const { quote: trimmed } = await quote();
      expect(trimmed.lines).toMatchObject([{ appliedRules: [{ name: 'Группа −4 %', percent: '3', rulePercent: '4', limitedBy: 'TOTAL_DISCOUNT_CAP', amount: '30.00' }], finalUnitPrice: '970.00' }]);
    });

    it('refuses a repeated role or a percent out of range in the total limits, changing nothing', async () => {
      const { pricingSettings } = await admin.PricingSettings();
      const error = await errorOf(
        admin.UpdatePricingSettings({
          input: { version: pricingSettings.version, totalDiscountCaps: [{ role: 'SALES_HEAD', percent: '20' }, { role: 'SALES_HEAD', percent: '30' }, { role: 'PARTNER', percent: '101' }] },
        }),
      );
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.fields).sort()).toEqual(['totalDiscountCaps.1.role', 'totalDiscountCaps.2.percent']);
      expect((await admin.PricingSettings()).pricingSettings).toEqual(pricingSettings);
    });
  });
});
