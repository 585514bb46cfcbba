import type { Locator, Page } from 'playwright-core';
import { demoEmail, Role } from '../support/harness';
import { pdfPages } from '../support/pdf-text';
import { eventually, openMenu } from './browser';
import { logIn, rowsOf, text, useStockConsole } from './stock-console';

/**
 * Order to cash in a real browser, every figure worked out by hand: a confirmed order is shipped
 * from its page and posted, one piece comes back through the shipment's Return, the client pays,
 * and the receivables report and the reconciliation statement show what is left.
 */
describe('order to cash in the console', () => {
  const { app, browserTest, seed, receive } = useStockConsole();

  /** Types into an autocomplete and picks the option, again if its list was replaced under the click. */
  async function pickAgain(page: Page, combobox: Locator, name: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        await combobox.fill('');
        await combobox.click();
        await combobox.pressSequentially(name);
        await page.getByRole('option', { name, exact: true }).click({ timeout: 5000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  browserTest('a confirmed order is shipped, partly returned and paid; the receivable and the statement add up', async ({ page, context }) => {
    // given 10 drills in stock at 700.00 and a client of the demo manager's on a price type of
    // 1,234.56 without VAT (22 % on top), with a confirmed order of 3:
    //   3 × 1,234.56 = 3,703.68; VAT 814.8096 → 814.81; total 4,518.49
    const seeded = await seed('oc', 'E2E-OC-1', 'Drill');
    const { admin, product } = seeded;
    const type = (await admin.CreatePriceType({ input: { code: 'OPT-oc', name: 'Opt oc', vatIncluded: false } })).createPriceType;
    await admin.PostPriceList({ id: (await admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2020-01-01', lines: [{ productId: product.id, price: '1234.56' }] } })).createPriceList.id });
    const manager = await app().as(Role.SALES_MANAGER);
    const client = (await admin.CreateCounterparty({ input: { name: 'E2E oc client', ownerId: (await manager.Me()).me.id, priceTypeId: type.id } })).createCounterparty;
    await receive(seeded, '2020-01-10', [[product, '10', '700']]);
    const today = new Date().toISOString().slice(0, 10);
    const order = (await manager.CreateOrder({ input: { clientId: client.id, date: today, warehouseId: seeded.warehouse.id, lines: [{ productId: product.id, quantity: '3' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when the manager ships it from its page and posts the shipment
    await page.goto(`/#/Order/${encodeURIComponent(order.id)}/show`);
    await page.getByRole('button', { name: 'Ship', exact: true }).click();
    await page.waitForURL(/#\/Shipment\/[^/]+\/show$/);
    await eventually(async () => expect(await rowsOf(page, 'document-lines')).toEqual(['1 E2E-OC-1 Drill 3 RUB 1,234.56 RUB 0.00 RUB 3,703.68 22 RUB 814.81 RUB 4,518.49']));
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('button', { name: 'Unpost', exact: true }).waitFor();

    // then the order is shipped, and the store holds 10 − 3 = 7
    expect((await admin.Order({ id: order.id })).order!.status).toBe('SHIPPED');
    expect((await admin.Availability({ productIds: [product.id], warehouseIds: [seeded.warehouse.id] })).availability.map((a) => [a.onHand, a.reserved])).toEqual([['7', '0']]);

    // when one drill comes back through the shipment's Return
    await page.getByRole('button', { name: 'Return', exact: true }).click();
    await page.waitForURL(/#\/CustomerReturn\/create/);
    await page.locator('input[name="lines.0.quantity"]').fill('1');
    await page.locator('input[name="reason"]').fill('не подошёл');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/CustomerReturn\/[^/]+\/show$/);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('button', { name: 'Unpost', exact: true }).waitFor();

    // then it takes back a third: 1,234.56 without VAT, 814.81 / 3 = 271.60 VAT, 1,506.16 in all
    await eventually(async () => expect(await rowsOf(page, 'document-lines')).toEqual([expect.stringMatching(/ 1 RESALEABLE RUB 1,234\.56 RUB 271\.60 RUB 1,506\.16$/)]));

    // when the client pays 3,000.00 by bank
    await openMenu(page, 'Payments');
    await page.getByRole('link', { name: 'Create', exact: true }).click();
    await pickAgain(page, page.getByRole('combobox', { name: 'Client' }), 'E2E oc client');
    await page.locator('input[name="amount"]').fill('3000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/IncomingPayment\/[^/]+\/show$/);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('button', { name: 'Unpost', exact: true }).waitFor();

    // then it settles the shipment, nothing left over as an advance
    await eventually(async () => expect((await rowsOf(page, 'payment-applications'))[0]).toMatch(/RUB 3,000\.00$/));

    // and the client owes 4,518.49 − 1,506.16 − 3,000.00 = 12.33, due today (payment terms 0 days)
    await openMenu(page, 'Receivables');
    await eventually(async () => expect((await page.locator('.receivables-ageing tbody tr').filter({ hasText: 'E2E oc client' }).allInnerTexts()).map(text)).toEqual(['E2E oc client RUB 12.33 RUB 12.33 RUB 0.00 RUB 0.00 RUB 0.00 RUB 0.00 RUB 0.00 RUB 12.33']));

    // and its reconciliation statement for the month runs 0 → +4,518.49 − 1,506.16 − 3,000.00 → 12.33
    await pickAgain(page, page.getByRole('combobox', { name: 'Client' }), 'E2E oc client');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await eventually(async () => expect(text(await page.getByTestId('reconciliation-closing').innerText())).toBe('RUB 12.33'));
    expect(text(await page.getByTestId('reconciliation-opening').innerText())).toBe('RUB 0.00');
    const lines = await rowsOf(page, 'reconciliation');
    // (all three are of one day: the statement lists them in its own order within it)
    const documents = lines.slice(1, -2).map((line) => line.replace(/^\S+ /, ''));
    expect(documents).toHaveLength(3);
    expect(documents).toEqual(expect.arrayContaining([expect.stringMatching(/^Shipment SH-\d{4}-\d{6} RUB 4,518\.49$/), expect.stringMatching(/^Customer return RT-\d{4}-\d{6} RUB 1,506\.16$/), expect.stringMatching(/^Payment PM-\d{4}-\d{6} RUB 3,000\.00$/)]));

    // and printed, the statement is the акт сверки of that client and month, to the kopeck
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Print', exact: true }).click()]);
    await tab.waitForURL(new RegExp(`/print/client/${client.id}\\.pdf\\?from=`));
    const response = await context.request.get(tab.url());
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const [sheet] = await pdfPages(await response.body());
    expect(sheet).toContain('Reconciliation statement for');
    expect(sheet).toContain('Turnover for the period 4,518.49 4,506.16');
    expect(sheet).toContain('the balance in favour of');
    expect(sheet).toContain('is RUB 12.33.');
  });
});
