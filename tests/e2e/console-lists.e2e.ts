import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, Role } from '../support/harness';
import { columnTexts, eventually, typeDay } from './browser';
import { logIn, switchUser, useStockConsole } from './stock-console';

/**
 * The console's lists and reports as back-office staff use them, in a real browser: rows that
 * are there shown to every role, every declared filter reachable and applied, saved queries,
 * exports Excel opens, a phone's screen, the dashboard per role, and what the login page costs.
 */
describe('console lists, exports, phone and loading', () => {
  const { app, browserTest, seed, receive } = useStockConsole();

  /** How wide the page is against the window: equal when nothing scrolls sideways. */
  const pageWidths = (page: Page) => page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]') as Promise<[number, number]>;

  /** The filter a list applies, as react-admin keeps it in the page's address (`#/Product?filter={…}`). */
  const appliedFilter = (page: Page): Record<string, unknown> => JSON.parse(new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('filter') ?? '{}');

  /** Whether the list's address says it is sorted by `field` in `order` (`#/GoodsReceipt?…&order=DESC&sort=warehouse.name`). */
  const sortOf = (page: Page, field: string, order: string) => {
    const query = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
    return query.get('sort') === field && query.get('order') === order;
  };

  /** The number of filter inputs on the list's filter form. */
  const shownFilters = (page: Page) => page.locator('form [data-source]').count();

  /** Gives the filter just shown a value the way a user would: a switch flipped, a date typed, the first choice picked, a word typed. */
  async function applyFilter(page: Page, source: string) {
    const field = page.locator(`form [data-source="${source}"]`);
    // a reference filter shows its input once its choices are read
    await field.locator('input, [role=combobox]').first().waitFor();
    if (await field.locator('input[type=checkbox]').count()) return field.locator('input[type=checkbox]').click();
    if (await field.locator('.MuiPickersInputBase-root').count()) {
      await typeDay(page, source, '2020-01-01');
      // a moment has hours and minutes after the day
      if ((await field.locator('[role=spinbutton]').count()) > 3) await page.keyboard.type('0900');
      return;
    }
    const autocomplete = field.locator('input[role=combobox]');
    if (await autocomplete.count()) {
      // the arrow key opens the choices whether or not focus already did (a click would close them again)
      await autocomplete.focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('option').first().waitFor();
      return page.getByRole('option').first().click();
    }
    const select = field.locator('[role=combobox]');
    if (await select.count()) {
      await select.click();
      return page.getByRole('option').filter({ hasNotText: /^\s*$/ }).first().click();
    }
    return field.locator('input').fill('x');
  }

  /**
   * Something to choose in every reference filter (a warehouse, a supplier, a product in a
   * group, a price type, a posted receipt) and a record in every list, so none opens on its
   * "nothing yet" page; names and codes carry `tag`.
   */
  async function seedEveryList(tag: string) {
    const seeded = await seed(tag, `E2E-${tag.toUpperCase()}-1`, 'Bolt');
    const { createProductGroup: group } = await seeded.admin.CreateProductGroup({ input: { name: `E2E ${tag} group` } });
    await seeded.admin.UpdateProduct({ id: seeded.product.id, input: { version: seeded.product.version, groupId: group.id } });
    const { admin, product, warehouse, supplier } = seeded;
    const { createPriceType: type } = await admin.CreatePriceType({ input: { code: `E2E-${tag.toUpperCase()}`, name: `Price type ${tag}`, vatIncluded: true, rounding: 'KOPECK' } });
    const receipt = await receive(seeded, '2020-01-02', [[product, '5', '10']]);
    const annex = (await admin.CreateWarehouse({ input: { code: `W-${tag}-annex`, name: `E2E Annex ${tag}` } })).createWarehouse;
    await admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2020-01-03', lines: [{ productId: product.id, price: '15' }] } });
    await admin.CreateDiscountRule({ input: { name: `E2E ${tag} promo`, kind: 'PROMO_CODE', promoCode: tag.toUpperCase(), percent: '5', activeFrom: '2020-01-01' } });
    await admin.CreateStockTransfer({ input: { date: '2020-01-04', fromWarehouseId: warehouse.id, toWarehouseId: annex.id, lines: [{ productId: product.id, quantity: '1' }] } });
    await admin.CreateWriteOff({ input: { date: '2020-01-04', warehouseId: warehouse.id, reason: 'DAMAGE', lines: [{ productId: product.id, quantity: '1' }] } });
    await admin.CreateStockCount({ input: { date: '2020-01-05', warehouseId: warehouse.id } });
    await admin.CreateLandedCost({ input: { date: '2020-01-06', supplierId: supplier.id, description: 'Freight', amount: '10', method: 'VALUE', goodsReceiptIds: [receipt.id] } });
    // a region and a segment for the clients' filters
    await admin.CreateClientReference({ input: { kind: 'REGION', name: `E2E ${tag} region` } });
    await admin.CreateClientReference({ input: { kind: 'SEGMENT', name: `E2E ${tag} segment` } });
  }

  /** Every list of the console, settings to reports. */
  const LISTS = ['Product', 'ProductGroup', 'Unit', 'Warehouse', 'Counterparty', 'User', 'PriceType', 'PriceList', 'DiscountRule', 'GoodsReceipt', 'StockTransfer', 'WriteOff', 'StockCount', 'LandedCost', 'StockBalance', 'StockLot', 'StockValuation', 'AuditEntry'];

  browserTest('as warehouse@ and partner@ the counterparties list shows its rows, the partner\'s own client among them, and the partner\'s price check offers its client', async ({ page }) => {
    // given a client with a price type of its own, whose base type only price readers may see, and the partner's own client with one too
    const { admin } = await seed('cp', 'E2E-CP-1', 'Nail');
    const { createPriceType: base } = await admin.CreatePriceType({ input: { code: 'E2E-CP-BASE', name: 'Base', vatIncluded: true, rounding: 'KOPECK' } });
    const { createPriceType: dealer } = await admin.CreatePriceType({
      input: { code: 'E2E-CP-DEALER', name: 'Dealer', vatIncluded: true, rounding: 'KOPECK', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: base.id, adjustmentPercent: '-10' },
    });
    await admin.CreateCounterparty({ input: { name: 'E2E CP client', priceTypeId: dealer.id } });
    const { counterparties } = await admin.Counterparties({ filter: { q: 'Дилер Восток' } });
    const partnerClient = counterparties.items[0];
    await admin.UpdateCounterparty({ id: partnerClient.id, input: { version: partnerClient.version, priceTypeId: dealer.id } });

    // when the warehouse user opens Counterparties
    await logIn(page, demoEmail(Role.WAREHOUSE));
    await page.goto('/#/Counterparty');

    // then the rows are there, the client with the dealer price type among them, and the pager agrees
    await eventually(async () => expect(await columnTexts(page, 'name')).toEqual(expect.arrayContaining(['E2E CP client', 'Дилер Восток'])));
    expect(await page.getByText('No Counterparties found').count()).toBe(0);

    // when the partner opens the same list
    await switchUser(page, demoEmail(Role.PARTNER));
    await page.goto('/#/Counterparty');

    // then it shows the partner's own client, and only it
    await eventually(async () => expect(await columnTexts(page, 'name')).toEqual(['Дилер Восток']));

    // and the price check's client picker offers it instead of spinning
    await page.goto('/#/PriceCheck');
    const client = page.getByRole('combobox', { name: 'Client' });
    await client.click();
    await page.getByRole('option', { name: 'Дилер Восток', exact: true }).waitFor();
  });

  browserTest('every list\'s declared filters can be opened from Add filter and applied, and a query can be saved and recalled', async ({ page }) => {
    // given something to choose in every reference filter (a warehouse, a supplier, a product in a group, a price type, a posted receipt) and a record in every list
    await seedEveryList('fl');
    await logIn(page, demoEmail(Role.ADMIN));

    const opened: Record<string, string[]> = {};
    for (const resource of LISTS) {
      // when the list is opened and each filter offered by Add filter is chosen and given a value
      await page.goto(`/#/${resource}`);
      await page.locator('.RaList-main').waitFor();
      opened[resource] = [];
      const addFilter = page.getByRole('button', { name: 'Add filter' });
      for (let round = 0; round < 10 && (await addFilter.count()); round++) {
        await addFilter.click();
        const offered = page.getByRole('menu').locator('[data-key][aria-checked="false"]');
        if (!(await offered.count())) {
          await page.keyboard.press('Escape');
          break;
        }
        const source = (await offered.first().getAttribute('data-key'))!;
        const before = await shownFilters(page);
        await offered.first().click();

        // then its input is on the form, and once it has a value the list is filtered by it
        await eventually(async () => expect(await shownFilters(page)).toBe(before + 1));
        await applyFilter(page, source);
        await eventually(() => expect(Object.keys(appliedFilter(page))).toContain(source));
        opened[resource].push(source);
      }
    }

    // then every list with hidden filters offered them all (the ones always on screen need no button)
    expect(opened).toMatchObject({
      Product: ['kind', 'groupId', 'unitId', 'active'],
      Counterparty: ['role', 'kind', 'status', 'regionId', 'segmentId', 'tag', 'ownerId', 'active'],
      PriceType: ['derivation', 'basePriceTypeId', 'active'],
      PriceList: ['source', 'productId', 'dateFrom', 'dateTo'],
      GoodsReceipt: ['supplierId', 'dateFrom', 'dateTo'],
      WriteOff: ['reason', 'dateFrom', 'dateTo'],
      LandedCost: ['supplierId', 'dateFrom', 'dateTo'],
      StockBalance: ['groupId'],
      AuditEntry: ['action', 'to', 'entityId'],
    });

    // when a filtered list's query is saved under a name
    await page.goto('/#/Product?filter=%7B%7D');
    await page.locator('input[name="q"]').fill('E2E-FL');
    await eventually(() => expect(appliedFilter(page)).toEqual({ q: 'E2E-FL' }));
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menuitem', { name: 'Save current query...' }).click();
    await page.getByRole('dialog').locator('input').fill('My bolts');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();

    // and the filter is cleared, then the saved query chosen
    await page.goto('/#/Product?filter=%7B%7D');
    await eventually(async () => expect((await columnTexts(page, 'sku')).length).toBeGreaterThan(0));
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menuitem', { name: 'My bolts' }).click();

    // then the list is filtered again, to the one bolt
    await eventually(async () => expect(await columnTexts(page, 'sku')).toEqual(['E2E-FL-1']));
  }, 240_000);

  browserTest('every column a list offers to sort by sorts through the API, both ways, and none is refused', async ({ page }) => {
    // given a record in every list
    await seedEveryList('so');
    await logIn(page, demoEmail(Role.ADMIN));
    // and every refusal of the API noted, with the screen it came from
    const refusals: string[] = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
      for (const error of body?.errors ?? []) refusals.push(`${page.url()}: ${error.message}`);
    });

    const sorted: Record<string, string[]> = {};
    // (lots show rows once a product and a warehouse are chosen, and sort in the console: every lot is at hand)
    for (const resource of LISTS.filter((list) => list !== 'StockLot')) {
      // when the list is opened and each sortable column header is clicked twice (ascending, then descending)
      await page.goto(`/#/${resource}`);
      await page.locator('.RaList-main thead').waitFor();
      await page.waitForLoadState('networkidle');
      const fields = await page.locator('thead [data-field]').evaluateAll((labels) => labels.map((label) => label.getAttribute('data-field')!));
      sorted[resource] = fields;
      for (const field of fields) {
        for (const order of ['ASC', 'DESC']) {
          const header = page.locator(`thead [data-field="${field}"]`);
          // (a click while the page is still being drawn can be lost: clicked again until the address has the sort)
          await eventually(async () => {
            if (!sortOf(page, field, order)) await header.click();
            expect(sortOf(page, field, order)).toBe(true);
          });
          await page.waitForLoadState('networkidle');
          // then the API sorted it
          expect(refusals).toEqual([]);
        }
      }
    }

    // and the linked names and report columns were among those sorted
    expect(sorted).toMatchObject({
      GoodsReceipt: expect.arrayContaining(['number', 'date', 'warehouse.name', 'supplier.name', 'status', 'comment']),
      StockTransfer: expect.arrayContaining(['fromWarehouse.name', 'toWarehouse.name']),
      WriteOff: expect.arrayContaining(['warehouse.name', 'reason']),
      StockCount: expect.arrayContaining(['warehouse.name']),
      LandedCost: expect.arrayContaining(['supplier.name', 'description', 'method', 'amount']),
      Warehouse: expect.arrayContaining(['address', 'allowsNegativeStock']),
      StockBalance: expect.arrayContaining(['warehouse.name', 'product.sku', 'product.name', 'onHand', 'reserved', 'available', 'averageUnitCost', 'cost']),
    });
  }, 300_000);

  browserTest('a document list exports to an .xlsx that exceljs opens with the visible columns and values, and to a CSV Excel reads in Russian', async ({ page }) => {
    // given two posted receipts of the store: 2 at 100 on 3 March and 5 at 20 on 4 March
    const seeded = await seed('ex', 'E2E-EX-1', 'Pipe');
    const first = await receive(seeded, '2020-03-03', [[seeded.product, '2', '100']]);
    const second = await receive(seeded, '2020-03-04', [[seeded.product, '5', '20']]);
    await logIn(page, demoEmail(Role.ADMIN));

    // when the administrator lists goods receipts of the store and hides the comment column
    await page.goto(`/#/GoodsReceipt?filter=${encodeURIComponent(JSON.stringify({ warehouseId: seeded.warehouse.id }))}`);
    await eventually(async () => expect(await columnTexts(page, 'number')).toEqual([second.number, first.number]));
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.locator('.MuiPopover-paper').getByLabel('Comment', { exact: true }).click();
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await page.getByRole('columnheader', { name: 'Comment' }).count()).toBe(0));

    // and exports to Excel
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click()]);
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);

    // then the sheet holds the columns on screen, labelled, and the values as numbers, dates and words
    const sheet = workbook.worksheets[0];
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(download.suggestedFilename()).toMatch(/^Goods receipts-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(values(1)).toEqual(['Number', 'Date', 'Warehouse', 'Supplier', 'Status', 'Posted']);
    expect(sheet.rowCount).toBe(3);
    expect(values(2).slice(0, 5)).toEqual([second.number, new Date(Date.UTC(2020, 2, 4)), 'E2E Store ex', 'E2E Supplier ex', 'Posted']);
    expect(values(3).slice(0, 5)).toEqual([first.number, new Date(Date.UTC(2020, 2, 3)), 'E2E Store ex', 'E2E Supplier ex', 'Posted']);
    expect(values(2)[5]).toBeInstanceOf(Date);
    expect(sheet.getColumn(2).numFmt).toBe('dd/mm/yyyy');

    // when the console speaks Russian and the same list goes to CSV
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('columnheader', { name: 'Номер' }).waitFor();
    await page.getByRole('button', { name: 'Экспорт' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV для Excel' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');

    // then it starts with the byte order mark and uses semicolons and the Russian words and dates
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFНомер;Дата;Склад;Поставщик;Статус;Проведён',
      expect.stringMatching(new RegExp(`^${second.number};04\\.03\\.2020;E2E Store ex;E2E Supplier ex;Проведён;\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}$`)),
      expect.stringMatching(new RegExp(`^${first.number};03\\.03\\.2020;`)),
    ]);
  });

  browserTest('on a 390-pixel phone the lists are simple lists without sideways scrolling, and a document form ends above its Save bar', async ({ page }) => {
    // given a phone-sized window from the start (a phone opens the console with its menu closed)
    await page.setViewportSize({ width: 390, height: 844 });

    // and products, a client, a posted receipt and a price list
    const seeded = await seed('ph', 'E2E-PH-1', 'Long-named phone product with a very long name indeed');
    await receive(seeded, '2020-02-02', [[seeded.product, '3', '10']]);
    const { createPriceType: type } = await seeded.admin.CreatePriceType({ input: { code: 'E2E-PH', name: 'Phone prices', vatIncluded: true, rounding: 'KOPECK' } });
    await seeded.admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2020-02-03', lines: [{ productId: seeded.product.id, price: '15' }] } });
    await page.goto('/');
    await page.locator('input[name=username]').fill(demoEmail(Role.ADMIN));
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('tile-drafts').waitFor();

    // when each list is opened on a phone
    for (const resource of ['Product', 'Counterparty', 'GoodsReceipt', 'PriceList', 'StockBalance', 'StockValuation', 'AuditEntry', 'User']) {
      await page.goto(`/#/${resource}`);
      await page.locator('.RaList-main').waitFor();
      await page.locator('.phone-list').first().waitFor();

      // then it is a list of lines, not a table, and the page is no wider than the screen
      expect(await page.locator('.RaList-main table').count()).toBe(0);
      const widths = await pageWidths(page);
      expect({ resource, scrollWidth: widths[0] }).toEqual({ resource, scrollWidth: widths[1] });
    }

    // when a receipt with three lines is written on the phone and the form scrolled to its end
    await page.goto('/#/GoodsReceipt/create');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add line' }).click();
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');

    // then the last line's inputs end above the Save bar fixed at the bottom
    const lastLine = await page.locator('[data-testid="line-2"]').boundingBox();
    const saveBar = await page.locator('.RaToolbar-mobileToolbar, .RaToolbar-toolbar').last().boundingBox();
    expect(lastLine!.y + lastLine!.height).toBeLessThanOrEqual(saveBar!.y);
    const widths = await pageWidths(page);
    expect(widths[0]).toBe(widths[1]);
  });

  browserTest('the login page loads compressed, with index.html never cached and the hashed files cached for good, under 400 KiB', async ({ page }) => {
    // given a browser that has never seen the console
    const responses: { url: string; bytes: number; encoding: string | undefined; cache: string | undefined }[] = [];
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      const response = await request.response();
      responses.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, encoding: response?.headers()['content-encoding'], cache: response?.headers()['cache-control'] });
    });

    // when it opens the console and the login form is ready
    await page.goto('/');
    await page.locator('input[name=username]').waitFor();
    await page.waitForLoadState('networkidle');

    // then everything it loaded, as transferred, stays under 400 KiB
    const total = responses.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`login page: ${responses.length} files, ${(total / 1024).toFixed(1)} KiB transferred`);
    expect(total).toBeLessThan(400 * 1024);

    // and the scripts came brotli-compressed and cached for a year, the page itself not cached at all
    const scripts = responses.filter((r) => r.url.includes('/assets/') && r.url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((r) => r.encoding === 'br' && r.cache === 'public, max-age=31536000, immutable')).toBe(true);
    expect(responses.find((r) => new URL(r.url).pathname === '/')?.cache).toBe('no-store');
    expect(app().url).toBeTruthy();
  });

  browserTest('the dashboard shows each role its figures and work queues: the warehouse its drafts to post, the accountant the stock value by warehouse and drafts of its own', async ({ page }) => {
    // given 10 pipes received at 100 into the store and a draft transfer of 2 of them, older than the drafts
    // the other tests of this file leave (the queue shows the oldest first)
    const seeded = await seed('db', 'E2E-DB-1', 'Pipe');
    await receive(seeded, '2019-12-30', [[seeded.product, '10', '100']]);
    const annex = (await seeded.admin.CreateWarehouse({ input: { code: 'W-db-annex', name: 'E2E Annex db' } })).createWarehouse;
    const { createStockTransfer: draft } = await seeded.admin.CreateStockTransfer({
      input: { date: '2019-12-31', fromWarehouseId: seeded.warehouse.id, toWarehouseId: annex.id, lines: [{ productId: seeded.product.id, quantity: '2' }] },
    });

    // when the warehouse user signs in
    await logIn(page, demoEmail(Role.WAREHOUSE));

    // then the drafts queue names the transfer, which opens from there; no value is shown, only quantities
    const queue = page.getByTestId('tile-drafts');
    await queue.getByText(`Stock transfer ${draft.number}`).click();
    await page.waitForURL(new RegExp(`#/StockTransfer/${draft.id}/show$`));
    await page.goto('/#/');
    await page.getByTestId('tile-stock-value').getByText('Stock by warehouse').waitFor();

    // when the accountant signs in, then the stock value tile has a bar for the store and says the value of all stock, as the valuation does
    await switchUser(page, demoEmail(Role.ACCOUNTANT));
    const { stockValuation } = await seeded.admin.StockValuation({ filter: {} });
    const store = stockValuation.warehouses.find((w) => w.warehouse.id === seeded.warehouse.id);
    expect(store?.value).toBe('1000.00'); // 10 × 100
    const total = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'RUB' }).format(Number(stockValuation.total.value));
    await eventually(async () => expect(await page.getByTestId('stock-value-total').innerText()).toBe(total));
    await page.getByTestId('tile-stock-value').getByText('E2E Store db').waitFor();
    // and the accountant's drafts queue is of what an accountant posts (payments, acts, invoices): no stock document in it
    await page.getByTestId('tile-drafts').waitFor();
    expect(await page.getByTestId('tile-drafts').getByText(`Stock transfer ${draft.number}`).count()).toBe(0);
  });
});
