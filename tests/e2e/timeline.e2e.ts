import { demoEmail, Role } from '../support/harness';
import { eventually } from './browser';
import { logIn, text, useStockConsole } from './stock-console';

/**
 * The client card's Timeline tab in a real browser (issue 13 §9, §12): a sales manager writes a
 * note and confirms an order; both appear on the client's timeline by themselves (from their
 * events, written by the timeline's jobs), newest first, with who did them and links.
 */
describe('the client timeline in the console', () => {
  const { app, browserTest, seed, receive } = useStockConsole();

  browserTest('a note and a confirmed order appear on the Timeline tab by themselves', async ({ page }) => {
    // given a product at 100.00 (VAT on top), 5 in the store, and the manager's client with a draft order of 2
    const seeded = await seed('tl', 'E2E-TL-1', 'Saw');
    const { admin, product, warehouse } = seeded;
    const type = (await admin.CreatePriceType({ input: { code: 'OPT-tl', name: 'Opt tl', vatIncluded: false } })).createPriceType;
    await admin.PostPriceList({ id: (await admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2020-01-01', lines: [{ productId: product.id, price: '100' }] } })).createPriceList.id });
    await receive(seeded, '2020-01-10', [[product, '5', '60']]);
    const manager = await app().as(Role.SALES_MANAGER);
    const client = (await manager.CreateCounterparty({ input: { name: 'E2E tl client' } })).createCounterparty;
    await admin.UpdateCounterparty({ id: client.id, input: { priceTypeId: type.id, version: client.version } });
    const order = (await manager.CreateOrder({ input: { clientId: client.id, date: new Date().toISOString().slice(0, 10), warehouseId: warehouse.id, lines: [{ productId: product.id, quantity: '2' }] } })).createOrder;
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when the manager writes a note on the client's Notes tab
    await page.goto(`${app().url}/#/Counterparty/${client.id}/show/notes`);
    await page.getByLabel('Note').fill('Просили счёт на две пилы');
    await page.getByRole('button', { name: 'Add note' }).click();
    await eventually(async () => expect(text(await page.getByTestId('client-note').first().innerText())).toContain('Просили счёт на две пилы'));

    // and confirms the order on its card
    await page.goto(`${app().url}/#/Order/${order.id}/show`);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByText('Confirmed', { exact: true }).waitFor();

    // then the client's Timeline tab shows the order, the note and the client's creation, newest first, by the manager
    await page.goto(`${app().url}/#/Counterparty/${client.id}/show/timeline`);
    const entries = async () => (await page.getByTestId('timeline-entry').allInnerTexts()).map(text);
    await eventually(
      async () => {
        if ((await entries()).length < 3) {
          await page.getByRole('tab', { name: 'Notes' }).click();
          await page.getByRole('tab', { name: 'Timeline' }).click();
        }
        expect(await entries()).toEqual([
          expect.stringMatching(new RegExp(`^Order · confirmed ${order.number} Confirmed RUB 244\\.00 Мария Продажина · `)),
          expect.stringMatching(/^Note · added Просили счёт на две пилы Мария Продажина · /),
          expect.stringMatching(/^Status · created Lead Мария Продажина · /),
        ]);
      },
      { timeout: 20_000, interval: 500 },
    );
    // and the order links to its card
    await page.getByTestId('timeline-entry').first().getByRole('link', { name: order.number }).click();
    await page.waitForURL(new RegExp(`#/Order/${order.id}/show`));

    // and the Documents tab lists the order
    await page.goto(`${app().url}/#/Counterparty/${client.id}/show/documents`);
    await eventually(async () => expect(text(await page.getByTestId('client-documents-orders').innerText())).toContain(`${order.number}`));
  });

  browserTest('a change of owner shows on the Timeline tab with both owners and who changed it', async ({ page }) => {
    // given the manager's client, given to the administrator by the head of sales
    const manager = await app().as(Role.SALES_MANAGER);
    const head = await app().as(Role.SALES_HEAD);
    const client = (await manager.CreateCounterparty({ input: { name: 'E2E tl owner' } })).createCounterparty;
    const adminUser = (await (await app().as(Role.ADMIN)).Me()).me;
    const headName = (await head.Me()).me.name;
    await head.UpdateCounterparty({ id: client.id, input: { ownerId: adminUser.id, version: client.version } });

    // when the head opens the client's timeline
    await logIn(page, demoEmail(Role.SALES_HEAD));
    await page.goto(`${app().url}/#/Counterparty/${client.id}/show/timeline`);

    // then the newest entry says who owns it now, who did before, and who changed it
    await eventually(
      async () => {
        await page.reload();
        expect(text(await page.getByTestId('timeline-entry').first().innerText())).toMatch(new RegExp(`^Owner · changed ${adminUser.name} Мария Продажина → ${adminUser.name} ${headName} · `));
      },
      { timeout: 20_000, interval: 1000 },
    );
  });
});
