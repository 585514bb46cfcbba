import { demoEmail, Role } from '../support/harness';
import { columnTexts, eventually, openMenu, typeDay } from './browser';
import { logIn, useStockConsole } from './stock-console';

/** A day `days` from today on this process's calendar (the server's: it runs here), YYYY-MM-DD. */
const day = (days: number) => {
  const at = new Date();
  at.setDate(at.getDate() + days);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
};
/** Ten in the morning of that day. */
const at10 = (days: number) => {
  const at = new Date();
  at.setHours(10, 0, 0, 0);
  at.setDate(at.getDate() + days);
  return at.toISOString();
};

/**
 * The activity report in a real browser (issue 13 §11): a sales manager opens it for a week
 * around today and reads their own figures, worked by hand, beside a chart.
 */
describe('The activity report in the console', () => {
  const { app, browserTest } = useStockConsole();

  browserTest('a manager reads their activities, new clients and deals of a week', async ({ page }) => {
    // given the manager's new client (beside Дилер Восток of the demo seed): a call overdue since yesterday,
    // a meeting of tomorrow done already, an email planned the day after; a deal won for 100 000 and one lost for 2 500.50
    const manager = await app().as(Role.SALES_MANAGER);
    const client = (await manager.CreateCounterparty({ input: { name: 'E2E Отчётный' } })).createCounterparty.id;
    const plan = async (type: 'CALL' | 'MEETING' | 'EMAIL', days: number) => (await manager.CreateActivity({ input: { type, subject: `E2E ${type}`, clientId: client, dueAt: at10(days) } })).createActivity.id;
    await plan('CALL', -1);
    await manager.CompleteActivity({ id: await plan('MEETING', 1) });
    await plan('EMAIL', 2);
    const lostStage = (await manager.DealStages({})).dealStages.items.find((s) => s.kind === 'LOST')!.id;
    const won = (await manager.CreateDeal({ input: { clientId: client, title: 'E2E Выигранная', amount: '100000' } })).createDeal;
    await manager.WinDeal({ id: won.id, version: won.version });
    const lost = (await manager.CreateDeal({ input: { clientId: client, title: 'E2E Проигранная', amount: '2500.50' } })).createDeal;
    await manager.MoveDeal({ id: lost.id, stageId: lostStage, lostReason: 'дорого', version: lost.version });
    await logIn(page, demoEmail(Role.SALES_MANAGER));

    // when she opens the report for three days back to three days ahead
    await openMenu(page, 'Activity report');
    await typeDay(page, 'from', day(-3));
    await typeDay(page, 'to', day(3));

    // then her one row: 3 planned, 1 done, 1 overdue, 2 new clients, 1 deal won for 100 000.00, 1 lost for 2 500.50, no orders
    const digits = async (source: string) => (await columnTexts(page, source)).map((t) => t.replace(/[^\d.]/g, ''));
    await eventually(async () => expect(await digits('planned')).toEqual(['3']));
    expect(await columnTexts(page, 'owner.name')).toEqual(['Мария Продажина']);
    expect(await digits('done')).toEqual(['1']);
    expect(await digits('overdue')).toEqual(['1']);
    expect(await digits('newClients')).toEqual(['2']);
    expect(await digits('dealsWon')).toEqual(['1']);
    expect(await digits('dealsWonAmount')).toEqual(['100000.00']);
    expect(await digits('dealsLost')).toEqual(['1']);
    expect(await digits('dealsLostAmount')).toEqual(['2500.50']);
    expect(await digits('orders')).toEqual(['0']);
    expect(await digits('revenue')).toEqual(['0.00']);
    // and the chart of her activities beside it
    await page.getByTestId('activity-report-chart').locator('svg').first().waitFor();
  });
});
