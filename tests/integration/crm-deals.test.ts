import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role } from '../support/harness';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

const refusals = (error: { fieldErrors: { field: string; reason: string }[] }) => error.fieldErrors.map(({ field, reason }) => ({ field, reason }));

/**
 * Issue 13 §8: deals through the sales pipeline — configurable stages with probabilities,
 * the pipeline's counts, amounts and weighted amounts, LOST with a reason, WON starting a
 * draft order, and the clients' record rules for every role.
 */
describe('CRM: deals and the pipeline', () => {
  let world: SalesWorld;
  let head: TradebookClient;
  let manager: TradebookClient;
  let boris: TradebookClient;
  let marketing: TradebookClient;
  let service: TradebookClient;
  let managerId: string;
  let borisId: string;
  const stage: Record<string, string> = {};

  beforeAll(async () => {
    world = await startSalesWorld();
    manager = world.manager;
    head = await world.app.as(Role.SALES_HEAD);
    marketing = await world.app.as(Role.MARKETING);
    service = await world.app.as(Role.SERVICE);
    managerId = (await manager.Me()).me.id;
    await world.admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } });
    const login = await world.app.login('boris@demo.tradebook', 'second-manager-pass');
    boris = login.client;
    borisId = login.userId;
    for (const s of (await head.DealStages({})).dealStages.items) stage[s.name] = s.id;
  });
  afterAll(() => world.app.close());

  it('starts from the default pipeline: three open stages, Won and Lost, in order', async () => {
    // when a manager reads the stages
    const { dealStages } = await manager.DealStages({});
    // then they are the migration's, by position
    expect(dealStages.items.map(({ name, probability, kind, active }) => ({ name, probability, kind, active }))).toEqual([
      { name: 'Qualification', probability: 10, kind: 'OPEN', active: true },
      { name: 'Proposal', probability: 30, kind: 'OPEN', active: true },
      { name: 'Negotiation', probability: 60, kind: 'OPEN', active: true },
      { name: 'Won', probability: 100, kind: 'WON', active: true },
      { name: 'Lost', probability: 0, kind: 'LOST', active: true },
    ]);
  });

  it('sums the pipeline per stage: count, amount and amount × probability to the kopeck, with totals', async () => {
    // given three deals of the manager's client in the stages of 10 %, 30 % and 60 %
    const deal = (title: string, amount: string, stageId?: string) => manager.CreateDeal({ input: { clientId: world.retailClient, title, amount, ...(stageId ? { stageId } : {}) } });
    const { createDeal: first } = await deal('Стеллажи', '100000');
    await deal('Крепёж на год', '250000.50', stage.Proposal);
    await deal('Инструмент', '40000', stage.Negotiation);

    // then a deal without a stage starts in the first open one, owned by the client's owner, with its first history entry
    expect(first).toMatchObject({ stage: { name: 'Qualification' }, owner: { id: managerId }, amount: '100000.00', closedAt: null, lostReason: null, orderId: null });
    const { deal: read } = await manager.Deal({ id: first.id });
    expect(read?.stageChanges.map((c) => [c.fromStage?.name ?? null, c.toStage.name, c.changedBy.id])).toEqual([[null, 'Qualification', managerId]]);

    // when the pipeline is asked for
    const { pipeline } = await manager.Pipeline({ ownerId: managerId });
    // then 100 000 × 10 % = 10 000; 250 000.50 × 30 % = 75 000.15; 40 000 × 60 % = 24 000
    expect(pipeline.stages.map((s) => [s.stage.name, s.count, s.amount, s.weightedAmount])).toEqual([
      ['Qualification', 1, '100000.00', '10000.00'],
      ['Proposal', 1, '250000.50', '75000.15'],
      ['Negotiation', 1, '40000.00', '24000.00'],
      ['Won', 0, '0.00', '0.00'],
      ['Lost', 0, '0.00', '0.00'],
    ]);
    // and the totals: 390 000.50 in 3 deals, weighted 10 000 + 75 000.15 + 24 000 = 109 000.15
    expect(pipeline).toMatchObject({ count: 3, amount: '390000.50', weightedAmount: '109000.15' });

    // when the first deal moves on to Proposal
    await manager.MoveDeal({ id: first.id, stageId: stage.Proposal, version: first.version });
    // then Proposal holds 350 000.50, weighted 105 000.15 (30 %), and the total weight is 75 000.15 + 30 000 + 24 000 = 129 000.15
    const { pipeline: after } = await manager.Pipeline({ ownerId: managerId });
    expect(after.stages.slice(0, 2).map((s) => [s.count, s.amount, s.weightedAmount])).toEqual([[0, '0.00', '0.00'], [2, '350000.50', '105000.15']]);
    expect(after.weightedAmount).toBe('129000.15');
    // and the expected-close range narrows it to deals with such a date (none has one)
    expect((await manager.Pipeline({ ownerId: managerId, from: '2026-01-01', to: '2026-12-31' })).pipeline.count).toBe(0);
  });

  it('refuses LOST without a reason; with one it closes the deal, and reopening clears both', async () => {
    // given an open deal
    const { createDeal: deal } = await manager.CreateDeal({ input: { clientId: world.retailClient, title: 'Кабель', amount: '12000' } });

    // when it is moved to Lost with no reason
    const refused = await errorOf(manager.MoveDeal({ id: deal.id, stageId: stage.Lost, version: deal.version }));
    // then it is refused on lostReason and stays where it was
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refusals(refused)).toEqual([{ field: 'lostReason', reason: 'REQUIRED_FOR' }]);
    expect((await manager.Deal({ id: deal.id })).deal?.stage.name).toBe('Qualification');

    // when the reason is given
    const { moveDeal: lost } = await manager.MoveDeal({ id: deal.id, stageId: stage.Lost, lostReason: 'купили у конкурента', version: deal.version });
    // then the deal is closed with it
    expect(lost).toMatchObject({ stage: { kind: 'LOST' }, lostReason: 'купили у конкурента' });
    expect(lost.closedAt).not.toBeNull();

    // when it is reopened in Negotiation
    const { moveDeal: reopened } = await manager.MoveDeal({ id: deal.id, stageId: stage.Negotiation, version: lost.version });
    // then it is open again, without the reason, and its history has every move
    expect(reopened).toMatchObject({ stage: { name: 'Negotiation' }, lostReason: null, closedAt: null });
    const { deal: read } = await manager.Deal({ id: deal.id });
    expect(read?.stageChanges.map((c) => `${c.fromStage?.name ?? '—'}→${c.toStage.name}`)).toEqual(['—→Qualification', 'Qualification→Lost', 'Lost→Negotiation']);
  });

  it('wins a deal into a draft customer order for its client, once', async () => {
    // given a deal of the wholesale client in negotiation
    const { createDeal: deal } = await manager.CreateDeal({ input: { clientId: world.wholesaleClient, title: 'Поставка на склад', amount: '500000', stageId: stage.Negotiation } });

    // when it is won with an order from W1
    const { winDeal: won } = await manager.WinDeal({ id: deal.id, version: deal.version, createOrder: true, warehouseId: world.w1 });

    // then it is in Won, closed, and keeps the order: a draft for the client, managed by the deal's owner, the deal as its comment
    expect(won).toMatchObject({ stage: { name: 'Won', kind: 'WON' } });
    expect(won.closedAt).not.toBeNull();
    expect(won.orderId).not.toBeNull();
    const { deal: withOrder } = await manager.DealOrder({ id: deal.id });
    expect(withOrder?.order).toMatchObject({ id: won.orderId, status: 'DRAFT', date: world.today, comment: 'Deal: Поставка на склад', client: { id: world.wholesaleClient }, manager: { id: managerId }, warehouse: { code: 'W1' } });

    // when it is won again with an order
    const { winDeal: again } = await manager.WinDeal({ id: deal.id, createOrder: true, warehouseId: world.w1 });
    // then it keeps its one order
    expect(again.orderId).toBe(won.orderId);
    expect((await manager.Orders({ filter: { clientId: world.wholesaleClient } })).orders.total).toBe(1);

    // and the draft, which has no lines yet, cannot be confirmed: refused on its lines, still a draft
    expect(refusals(await errorOf(manager.ConfirmOrder({ id: won.orderId! })))).toEqual([{ field: 'lines', reason: 'TOO_FEW' }]);
    expect((await manager.Order({ id: won.orderId! })).order).toMatchObject({ status: 'DRAFT' });

    // and an order asked for without a warehouse is refused on it
    const { createDeal: other } = await manager.CreateDeal({ input: { clientId: world.wholesaleClient, title: 'Без склада', amount: '1' } });
    expect(refusals(await errorOf(manager.WinDeal({ id: other.id, createOrder: true })))).toEqual([{ field: 'warehouseId', reason: 'REQUIRED' }]);
  });

  it('refuses a negative amount, an unknown stage and a supplier as client, every field at once', async () => {
    // when a deal is entered for the supplier with both mistakes
    const error = await errorOf(world.admin.CreateDeal({ input: { clientId: world.supplier, title: 'Ошибочная', amount: '-5', stageId: '00000000-0000-4000-8000-000000000000' } }));
    // then each field says what is wrong and nothing was created
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(refusals(error).sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'amount', reason: 'NEGATIVE' },
      { field: 'clientId', reason: 'NOT_A_CLIENT' },
      { field: 'stageId', reason: 'NOT_FOUND' },
    ]);
    expect((await world.admin.Deals({ filter: { q: 'Ошибочная' } })).deals.total).toBe(0);
    // and more than kopecks are refused too
    expect(refusals(await errorOf(manager.CreateDeal({ input: { clientId: world.retailClient, title: 'Доли', amount: '1.005' } })))).toEqual([{ field: 'amount', reason: 'DECIMAL_PLACES' }]);
  });

  it('keeps each role to its part: other managers see nothing, marketing only reads, service has no deals, only heads reassign', async () => {
    // given a deal of the manager's client
    const { createDeal: deal } = await manager.CreateDeal({ input: { clientId: world.retailClient, title: 'Чужая', amount: '7000' } });

    // then Boris, a manager of other clients, does not find it, by id or in lists, nor can he move it
    expect((await boris.Deal({ id: deal.id })).deal).toBeNull();
    expect((await boris.Deals({})).deals.total).toBe(0);
    expect((await errorOf(boris.MoveDeal({ id: deal.id, stageId: stage.Proposal }))).code).toBe('NOT_FOUND');
    expect((await errorOf(boris.CreateDeal({ input: { clientId: world.retailClient, title: 'Захват', amount: '1' } }))).fieldErrors[0]).toMatchObject({ field: 'clientId', reason: 'NOT_FOUND' });

    // and marketing reads it but may not change it; service staff have no deals at all
    expect((await marketing.Deal({ id: deal.id })).deal?.title).toBe('Чужая');
    expect((await errorOf(marketing.UpdateDeal({ id: deal.id, input: { version: deal.version, title: 'Другая' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(service.Deals({}))).code).toBe('FORBIDDEN');

    // and the manager may not give it to Boris, the head of sales may
    expect((await errorOf(manager.UpdateDeal({ id: deal.id, input: { version: deal.version, ownerId: borisId } }))).code).toBe('FORBIDDEN');
    const { updateDeal: given } = await head.UpdateDeal({ id: deal.id, input: { version: deal.version, ownerId: borisId } });
    expect(given.owner.id).toBe(borisId);

    // and with Boris on the client's team, he sees it, while the manager, no longer its owner, may not delete it
    await manager.UpdateCounterparty({ id: world.retailClient, input: { version: (await manager.Counterparty({ id: world.retailClient })).counterparty!.version, teamMemberIds: [borisId] } });
    expect((await boris.Deal({ id: deal.id })).deal?.owner.id).toBe(borisId);
    expect((await errorOf(manager.DeleteDeal({ id: deal.id }))).code).toBe('FORBIDDEN');
    await boris.DeleteDeal({ id: deal.id });
    expect((await head.Deal({ id: deal.id })).deal).toBeNull();
  });

  it('refuses a stale version with CONFLICT', async () => {
    // given a deal changed by someone else since it was read
    const { createDeal: deal } = await manager.CreateDeal({ input: { clientId: world.retailClient, title: 'Версия', amount: '100' } });
    await head.UpdateDeal({ id: deal.id, input: { version: deal.version, amount: '200' } });
    // when the manager saves the version they read
    const stale = await errorOf(manager.UpdateDeal({ id: deal.id, input: { version: deal.version, amount: '300' } }));
    // then it is refused and the other change stays
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toMatchObject({ reason: 'STALE_VERSION' });
    expect((await errorOf(manager.MoveDeal({ id: deal.id, stageId: stage.Proposal, version: deal.version }))).code).toBe('CONFLICT');
    expect((await manager.Deal({ id: deal.id })).deal).toMatchObject({ amount: '200.00', stage: { name: 'Qualification' } });
  });

  it('shows a client its deals, newest first', async () => {
    // given a client with two deals
    const { createCounterparty: client } = await manager.CreateCounterparty({ input: { name: 'Сделочный' } });
    await manager.CreateDeal({ input: { clientId: client.id, title: 'Первая', amount: '1' } });
    await manager.CreateDeal({ input: { clientId: client.id, title: 'Вторая', amount: '2' } });
    // then the client's deals field lists them
    expect((await manager.ClientDeals({ id: client.id })).counterparty?.deals?.map((d) => d.title)).toEqual(['Вторая', 'Первая']);
    // and the list filters by client and by open
    expect((await manager.Deals({ filter: { clientId: client.id, open: true } })).deals.total).toBe(2);
    expect((await manager.Deals({ filter: { clientId: client.id, open: false } })).deals.total).toBe(0);
    // and a page of deals with their clients, stages and owners costs the same statements for 1 deal as for all of them
    const statements = (perPage: number) => world.app.countStatements(() => manager.Deals({ perPage }));
    expect(await statements(20)).toBe(await statements(1));
  });

  it('keeps exactly one active WON stage and at least one LOST stage; only heads edit stages', async () => {
    const won = (await head.DealStages({ filter: { kind: 'WON' } })).dealStages.items[0];
    const lost = (await head.DealStages({ filter: { kind: 'LOST' } })).dealStages.items[0];
    // when the head switches off Won, adds a second WON stage or switches off the only Lost one
    const offWon = await errorOf(head.UpdateDealStage({ id: won.id, input: { version: won.version, active: false } }));
    const secondWon = await errorOf(head.CreateDealStage({ input: { name: 'Won again', probability: 100, kind: 'WON' } }));
    const offLost = await errorOf(head.UpdateDealStage({ id: lost.id, input: { version: lost.version, active: false } }));
    // then each is refused on its field
    expect(refusals(offWon)).toEqual([{ field: 'active', reason: 'ONE_WON_STAGE' }]);
    expect(refusals(secondWon)).toEqual([{ field: 'kind', reason: 'ONE_WON_STAGE' }]);
    expect(refusals(offLost)).toEqual([{ field: 'active', reason: 'LOST_STAGE_NEEDED' }]);
    // and a stage with deals keeps its kind
    expect(refusals(await errorOf(head.UpdateDealStage({ id: stage.Proposal, input: { version: 1, kind: 'LOST' } })))).toEqual([{ field: 'kind', reason: 'STAGE_HAS_DEALS' }]);

    // when the head adds a second LOST stage, then the first Lost may go off
    const { createDealStage: noBudget } = await head.CreateDealStage({ input: { name: 'No budget', probability: 0, kind: 'LOST' } });
    expect(noBudget.position).toBe(60);
    await head.UpdateDealStage({ id: lost.id, input: { version: lost.version, active: false } });
    // and the pipeline shows the active ones only
    expect((await head.Pipeline({})).pipeline.stages.map((s) => s.stage.name)).toEqual(['Qualification', 'Proposal', 'Negotiation', 'Won', 'No budget']);

    // and a manager may read the stages but not add one
    expect((await errorOf(manager.CreateDealStage({ input: { name: 'Своя', probability: 5 } }))).code).toBe('FORBIDDEN');
    // and a probability over 100 is refused
    expect((await errorOf(head.CreateDealStage({ input: { name: 'Сверх', probability: 101 } }))).code).toBe('BAD_USER_INPUT');
  });
});
