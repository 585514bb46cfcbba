import { demoEmail, Role } from '../support/harness';
import { eventually, expandMenu, openMenu, typeDay } from './browser';
import { addLine, logIn, openCreate, pick, rowsOf, rowWith, save, switchUser, useStockConsole } from './stock-console';

/**
 * The stock screens in a real browser: a goods receipt and a transfer written through their
 * forms and posted, then read back on the stock balance screen, with cost only for those who
 * may see it; a write-off refused for want of stock. Suppliers, warehouses, products and the
 * receipts a test only needs to exist come from the SDK.
 */
describe('stock console', () => {
  const { browserTest, seed, receive } = useStockConsole();

  browserTest('a warehouse user writes a goods receipt with one line, posts it, and sees the quantity on the stock balance screen', async ({ page }) => {
    // given a supplier, a warehouse and a product
    const { admin, warehouse } = await seed('rc', 'E2E-ST-1', 'Crowbar');
    await logIn(page, demoEmail(Role.WAREHOUSE));

    // when the warehouse user opens Goods receipts, Create, and fills the head
    await openCreate(page, 'Goods receipts', 'GoodsReceipt');
    await typeDay(page, 'date', '2020-03-02');
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), 'E2E Store', 'E2E Store rc');
    await pick(page, page.getByRole('combobox', { name: 'Supplier' }), 'E2E Supplier', 'E2E Supplier rc');

    // and one line: 10 crowbars at 100, VAT 22 %
    await addLine(page, 'E2E-ST-1 Crowbar', '10');
    await page.locator('input[name="lines.0.unitCost"]').fill('100');
    await page.getByRole('combobox', { name: 'VAT, %' }).selectOption('22');
    const id = await save(page, 'GoodsReceipt');

    // then the draft opens with its line, and no movements yet
    await page.getByText('Draft', { exact: true }).waitFor();
    await eventually(async () => expect(await rowsOf(page, 'document-lines')).toEqual([expect.stringMatching(/^1 E2E-ST-1 Crowbar 10 RUB 100\.00 RUB 1,000\.00 22 RUB 220\.00$/)]));

    // when they press Post
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then it is Posted, offers Unpost, and shows the movement it made (no cost column without cost:read)
    await page.getByText('Posted', { exact: true }).waitFor();
    await eventually(async () => expect(await rowsOf(page, 'document-movements')).toEqual([expect.stringMatching(/^1 02\/03\/2020 E2E-ST-1 10$/)]));
    expect(await page.getByRole('button', { name: 'Unpost', exact: true }).count()).toBe(1);
    expect((await admin.GoodsReceipt({ id })).goodsReceipt?.status).toBe('POSTED');

    // and the stock balance screen shows 10 on hand in that warehouse, without value columns
    await openMenu(page, 'Stock balances');
    await page.waitForURL(/#\/StockBalance$/);
    await eventually(async () => expect(await rowWith(page, 'stock-balances', 'E2E-ST-1')).toEqual(['E2E Store rc E2E-ST-1 Crowbar pcs-rc 10 0 10 Lots']));
    expect(await page.getByRole('columnheader', { name: 'Value' }).count()).toBe(0);
    expect(warehouse.code).toBe('W-rc');
  });

  browserTest('a sales manager sees the balance without value columns; an administrator sees the value and average cost', async ({ page }) => {
    // given 4 drills received at 250 and posted through the SDK
    const seeded = await seed('sm', 'E2E-ST-2', 'Drill');
    await receive(seeded, '2020-03-03', [[seeded.product, '4', '250']]);

    // when a sales manager opens Stock balances
    await logIn(page, demoEmail(Role.SALES_MANAGER));
    await openMenu(page, 'Stock balances');
    await page.waitForURL(/#\/StockBalance$/);

    // then the row shows quantities only, and there is no value or average cost column
    await eventually(async () => expect(await rowWith(page, 'stock-balances', 'E2E-ST-2')).toEqual(['E2E Store sm E2E-ST-2 Drill pcs-sm 4 0 4 Lots']));
    await page.getByRole('columnheader', { name: 'On hand' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Value' }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Average cost' }).count()).toBe(0);
    await expandMenu(page);
    expect(await page.getByRole('menuitem', { name: 'Goods receipts' }).count()).toBe(0);

    // and an administrator sees value 1,000.00 at an average of 250.00
    await switchUser(page, demoEmail(Role.ADMIN));
    await openMenu(page, 'Stock balances');
    await eventually(async () => expect(await rowWith(page, 'stock-balances', 'E2E-ST-2')).toEqual(['E2E Store sm E2E-ST-2 Drill pcs-sm 4 0 4 RUB 250.00 RUB 1,000.00 Lots']));
  });

  browserTest('a warehouse user transfers 8 of 10 ladders held in two lots, sees the movements out of one warehouse and into the other, and the balances move', async ({ page }) => {
    // given 6 ladders received at 100 on 1 April and 4 at 130 on 2 April in the store, and an empty annex
    const seeded = await seed('tr', 'E2E-ST-3', 'Ladder');
    await seeded.admin.CreateWarehouse({ input: { code: 'W-tr-annex', name: 'E2E Annex tr' } });
    await receive(seeded, '2020-04-01', [[seeded.product, '6', '100']]);
    await receive(seeded, '2020-04-02', [[seeded.product, '4', '130']]);
    await logIn(page, demoEmail(Role.WAREHOUSE));

    // when the warehouse user writes a transfer of 8 ladders from the store to the annex on 3 April
    await openCreate(page, 'Stock transfers', 'StockTransfer');
    await typeDay(page, 'date', '2020-04-03');
    await pick(page, page.getByRole('combobox', { name: 'From warehouse' }), 'E2E Store', 'E2E Store tr');
    await pick(page, page.getByRole('combobox', { name: 'To warehouse' }), 'E2E Annex', 'E2E Annex tr');
    await addLine(page, 'E2E-ST-3 Ladder', '8');
    const id = await save(page, 'StockTransfer');

    // then the draft shows both warehouses and its line, and no movements yet
    await page.getByText('Draft', { exact: true }).waitFor();
    await page.getByText('E2E Annex tr', { exact: true }).waitFor();
    await eventually(async () => expect(await rowsOf(page, 'document-lines')).toEqual(['1 E2E-ST-3 Ladder 8']));
    expect(await rowsOf(page, 'document-movements')).toEqual([]);

    // when they press Post
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then FIFO took all 6 of the first lot and 2 of the second out of the store, and made the same two lots in the annex
    await page.getByText('Posted', { exact: true }).waitFor();
    const movements = ['1 03/04/2020 E2E Store tr E2E-ST-3 -6', '1 03/04/2020 E2E Store tr E2E-ST-3 -2', '1 03/04/2020 E2E Annex tr E2E-ST-3 6', '1 03/04/2020 E2E Annex tr E2E-ST-3 2'];
    await eventually(async () => expect((await rowsOf(page, 'document-movements')).sort()).toEqual([...movements].sort()));
    expect(await page.getByRole('columnheader', { name: 'Cost' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Unpost', exact: true }).count()).toBe(1);

    // and the balances: 10 − 8 = 2 left in the store, 8 in the annex
    await openMenu(page, 'Stock balances');
    await page.waitForURL(/#\/StockBalance$/);
    await eventually(async () =>
      expect((await rowWith(page, 'stock-balances', 'E2E-ST-3')).sort()).toEqual(['E2E Annex tr E2E-ST-3 Ladder pcs-tr 8 0 8 Lots', 'E2E Store tr E2E-ST-3 Ladder pcs-tr 2 0 2 Lots']),
    );

    // and an administrator sees the cost each movement carried: 6 × 100 = 600 and 2 × 130 = 260, out and in
    await switchUser(page, demoEmail(Role.ADMIN));
    await page.goto(`/#/StockTransfer/${encodeURIComponent(id)}/show`);
    const costs = ['1 03/04/2020 E2E Store tr E2E-ST-3 -6 -RUB 600.00', '1 03/04/2020 E2E Store tr E2E-ST-3 -2 -RUB 260.00', '1 03/04/2020 E2E Annex tr E2E-ST-3 6 RUB 600.00', '1 03/04/2020 E2E Annex tr E2E-ST-3 2 RUB 260.00'];
    await eventually(async () => expect((await rowsOf(page, 'document-movements')).sort()).toEqual([...costs].sort()));
  });

  browserTest('a warehouse user who writes off more than the warehouse holds is told how much was requested and how much is there', async ({ page }) => {
    // given 5 hammers received in the store
    const seeded = await seed('wo', 'E2E-ST-4', 'Hammer');
    await receive(seeded, '2020-05-01', [[seeded.product, '5', '40']]);
    await logIn(page, demoEmail(Role.WAREHOUSE));

    // when the warehouse user writes off 7 damaged hammers
    await openCreate(page, 'Write-offs', 'WriteOff');
    await typeDay(page, 'date', '2020-05-02');
    await pick(page, page.getByRole('combobox', { name: 'Warehouse' }), 'E2E Store', 'E2E Store wo');
    await page.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Damage' }).click();
    await addLine(page, 'E2E-ST-4 Hammer', '7');

    // and the line shows, as it is typed, that only 5 are available there
    await eventually(async () => expect(await page.getByTestId('available').allInnerTexts()).toEqual(['5']));
    const id = await save(page, 'WriteOff');
    await page.getByText('Draft', { exact: true }).waitFor();
    await page.getByText('Damage', { exact: true }).waitFor();

    // and presses Post
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    // then the console says which product and warehouse fall short, 7 requested against 5 there
    await page.getByText('Not enough E2E-ST-4 Hammer in E2E Store wo: 7 requested, 5 available', { exact: true }).waitFor();

    // and the write-off stays a draft with no movements, the 5 hammers still in the store
    expect(await page.getByText('Draft', { exact: true }).count()).toBe(1);
    expect(await rowsOf(page, 'document-movements')).toEqual([]);
    const { writeOff } = await seeded.admin.WriteOff({ id });
    expect([writeOff?.status, writeOff?.movements.length]).toEqual(['DRAFT', 0]);
    const { stockBalances } = await seeded.admin.StockBalanceRows({ filter: { productId: seeded.product.id } });
    expect(stockBalances.items.map((row) => [row.warehouse.name, Number(row.onHand)])).toEqual([['E2E Store wo', 5]]);
  });
});
