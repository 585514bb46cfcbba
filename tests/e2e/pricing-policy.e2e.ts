import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, Role, startTestApp, type TestApp } from '../support/harness';
import { openMenu, useBrowser } from './browser';

/**
 * Issue 9 in the console: the price check tells a sales manager their limits and which
 * automatic rule was trimmed, and by what; an administrator sets the limits per role.
 * Catalogue, rules and client come from the SDK; what the test is about goes through the console.
 */
describe('pricing policy in the console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const browserTest = useBrowser(() => app.url);
  const text = (value: string) => value.replace(/\s+/g, ' ').trim();

  async function pick(page: Page, combobox: Locator, typed: string, option: string) {
    await combobox.click();
    await combobox.pressSequentially(typed);
    await page.getByRole('option', { name: option }).click();
    expect(await combobox.inputValue()).toBe(option);
  }

  async function logIn(page: Page, role: Role) {
    await page.goto('/');
    await page.locator('input[name=username]').fill(demoEmail(role));
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
  }

  browserTest('a sales manager sees their limits, the rule trimmed to the total limit and by what', async ({ page }) => {
    // given a product at 1,000.00 in a group with an 8 % group rule and a 5 % break from 10 pieces,
    // and a client of the demo sales manager's on that price type
    const admin = await app.as(Role.ADMIN);
    const unit = (await admin.CreateUnit({ input: { code: 'pcs-lim', name: 'piece' } })).createUnit;
    const type = (await admin.CreatePriceType({ input: { code: 'RETAIL-lim', name: 'Retail lim', vatIncluded: true } })).createPriceType;
    const group = (await admin.CreateProductGroup({ input: { name: 'E2E limited tools' } })).createProductGroup;
    const product = (await admin.CreateProduct({ input: { sku: 'E2E-LIM-1', name: 'Planer', unitId: unit.id, vatRate: '22', groupId: group.id } })).createProduct;
    await admin.PostPriceList({ id: (await admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2020-01-01', lines: [{ productId: product.id, price: '1000' }] } })).createPriceList.id });
    await admin.CreateDiscountRule({ input: { name: 'E2E group 8', kind: 'PRODUCT_GROUP', activeFrom: '2020-01-01', priority: 10, groupId: group.id, percent: '8' } });
    await admin.CreateDiscountRule({ input: { name: 'E2E break 5', kind: 'QUANTITY_BREAK', activeFrom: '2020-01-01', priority: 20, breaks: [{ minQuantity: '10', percent: '5' }] } });
    const managerId = (await (await app.as(Role.SALES_MANAGER)).Me()).me.id;
    await admin.CreateCounterparty({ input: { name: 'E2E Limit client', ownerId: managerId, priceTypeId: type.id } });

    // when the sales manager checks 10 planers
    await logIn(page, Role.SALES_MANAGER);
    await openMenu(page, 'Price check');
    await pick(page, page.getByRole('combobox', { name: 'Client' }), 'E2E Limit', 'E2E Limit client');
    await pick(page, page.getByRole('combobox', { name: 'Product', exact: true }), 'E2E-LIM-1', 'E2E-LIM-1 Planer');
    await page.locator('input[name="lines.0.quantity"]').fill('10');
    await page.getByRole('button', { name: 'Calculate' }).click();

    // then, worked out by hand with the manager's default total limit of 10 % (floor 1,000 × 0.90 = 900.00):
    //   group 8 %: 1,000.00 → 920.00, 10 × 80.00 = 800.00 off
    //   break 5 % would give 874.00 < 900.00: it gives 920.00 − 900.00 = 20.00 = 2.1739 % (20 / 920), 200.00 off the line
    await page.getByTestId('line-0-finalUnitPrice').waitFor();
    expect(text(await page.getByTestId('total-cap').innerText())).toBe('your total discount limit: 10 %');
    const rules = (await page.getByTestId('line-0-rule').allInnerTexts()).map(text);
    expect(rules).toEqual([
      'E2E group 8 (Product group): 8 % = −RUB 800.00',
      'E2E break 5 (Quantity breaks): 2.1739 % of its 5 % = −RUB 200.00 limited by your total discount limit',
    ]);
    expect(text(await page.getByTestId('line-0-finalUnitPrice').innerText())).toBe('RUB 900.00');
    expect(text(await page.getByTestId('totals-discountTotal').innerText())).toBe('RUB 1,000.00');
    // 10,000.00 with 22 % VAT inside: 10,000 × 22 / 122 = 1,803.28…; without VAT 8,196.72
    expect(text(await page.getByTestId('totals-netAmountBeforeDiscounts').innerText())).toBe('RUB 8,196.72');
  });

  browserTest('an administrator sets a role\'s total discount limit, and a limit over 100 is refused on its field', async ({ page }) => {
    const admin = await app.as(Role.ADMIN);
    const before = (await admin.PricingSettings()).pricingSettings;
    await logIn(page, Role.ADMIN);

    // when the administrator opens Pricing settings and sets the head of sales' total limit to 18
    await openMenu(page, 'Pricing settings');
    const headTotal = page.getByTestId('role-SALES_HEAD').locator('input[name="totalDiscountCaps.1.percent"]');
    await headTotal.waitFor();
    expect(await headTotal.inputValue()).toBe(before.totalDiscountCaps.find((cap) => cap.role === 'SALES_HEAD')!.percent);
    await headTotal.fill('18');
    await page.getByRole('button', { name: 'Save' }).click();

    // then the API has it, and the rest as they were
    await page.getByText('Pricing settings saved').waitFor();
    const after = (await admin.PricingSettings()).pricingSettings;
    expect(after.totalDiscountCaps.find((cap) => cap.role === 'SALES_HEAD')?.percent).toBe('18');
    expect(after.manualDiscountCaps).toEqual(before.manualDiscountCaps);
    expect(after.belowCostRoles).toEqual(before.belowCostRoles);

    // when a sales manager's manual limit is set to 101, then the form says so on that field and nothing changes
    const managerManual = page.getByTestId('role-SALES_MANAGER').locator('input[name="manualDiscountCaps.2.percent"]');
    await managerManual.fill('101');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('role-SALES_MANAGER').getByText('must be at most 100').waitFor();
    expect((await admin.PricingSettings()).pricingSettings.version).toBe(after.version);
  });
});
