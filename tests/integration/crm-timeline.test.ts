import type { TradebookClient } from '@tradebook/client';
import { SYSTEM_USER_ID, systemContext } from '../../api/src/server/context';
import { runMutation } from '../../api/src/server/mutation-transaction';
import type { DispatchedEvent } from '../../api/src/shared/jobs';
import { timelineHandlers } from '../../api/src/modules/crm/timeline.handlers';
import { completeInn } from '../../api/src/modules/crm/inn';
import { demoEmail, errorOf, rawRequest, Role } from '../support/harness';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';
import { settle } from '../support/subscriptions';

/**
 * Issue 13 §9: a client's timeline fills by itself from the domain events — notes, status
 * changes, activities, deal moves, orders, shipments and payments — newest first, paged,
 * with who and when; each event once, however often its job runs.
 */
describe('CRM: the client timeline', () => {
  let world: SalesWorld;
  let manager: TradebookClient;
  let head: TradebookClient;
  let marketing: TradebookClient;
  let boris: TradebookClient;
  let managerName: string;
  let headName: string;

  const sql = <T>(text: string, params: unknown[] = []) => world.app.orm.em.fork().getConnection().execute<T[]>(text, params);
  /** The client's timeline once it holds `count` entries (the handlers run as pg-boss jobs after commit). */
  const timelineOf = async (client: TradebookClient, clientId: string, count: number, timeoutMs = 20_000) => {
    for (const started = Date.now(); ; await settle(100)) {
      const page = (await client.ClientTimeline({ clientId, perPage: 50 })).clientTimeline;
      if (page.items.length >= count) return page;
      if (Date.now() - started > timeoutMs) throw new Error(`timeline: ${page.total} of ${count} entries within ${timeoutMs} ms`);
    }
  };

  beforeAll(async () => {
    world = await startSalesWorld({ JOBS_POLL_SECONDS: '0.5' });
    manager = world.manager;
    head = await world.app.as(Role.SALES_HEAD);
    marketing = await world.app.as(Role.MARKETING);
    managerName = (await manager.Me()).me.name;
    headName = (await head.Me()).me.name;
    await world.admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } });
    boris = (await world.app.login('boris@demo.tradebook', 'second-manager-pass')).client;
  });
  afterAll(() => world.app.close());

  it('lists a note, a status change, an activity, a deal move, an order, its shipment (which makes a customer) and its payment, newest first, with who did each', async () => {
    // given a new client of the manager, and a drill in stock (retail 1 220.00 with VAT)
    const client = (await manager.CreateCounterparty({ input: { name: 'Ландыш', status: 'LEAD' } })).createCounterparty;
    const drill = await world.product('DRILL', '1220', '1000');
    await world.receive(world.w1, drill, '10', '500');

    // when the manager adds a note and makes the lead a prospect
    const note = (await manager.AddClientNote({ counterpartyId: client.id, text: 'Обещали заказ в марте' })).addClientNote;
    const { counterparty } = await manager.Counterparty({ id: client.id });
    await manager.UpdateCounterparty({ id: client.id, input: { status: 'PROSPECT', version: counterparty!.version } });
    // and plans a call and completes it
    const call = (await manager.CreateActivity({ input: { type: 'CALL', subject: 'Уточнить объём', clientId: client.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() } })).createActivity;
    await manager.CompleteActivity({ id: call.id, result: 'Нужно 2 дрели' });
    // and opens a deal, which the head of sales moves to Proposal
    const deal = (await manager.CreateDeal({ input: { clientId: client.id, title: 'Дрели', amount: '2440' } })).createDeal;
    const proposal = (await head.DealStages({})).dealStages.items.find((s) => s.name === 'Proposal')!;
    await head.MoveDeal({ id: deal.id, stageId: proposal.id, version: deal.version });
    // and the manager confirms an order of 2 drills (2 × 1 220.00 = 2 440.00), ships it all and the client pays
    const order = (await manager.CreateOrder({ input: { clientId: client.id, date: world.today, warehouseId: world.w1, lines: [{ productId: drill, quantity: '2' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    const draft = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder;
    const shipment = (await manager.PostShipment({ id: draft.id })).postShipment;
    // which makes the prospect a customer, by the system, soon after the posting
    for (const started = Date.now(); (await manager.Counterparty({ id: client.id })).counterparty?.status !== 'CUSTOMER'; await settle(100)) {
      if (Date.now() - started > 20_000) throw new Error('the client did not become a customer within 20 s');
    }
    const payment = (await manager.RegisterPayment({ input: { date: world.today, clientId: client.id, amount: '2440', method: 'BANK' } })).registerPayment;

    // then the timeline tells all of it by itself, newest first, each once, with who did it
    const page = await timelineOf(manager, client.id, 12);
    await settle(1000); // time for a duplicate to show up
    const { clientTimeline } = await manager.ClientTimeline({ clientId: client.id, perPage: 50 });
    expect(clientTimeline.items.map((e) => [e.kind, e.action, e.title, e.detail, e.amount, e.subjectType, e.subjectId, e.subjectNumber, e.actor?.name ?? null])).toEqual([
      ['PAYMENT', 'POSTED', payment.number, world.today, '2440.00', 'IncomingPayment', payment.id, payment.number, managerName],
      ['STATUS', 'CHANGED', 'CUSTOMER', 'PROSPECT → CUSTOMER', null, 'Counterparty', client.id, null, null],
      ['SHIPMENT', 'POSTED', shipment.number, world.today, '2440.00', 'Shipment', shipment.id, shipment.number, managerName],
      ['ORDER', 'SHIPPED', order.number, 'SHIPPED', '2440.00', 'CustomerOrder', order.id, order.number, managerName],
      ['ORDER', 'CONFIRMED', order.number, 'CONFIRMED', '2440.00', 'CustomerOrder', order.id, order.number, managerName],
      ['DEAL', 'STAGE_CHANGED', 'Дрели', 'Qualification → Proposal', '2440.00', 'Deal', deal.id, null, headName],
      ['DEAL', 'CREATED', 'Дрели', 'Qualification', '2440.00', 'Deal', deal.id, null, managerName],
      ['ACTIVITY', 'COMPLETED', 'Уточнить объём', 'Нужно 2 дрели', null, 'Activity', call.id, null, managerName],
      ['ACTIVITY', 'CREATED', 'Уточнить объём', 'CALL', null, 'Activity', call.id, null, managerName],
      ['STATUS', 'CHANGED', 'PROSPECT', 'LEAD → PROSPECT', null, 'Counterparty', client.id, null, managerName],
      ['NOTE', 'ADDED', 'Обещали заказ в марте', null, null, 'ClientNote', note.id, null, managerName],
      ['STATUS', 'CREATED', 'LEAD', 'LEAD', null, 'Counterparty', client.id, null, managerName],
    ]);
    expect(clientTimeline.total).toBe(12);
    expect(page.items.map((e) => e.id)).toEqual(clientTimeline.items.map((e) => e.id));
    const times = clientTimeline.items.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // and it pages: 5 per page, page 3 holds the last 2
    const third = (await manager.ClientTimeline({ clientId: client.id, page: 3, perPage: 5 })).clientTimeline;
    expect(third.total).toBe(12);
    expect(third.items.map((e) => e.id)).toEqual(clientTimeline.items.slice(10).map((e) => e.id));
    expect((await manager.ClientTimeline({ clientId: client.id, page: 4, perPage: 5 })).clientTimeline).toEqual({ total: 12, items: [] });
    // and by kind, and through the counterparty
    const orders = (await manager.ClientTimeline({ clientId: client.id, kinds: ['ORDER', 'PAYMENT'] })).clientTimeline;
    expect(orders.items.map((e) => [e.kind, e.action])).toEqual([['PAYMENT', 'POSTED'], ['ORDER', 'SHIPPED'], ['ORDER', 'CONFIRMED']]);
    const through = (await manager.CounterpartyTimeline({ id: client.id, perPage: 2 })).counterparty!.timeline!;
    expect([through.total, through.items.map((e) => e.kind)]).toEqual([12, ['PAYMENT', 'STATUS']]);
  });

  it('tells who owns the client: a head\'s change, a handover with its reason, an import, each by whoever did it; an imported client\'s status too', async () => {
    // given the manager's prospect with an INN
    const inn = completeInn('502700789');
    const client = (await manager.CreateCounterparty({ input: { name: 'Незабудка', status: 'PROSPECT', inn } })).createCounterparty;
    const borisId = (await boris.Me()).me.id;
    const managerId = (await manager.Me()).me.id;

    // when the head gives it to Борис, then hands Борис's work back to the manager, then imports it for Борис again
    await head.UpdateCounterparty({ id: client.id, input: { ownerId: borisId, version: client.version } });
    await head.HandOver({ input: { fromUserId: borisId, toUserId: managerId, reason: 'Борис в отпуске', activities: false, deals: false } });
    // (the file also brings a new client, a prospect)
    const file = Buffer.from(`Name;INN;Owner;Status\nНезабудка;${inn};boris@demo.tradebook;\nКолокольчик;;boris@demo.tradebook;prospect\n`).toString('base64');
    const mapping = [{ column: 1, field: 'NAME' as const }, { column: 2, field: 'INN' as const }, { column: 3, field: 'OWNER' as const }, { column: 4, field: 'STATUS' as const }];
    const { importClients } = await head.ImportClients({ input: { file, format: 'CSV', mapping, onDuplicate: 'UPDATE', dryRun: false } });
    expect(importClients.rows.map((r) => [r.action, r.client?.name])).toEqual([['UPDATE', 'Незабудка'], ['CREATE', 'Колокольчик']]);

    // then the timeline holds each change of owner, newest first, by the head; the handover with its reason
    const page = await timelineOf(head, client.id, 4);
    expect(page.items.map((e) => [e.kind, e.action, e.title, e.detail, e.subjectType, e.subjectId, e.actor?.name ?? null])).toEqual([
      ['OWNER', 'CHANGED', 'Борис', `${managerName} → Борис`, 'Counterparty', client.id, headName],
      ['OWNER', 'HANDED_OVER', managerName, `Борис → ${managerName}: Борис в отпуске`, 'Counterparty', client.id, headName],
      ['OWNER', 'CHANGED', 'Борис', `${managerName} → Борис`, 'Counterparty', client.id, headName],
      ['STATUS', 'CREATED', 'PROSPECT', 'PROSPECT', 'Counterparty', client.id, managerName],
    ]);
    // the imported client's timeline starts with its status, as one entered on its form does
    const imported = await timelineOf(head, importClients.rows[1].client!.id!, 1);
    expect(imported.items.map((e) => [e.kind, e.action, e.title, e.actor?.name ?? null])).toEqual([['STATUS', 'CREATED', 'PROSPECT', headName]]);
    // an edit that leaves the owner as it is tells nothing of owners
    const { counterparty } = await head.Counterparty({ id: client.id });
    await head.UpdateCounterparty({ id: client.id, input: { ownerId: borisId, comment: 'тот же владелец', version: counterparty!.version } });
    await settle(1500);
    expect((await head.ClientTimeline({ clientId: client.id, kinds: ['OWNER'] })).clientTimeline.total).toBe(3);
  });

  it('makes a lead a customer when a sale to it is posted, in the audit log; a lost client stays lost', async () => {
    // given a lead and a lost client of the manager, and bolts in stock
    const lead = (await manager.CreateCounterparty({ input: { name: 'Незабудка', status: 'LEAD' } })).createCounterparty;
    const lost = (await manager.CreateCounterparty({ input: { name: 'Лютик', status: 'LOST', lostReason: 'ушёл к конкуренту' } })).createCounterparty;
    const bolt = await world.product('BOLT-CUST', '10', '8');
    await world.receive(world.w1, bolt, '10', '5');
    const sell = async (clientId: string) => {
      const order = (await manager.CreateOrder({ input: { clientId, date: world.today, warehouseId: world.w1, lines: [{ productId: bolt, quantity: '1' }] } })).createOrder;
      await manager.ConfirmOrder({ id: order.id });
      const draft = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder;
      return (await manager.PostShipment({ id: draft.id })).postShipment;
    };
    const statusOf = async (id: string) => (await manager.Counterparty({ id })).counterparty?.status;

    // when a bolt is shipped to the lost client and then to the lead
    await sell(lost.id);
    const shipment = await sell(lead.id);

    // then the lead becomes a customer by itself (the jobs run in order: the lost client's went first)
    for (const started = Date.now(); (await statusOf(lead.id)) !== 'CUSTOMER'; await settle(100)) {
      if (Date.now() - started > 20_000) throw new Error('the lead did not become a customer within 20 s');
    }
    // and the lost client stays lost with its reason
    expect((await manager.Counterparty({ id: lost.id })).counterparty).toMatchObject({ status: 'LOST', lostReason: 'ушёл к конкуренту' });
    // and the change is the system's in the audit log
    const { auditEntries } = await world.admin.AuditEntries({ filter: { entity: 'Counterparty', entityId: lead.id } });
    const change = auditEntries.items.find((e) => (e.changes as { status?: unknown } | null)?.status);
    expect([change?.action, change?.userId, (change?.changes as { status: unknown }).status]).toEqual(['UPDATE', SYSTEM_USER_ID, { before: 'LEAD', after: 'CUSTOMER' }]);

    // when the shipment is unposted, then the customer stays a customer
    await manager.UnpostShipment({ id: shipment.id });
    await settle(1500);
    expect(await statusOf(lead.id)).toBe('CUSTOMER');
  });

  it('writes an event\'s entry once however often its job runs', async () => {
    // given a note whose entry is on the timeline
    const client = (await manager.CreateCounterparty({ input: { name: 'Василёк' } })).createCounterparty;
    await manager.AddClientNote({ counterpartyId: client.id, text: 'Перезвонить' });
    await timelineOf(manager, client.id, 2);
    const [event] = await sql<{ id: string; seq: string; topic: string; aggregate: string | null; payload: Record<string, unknown> }>(
      "select id, seq, topic, aggregate, payload from outbox_event where topic = 'CLIENT_NOTE_ADDED' and payload->>'clientId' = ? ",
      [client.id],
    );

    // when its handler runs twice more for that event (a retried job)
    const handler = timelineHandlers.find((h) => h.topic === 'CLIENT_NOTE_ADDED')!;
    const dispatched: DispatchedEvent = { eventId: event.id, seq: event.seq, topic: event.topic, aggregate: event.aggregate, payload: event.payload };
    for (let i = 0; i < 2; i++) {
      const ctx = systemContext(world.app.orm.em.fork(), world.app.services);
      await runMutation(ctx, () => (handler.handler as (c: typeof ctx, e: DispatchedEvent, j: { id: string; name: string }) => Promise<void>)(ctx, dispatched, { id: `retry-${i}`, name: handler.name }));
    }

    // then the note is there once
    const { clientTimeline } = await manager.ClientTimeline({ clientId: client.id });
    expect(clientTimeline.items.map((e) => [e.kind, e.title])).toEqual([['NOTE', 'Перезвонить'], ['STATUS', 'LEAD']]);
    expect((await sql<{ n: string }>('select count(*) as n from timeline_entry where event_id = ?', [event.id]))[0].n).toBe('1');
  });

  it('keeps a note\'s entry as the note reads: an edit shows there, a deletion takes the entry and its text away', async () => {
    // given a note whose entry is on the timeline
    const client = (await manager.CreateCounterparty({ input: { name: 'Ромашка' } })).createCounterparty;
    const note = (await manager.AddClientNote({ counterpartyId: client.id, text: 'Черновик мысли' })).addClientNote;
    await timelineOf(manager, client.id, 2);
    const notesOnTimeline = async () => (await manager.ClientTimeline({ clientId: client.id })).clientTimeline.items.filter((e) => e.kind === 'NOTE').map((e) => e.title);
    const textKept = async (text: string) => Number((await sql<{ n: string }>('select count(*) as n from timeline_entry where client_id = ? and (title like ? or payload::text like ?)', [client.id, `%${text}%`, `%${text}%`]))[0].n);

    // when it is edited, then the entry reads the new text at once, and the old one is kept nowhere on it
    await manager.UpdateClientNote({ id: note.id, text: 'Перезвонить в пятницу', version: note.version });
    expect(await notesOnTimeline()).toEqual(['Перезвонить в пятницу']);
    expect(await textKept('Черновик')).toBe(0);

    // when it is deleted, then its entry is gone with the text
    await manager.DeleteClientNote({ id: note.id });
    expect(await notesOnTimeline()).toEqual([]);
    expect(await textKept('пятницу')).toBe(0);

    // and a note deleted before its handler ran gets no entry when the handler runs after all
    const gone = (await manager.AddClientNote({ counterpartyId: client.id, text: 'Секретное' })).addClientNote;
    await manager.DeleteClientNote({ id: gone.id });
    const handler = timelineHandlers.find((h) => h.topic === 'CLIENT_NOTE_ADDED')!;
    const ctx = systemContext(world.app.orm.em.fork(), world.app.services);
    const late: DispatchedEvent = { eventId: '00000000-0000-4000-8000-0000000000aa', seq: '0', topic: 'CLIENT_NOTE_ADDED', aggregate: null, payload: { clientId: client.id, noteId: gone.id, text: 'Секретное', actorId: null, occurredAt: new Date().toISOString() } };
    await runMutation(ctx, () => (handler.handler as (c: typeof ctx, e: DispatchedEvent, j: { id: string; name: string }) => Promise<void>)(ctx, late, { id: 'late', name: handler.name }));
    await settle(1500); // and its own job, whenever it runs
    expect(await textKept('Секретное')).toBe(0);
    expect(await notesOnTimeline()).toEqual([]);
  });

  it('moves a merged duplicate\'s history onto the client kept', async () => {
    // given two clients of the manager, each with a note on its timeline
    const kept = (await manager.CreateCounterparty({ input: { name: 'Клевер' } })).createCounterparty;
    const dup = (await manager.CreateCounterparty({ input: { name: 'Клевер дубль', allowDuplicate: true } })).createCounterparty;
    await manager.AddClientNote({ counterpartyId: kept.id, text: 'Основной' });
    await manager.AddClientNote({ counterpartyId: dup.id, text: 'Из дубля' });
    await timelineOf(manager, kept.id, 2);
    await timelineOf(manager, dup.id, 2);

    // when the head of sales merges the duplicate into the kept one
    await head.MergeClients({ keepId: kept.id, mergeId: dup.id });

    // then the kept client's timeline holds both histories, newest first
    const { clientTimeline } = await manager.ClientTimeline({ clientId: kept.id });
    expect(clientTimeline.items.filter((e) => e.kind === 'NOTE').map((e) => e.title)).toEqual(['Из дубля', 'Основной']);
    expect(clientTimeline.total).toBe(4);
  });

  it('reads the timelines of a list of clients in the same statements however many there are', async () => {
    // given the manager's clients, each with entries by now
    const { token } = await world.app.login(demoEmail(Role.SALES_MANAGER));
    const read = (perPage: number) => {
      const query = `{ counterparties(perPage: ${perPage}, sort: [{ field: "name" }]) { items { id timeline(perPage: 2) { total items { kind actor { name } } } } } }`;
      return rawRequest(world.app.graphqlUrl, { query }, { authorization: `Bearer ${token}` });
    };
    let one: Awaited<ReturnType<typeof read>> | undefined;
    let all: Awaited<ReturnType<typeof read>> | undefined;
    // when one client's timeline is read, and then those of all of them
    const forOne = await world.app.countStatements(async () => void (one = await read(1)));
    const forAll = await world.app.countStatements(async () => void (all = await read(50)));
    // then each client's total is what its timeline holds (a manager has no cost:read), and both reads take as many statements
    const clients = (all!.json!.data as { counterparties: { items: { id: string; timeline: { total: number; items: unknown[] } }[] } }).counterparties.items;
    expect(one!.json!.errors).toBeUndefined();
    expect(all!.json!.errors).toBeUndefined();
    const counts = await sql<{ client_id: string; n: string }>('select client_id, count(*) as n from timeline_entry where not cost_data group by client_id');
    const held = new Map(counts.map((c) => [c.client_id, Number(c.n)]));
    expect(clients.length).toBeGreaterThan(3);
    expect(clients.map((c) => [c.timeline.total, c.timeline.items.length])).toEqual(clients.map((c) => [held.get(c.id) ?? 0, Math.min(2, held.get(c.id) ?? 0)]));
    expect(forAll).toBe(forOne);
  });

  it('keeps another manager\'s client out of sight, and a purchase\'s entries from those without cost:read', async () => {
    // when another manager asks for the first manager's client's timeline
    const refused = await errorOf(boris.ClientTimeline({ clientId: world.retailClient }));
    // then it does not exist for him
    expect(refused.code).toBe('NOT_FOUND');
    expect((await boris.CounterpartyTimeline({ id: world.retailClient })).counterparty).toBeNull();

    // given the supplier's posted goods receipts (the world's stock): their amounts are cost
    const admin = world.admin;
    const seen = await timelineOf(admin, world.supplier, 2);
    const receipts = seen.items.filter((e) => e.subjectType === 'GoodsReceipt');
    expect(receipts.length).toBeGreaterThan(0);
    expect(receipts.every((e) => e.kind === 'DOCUMENT' && e.action === 'POSTED')).toBe(true);
    // then marketing (no cost:read) reads the supplier's timeline without any of them
    const { clientTimeline } = await marketing.ClientTimeline({ clientId: world.supplier });
    expect(clientTimeline.items.map((e) => [e.kind, e.action])).toEqual([['STATUS', 'CREATED']]);
    expect(clientTimeline.total).toBe(1);
  });
});
