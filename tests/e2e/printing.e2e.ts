import { demoEmail, Role } from '../support/harness';
import { pdfPages } from '../support/pdf-text';
import { expandMenu } from './browser';
import { logIn, useStockConsole } from './stock-console';

/** The Print menu of a document: a form opens in a new tab through a signed link, without the reader's token. */
describe('printing from the console', () => {
  const { browserTest, seed, receive } = useStockConsole();

  browserTest('a warehouse user prints a posted receipt in English from its Print menu, and the new tab shows the PDF', async ({ page, context }) => {
    // given a posted receipt of 3 × 100.00 + 22 % = 366.00
    const seeded = await seed('pr', 'E2E-PR-1', 'Printer paper');
    const receipt = await receive(seeded, '2020-06-01', [[seeded.product, '3', '100']]);
    await logIn(page, demoEmail(Role.WAREHOUSE));
    await page.goto(`/#/GoodsReceipt/${encodeURIComponent(receipt.id)}/show`);

    // when they open Print and choose the English receipt note
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.getByRole('menuitem').allInnerTexts()).toEqual(['Goods receipt note, PDF (Russian)', 'Goods receipt note, PDF (English)']);
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('menuitem', { name: 'Goods receipt note, PDF (English)' }).click()]);

    // then a new tab opens the signed link of this receipt
    await tab.waitForURL(new RegExp(`/print/goods-receipt/${receipt.id}\\.pdf\\?form=receipt-note&lang=en&token=`));
    // and that link alone, without the reader's token, is the PDF of the receipt
    const response = await context.request.get(tab.url());
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const [text] = await pdfPages(await response.body());
    expect(text).toContain(`Goods receipt note No. ${receipt.number} of 01.06.2020`);
    expect(text).toContain('1 E2E-PR-1 Printer paper pcs-pr 3 100.00 300.00 22 66.00 366.00');
    expect(text).toContain('Three hundred sixty-six roubles 00 kopecks');
  });

  browserTest('a warehouse user prints two receipts selected in the list as one PDF, in the list\'s order', async ({ page, context }) => {
    // given two posted receipts: 2 × 10.00 on 2 June and 5 × 20.00 on 3 June (the newer is listed first)
    const seeded = await seed('pb', 'E2E-PB-1', 'Envelopes');
    const first = await receive(seeded, '2020-06-02', [[seeded.product, '2', '10']]);
    const second = await receive(seeded, '2020-06-03', [[seeded.product, '5', '20']]);
    await logIn(page, demoEmail(Role.WAREHOUSE));
    await page.goto('/#/GoodsReceipt?filter=' + encodeURIComponent(JSON.stringify({ warehouseId: seeded.warehouse.id })));

    // when they tick both and print them in Russian
    for (const number of [first.number, second.number]) await page.getByRole('row').filter({ hasText: number }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.getByRole('menuitem').allInnerTexts()).toEqual(['Goods receipt note, PDF (Russian)', 'Goods receipt note, PDF (English)']);
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('menuitem', { name: 'Goods receipt note, PDF (Russian)' }).click()]);

    // then one PDF opens with both, the newer first as the list shows them, each on its own page
    await tab.waitForURL(/\/print\/goods-receipt\/batch\.pdf\?ids=/);
    const response = await context.request.get(tab.url());
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const pages = await pdfPages(await response.body());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain(`Приходная накладная № ${second.number} от 03.06.2020`);
    expect(pages[0]).toContain('1 E2E-PB-1 Envelopes piece 5 20,00 100,00 22 22,00 122,00');
    expect(pages[1]).toContain(`Приходная накладная № ${first.number} от 02.06.2020`);
    expect(pages[1]).toContain('Страница 2 из 2');
  });

  browserTest('an accountant keeps the company details: a mistyped INN is refused on its field, the corrected one saved', async ({ page }) => {
    // given the accountant on Company details
    await logIn(page, demoEmail(Role.ACCOUNTANT));
    // (the entry is in the Settings menu; the page is opened by its address, as the menu moves while the dashboard's tiles load)
    await expandMenu(page);
    await page.getByRole('menuitem', { name: 'Company details', exact: true }).waitFor();
    await page.goto('/#/CompanyDetails');
    await page.getByLabel('Legal name').waitFor();

    // when they type the name and an INN whose check digit is wrong, and save
    await page.getByLabel('Legal name').fill('ООО «Печать»');
    await page.getByLabel('INN').fill('7712345670');
    await page.getByRole('button', { name: 'Save' }).click();

    // then the INN is refused where it was typed
    await page.locator('.MuiFormHelperText-root', { hasText: 'the check digit does not match: mistyped?' }).waitFor();

    // when they correct it, then the details are saved
    await page.getByLabel('INN').fill('7712345671');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Company details saved').waitFor();
    expect(await page.getByLabel('INN').inputValue()).toBe('7712345671');
  });
});
