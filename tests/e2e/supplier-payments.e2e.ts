import { demoEmail, Role } from '../support/harness';
import { pdfPages } from '../support/pdf-text';
import { eventually, openMenu } from './browser';
import { logIn, pick, rowsOf, text, useStockConsole } from './stock-console';

/**
 * Paying a supplier in a real browser, every figure by hand: two posted receipts, a payment
 * entered and posted on the shared document screens settles the older one and part of the
 * other; the payables report and the reconciliation statement (and its print) show what is left.
 */
describe('supplier payments in the console', () => {
  const { browserTest, seed, receive } = useStockConsole();

  browserTest('an accountant pays a supplier; the payable, its ageing and the statement add up', async ({ page, context }) => {
    // given receipts (the product's VAT 22 % on top, the supplier on 0 days terms):
    //   R1 2020-01-10: 10 × 100.00 = 1,000.00 + 220.00 = 1,220.00; R2 2020-01-20: 5 × 100.00 = 500.00 + 110.00 = 610.00
    const seeded = await seed('sp', 'E2E-SP-1', 'Hammer');
    const r1 = await receive(seeded, '2020-01-10', [[seeded.product, '10', '100']]);
    const r2 = await receive(seeded, '2020-01-20', [[seeded.product, '5', '100']]);
    const supplier = seeded.supplier.name;
    await logIn(page, demoEmail(Role.ACCOUNTANT));

    // when the accountant pays 1,500.00 today by bank and posts it
    await openMenu(page, 'Supplier payments');
    await page.getByRole('link', { name: 'Create', exact: true }).click();
    await pick(page, page.getByRole('combobox', { name: 'Supplier' }), supplier, supplier);
    await page.locator('input[name="amount"]').fill('1500');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/OutgoingPayment\/[^/]+\/show$/);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('button', { name: 'Unpost', exact: true }).waitFor();

    // then the older receipt takes 1,220.00 and the other 1,500.00 − 1,220.00 = 280.00
    await eventually(async () => expect(await rowsOf(page, 'payment-applications')).toEqual([`GoodsReceipt ${r1.number} RUB 1,220.00`, `GoodsReceipt ${r2.number} RUB 280.00`]));

    // and we owe 610.00 − 280.00 = 330.00, over 90 days past R2's due date (2020-01-20)
    await openMenu(page, 'Payables');
    await eventually(async () => expect((await page.locator('.payables-ageing tbody tr').filter({ hasText: supplier }).allInnerTexts()).map(text)).toEqual([`${supplier} RUB 330.00 RUB 0.00 RUB 0.00 RUB 0.00 RUB 0.00 RUB 330.00 RUB 0.00 RUB 330.00`]));

    // and this month's statement runs −1,830.00 (owed to the supplier) + 1,500.00 paid → −330.00
    await pick(page, page.getByRole('combobox', { name: 'Supplier' }), supplier, supplier);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await eventually(async () => expect(text(await page.getByTestId('reconciliation-closing').innerText())).toMatch(/^[-−]\s?RUB 330\.00$|^RUB [-−]330\.00$/));
    expect(text(await page.getByTestId('reconciliation-opening').innerText())).toMatch(/1,830\.00$/);
    const lines = await rowsOf(page, 'reconciliation');
    expect(lines.slice(1, -2).map((line) => line.replace(/^\S+ /, ''))).toEqual([expect.stringMatching(/^Supplier payment SP-\d{4}-\d{6} RUB 1,500\.00$/)]);

    // and printed, it is the акт сверки of that supplier, the balance in its favour
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Print', exact: true }).click()]);
    await tab.waitForURL(new RegExp(`/print/supplier/${seeded.supplier.id}\\.pdf\\?from=`));
    const response = await context.request.get(tab.url());
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const [sheet] = await pdfPages(await response.body());
    expect(sheet).toContain('Reconciliation statement for');
    expect(sheet).toContain('Turnover for the period 1,500.00 0.00');
    expect(sheet).toContain(`the balance in favour of ${supplier} is RUB 330.00.`);
  });
});
