import { startMain } from '../support/main-process';
import { errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { settle, subscribeAll, wsClients } from '../support/subscriptions';

const PRICES_CHANGED = 'subscription ($id: ID!) { pricesChanged(priceTypeId: $id) { priceTypeId priceListId number validFrom action } }';

describe('events: pricesChanged over WebSocket, through PostgreSQL LISTEN/NOTIFY', () => {
  let app: TestApp;
  let token: string;
  let retailId: string;
  let productId: string;
  const sockets = wsClients();
  const ws = (url: string, authToken = token) => sockets.open(url, authToken);
  const draft = async (date: string, price: string) => {
    const admin = await app.as(Role.ADMIN);
    return (await admin.CreatePriceList({ input: { priceTypeId: retailId, date, lines: [{ productId, price }] } })).createPriceList;
  };

  beforeAll(async () => {
    app = await startTestApp();
    ({ token } = await app.login('admin@demo.tradebook'));
    const admin = await app.as(Role.ADMIN);
    const { createUnit } = await admin.CreateUnit({ input: { code: 'ev-pcs', name: 'piece' } });
    productId = (await admin.CreateProduct({ input: { sku: 'EV-1', name: 'Event bolt', unitId: createUnit.id } })).createProduct.id;
    retailId = (await admin.CreatePriceType({ input: { code: 'EV-RETAIL', name: 'Retail', isDefault: true } })).createPriceType.id;
  });
  afterAll(async () => {
    await sockets.dispose();
    await app.close();
  });

  it('tells a subscriber when a list of its price type is posted and withdrawn, and never for a rolled-back attempt', async () => {
    // given a subscriber to the retail price type
    const events = subscribeAll(ws(app.graphqlUrl), PRICES_CHANGED, { id: retailId });
    await settle(); // the subscription reaches the server

    // when posting an empty list fails (rolled back) and then a real list is posted and unposted
    const admin = await app.as(Role.ADMIN);
    const empty = (await admin.CreatePriceList({ input: { priceTypeId: retailId, date: '2026-05-01', lines: [] } })).createPriceList;
    expect((await errorOf(admin.PostPriceList({ id: empty.id }))).code).toBe('INVALID_STATE');
    const list = await draft('2026-05-01', '100');
    await admin.PostPriceList({ id: list.id });
    await admin.UnpostPriceList({ id: list.id });

    // then the first event is the real posting (nothing came from the failed one), then its withdrawal
    expect(await events.next()).toEqual({ data: { pricesChanged: { priceTypeId: retailId, priceListId: list.id, number: list.number, validFrom: '2026-05-01', action: 'POSTED' } } });
    expect(await events.next()).toEqual({ data: { pricesChanged: { priceTypeId: retailId, priceListId: list.id, number: list.number, validFrom: '2026-05-01', action: 'WITHDRAWN' } } });
  });

  it('reaches a subscriber on another instance (another process on the same database)', async () => {
    // given a second API process on this test's database, with a subscriber on it
    const other = startMain({ DATABASE_URL: app.databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false' });
    try {
      const port = await other.listening;
      const events = subscribeAll(ws(`http://127.0.0.1:${port}/graphql`), PRICES_CHANGED, { id: retailId });
      await settle();

      // when a list is posted through this instance
      const list = await draft('2026-06-01', '120');
      await (await app.as(Role.ADMIN)).PostPriceList({ id: list.id });

      // then the other instance's subscriber hears of it
      expect(await events.next()).toMatchObject({ data: { pricesChanged: { priceListId: list.id, action: 'POSTED' } } });
    } finally {
      other.child.kill('SIGTERM');
      await other.exited;
    }
  });

  it('never tells a partner of another price type: the subscription is answered as for a type that does not exist', async () => {
    // given the demo partner, whose client has no price type of its own (the default applies), and a second type
    const admin = await app.as(Role.ADMIN);
    const dealerId = (await admin.CreatePriceType({ input: { code: 'EV-DEALER', name: 'Dealer' } })).createPriceType.id;
    const { token: partnerToken } = await app.login('partner@demo.tradebook');

    // when the partner subscribes to that type and to its own, and staff to that type, and a list of each is posted
    const partnerOther = subscribeAll(ws(app.graphqlUrl, partnerToken), PRICES_CHANGED, { id: dealerId });
    const partnerOwn = subscribeAll(ws(app.graphqlUrl, partnerToken), PRICES_CHANGED, { id: retailId });
    const staff = subscribeAll(ws(app.graphqlUrl), PRICES_CHANGED, { id: dealerId });
    await settle();
    const dealerList = (await admin.CreatePriceList({ input: { priceTypeId: dealerId, date: '2026-06-01', lines: [{ productId, price: '90' }] } })).createPriceList;
    await admin.PostPriceList({ id: dealerList.id });
    const own = await draft('2026-06-01', '110');
    await admin.PostPriceList({ id: own.id });

    // then staff hear of the dealer list and the partner of its own list only: the other type's stream stays silent, no error
    expect(await staff.next()).toMatchObject({ data: { pricesChanged: { priceListId: dealerList.id, action: 'POSTED' } } });
    expect(await partnerOwn.next()).toMatchObject({ data: { pricesChanged: { priceListId: own.id, action: 'POSTED' } } });
    await expect(partnerOther.next(1500)).rejects.toThrow(/^no event within 1500 ms$/);
    expect(partnerOther.failure()).toBeUndefined();
  });
});
