import { demoEmail, Role } from '../support/harness';
import { eventually, openMenu, typeDay } from './browser';
import { logIn, openCreate, pick, rowsOf, rowWith, save, switchUser, useStockConsole } from './stock-console';

/**
 * Stock counts, landed costs and the valuation report in a real browser: a count typed on its
 * sheet and posted, a landed cost spread over a receipt and posted into its lots, and the
 * value of stock by warehouse × group, each against numbers worked out by hand. What a test
 * only needs to exist comes from the SDK.
 */
describe('stock counts, landed costs and valuation in the console', () => {
  const { browserTest, seed, addProduct, receive } = useStockConsole();

  browserTest('a warehouse user counts 8 of the 10 buckets on the books, posts the count, and 2 are written off while the untouched line stays', async ({ page }) => {
    // given 10 buckets at 50 and 5 mops at 30 in the store
    const seeded = await seed('sc', 'E2E-SD-1', 'Bucket');
    const { product: bucket } = seeded;
    const mop = await addProduct(seeded, 'E2E-SD-2', 'Mop');
    await receive(seeded, '2020-06-01', [[bucket, '10', '50'], [mop, '5', '30']]);
    await logIn(page, demoEmail(Role.WAREHOUSE));

    // when the warehouse user creates a count of the store at the end of 30 June, filled in from the books
    await openCreate(page, 'Stock counts', 'StockCount');
    await typeDay(page, 'date', '2020-06-30');
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), 'E2E Store', 'E2E Store sc');
    expect(await page.getByRole('switch', { name: 'Fill in the products on the books' }).or(page.getByRole('checkbox', { name: 'Fill in the products on the books' })).isChecked()).toBe(true);
    const id = await save(page, 'StockCount', 'edit');

    // then its sheet opens with a line per product on the books, counted = book
    await eventually(async () => expect(await page.getByTestId('bookQuantity').allInnerTexts()).toEqual(['10', '5']));
    expect(await page.locator('input[name="lines.0.countedQuantity"]').inputValue()).toBe('10');
    expect(await page.getByTestId('difference').allInnerTexts()).toEqual(['0', '0']);

    // when they type 8 buckets counted, the difference shows at once, and they save
    await page.locator('input[name="lines.0.countedQuantity"]').fill('8');
    await eventually(async () => expect(await page.getByTestId('difference').allInnerTexts()).toEqual(['-2', '0']));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`#/StockCount/${encodeURIComponent(id)}/show$`));

    // then both lines are kept: the bucket's 8 against 10, the mop's untouched 5 (no cost column without cost:read)
    await page.getByText('Draft', { exact: true }).waitFor();
    await eventually(async () => expect(await rowsOf(page, 'document-lines')).toEqual(['1 E2E-SD-1 Bucket 10 8 -2', '2 E2E-SD-2 Mop 5 5 0']));

    // when they post it
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then the shortage of 2 left the store on the count's date
    await page.getByText('Posted', { exact: true }).waitFor();
    await eventually(async () => expect(await rowsOf(page, 'document-movements')).toEqual(['1 30/06/2020 E2E-SD-1 -2']));
    expect(await page.getByRole('columnheader', { name: 'Difference cost' }).count()).toBe(0);

    // and the store holds 10 − 2 = 8 buckets and still 5 mops
    await openMenu(page, 'Stock balances');
    await page.waitForURL(/#\/StockBalance$/);
    await eventually(async () => expect(await rowWith(page, 'stock-balances', 'E2E-SD-1')).toEqual(['E2E Store sc E2E-SD-1 Bucket pcs-sc 8 0 8 Lots']));
    expect(await rowWith(page, 'stock-balances', 'E2E-SD-2')).toEqual(['E2E Store sc E2E-SD-2 Mop pcs-sc 5 0 5 Lots']);

    // and an administrator sees the shortage cost: 2 × 50 = 100
    await switchUser(page, demoEmail(Role.ADMIN));
    await page.goto(`/#/StockCount/${encodeURIComponent(id)}/show`);
    await eventually(async () => expect(await rowsOf(page, 'document-lines')).toEqual(['1 E2E-SD-1 Bucket 10 8 -2 -RUB 100.00', '2 E2E-SD-2 Mop 5 5 0 RUB 0.00']));
  });

  browserTest('purchasing spreads 220 of freight by value over a receipt of 10 at 100 and 10 at 120, posts it, and the lots cost 110 and 132', async ({ page }) => {
    // given a posted receipt of 10 pipes at 100 (1,000.00) and 10 valves at 120 (1,200.00), and a carrier
    const seeded = await seed('lc', 'E2E-LC-1', 'Pipe');
    const { admin, product: pipe, warehouse } = seeded;
    const valve = await addProduct(seeded, 'E2E-LC-2', 'Valve');
    await admin.CreateCounterparty({ input: { name: 'E2E Carrier lc', roles: ['SUPPLIER'] } });
    const receipt = await receive(seeded, '2020-07-01', [[pipe, '10', '100'], [valve, '10', '120']]);
    await logIn(page, demoEmail(Role.PURCHASING));

    // when purchasing writes a landed cost of 220 for freight over the whole receipt, spread by hand
    await openCreate(page, 'Landed costs', 'LandedCost');
    await typeDay(page, 'date', '2020-07-05');
    await pick(page, page.getByRole('combobox', { name: 'Supplier' }), 'E2E Carrier', 'E2E Carrier lc');
    await page.locator('input[name=description]').fill('Freight');
    await page.locator('input[name=amount]').fill('220');
    await page.getByRole('combobox', { name: 'Spread' }).click();
    await page.getByRole('option', { name: 'By hand' }).click();
    const receipts = page.getByRole('combobox', { name: 'Whole receipts' });
    await receipts.click();
    await receipts.pressSequentially(receipt.number);
    await page.getByRole('option', { name: `${receipt.number} · E2E Supplier lc`, exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();

    // then the server's refusal names the receipt's first line, which the form has no input for, in words
    await page.getByText(/^Line 1, Manual amount: /).waitFor();
    expect(page.url()).toMatch(/#\/LandedCost\/create$/);

    // when they spread it by value instead and save
    await page.getByRole('combobox', { name: 'Spread' }).click();
    await page.getByRole('option', { name: 'By value' }).click();
    const id = await save(page, 'LandedCost');

    // then each receipt line carries its share of 220 by value: 220 × 1,000 / 2,200 = 100 and 220 × 1,200 / 2,200 = 120
    await page.getByText('Draft', { exact: true }).waitFor();
    await eventually(async () =>
      expect(await rowsOf(page, 'document-lines')).toEqual([
        `1 ${receipt.number} 1 E2E-LC-1 Pipe 10 RUB 1,000.00 — — RUB 100.00`,
        `2 ${receipt.number} 2 E2E-LC-2 Valve 10 RUB 1,200.00 — — RUB 120.00`,
      ]),
    );

    // when they post it
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then both lots, still whole on hand, are raised: by 100 / 10 = 10 and 120 / 10 = 12 a unit
    await page.getByText('Posted', { exact: true }).waitFor();
    await eventually(async () =>
      expect((await rowsOf(page, 'landed-cost-adjustments')).sort()).toEqual([
        `1 Lot on hand Goods receipt ${receipt.number} E2E Store lc E2E-LC-1 10 RUB 100.00 RUB 10.00`,
        `2 Lot on hand Goods receipt ${receipt.number} E2E Store lc E2E-LC-2 10 RUB 120.00 RUB 12.00`,
      ]),
    );
    expect((await rowsOf(page, 'document-movements')).sort()).toEqual(['1 05/07/2020 E2E Store lc E2E-LC-1 0 RUB 100.00', '2 05/07/2020 E2E Store lc E2E-LC-2 0 RUB 120.00']);

    // and the pipes' lot now costs 100 + 10 = 110 a unit, 1,100.00 in all
    await page.goto(`/#/StockLot?filter=${encodeURIComponent(JSON.stringify({ productId: pipe.id, warehouseId: warehouse.id }))}`);
    await eventually(async () => expect(await rowsOf(page, 'stock-lots')).toEqual([`01/07/2020 Goods receipt ${receipt.number} line 1 10 10 RUB 110.00 RUB 1,100.00`]));

    // and the lot names the receipt that made it, and opens it
    await page.getByRole('link', { name: `Goods receipt ${receipt.number} line 1` }).click();
    await page.waitForURL(new RegExp(`#/GoodsReceipt/${receipt.id}/show$`));

    // and the valves' 120 + 12 = 132
    const { lots } = await admin.Lots({ productId: valve.id, warehouseId: warehouse.id });
    expect(lots.map((lot) => [lot.unitCost, lot.valueRemaining])).toEqual([['132.00', '1320.00']]);
    expect((await admin.LandedCost({ id })).landedCost?.status).toBe('POSTED');
  });

  browserTest('the valuation shows each warehouse × group at FIFO cost, the warehouse totals and the grand total, now and at the end of an earlier day', async ({ page }) => {
    // given a group of tools with drills below it, and a hammer in tools and a drill in drills
    const seeded = await seed('va', 'E2E-VA-0', 'Ungrouped');
    const { admin, warehouse: store } = seeded;
    const tools = (await admin.CreateProductGroup({ input: { name: 'E2E Val Tools' } })).createProductGroup;
    const drills = (await admin.CreateProductGroup({ input: { name: 'Drills', parentId: tools.id } })).createProductGroup;
    const hammer = await addProduct(seeded, 'E2E-VA-1', 'Hammer', tools.id);
    const drill = await addProduct(seeded, 'E2E-VA-2', 'Drill', drills.id);
    const annex = (await admin.CreateWarehouse({ input: { code: 'W-va-annex', name: 'E2E Annex va' } })).createWarehouse;

    // and in the store 10 hammers at 12.50 and 4 drills at 300 (1 Aug), 5 hammers at 14 (2 Aug); in the annex 6 hammers at 20 (3 Aug)
    await receive(seeded, '2020-08-01', [[hammer, '10', '12.50'], [drill, '4', '300']]);
    await receive(seeded, '2020-08-02', [[hammer, '5', '14']]);
    await receive(seeded, '2020-08-03', [[hammer, '6', '20']], annex);

    // and 12 hammers moved from the store to the annex on 4 Aug: FIFO 10 × 12.50 + 2 × 14 = 153.00
    const { createStockTransfer: transfer } = await admin.CreateStockTransfer({ input: { date: '2020-08-04', fromWarehouseId: store.id, toWarehouseId: annex.id, lines: [{ productId: hammer.id, quantity: '12' }] } });
    await admin.PostStockTransfer({ id: transfer.id });

    // when an accountant opens the valuation of the tools group
    await logIn(page, demoEmail(Role.ACCOUNTANT));
    await openMenu(page, 'Stock valuation');
    await page.waitForURL(/#\/StockValuation$/);
    await pick(page, page.getByRole('combobox', { name: 'Product group' }), 'E2E Val', 'E2E Val Tools');

    // then the store holds 3 hammers at 14 = 42.00 and the drills' 1,200.00; the annex 6 × 20 + 153 = 273.00 for 18 hammers (rows by warehouse name)
    await eventually(async () =>
      expect(await rowsOf(page, 'stock-valuation')).toEqual(['E2E Annex va E2E Val Tools 18 RUB 273.00', 'E2E Store va E2E Val Tools 3 RUB 42.00', 'E2E Store va E2E Val Tools / Drills 4 RUB 1,200.00']),
    );
    // and under them each warehouse's total and the grand total
    expect(await rowsOf(page, 'stock-valuation-totals')).toEqual(['Total E2E Store va 7 RUB 1,242.00', 'Total E2E Annex va 18 RUB 273.00', 'Grand total 25 RUB 1,515.00']);

    // when they sort by value, largest first (a first click sorts ascending, a second descending)
    const byValue = page.getByRole('columnheader', { name: 'Value' }).locator('.MuiTableSortLabel-root');
    await byValue.click();
    await page.waitForURL(/sort=value/);
    await eventually(async () =>
      expect(await rowsOf(page, 'stock-valuation')).toEqual(['E2E Store va E2E Val Tools 3 RUB 42.00', 'E2E Annex va E2E Val Tools 18 RUB 273.00', 'E2E Store va E2E Val Tools / Drills 4 RUB 1,200.00']),
    );
    // (a click while the sorted page is still being drawn can be lost: clicked again, a second later, until it takes)
    await eventually(
      async () => {
        if (!/order=DESC/.test(page.url())) await byValue.click();
        await page.waitForURL(/order=DESC/, { timeout: 1000 });
      },
      { interval: 500 },
    );
    await eventually(async () =>
      expect(await rowsOf(page, 'stock-valuation')).toEqual(['E2E Store va E2E Val Tools / Drills 4 RUB 1,200.00', 'E2E Annex va E2E Val Tools 18 RUB 273.00', 'E2E Store va E2E Val Tools 3 RUB 42.00']),
    );

    // when they ask for the end of 3 Aug, before the transfer
    await typeDay(page, 'asOf', '2020-08-03');

    // then the store still had its 15 hammers (125.00 + 70.00) and the annex its 6 (120.00): the total is the same 1,515.00
    await page.getByText('At the end of 03/08/2020').waitFor();
    await eventually(async () =>
      expect(await rowsOf(page, 'stock-valuation')).toEqual(['E2E Store va E2E Val Tools / Drills 4 RUB 1,200.00', 'E2E Store va E2E Val Tools 15 RUB 195.00', 'E2E Annex va E2E Val Tools 6 RUB 120.00']),
    );
    expect(await rowsOf(page, 'stock-valuation-totals')).toEqual(['Total E2E Store va 19 RUB 1,395.00', 'Total E2E Annex va 6 RUB 120.00', 'Grand total 25 RUB 1,515.00']);

    // and a warehouse user, without cost:read, sees the quantities and no value column
    await switchUser(page, demoEmail(Role.WAREHOUSE));
    await openMenu(page, 'Stock valuation');
    await pick(page, page.getByRole('combobox', { name: 'Product group' }), 'E2E Val', 'E2E Val Tools');
    await eventually(async () => expect(await rowsOf(page, 'stock-valuation')).toEqual(['E2E Annex va E2E Val Tools 18', 'E2E Store va E2E Val Tools 3', 'E2E Store va E2E Val Tools / Drills 4']));
    expect(await rowsOf(page, 'stock-valuation-totals')).toEqual(['Total E2E Store va 7', 'Total E2E Annex va 18', 'Grand total 25']);
    expect(await page.getByRole('columnheader', { name: 'Value' }).count()).toBe(0);
  });
});
