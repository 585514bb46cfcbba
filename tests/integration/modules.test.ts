import { defaultModules } from '../../api/src/modules';
import { invariantSql } from '../../api/src/modules/ledger/register-sql';
import type { TradebookClient } from '@tradebook/client';
import { demoEmail, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { SAMPLE_DDL, sampleModule, sampleRegister } from '../support/sample-module';

/**
 * Modules register themselves (DESIGN §3): a module of the tests' own declares a register
 * and two document types in one place and is composed with the application's modules
 * without any edit of theirs. The ledger engine posts, unposts and totals its register,
 * applies its record rules, and the stock service lets its documents take goods out and
 * bring part of a line back.
 */
describe('a module composed from its own declaration', () => {
  let app: TestApp;
  let admin: TradebookClient;
  const tokens = new Map<Role, string>();
  let warehouse: string;
  let product: string;
  let mine: string; // the sales manager's client
  let theirs: string; // the sales head's client
  let partnerClient: string;

  const sql = <T>(text: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute<T[]>(text, params);
  const gql = async <T = Record<string, unknown>>(role: Role, query: string, variables: Record<string, unknown> = {}) => {
    const { json } = await rawRequest(app.graphqlUrl, { query, variables }, { authorization: `Bearer ${tokens.get(role)}` });
    return json as { data?: T; errors?: { message: string; extensions?: { code?: string; details?: Record<string, unknown>; fields?: Record<string, string> } }[] };
  };
  type Doc = { id: string; number: string; status: string };
  const createOrder = async (clientId: string, date: string, quantity: string, amount: string) =>
    (await gql<{ createSampleOrder: Doc }>(Role.ADMIN, 'mutation($input: CreateSampleOrderInput!) { createSampleOrder(input: $input) { id number status } }', { input: { date, clientId, warehouseId: warehouse, lines: [{ productId: product, quantity, amount }] } })).data!.createSampleOrder;
  const verb = async (role: Role, name: string, id: string) => gql<Record<string, Doc>>(role, `mutation($id: ID!) { ${name}(id: $id) { id number status } }`, { id });
  const tallies = async (asOf: string) => (await gql<{ sampleTallies: { clientId: string; quantity: string; amount: string }[] }>(Role.ADMIN, 'query($asOf: LocalDate!) { sampleTallies(asOf: $asOf) { clientId quantity amount } }', { asOf })).data!.sampleTallies;
  const lots = async () => (await admin.Lots({ productId: product, warehouseId: warehouse })).lots.map((l) => [l.date, l.qtyIn, l.qtyRemaining, l.unitCost, l.valueRemaining]);
  const assertSampleInvariants = async () => {
    for (const [rule, check] of Object.entries(invariantSql(sampleRegister))) expect({ rule, broken: await sql(check) }).toEqual({ rule, broken: [] });
  };

  beforeAll(async () => {
    // given the application's modules and the sample module, composed at boot, and the sample module's tables
    app = await startTestApp({}, { modules: [...defaultModules, sampleModule] });
    for (const ddl of SAMPLE_DDL) await sql(ddl);
    await app.orm.getSchemaGenerator().updateSchema({ safe: true });
    for (const role of [Role.ADMIN, Role.SALES_MANAGER, Role.SALES_HEAD, Role.PARTNER]) tokens.set(role, (await app.login(demoEmail(role))).token);
    admin = await app.as(Role.ADMIN);
    const manager = (await admin.Users({ filter: { q: 'sales_manager@' } })).users.items[0].id;
    const head = (await admin.Users({ filter: { q: 'sales_head@' } })).users.items[0].id;
    mine = (await admin.CreateCounterparty({ input: { name: 'Клиент менеджера', roles: ['CLIENT'], ownerId: manager } })).createCounterparty.id;
    theirs = (await admin.CreateCounterparty({ input: { name: 'Клиент начальника', roles: ['CLIENT'], ownerId: head } })).createCounterparty.id;
    partnerClient = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0].id;
    const pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    const supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
    warehouse = (await admin.CreateWarehouse({ input: { code: 'SM', name: 'Склад' } })).createWarehouse.id;
    product = (await admin.CreateProduct({ input: { sku: 'SM-1', name: 'Товар', unitId: pcs, kind: 'GOODS' } })).createProduct.id;
    // and stock: lot A 10 @ 100 on 03-10, lot B 5 @ 120 on 03-11
    for (const [date, quantity, unitCost] of [['2026-03-10', '10', '100'], ['2026-03-11', '5', '120']]) {
      const receipt = (await admin.CreateGoodsReceipt({ input: { date, warehouseId: warehouse, supplierId: supplier, lines: [{ productId: product, quantity, unitCost }] } })).createGoodsReceipt;
      await admin.PostGoodsReceipt({ id: receipt.id });
    }
  });
  afterEach(async () => {
    await assertLedgerInvariants(app.orm);
    await assertSampleInvariants();
  });
  afterAll(() => app.close());

  it('posts into its own register and into stock through the stock service, reads it as of a date, and unposting deletes exactly its rows', async () => {
    // when an order of 12 for 1,500.00 dated 03-12 is posted
    const order = await createOrder(mine, '2026-03-12', '12', '1500');
    expect(order.number).toMatch(/^SO-2026-\d{6}$/);
    expect((await verb(Role.ADMIN, 'postSampleOrder', order.id)).data?.postSampleOrder.status).toBe('POSTED');

    // then its register holds 12 / 1,500.00 from 03-12 on (nothing the day before), stored as month closings
    expect(await tallies('2026-03-11')).toEqual([]);
    expect(await tallies('2026-03-12')).toEqual([{ clientId: mine, quantity: '12', amount: '1500.00' }]);
    expect(await tallies('2026-05-31')).toEqual([{ clientId: mine, quantity: '12', amount: '1500.00' }]);
    expect(await sql(`select to_char(month, 'YYYY-MM') as month, closing_quantity::text as q from sample_tally_month`)).toEqual([{ month: '2026-03', q: '12.000' }]);
    // and stock gave 10 @ 100 + 2 @ 120 = 1,240.00, recorded by the order (its number shown on the movements)
    const movements = (await admin.StockMovements({ filter: { recorderId: order.id } })).stockMovements.items;
    expect(movements.map((m) => [m.quantity, m.cost, m.recorderNumber]).sort()).toEqual([['-10', '-1000.00', order.number], ['-2', '-240.00', order.number]]);

    // when another order is dated 02-20, before any goods came: the engine refuses it for this module's document too
    const backdated = await createOrder(mine, '2026-02-20', '1', '100');
    expect((await verb(Role.ADMIN, 'postSampleOrder', backdated.id)).errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: '0', asOf: '2026-02-20' } });

    // when the order is unposted, then its register rows, balance and month totals are back to nothing and the lots are whole
    await verb(Role.ADMIN, 'unpostSampleOrder', order.id);
    expect(await tallies('2026-03-12')).toEqual([]);
    expect(await sql('select count(*)::int as n from sample_tally')).toEqual([{ n: 0 }]);
    expect(await lots()).toEqual([
      ['2026-03-10', '10', '10', '100.00', '1000.00'],
      ['2026-03-11', '5', '5', '120.00', '600.00'],
    ]);
    await verb(Role.ADMIN, 'deleteSampleOrder', order.id);
    await verb(Role.ADMIN, 'deleteSampleOrder', backdated.id);
  });

  it("applies the document type's record rules to lists, reads, verbs and the document numbers on stock movements", async () => {
    // given an order of the manager's client, one of the head's, and one of the partner's client, all posted
    const ofMine = await createOrder(mine, '2026-03-13', '1', '10');
    const ofTheirs = await createOrder(theirs, '2026-03-13', '1', '10');
    const ofPartner = await createOrder(partnerClient, '2026-03-13', '1', '10');
    for (const o of [ofMine, ofTheirs, ofPartner]) await verb(Role.ADMIN, 'postSampleOrder', o.id);
    const listed = async (role: Role) => {
      const answer = await gql<{ sampleOrders: { items: Doc[]; total: number } }>(role, '{ sampleOrders(perPage: 100) { total items { id number } } }');
      expect(answer.errors).toBeUndefined();
      return answer.data!.sampleOrders;
    };

    // then the sales manager lists their clients' orders (the partner's client is theirs too), the head all three, the partner only its own
    expect((await listed(Role.SALES_MANAGER)).items.map((o) => o.id)).toEqual([ofMine.id, ofPartner.id]);
    expect((await listed(Role.SALES_HEAD)).total).toBe(3);
    expect((await listed(Role.PARTNER)).items.map((o) => o.id)).toEqual([ofPartner.id]);
    // and the head's order is, for the manager, as if it did not exist: null to read, NOT_FOUND to unpost
    expect((await gql<{ sampleOrder: Doc | null }>(Role.SALES_MANAGER, 'query($id: ID!) { sampleOrder(id: $id) { id } }', { id: ofTheirs.id })).data?.sampleOrder).toBeNull();
    expect((await verb(Role.SALES_MANAGER, 'unpostSampleOrder', ofTheirs.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await verb(Role.SALES_MANAGER, 'unpostSampleOrder', ofMine.id)).data?.unpostSampleOrder.status).toBe('DRAFT');
    // and on the stock movements the manager reads, only their own order's number shows
    const numbers = (await gql<{ stockMovements: { items: { recorderId: string; recorderNumber: string | null }[] } }>(Role.SALES_MANAGER, '{ stockMovements(perPage: 100) { items { recorderId recorderNumber } } }')).data!.stockMovements.items;
    expect(numbers.find((m) => m.recorderId === ofTheirs.id)?.recorderNumber).toBeNull();
    expect(numbers.find((m) => m.recorderId === ofPartner.id)?.recorderNumber).toBe(ofPartner.number);

    for (const o of [ofTheirs, ofPartner]) await verb(Role.ADMIN, 'unpostSampleOrder', o.id);
    for (const o of [ofMine, ofTheirs, ofPartner]) await verb(Role.ADMIN, 'deleteSampleOrder', o.id);
  });

  it('brings part of an order line back, last-taken part first, each part at the cost it left at', async () => {
    // given an order of 15 for 3,000.00 on 03-12: 10 @ 100 from lot A and 5 @ 120 from lot B (1,600.00)
    const order = await createOrder(mine, '2026-03-12', '15', '3000');
    await verb(Role.ADMIN, 'postSampleOrder', order.id);
    const giveBack = async (date: string, quantity: string) => {
      const draft = (await gql<{ createSampleReturn: Doc }>(Role.ADMIN, 'mutation($input: CreateSampleReturnInput!) { createSampleReturn(input: $input) { id number } }', { input: { date, orderId: order.id, orderLine: 1, quantity } })).data!.createSampleReturn;
      return { draft, posted: await verb(Role.ADMIN, 'postSampleReturn', draft.id) };
    };

    // when 7 come back on 03-15, then the 5 from B come back at 120 (600.00) and 2 from A at 100 (200.00), as lots of 03-15
    const first = await giveBack('2026-03-15', '7');
    expect(first.posted.errors).toBeUndefined();
    expect(first.posted.data?.postSampleReturn.status).toBe('POSTED');
    expect(await lots()).toEqual([
      ['2026-03-10', '10', '0', '100.00', '0.00'],
      ['2026-03-11', '5', '0', '120.00', '0.00'],
      ['2026-03-15', '5', '5', '120.00', '600.00'],
      ['2026-03-15', '2', '2', '100.00', '200.00'],
    ]);
    // and the client's tally is 15 − 7 = 8 for 3,000.00 − 800.00 = 2,200.00
    expect(await tallies('2026-03-15')).toEqual([{ clientId: mine, quantity: '8', amount: '2200.00' }]);

    // when the other 8 come back on 03-16, they are the rest of A: 8 @ 100 = 800.00, and stock is worth 1,600.00 again
    await giveBack('2026-03-16', '8');
    expect((await lots()).slice(4)).toEqual([['2026-03-16', '8', '8', '100.00', '800.00']]);
    expect((await admin.StockBalances({ filter: { warehouseId: warehouse, productId: product } })).stockBalances.items.map((b) => [b.onHand, b.cost])).toEqual([['15', '1600.00']]);

    // when one more is to come back, then refused on the quantity: nothing of line 1 is left to return
    const third = await giveBack('2026-03-17', '1');
    expect(third.posted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { quantity: 'only 0 of line 1 can still come back' } });
  });
});
