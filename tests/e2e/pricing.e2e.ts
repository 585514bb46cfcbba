import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, Role, startTestApp, type TestApp } from '../support/harness';
import { columnTexts, eventually, openMenu, typeDay, useBrowser } from './browser';

/**
 * The pricing screens in a real browser: price lists written, posted and read back, and the
 * price check's breakdown. Units, products, price types, clients and rules come from the SDK;
 * what the test is about goes through the console.
 */
describe('pricing console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const browserTest = useBrowser(() => app.url);

  /** Signs in through the login page and waits for the menu. */
  async function logIn(page: Page, email: string) {
    await page.goto('/');
    await page.locator('input[name=username]').fill(email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
  }

  /** A unit, a manual price type and products, each file-unique by `tag`. */
  async function seedCatalog(tag: string, products: [string, string][]) {
    const admin = await app.as(Role.ADMIN);
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: `pcs-${tag}`, name: 'piece' } });
    const { createPriceType: priceType } = await admin.CreatePriceType({ input: { code: `RETAIL-${tag}`, name: `Retail ${tag}`, vatIncluded: true, rounding: 'KOPECK' } });
    const created = [];
    for (const [sku, name] of products) created.push((await admin.CreateProduct({ input: { sku, name, unitId: unit.id, vatRate: '22' } })).createProduct);
    return { admin, priceType, products: created };
  }

  /** Picks an option of a react-admin autocomplete by typing part of it. */
  async function pick(page: Page, combobox: Locator, typed: string, option: string) {
    await combobox.click();
    await combobox.pressSequentially(typed);
    await page.getByRole('option', { name: option }).click();
    expect(await combobox.inputValue()).toBe(option);
  }

  const text = (value: string) => value.replace(/\s+/g, ' ').trim();

  browserTest('an administrator writes a price list with two lines, posts it, and sees it Posted with its register rows', async ({ page }) => {
    // given a price type and two products
    const { admin, products } = await seedCatalog('pl', [['E2E-PL-1', 'Hammer'], ['E2E-PL-2', 'Chisel']]);
    await logIn(page, demoEmail(Role.ADMIN));

    // when the administrator opens Price lists, Create, and picks the price type
    await openMenu(page, 'Price lists');
    await page.waitForURL(/#\/PriceList$/);
    await page.getByRole('link', { name: 'Create', exact: true }).click(); // exact: the dashboard's "Create · Product" may still be on screen
    await page.waitForURL(/#\/PriceList\/create$/);
    await pick(page, page.getByRole('combobox', { name: 'Price type' }), 'RETAIL-pl', 'RETAIL-pl — Retail pl');
    await typeDay(page, 'date', '2020-02-01');

    // and adds two lines: a product picked by SKU and its price each
    for (const [index, [sku, name, price]] of [['E2E-PL-1', 'Hammer', '1250.50'], ['E2E-PL-2', 'Chisel', '480']].entries()) {
      await page.getByRole('button', { name: 'Add line' }).click();
      await pick(page, page.getByRole('combobox', { name: 'Product', exact: true }).nth(index), sku, `${sku} ${name}`);
      await page.locator(`input[name="lines.${index}.price"]`).fill(price);
    }
    await page.getByRole('button', { name: 'Save' }).click();

    // then the draft opens in its show view, with both lines
    await page.waitForURL(/#\/PriceList\/[^/]+\/show$/);
    const id = decodeURIComponent(page.url().match(/#\/PriceList\/([^/]+)\/show$/)![1]);
    await page.getByText('Draft', { exact: true }).waitFor();
    await eventually(async () => expect(await columnTexts(page, 'price')).toHaveLength(2));

    // when they press Post
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then the list says Posted and shows the two price register rows it wrote, dated the list's date
    await page.getByText('Posted', { exact: true }).waitFor();
    const records = page.locator('.price-records tbody tr');
    await eventually(async () => expect(await records.count()).toBe(2));
    await eventually(async () => {
      const rows = (await records.allInnerTexts()).map(text);
      expect(rows[0]).toMatch(/^1 E2E-PL-1 01\/02\/2020 RUB 1,250\.50 /);
      expect(rows[1]).toMatch(/^2 E2E-PL-2 01\/02\/2020 RUB 480\.00 /);
    });
    expect(await page.getByRole('button', { name: 'Post', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Unpost', exact: true }).count()).toBe(1);

    // and the API has the prices in effect from that date
    const { priceList } = await admin.PriceList({ id });
    expect(priceList?.status).toBe('POSTED');
    expect(priceList?.records.map((r) => [r.product?.sku, r.price, r.validFrom])).toEqual([
      ['E2E-PL-1', '1250.50', '2020-02-01'],
      ['E2E-PL-2', '480.00', '2020-02-01'],
    ]);
    expect(priceList?.records.map((r) => r.product?.id)).toEqual(products.map((p) => p.id));
  });

  browserTest('the price check shows a client the base price, the quantity break, the manual discount, the final price and the total of a line', async ({ page }) => {
    // given a client on its own price type (VAT included, to the kopeck), a product at 1,250.00
    // from 2020-01-01 and a quantity break of 3 % from 10 pieces
    const { admin, priceType, products } = await seedCatalog('pc', [['E2E-PC-1', 'Drill']]);
    const { createPriceList: list } = await admin.CreatePriceList({ input: { priceTypeId: priceType.id, date: '2020-01-01', lines: [{ productId: products[0].id, price: '1250.00' }] } });
    await admin.PostPriceList({ id: list.id });
    await admin.CreateDiscountRule({ input: { name: 'E2E ten or more', kind: 'QUANTITY_BREAK', activeFrom: '2020-01-01', breaks: [{ minQuantity: '10', percent: '3' }] } });
    await admin.CreateCounterparty({ input: { name: 'E2E Price client', priceTypeId: priceType.id } });
    await logIn(page, demoEmail(Role.ADMIN));

    // when the administrator opens Price check, picks the client and 12 drills with a 2 % manual discount, and presses Calculate
    await openMenu(page, 'Price check');
    await page.waitForURL(/#\/PriceCheck$/);
    await pick(page, page.getByRole('combobox', { name: 'Client' }), 'E2E Price', 'E2E Price client');
    await pick(page, page.getByRole('combobox', { name: 'Product', exact: true }), 'E2E-PC-1', 'E2E-PC-1 Drill');
    await page.locator('input[name="lines.0.quantity"]').fill('12');
    await page.locator('input[name="lines.0.manualDiscountPercent"]').fill('2');
    await page.getByRole('button', { name: 'Calculate' }).click();

    // then the line reads, worked out by hand:
    //   base price 1,250.00 (RETAIL-pc)
    //   quantity break 3 %:  1,250.00 × 0.97 = 1,212.50 a piece; 12 × 37.50 = 450.00 off the line
    //   manual 2 %:          1,212.50 × 0.98 = 1,188.25 a piece; 12 × 24.25 = 291.00 off the line
    //   final price 1,188.25; amount 12 × 1,188.25 = 14,259.00
    //   VAT included at 22 %: 14,259.00 × 22 / 122 = 2,571.295… → 2,571.30; total = amount = 14,259.00
    const cell = async (id: string) => text(await page.getByTestId(id).innerText());
    await page.getByTestId('line-0-finalUnitPrice').waitFor();
    expect(await cell('line-0-product')).toBe('E2E-PC-1 Drill');
    expect(await cell('line-0-basePrice')).toMatch(/^RUB 1,250\.00 RETAIL-pc/);
    expect(await cell('line-0-rule')).toBe('E2E ten or more (Quantity breaks): 3 % = −RUB 450.00');
    expect(await cell('line-0-manual')).toBe('Manual discount: 2 % = −RUB 291.00');
    expect(await cell('line-0-finalUnitPrice')).toBe('RUB 1,188.25');
    expect(await cell('line-0-amount')).toBe('RUB 14,259.00');
    expect(await cell('line-0-vat')).toBe('RUB 2,571.30 22 %');
    expect(await cell('line-0-total')).toBe('RUB 14,259.00');

    // and the order totals: 15,000.00 before discounts, 741.00 off, 14,259.00 to pay
    expect(await cell('totals-amountBeforeDiscounts')).toBe('RUB 15,000.00');
    expect(await cell('totals-discountTotal')).toBe('RUB 741.00');
    expect(await cell('totals-total')).toBe('RUB 14,259.00');
  });

  browserTest('a sales manager reads a draft price list but gets no Post button', async ({ page }) => {
    // given a draft price list
    const { admin, priceType, products } = await seedCatalog('sm', [['E2E-SM-1', 'Saw']]);
    const { createPriceList: list } = await admin.CreatePriceList({ input: { priceTypeId: priceType.id, date: '2020-03-01', lines: [{ productId: products[0].id, price: '990' }] } });

    // when the sales manager opens it
    await logIn(page, demoEmail(Role.SALES_MANAGER));
    await openMenu(page, 'Price lists');
    await page.getByRole('cell', { name: list.number, exact: true }).click();
    await page.waitForURL(/#\/PriceList\/[^/]+\/show$/);

    // then they see the draft and its line, but neither Post nor Edit
    await page.getByText('Draft', { exact: true }).waitFor();
    await eventually(async () => expect((await columnTexts(page, 'price')).map(text)).toEqual(['RUB 990.00']));
    expect(await page.getByRole('button', { name: 'Post', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel list' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
  });

  browserTest('changing a derived type says what saving recomputes and from when, and Recompute recomputes it from a chosen day', async ({ page }) => {
    // given a base type with VAT included and X (VAT 22 %) at 1,220.00 from 2020-01-01
    const { admin, priceType: base, products } = await seedCatalog('rc', [['E2E-RC-1', 'Level']]);
    const x = products[0].id;
    const { createPriceList: list } = await admin.CreatePriceList({ input: { priceTypeId: base.id, date: '2020-01-01', lines: [{ productId: x, price: '1220.00' }] } });
    await admin.PostPriceList({ id: list.id });
    // and D = base − 12 %, VAT on top, and D2 = D − 5 %, VAT included, both from 2020-01-01
    const { createPriceType: d } = await admin.CreatePriceType({
      input: { code: 'E2E-RC-D', name: 'Derived', vatIncluded: false, derivation: 'FROM_PRICE_TYPE', basePriceTypeId: base.id, adjustmentPercent: '-12', recomputeFrom: '2020-01-01' },
    });
    const { createPriceType: d2 } = await admin.CreatePriceType({
      input: { code: 'E2E-RC-D2', name: 'Derived 2', vatIncluded: true, derivation: 'FROM_PRICE_TYPE', basePriceTypeId: d.id, adjustmentPercent: '-5', recomputeFrom: '2020-01-01' },
    });
    const priceOf = async (priceTypeId: string, date: string) => (await admin.Price({ productId: x, priceTypeId, date })).price?.price ?? null;
    // 1220 / 1.22 × 0.88 = 880 net; D2 880 × 0.95 × 1.22 = 1019.92
    expect(await priceOf(d.id, '2020-01-01')).toBe('880.00');
    await logIn(page, demoEmail(Role.ADMIN));

    // when the administrator opens D and types −15 for its adjustment
    await page.goto(`/#/PriceType/${encodeURIComponent(d.id)}`);
    const adjustment = page.locator('input[name="adjustmentPercent"]');
    await adjustment.waitFor();
    const note = page.locator('.recompute-note');
    expect(await note.count()).toBe(0); // nothing changed yet
    await adjustment.fill('-15');

    // then the form says what saving recomputes, from today by default
    const now = new Date();
    const today = [now.getDate(), now.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/') + `/${now.getFullYear()}`;
    await eventually(async () => expect(text(await note.innerText())).toBe(`Saving recomputes the prices of E2E-RC-D (and E2E-RC-D2 derived from it) from ${today}`));

    // when they choose 01/06/2020 and save
    await typeDay(page, 'recomputeFrom', '2020-06-01');
    await eventually(async () => expect(text(await note.innerText())).toBe('Saving recomputes the prices of E2E-RC-D (and E2E-RC-D2 derived from it) from 01/06/2020'));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/PriceType$/);

    // then D is −15 % from 2020-06-01: 1000 × 0.85 = 850, D2 850 × 0.95 × 1.22 = 985.15; before it the old prices stay
    await eventually(async () => expect(await priceOf(d.id, '2020-06-01')).toBe('850.00'));
    expect(await priceOf(d2.id, '2020-06-01')).toBe('985.15');
    expect(await priceOf(d.id, '2020-05-31')).toBe('880.00');
    expect(await priceOf(d2.id, '2020-05-31')).toBe('1019.92');

    // when the base gets a price of 1,342.00 from 2020-08-01 and they press Recompute on D, choose 01/07/2020 and confirm
    const { createPriceList: august } = await admin.CreatePriceList({ input: { priceTypeId: base.id, date: '2020-08-01', lines: [{ productId: x, price: '1342.00' }] } });
    await admin.PostPriceList({ id: august.id });
    await page.goto(`/#/PriceType/${encodeURIComponent(d.id)}`);
    await page.getByRole('button', { name: 'Recompute' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Recompute the prices of E2E-RC-D').waitFor();
    await typeDay(page, 'validFrom', '2020-07-01');
    await eventually(async () =>
      expect(text(await dialog.locator('.recompute-note').innerText())).toBe('Posts the prices of E2E-RC-D (and E2E-RC-D2 derived from it) from 01/07/2020; earlier price lists stay'),
    );
    await dialog.getByRole('button', { name: 'Recompute' }).click();

    // then it says so: D and D2 from 2020-07-01, and both again from the base's August list (1342 / 1.22 × 0.85 = 935, 935 × 0.95 × 1.22 = 1083.67)
    await page.getByText('E2E-RC-D recomputed from 01/07/2020: 4 price lists posted').waitFor();
    expect(await priceOf(d.id, '2020-07-01')).toBe('850.00');
    expect(await priceOf(d.id, '2020-08-01')).toBe('935.00');
    expect(await priceOf(d2.id, '2020-08-01')).toBe('1083.67');
    const lists = (await admin.PriceLists({ filter: { priceTypeId: d.id }, sort: [{ field: 'date', order: 'ASC' }] })).priceLists.items;
    expect(lists.map((l) => l.date)).toEqual(['2020-01-01', '2020-06-01', '2020-07-01', '2020-08-01']);
  });

});
