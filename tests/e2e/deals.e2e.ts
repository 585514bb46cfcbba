import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, Role } from '../support/harness';
import { eventually, openMenu } from './browser';
import { logIn, pick, useStockConsole } from './stock-console';

/** A column's figures as plain numbers ("RUB 350,000.50" → "350000.50"), whatever the currency sign. */
const figures = async (page: Page, stage: string) => {
  const column = page.locator(`[data-testid=pipeline-column][data-stage="${stage}"]`);
  const number = async (testId: string) => (await column.getByTestId(testId).innerText()).replace(/[^\d.]/g, '');
  return { count: await number('column-count'), amount: await number('column-amount'), weighted: await number('column-weighted'), cards: await column.getByTestId('deal-card').count() };
};

/**
 * The pipeline in a real browser (issue 13 §8, §12): a sales manager enters a deal, finds it on
 * the board, drags it to the next stage and sees both columns' totals follow; dropping a deal
 * on Lost asks why, on Won whether to start a draft order.
 */
describe('Deals and the pipeline board in the console', () => {
  const { app, browserTest } = useStockConsole();

  browserTest('a sales manager enters a deal, drags it to the next stage and sees the column totals change', async ({ page }) => {
    // given a client of the manager with a deal of 100 000 in Qualification (10 %)
    const manager = await app().as(Role.SALES_MANAGER);
    const admin = await app().as(Role.ADMIN);
    await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розничная', vatIncluded: true, isDefault: true } });
    await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной' } });
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'E2E Стройка' } });
    await manager.CreateDeal({ input: { clientId: client.id, title: 'E2E Старая', amount: '100000' } });
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when the manager enters a deal of 250 000.50 (typed the Russian way) for it, leaving the stage to the first one
    await openMenu(page, 'Deals');
    await page.getByRole('link', { name: 'Create', exact: true }).click();
    await page.locator('input[name=title]').fill('E2E Склад');
    await page.locator('input[name=amount]').fill('250000,50');
    // the client last: the form's other lookups (stages, users) have loaded by then and leave its options alone
    await pick(page, page.getByRole('combobox', { name: 'Client' }), 'E2E Строй', 'E2E Стройка');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/Deal$/);
    await page.getByText('E2E Склад', { exact: true }).first().waitFor();

    // then the board shows both in Qualification: 350 000.50, weighted 35 000.05 (10 %)
    await openMenu(page, 'Pipeline');
    await page.locator('[data-deal="E2E Склад"]').waitFor();
    expect(await figures(page, 'Qualification')).toEqual({ count: '2', amount: '350000.50', weighted: '35000.05', cards: 2 });
    expect(await figures(page, 'Proposal')).toEqual({ count: '0', amount: '0.00', weighted: '0.00', cards: 0 });

    // when the new deal is dragged to Proposal (30 %)
    await page.dragAndDrop('[data-deal="E2E Склад"]', '[data-testid=pipeline-column][data-stage="Proposal"]');

    // then Qualification keeps 100 000 (weighted 10 000) and Proposal holds 250 000.50 (weighted 75 000.15)
    await eventually(async () => expect(await figures(page, 'Proposal')).toEqual({ count: '1', amount: '250000.50', weighted: '75000.15', cards: 1 }));
    expect(await figures(page, 'Qualification')).toEqual({ count: '1', amount: '100000.00', weighted: '10000.00', cards: 1 });
    // and the board's weighted total is 10 000 + 75 000.15 = 85 000.15
    expect((await page.getByTestId('pipeline-total').innerText()).replace(/\s+/g, ' ')).toMatch(/85,000\.15/);

    // when the old deal is dropped on Lost, the board asks why; with the reason it moves there
    await page.dragAndDrop('[data-deal="E2E Старая"]', '[data-testid=pipeline-column][data-stage="Lost"]');
    await page.getByRole('dialog').getByLabel('Reason').fill('ушли к конкуренту');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await eventually(async () => expect(await figures(page, 'Lost')).toEqual({ count: '1', amount: '100000.00', weighted: '0.00', cards: 1 }));
    expect((await manager.Deals({ filter: { clientId: client.id, open: false } })).deals.items.map((d) => [d.title, d.lostReason])).toEqual([['E2E Старая', 'ушли к конкуренту']]);

    // when the new deal is dropped on Won with a draft order from W1
    await page.dragAndDrop('[data-deal="E2E Склад"]', '[data-testid=pipeline-column][data-stage="Won"]');
    await page.getByRole('dialog').getByLabel('Create a draft order for the client').check();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Warehouse' }).click();
    await page.getByRole('option', { name: 'W1 — Основной' }).click();
    await page.getByRole('button', { name: 'Mark won', exact: true }).click();
    // then Won holds it at 100 %, and the deal's page shows its moves and opens the draft order it made
    await eventually(async () => expect(await figures(page, 'Won')).toEqual({ count: '1', amount: '250000.50', weighted: '250000.50', cards: 1 }));
    await page.locator('[data-deal="E2E Склад"]').getByRole('link').click();
    await eventually(async () => expect((await page.getByTestId('deal-stage-change').allInnerTexts()).map((t) => t.split(' · ')[0])).toEqual(['Qualification', 'Qualification → Proposal', 'Proposal → Won']));
    await page.getByTestId('deal-order').click();
    await page.waitForURL(/#\/Order\/[^/]+\/show$/);
    await page.getByText('Deal: E2E Склад').first().waitFor();
  });

  browserTest('a won column with more deals than the board holds says how many more and opens them in the list', async ({ page }) => {
    // given a manager of their own (a manager's board holds their clients' deals) with 32 won deals of 1 000 each
    // (the board shows the 30 closed most recently) and one open deal, created first
    const admin = await app().as(Role.ADMIN);
    await admin.CreateUser({ input: { email: 'dmitry@demo.tradebook', name: 'E2E Дмитрий', password: DEMO_PASSWORD, roles: ['SALES_MANAGER'] } });
    const { client: manager } = await app().login('dmitry@demo.tradebook', DEMO_PASSWORD);
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'E2E Много сделок' } });
    await manager.CreateDeal({ input: { clientId: client.id, title: 'E2E Открытая', amount: '500' } });
    for (let i = 1; i <= 32; i++) {
      const { createDeal } = await manager.CreateDeal({ input: { clientId: client.id, title: `E2E Выигранная ${i}`, amount: '1000' } });
      await manager.WinDeal({ id: createDeal.id, version: createDeal.version });
    }
    await logIn(page, 'dmitry@demo.tradebook');

    // when the manager opens the board
    await openMenu(page, 'Pipeline');
    await page.locator('[data-deal="E2E Открытая"]').waitFor();

    // then Won counts all 32 (32 000.00), shows 30 cards — the latest won among them, the first two not — and says 2 more
    const won = page.locator('[data-testid=pipeline-column][data-stage="Won"]');
    expect(await figures(page, 'Won')).toMatchObject({ count: '32', amount: '32000.00', cards: 30 });
    expect(await won.locator('[data-deal="E2E Выигранная 32"]').count()).toBe(1);
    expect(await won.locator('[data-deal="E2E Выигранная 1"]').count()).toBe(0);
    expect(await won.getByTestId('column-more').innerText()).toBe('2 more in the list →');

    // when the manager follows it, the Deals list shows the won ones, all 32
    await won.getByTestId('column-more').click();
    await page.waitForURL(/#\/Deal\?/);
    await eventually(async () => expect(await page.locator('.RaPaginationInfo, .MuiTablePagination-displayedRows').first().innerText()).toMatch(/of 32/));
  });
});
