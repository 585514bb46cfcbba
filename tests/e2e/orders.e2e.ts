import type { Locator, Page } from 'playwright-core';
import { demoEmail, Role } from '../support/harness';
import { eventually } from './browser';
import { addLine, logIn, openCreate, pick, rowsOf, save, text, useStockConsole } from './stock-console';

/**
 * Customer orders in a real browser: a sales manager enters an order with the live price
 * breakdown and availability per line as they type, confirms it (reserving), releases and
 * reserves it again, and cancels it; an order stock cannot cover is refused with the numbers
 * and then confirmed with a backorder. Every figure worked out by hand.
 */
describe('customer orders in the console', () => {
  const { app, browserTest, seed, receive } = useStockConsole();

  /** A product at 1,234.56 without VAT (22 % on top, to the kopeck), 10 of it in the store, and a client of the demo sales manager's on that price type. */
  async function orderWorld(tag: string, sku: string) {
    const seeded = await seed(tag, sku, 'Drill');
    const { admin, product } = seeded;
    const type = (await admin.CreatePriceType({ input: { code: `OPT-${tag}`, name: `Opt ${tag}`, vatIncluded: false } })).createPriceType;
    await admin.PostPriceList({ id: (await admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2020-01-01', lines: [{ productId: product.id, price: '1234.56' }] } })).createPriceList.id });
    const managerId = (await (await app().as(Role.SALES_MANAGER)).Me()).me.id;
    await admin.CreateCounterparty({ input: { name: `E2E ${tag} client`, ownerId: managerId, priceTypeId: type.id } });
    await receive(seeded, '2020-01-10', [[product, '10', '700']]);
    return seeded;
  }

  /**
   * Picks an autocomplete's option, typing it again if the list was replaced under the click
   * (react-admin's autocomplete now and then closes its list when an earlier search answers last).
   */
  async function pickAgain(page: Page, combobox: Locator, name: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        await combobox.fill('');
        await combobox.click();
        await combobox.pressSequentially(name);
        await page.getByRole('option', { name, exact: true }).click({ timeout: 5000 });
        expect(await combobox.inputValue()).toBe(name);
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** Saves the new order, picking its client again first should the autocomplete have dropped it meanwhile (see pickAgain). */
  async function saveOrder(page: Page, tag: string) {
    const client = page.getByRole('combobox', { name: 'Client' });
    if ((await client.inputValue()) !== `E2E ${tag} client`) await pickAgain(page, client, `E2E ${tag} client`);
    return save(page, 'Order');
  }

  /** Opens Orders → Create and fills the head: the client and the store. */
  async function newOrder(page: Page, tag: string) {
    await openCreate(page, 'Orders', 'Order');
    // the client list loads as the form opens: a pick typed while it is still coming loses its option under the cursor
    await page.waitForLoadState('networkidle');
    await pickAgain(page, page.getByRole('combobox', { name: 'Client' }), `E2E ${tag} client`);
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), `E2E Store ${tag}`, `E2E Store ${tag}`);
  }

  browserTest('a sales manager enters an order with the live breakdown, confirms, releases, reserves again and cancels it', async ({ page }) => {
    await orderWorld('or', 'E2E-OR-1');
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when the manager enters 3 drills with a 5 % manual discount
    await newOrder(page, 'or');
    await addLine(page, 'E2E-OR-1 Drill', '3');
    await page.locator('input[name="lines.0.manualDiscountPercent"]').fill('5');

    // then the line shows the 10 available in the store, and the breakdown, by hand:
    //   1,234.56 × 0.95 = 1,172.832 → 1,172.83; 3 × 1,172.83 = 3,518.49; VAT 22 % on top 774.0678 → 774.07; total 4,292.56
    await eventually(async () => expect(await page.getByTestId('available').allInnerTexts()).toEqual(['10']));
    await eventually(async () => expect(text(await page.getByTestId('line-0-finalUnitPrice').innerText())).toBe('RUB 1,172.83'));
    expect(text(await page.getByTestId('line-0-basePrice').innerText())).toMatch(/^RUB 1,234\.56/);
    expect(text(await page.getByTestId('line-0-amount').innerText())).toBe('RUB 3,518.49');
    expect(text(await page.getByTestId('totals-vat').innerText())).toBe('RUB 774.07');
    expect(text(await page.getByTestId('totals-total').innerText())).toBe('RUB 4,292.56');

    // when it is saved, it is a draft with the frozen-to-be prices (reserved, where, awaited, shipped, returned, left to ship)
    const id = await saveOrder(page, 'or');
    await page.getByText('Draft', { exact: true }).waitFor();
    await eventually(async () => expect((await rowsOf(page, 'document-lines'))[0]).toMatch(/^1 E2E-OR-1 Drill 3 RUB 1,234\.56 RUB 1,172\.83 RUB 3,518\.49 22 RUB 774\.07 RUB 4,292\.56 0 — 0 0 0 3$/));

    // when it is confirmed, the 3 are reserved in the store
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('Confirmed', { exact: true }).waitFor();
    await eventually(async () => expect((await rowsOf(page, 'document-lines'))[0]).toMatch(/ 3 W-or: 3 0 0 0 3$/));
    const reserved = async () => (await (await app().as(Role.ADMIN)).Availability({ productIds: [(await (await app().as(Role.ADMIN)).Order({ id })).order!.lines[0].product.id] })).availability;
    expect((await reserved()).map((a) => [a.reserved, a.available])).toEqual([['3', '7']]);

    // when it is released, nothing is reserved and Reserve is offered; reserving takes the 3 again
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await eventually(async () => expect((await rowsOf(page, 'document-lines'))[0]).toMatch(/ 0 — 0 0 0 3$/));
    await page.getByRole('button', { name: 'Reserve', exact: true }).click();
    await eventually(async () => expect((await rowsOf(page, 'document-lines'))[0]).toMatch(/ 3 W-or: 3 0 0 0 3$/));

    // when it is cancelled, its reservation is released: 10 available again
    await page.getByRole('button', { name: 'Cancel order', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Cancelled', { exact: true }).waitFor();
    expect((await reserved()).map((a) => [a.reserved, a.available])).toEqual([['0', '10']]);
  });

  browserTest('an order over the stock is refused with the numbers, then confirmed with the shortfall awaited', async ({ page }) => {
    await orderWorld('ob', 'E2E-OB-1');
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when the manager enters 12 drills where 10 are available, the available cell warns at once
    await newOrder(page, 'ob');
    await addLine(page, 'E2E-OB-1 Drill', '12');
    await eventually(async () => expect(await page.getByTestId('available').allInnerTexts()).toEqual(['10']));
    await saveOrder(page, 'ob');
    await page.getByText('Draft', { exact: true }).waitFor();

    // then confirming is refused: 12 requested, 10 available
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await eventually(async () => expect(text(await page.getByRole('alert').first().innerText())).toMatch(/12 requested, 10 available/));
    await page.getByText('Draft', { exact: true }).waitFor();

    // when it is confirmed with backorders, the 10 are reserved and 12 − 10 = 2 are awaited
    await page.getByRole('button', { name: 'Confirm with backorders', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Confirmed', { exact: true }).waitFor();
    await eventually(async () => expect((await rowsOf(page, 'document-lines'))[0]).toMatch(/ 10 W-ob: 10 2 0 0 12$/));
  });
});
