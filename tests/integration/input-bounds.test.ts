import type { TradebookClient } from '@tradebook/client';
import { errorOf, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';

/*
 * Bad input is BAD_USER_INPUT naming the argument path, whatever the transport of the
 * value (literal or variable) and wherever GraphQL, a scalar, a service or the database
 * refuses it; nothing is written and no internal error is told (issue 17, point 4).
 */
describe('bad input is a field error, never an internal one', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let auth: Record<string, string>;
  let pcs: string;
  let supplier: string;
  const NIL = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as(Role.ADMIN);
    auth = { authorization: `Bearer ${(await app.login('admin@demo.tradebook')).token}` };
    pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
    supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
  });
  afterAll(async () => {
    await assertLedgerInvariants(app.orm);
    await app.close();
  });

  const send = (query: string, variables?: Record<string, unknown>) => rawRequest(app.graphqlUrl, { query, variables }, auth);
  /** The one error of an answer, as a client reads it. */
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const { status, json } = await send(query, variables);
    expect(status).toBeLessThan(500);
    expect(json?.errors).toHaveLength(1);
    return json!.errors![0].extensions as { code: string; fields: Record<string, string> };
  };
  const product = async (sku: string) => (await admin.CreateProduct({ input: { sku, name: sku, unitId: pcs } })).createProduct.id;
  const warehouse = async (code: string) => (await admin.CreateWarehouse({ input: { code, name: code } })).createWarehouse.id;

  describe('ids are UUIDs', () => {
    it('refuses a non-UUID id in an argument, a filter list and a nested input before any SQL', async () => {
      expect(await refusal('{ lots(productId: "x", warehouseId: "y") { id } }')).toEqual({ code: 'BAD_USER_INPUT', fields: { productId: 'must be a UUID', warehouseId: 'must be a UUID' }, details: expect.anything(), fieldErrors: expect.arrayContaining([expect.objectContaining({ field: 'productId', reason: 'NOT_AN_ID' }), expect.objectContaining({ field: 'warehouseId', reason: 'NOT_AN_ID' })]), requestId: expect.any(String) });
      expect((await refusal('query($ids: [ID!]) { users(filter: { ids: $ids }) { total } }', { ids: [NIL, 'x'] })).fields).toEqual({ 'filter.ids.1': 'must be a UUID' });
      const nested = await refusal('mutation($input: CreateGoodsReceiptInput!) { createGoodsReceipt(input: $input) { id } }', {
        input: { date: '2026-01-01', warehouseId: NIL, supplierId: supplier, lines: [{ productId: '42', quantity: '1', unitCost: '1' }] },
      });
      expect(nested).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'lines.0.productId': 'must be a UUID' } });
    });
  });

  describe('text', () => {
    it('refuses a NUL or an unpaired surrogate in any string, including the login email, without a 500', async () => {
      // a NUL in a variable of a mutation's input
      expect((await refusal('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input: { code: 'k\u0000g', name: 'кг' } })).fields).toEqual({ code: 'must not contain NUL characters' });
      // an unpaired surrogate where class-validator's isEmail would throw
      expect((await refusal('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email: 'a\ud800@b.cd', name: 'x', password: '12345678', roles: ['ADMIN'] } })).fields).toEqual({
        email: 'must be valid Unicode text (it has an unpaired surrogate)',
      });
      // the login email: anonymous, as a stranger would send it
      const login = await rawRequest(app.graphqlUrl, { query: 'mutation($email: String!) { login(email: $email, password: "x") { token } }', variables: { email: '\udc00@demo.tradebook' } });
      expect(login.status).toBe(200);
      expect(login.json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'must be valid Unicode text (it has an unpaired surrogate)' } });
    });

    it('refuses a login email longer than any address before it reaches the limiter', async () => {
      const email = `${'a'.repeat(250)}@demo.tradebook`;
      const { json } = await rawRequest(app.graphqlUrl, { query: 'mutation($email: String!) { login(email: $email, password: "x") { token } }', variables: { email } });
      expect(json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'must be at most 254 characters' } });
    });
  });

  describe('numbers are bounded by their columns', () => {
    it('refuses a weight of 16 digits, too large for numeric(18,3), as a literal and as a variable', async () => {
      const literal = await refusal(`mutation { createProduct(input: { sku: "W", name: "w", unitId: "${pcs}", weight: "9999999999999999" }) { id } }`);
      expect(literal.code).toBe('BAD_USER_INPUT');
      expect(literal.fields.weight).toMatch(/^Decimal must have at most 15 digits before the point/);
      const variable = await refusal('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', { input: { sku: 'W', name: 'w', unitId: pcs, weight: '9999999999999999' } });
      expect(Object.keys(variable.fields)).toEqual(['weight']);
      expect((await admin.Products({ filter: { q: 'W' } })).products.total).toBe(0);
    });

    it('refuses posting a second receipt of 999,999,999,999,999 units that would overflow the balance, naming the line, with nothing written', async () => {
      // given a product with 999,999,999,999,999 pcs on hand (the most a quantity holds before the point)
      const [p, w] = [await product('HUGE'), await warehouse('BIG')];
      const receipt = (lines: { quantity: string; unitCost: string }[]) =>
        admin.CreateGoodsReceipt({ input: { date: '2026-02-01', warehouseId: w, supplierId: supplier, lines: lines.map((l) => ({ productId: p, ...l })) } }).then((r) => r.createGoodsReceipt);
      await admin.PostGoodsReceipt({ id: (await receipt([{ quantity: '999999999999999', unitCost: '0' }])).id });

      // when a second receipt of a small line and the same again is posted
      const second = await receipt([
        { quantity: '1', unitCost: '0' },
        { quantity: '999999999999999', unitCost: '0' },
      ]);
      const error = await errorOf(admin.PostGoodsReceipt({ id: second.id }));

      // then its first line already takes the balance to 1,000,000,000,000,000 > 999,999,999,999,999.999: line 1 is named
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.fields).toEqual({ 'lines.0': 'line 1: the stock of its product in the warehouse would go past 999999999999999.999, the most a balance holds' });
      // and nothing of the posting was written: still a draft, the balance as it was
      expect((await admin.GoodsReceipt({ id: second.id })).goodsReceipt).toMatchObject({ status: 'DRAFT', movements: [] });
      const balance = (await admin.StockBalances({ filter: { productId: p } })).stockBalances.items;
      expect(balance.map((b) => b.onHand)).toEqual(['999999999999999']);
    });

    it('refuses a receipt whose total with VAT would not fit the payable', async () => {
      // 999,999,999,999,999 × 1 + 22 % VAT = 1,219,999,999,999,998.78 > 999,999,999,999,999.9999
      const error = await errorOf(
        admin.CreateGoodsReceipt({ input: { date: '2026-02-01', warehouseId: await warehouse('VAT'), supplierId: supplier, lines: [{ productId: await product('VATTY'), quantity: '1', unitCost: '999999999999999', vatRate: '22' }] } }),
      );
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.fields)).toEqual(['lines.0.unitCost']);
    });
  });

  describe('explicit nulls and scalars GraphQL refuses', () => {
    it('answers an explicit null for an argument with a default as BAD_USER_INPUT on that argument', async () => {
      expect((await refusal('query($page: Int) { products(page: $page) { total } }', { page: null })).fields).toEqual({ page: 'must not be null; leave it out to get its default, if it has one' });
      expect(await refusal(`{ lots(productId: "${NIL}", warehouseId: "${NIL}", onlyOpen: null) { id } }`)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { onlyOpen: 'must not be null' } });
      expect(await refusal('query($order: SortOrder) { products(sort: [{ field: "name", order: $order }]) { total } }', { order: null })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { sort: expect.any(String) } });
    });

    it('names the field of a date that does not exist and of a Decimal that is not a number', async () => {
      const query = 'query($date: LocalDate!) { price(date: $date, priceTypeId: "' + NIL + '", productId: "' + NIL + '") { price } }';
      expect((await refusal(query, { date: '2026-02-30' })).fields).toEqual({ date: 'LocalDate must be a date written as YYYY-MM-DD; got "2026-02-30"' });
      expect((await refusal(`{ price(date: "2026-02-30", priceTypeId: "${NIL}", productId: "${NIL}") { price } }`)).fields).toEqual({ date: 'LocalDate must be a date written as YYYY-MM-DD; got "2026-02-30"' });
      const decimal = await refusal(`mutation { createGoodsReceipt(input: { date: "2026-01-01", warehouseId: "${NIL}", supplierId: "${NIL}", lines: [{ productId: "${NIL}", quantity: "abc", unitCost: "1" }] }) { id } }`);
      expect(decimal).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'lines.0.quantity': 'Decimal must be a decimal number written as a string, e.g. "1234.50"; got "abc"' } });
    });

    it('refuses a subscription sent over HTTP with a 400 that says where subscriptions live', async () => {
      const { status, json } = await send('subscription { stockChanged { onHand } }');
      expect(status).toBe(400);
      expect(json?.errors?.[0]).toMatchObject({ message: 'Subscriptions run over WebSocket (graphql-ws) at /graphql, not over HTTP', extensions: { code: 'BAD_REQUEST' } });
    });
  });

  describe('constraints', () => {
    it('has a domain message for every CHECK and unique constraint the database can raise', async () => {
      // given every check constraint and unique index of the schema (primary keys aside)
      const rows = await app.orm.em.getConnection().execute<{ name: string }[]>(
        `select conname as name from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace
         union select indexname from pg_indexes where schemaname = 'public' and indexdef like 'CREATE UNIQUE%' and indexname not like '%_pkey'`,
      );
      expect(rows.length).toBeGreaterThan(30);
      // then each is told in domain words (constraint-messages), none by its name
      expect(rows.map((r) => r.name).filter((name) => !app.services.constraints.knows(name))).toEqual([]);
    });

    it('tells a CHECK refusal in domain words, without the constraint name, and writes nothing', async () => {
      // given a warehouse that allows negative stock, 1 pcs on hand, and another instance that
      // has just stopped the balance going negative (as a change of the warehouse would)
      const [p, w] = [await product('RACE'), (await admin.CreateWarehouse({ input: { code: 'NEG', name: 'NEG', allowsNegativeStock: true } })).createWarehouse.id];
      const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-01', warehouseId: w, supplierId: supplier, lines: [{ productId: p, quantity: '1', unitCost: '10' }] } })).createGoodsReceipt;
      await admin.PostGoodsReceipt({ id: receipt.id });
      await app.orm.em.getConnection().execute('update stock_balance set allows_negative = false where product_id = ?', [p]);

      // when a write-off of 5 is posted
      const writeOff = (await admin.CreateWriteOff({ input: { date: '2026-03-02', warehouseId: w, reason: 'DAMAGE', lines: [{ productId: p, quantity: '5' }] } })).createWriteOff;
      const error = await errorOf(admin.PostWriteOff({ id: writeOff.id }));

      // then the database's refusal reads as the business says it, and the write-off stays a draft
      expect(error.code).toBe('INSUFFICIENT_STOCK');
      expect(error.message).toBe('Not enough stock: the warehouse does not allow its stock to go below zero or below what is reserved');
      expect(JSON.stringify(error)).not.toMatch(/stock_balance|constraint/);
      expect((await admin.WriteOff({ id: writeOff.id })).writeOff?.status).toBe('DRAFT');
    });
  });
});
