import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Client } from 'pg';
import { loadConfig } from '../../api/src/config';
import { startServer } from '../../api/src/server/app';
import { createSchema } from '../../api/src/server/schema';
import { createServices } from '../../api/src/server/services';
import { createClient, type TradebookClient } from '@tradebook/client';
import { errorOf, rawRequest, Role, startTestApp, type AnotherInstance, type TestApp } from '../support/harness';
import { holdTableLock } from '../support/row-lock';
import { watchedSocket, wsClient, wsRequest } from '../support/ws-request';

const COUNTERPARTIES = '{ counterparties { total items { name } } }';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `attempt` every 10 ms until it gives a value, and says how long that took. */
async function within<T>(ms: number, attempt: () => Promise<T | undefined>): Promise<{ value: T; after: number }> {
  const started = Date.now();
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return { value, after: Date.now() - started };
    if (Date.now() - started > ms) throw new Error(`nothing within ${ms} ms`);
    await pause(10);
  }
}

/** The dealer's world: its client with the DEALER price type, another client on RETAIL (the default), and a product priced in both. */
async function dealerWorld(admin: TradebookClient) {
  const unit = (await admin.CreateUnit({ input: { code: 'key-pcs', name: 'штука' } })).createUnit.id;
  const productId = (await admin.CreateProduct({ input: { sku: 'KEY-1', name: 'Болт', unitId: unit } })).createProduct.id;
  const retail = (await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розница', isDefault: true } })).createPriceType.id;
  const dealer = (await admin.CreatePriceType({ input: { code: 'DEALER', name: 'Дилер' } })).createPriceType.id;
  for (const [priceTypeId, price] of [[retail, '500'], [dealer, '420']]) {
    const list = (await admin.CreatePriceList({ input: { priceTypeId, date: '2026-01-10', lines: [{ productId, price }] } })).createPriceList.id;
    await admin.PostPriceList({ id: list });
  }
  const client = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0];
  await admin.UpdateCounterparty({ id: client.id, input: { version: client.version, priceTypeId: dealer } });
  const other = (await admin.CreateCounterparty({ input: { name: 'Чужой клиент', roles: ['CLIENT'] } })).createCounterparty.id;
  const supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
  return { clientId: client.id, other, supplier, productId, retail, dealer };
}

type World = Awaited<ReturnType<typeof dealerWorld>>;

/** What a partner reads of its world: its own client only, its own price type only. */
async function whatItSees(client: TradebookClient, world: World) {
  const { counterparties } = await client.Counterparties();
  const own = (await client.Counterparty({ id: world.clientId })).counterparty?.name;
  const other = (await client.Counterparty({ id: world.other })).counterparty;
  const dealerPrice = (await client.Price({ productId: world.productId, priceTypeId: world.dealer, date: '2026-01-10' })).price?.price;
  const retailPrice = (await client.Price({ productId: world.productId, priceTypeId: world.retail, date: '2026-01-10' })).price?.price ?? null;
  return { counterparties: counterparties.items.map((c) => c.name), total: counterparties.total, own, other, dealerPrice, retailPrice };
}

describe('API keys: a partner server signs in without a password', () => {
  let app: TestApp;
  let other: AnotherInstance;
  let admin: TradebookClient;
  let world: World;
  let db: Client;

  beforeAll(async () => {
    // given two instances on one database, each trusting its copy of a session for 300 s
    app = await startTestApp();
    other = await app.anotherInstance();
    admin = await app.as(Role.ADMIN);
    world = await dealerWorld(admin);
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await other?.close();
    await app?.close();
  });

  it('acts as the partner user over HTTP and WebSocket on both instances, records its last use, and is refused everywhere at once when revoked', async () => {
    // given a key an administrator made for the dealer's client
    const before = Date.now();
    const { createApiKey } = await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: ' Интернет-магазин ' } });
    const { key, apiKey } = createApiKey;
    expect(key).toMatch(/^tbk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({ name: 'Интернет-магазин', counterparty: { id: world.clientId, name: 'Дилер Восток' }, createdBy: { email: 'admin@demo.tradebook' }, lastUsedAt: null, revokedAt: null });

    // when the key reads over HTTP on each instance, then it sees exactly what the partner user sees:
    // its own client (not the other one), its DEALER price 420 and no RETAIL price
    const onA = createClient({ url: app.graphqlUrl, token: key });
    const onB = createClient({ url: other.graphqlUrl, token: key });
    const partnerSees = await whatItSees(await app.as(Role.PARTNER), world);
    const expected = { counterparties: ['Дилер Восток'], total: 1, own: 'Дилер Восток', other: null, dealerPrice: '420.00', retailPrice: null };
    expect(partnerSees).toEqual(expected);
    expect(await whatItSees(onA, world)).toEqual(expected);
    expect(await whatItSees(onB, world)).toEqual(expected);

    // and over a WebSocket on the second instance
    const socket = watchedSocket(other.graphqlUrl, key);
    await socket.ready;
    const overSocket = await wsRequest(socket.client, COUNTERPARTIES);
    expect(overSocket).toEqual({ data: { counterparties: { total: 1, items: [{ name: 'Дилер Восток' }] } } });

    // then its first use is recorded, and the uses within the minute after it write nothing
    const used = (await admin.ApiKey({ id: apiKey.id })).apiKey!;
    expect(new Date(used.lastUsedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(used.lastUsedAt!).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    await onA.Counterparties();
    await onB.Counterparties();
    expect((await admin.ApiKey({ id: apiKey.id })).apiKey).toMatchObject({ lastUsedAt: used.lastUsedAt, version: apiKey.version });

    // when an administrator revokes it on the first instance
    const { revokeApiKey } = await admin.RevokeApiKey({ id: apiKey.id });
    expect(revokeApiKey).toMatchObject({ id: apiKey.id, revokedBy: { email: 'admin@demo.tradebook' } });
    expect(revokeApiKey.revokedAt).not.toBeNull();

    // then the first instance refuses it at once, and the second as soon as the event arrives —
    // well within a second, though it would trust its copy for 300 s
    expect((await errorOf(onA.Counterparties())).code).toBe('UNAUTHENTICATED');
    const refusedOnB = await within(1000, async () => {
      const answer = await rawRequest(other.graphqlUrl, { query: COUNTERPARTIES }, { authorization: `Bearer ${key}` });
      return answer.status === 401 ? answer : undefined;
    });
    expect(refusedOnB.value.json?.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(refusedOnB.after).toBeLessThan(1000);
    // and its open WebSocket is closed with 4403, and a new one is refused the same way
    expect((await socket.closed(1000)).code).toBe(4403);
    const again = watchedSocket(app.graphqlUrl, key);
    expect((await again.closed(5000)).code).toBe(4403);
    await Promise.all([socket.client.dispose(), again.client.dispose()]);
  });

  it('keeps only the SHA-256 of the secret: the key\'s text is in no table, the audit log and the events included', async () => {
    // given a key made and used once
    const { key, apiKey } = (await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Склад партнёра' } })).createApiKey;
    await createClient({ url: app.graphqlUrl, token: key }).Counterparties();
    const secret = key.slice(apiKey.prefix.length);

    // when every row of every table is read as text
    const { rows: tables } = await db.query<{ name: string }>(`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname in ('public', 'pgboss') order by 1`);
    expect(tables.length).toBeGreaterThan(30);
    const holding: string[] = [];
    for (const { name } of tables) {
      const { rows } = await db.query(`select 1 from ${name} x where x::text like '%' || $1 || '%' limit 1`, [secret]);
      if (rows.length) holding.push(name);
    }

    // then none holds the secret, and the key's row holds its SHA-256 (32 bytes) and nothing of the text
    expect(holding).toEqual([]);
    const { rows } = await db.query<{ secret_hash: Buffer; row: string }>(`select secret_hash, to_jsonb(k)::text as row from api_key k where id = $1`, [apiKey.id]);
    expect(rows[0].secret_hash).toEqual(createHash('sha256').update(secret).digest());
    expect(rows[0].row).not.toContain(secret);
    // and the database itself refuses to keep anything but a 32-byte hash
    const refused = await db.query(`update api_key set secret_hash = convert_to($1, 'utf8') where id = $2`, [key, apiKey.id]).catch((error: { constraint?: string }) => error.constraint);
    expect(refused).toBe('api_key_secret_hash_sha256');
  });

  it('audits creating and revoking a key like any record, the hash masked', async () => {
    // given a key made and revoked by the administrator
    const { apiKey } = (await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Аудит' } })).createApiKey;
    const { revokeApiKey: revoked } = await admin.RevokeApiKey({ id: apiKey.id });

    // when the audit log of the key is read
    const { auditEntries } = await admin.AuditEntries({ filter: { entity: 'ApiKey', entityId: apiKey.id }, sort: [{ field: 'at', order: 'ASC' }] });

    // then it has the creation (who made it for whom, the hash as ***) and the revocation, both by the administrator
    const adminId = apiKey.createdBy!.id;
    expect(auditEntries.items.map((e) => [e.action, e.userId, e.changes])).toEqual([
      ['CREATE', adminId, {
        name: { before: null, after: 'Аудит' },
        counterparty: { before: null, after: world.clientId },
        secretHash: { before: null, after: '***' },
        createdBy: { before: null, after: adminId },
      }],
      ['UPDATE', adminId, {
        revokedAt: { before: null, after: revoked.revokedAt },
        revokedBy: { before: null, after: adminId },
      }],
    ]);
  });

  it('refuses bad input on the field at fault, with a reason', async () => {
    const refusal = async (input: { counterpartyId: string; name: string }) => (await errorOf(admin.CreateApiKey({ input }))).fieldErrors.map(({ field, reason, params }) => ({ field, reason, params }));

    // an unknown counterparty, a supplier (a partner acts for a client), no name, a name of spaces, 101 characters
    expect(await refusal({ counterpartyId: '00000000-0000-4000-8000-000000000000', name: 'x' })).toEqual([{ field: 'counterpartyId', reason: 'NOT_FOUND', params: { entity: 'Counterparty' } }]);
    expect(await refusal({ counterpartyId: world.supplier, name: 'x' })).toEqual([{ field: 'counterpartyId', reason: 'NOT_A_CLIENT', params: { name: 'Поставщик' } }]);
    expect(await refusal({ counterpartyId: world.clientId, name: '' })).toEqual([{ field: 'name', reason: 'REQUIRED', params: {} }]);
    expect(await refusal({ counterpartyId: world.clientId, name: '   ' })).toEqual([{ field: 'name', reason: 'REQUIRED', params: {} }]);
    expect(await refusal({ counterpartyId: world.clientId, name: 'я'.repeat(101) })).toEqual([{ field: 'name', reason: 'TOO_LONG', params: { max: 100 } }]);
    expect(await refusal({ counterpartyId: 'not-an-id', name: 'x' })).toEqual([{ field: 'counterpartyId', reason: 'NOT_AN_ID', params: {} }]);
    // and none of them made a key
    expect((await admin.ApiKeys({ filter: { q: 'x' } })).apiKeys.total).toBe(0);
  });

  it('revokes a revoked key again as a no-op, and says NOT_FOUND for a key that does not exist', async () => {
    // given a revoked key
    const { apiKey } = (await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Дважды' } })).createApiKey;
    const first = (await admin.RevokeApiKey({ id: apiKey.id })).revokeApiKey;

    // when it is revoked again, then it is returned as it was: the first revocation's time and version
    const second = (await admin.RevokeApiKey({ id: apiKey.id })).revokeApiKey;
    expect(second).toEqual(first);
    expect((await errorOf(admin.RevokeApiKey({ id: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');
  });

  it('answers a malformed, unknown, wrong or revoked key UNAUTHENTICATED (401), never a 500, and never repeats the key', async () => {
    // given a working key and a revoked one
    const { key } = (await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Рабочий' } })).createApiKey;
    const revoked = (await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Отозванный' } })).createApiKey;
    await admin.RevokeApiKey({ id: revoked.apiKey.id });
    const [prefix, secret] = [key.slice(0, 37), key.slice(37)];
    const tokens = [
      'tbk_',
      'tbk_nonsense',
      `${prefix}${secret.slice(0, -1)}`, // a character short
      `${prefix}${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, // the right key but one character of its secret
      `tbk_${'0'.repeat(32)}_${secret}`, // a key no record has
      `${key}x`,
      revoked.key,
      `tbk_${'x'.repeat(5000)}`,
      `${key.toUpperCase()}`,
    ];

    for (const token of tokens) {
      // when a request brings it, then it is told to sign in, without the key in the answer
      const answer = await rawRequest(app.graphqlUrl, { query: COUNTERPARTIES }, { authorization: `Bearer ${token}` });
      expect([token.slice(0, 40), answer.status, answer.json?.errors?.map((e) => e.extensions?.code)]).toEqual([token.slice(0, 40), 401, ['UNAUTHENTICATED']]);
      if (token.length > 10) expect(answer.text).not.toContain(token.slice(4, 40));
    }
    // and the working key still works
    expect((await createClient({ url: app.graphqlUrl, token: key }).Counterparties()).counterparties.total).toBe(1);
    // and over a WebSocket a bad key is refused as a bad token is: 4403
    const socket = watchedSocket(app.graphqlUrl, `${prefix}${secret.slice(0, -1)}`);
    expect((await socket.closed(5000)).code).toBe(4403);
    await socket.client.dispose();
  });

  it('is for administrators: a sales head, a partner and a key itself may neither make nor list keys', async () => {
    // given a key, and the sales head and the partner user
    const { key } = (await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Права' } })).createApiKey;
    const callers = [await app.as(Role.SALES_HEAD), await app.as(Role.PARTNER), createClient({ url: app.graphqlUrl, token: key })];

    for (const caller of callers) {
      // when each asks to make a key, list the keys or revoke one, then each is FORBIDDEN
      expect((await errorOf(caller.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Ещё один' } }))).code).toBe('FORBIDDEN');
      expect((await errorOf(caller.ApiKeys())).code).toBe('FORBIDDEN');
      expect((await errorOf(caller.RevokeApiKey({ id: '00000000-0000-4000-8000-000000000000' }))).code).toBe('FORBIDDEN');
    }
    // and a key has the PARTNER role's permissions, is no person (me: FORBIDDEN) and may not introspect
    const asKey = callers[2];
    expect((await errorOf(asKey.Me())).code).toBe('FORBIDDEN');
    const introspection = await rawRequest(app.graphqlUrl, { query: '{ __schema { queryType { name } } }' }, { authorization: `Bearer ${key}` });
    expect(introspection.json?.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // and no key was made by any of them
    expect((await admin.ApiKeys({ filter: { q: 'Ещё один' } })).apiKeys.total).toBe(0);
  });

  it('lists keys by name with their client, maker, last use and revocation, filtered by client, state and text', async () => {
    // given three keys of the other client: one used, one never used, one revoked
    const make = async (name: string) => (await admin.CreateApiKey({ input: { counterpartyId: world.other, name } })).createApiKey;
    const used = await make('Б-магазин');
    await make('А-склад');
    const old = await make('В-старый');
    await createClient({ url: app.graphqlUrl, token: used.key }).Health();
    await admin.RevokeApiKey({ id: old.apiKey.id });
    const names = async (filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }[]) =>
      (await admin.ApiKeys({ filter: { counterpartyId: world.other, ...filter }, sort })).apiKeys.items.map((k) => [k.name, k.counterparty.name, k.createdBy?.email, k.lastUsedAt !== null, k.revokedAt !== null]);

    // then by name, all three with their client and maker, whether used and whether revoked
    expect(await names({})).toEqual([
      ['А-склад', 'Чужой клиент', 'admin@demo.tradebook', false, false],
      ['Б-магазин', 'Чужой клиент', 'admin@demo.tradebook', true, false],
      ['В-старый', 'Чужой клиент', 'admin@demo.tradebook', false, true],
    ]);
    // and filtered by state and by text
    expect((await names({ revoked: false })).map(([name]) => name)).toEqual(['А-склад', 'Б-магазин']);
    expect((await names({ revoked: true })).map(([name]) => name)).toEqual(['В-старый']);
    expect((await names({ q: 'МАГАЗ' })).map(([name]) => name)).toEqual(['Б-магазин']);
    // and sorted by the last use the used one comes first (never used last)
    expect((await names({}, [{ field: 'lastUsedAt', order: 'ASC' }]))[0][0]).toBe('Б-магазин');
    // and a field it cannot sort by is refused, naming those it can
    const refused = await errorOf(admin.ApiKeys({ sort: [{ field: 'secretHash', order: 'ASC' }] }));
    expect(refused.fieldErrors[0]).toMatchObject({ field: 'sort', reason: 'NOT_SORTABLE', params: { field: 'secretHash', allowed: ['name', 'counterparty.name', 'createdAt', 'lastUsedAt', 'revokedAt'] } });
  });

  it('costs a request no statement of its own once known: its first use reads the key and writes the use, later ones as many as the partner user', async () => {
    // given a new key, and the partner user already signed in
    const { key } = (await admin.CreateApiKey({ input: { counterpartyId: world.clientId, name: 'Счётчик' } })).createApiKey;
    const asKey = createClient({ url: app.graphqlUrl, token: key });
    const partner = await app.as(Role.PARTNER);
    await partner.Counterparties();

    // when each reads its clients, the key first for the first time, then both again
    const first = await app.countStatements(() => asKey.Counterparties());
    const byKey = await app.countStatements(() => asKey.Counterparties());
    const byPartner = await app.countStatements(() => partner.Counterparties());

    // then 4 for each (the page with its total, the clients' owners, price types and team members), and at
    // first the key's read and its last use besides (4 + 2)
    expect([first, byKey, byPartner]).toEqual([6, 4, 4]);
  });

  it('costs the same few statements for a page of 1 or 25 keys (their clients and makers through loaders)', async () => {
    const one = await app.countStatements(() => admin.ApiKeys({ perPage: 1 }));
    const many = await app.countStatements(() => admin.ApiKeys({ perPage: 25 }));
    // the page with its total, the clients, and the makers and revokers together (one loader of users)
    expect([one, many]).toEqual([3, 3]);
  });
});

describe('API keys: each key has its own turn, so one key\'s storm leaves the others served', () => {
  let app: TestApp;

  beforeAll(async () => {
    // given one request running and one waiting per caller
    app = await startTestApp({ REQUESTS_PER_USER: '1', REQUESTS_QUEUED_PER_USER: '1' });
  });
  afterAll(() => app.close());

  it('refuses the storm of one key TOO_MANY_REQUESTS over HTTP and WebSocket while another key and the partner user are served', async () => {
    // given two keys of the same client
    const admin = await app.as(Role.ADMIN);
    const clientId = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0].id;
    const stormy = (await admin.CreateApiKey({ input: { counterpartyId: clientId, name: 'Шторм' } })).createApiKey.key;
    const calm = (await admin.CreateApiKey({ input: { counterpartyId: clientId, name: 'Спокойный' } })).createApiKey.key;
    const socket = wsClient(app.graphqlUrl, stormy);
    await wsRequest(socket, '{ health }');
    // and the partner user signed in before (signing in reads its client, which the lock below would hold up)
    const partner = await app.as(Role.PARTNER);

    // and the first key's read of its client waiting on a lock of the counterparty table, so it keeps its turn
    const lock = await holdTableLock(app.databaseUrl, 'counterparty');
    const send = (key: string, query: string) => rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${key}` });
    try {
      const running = send(stormy, COUNTERPARTIES);
      await lock.untilWaiting(1);
      // when it sends five more at once (one may wait its turn; the others are refused at once), and one more over its WebSocket
      const storm = [1, 2, 3, 4, 5].map(() => send(stormy, '{ health }'));
      const answered = await Promise.all(storm.map((answer) => Promise.race([answer, pause(2000).then(() => 'waiting' as const)])));
      const overSocket = await wsRequest(socket, '{ health }');

      // then four are told to come back in a second, and so is the socket's; one waits
      const refused = answered.filter((answer) => answer !== 'waiting' && answer.status === 429);
      expect(refused).toHaveLength(4);
      expect(answered.filter((answer) => answer === 'waiting')).toHaveLength(1);
      for (const answer of refused) {
        if (answer === 'waiting') continue;
        expect(answer.json?.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 1, limit: 'requestsPerUser' } });
      }
      expect(overSocket.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });

      // and the other key, and the partner user of the same client, are served meanwhile
      const otherKey = await send(calm, '{ products(perPage: 1) { total } }');
      expect([otherKey.status, otherKey.json?.errors]).toEqual([200, undefined]);
      expect((await partner.Health()).health).toBe('ok');

      // and once the lock is gone the running read and the waiting one are answered
      await lock.release();
      expect((await running).json?.data).toEqual({ counterparties: { total: 1, items: [{ name: 'Дилер Восток' }] } });
      expect((await Promise.all(storm)).filter((answer) => answer.status === 200)).toHaveLength(1);
    } finally {
      await lock.release();
    }
    await socket.dispose();
  });
});

describe('API keys in the logs', () => {
  it('never writes a key to the log, whatever is done with it', async () => {
    // given an instance logging everything it logs at all into a list
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ level: 'trace' }, stream);
    const app = await startTestApp();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace', SEED_DEMO: 'false', SESSION_CACHE_SECONDS: '1' });
    const services = await createServices(app.orm, config, logger);
    const server = await startServer({ config, orm: app.orm, schema: await createSchema(), services, logger, port: 0, host: '127.0.0.1' });
    const url = `${server.url}/graphql`;
    try {
      const admin = createClient({ url, token: (await app.login('admin@demo.tradebook')).token });
      const clientId = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0].id;

      // when a key is made, used over HTTP and WebSocket, sent broken, revoked (closing its socket) and used again
      const { key, apiKey } = (await admin.CreateApiKey({ input: { counterpartyId: clientId, name: 'Логи' } })).createApiKey;
      await createClient({ url, token: key }).Counterparties();
      const socket = watchedSocket(url, key);
      await socket.ready;
      await rawRequest(url, { query: COUNTERPARTIES }, { authorization: `Bearer ${key.slice(0, -1)}` });
      await rawRequest(url, { query: '{ counterparties { nope } }' }, { authorization: `Bearer ${key}` });
      await admin.RevokeApiKey({ id: apiKey.id });
      expect((await socket.closed(5000)).code).toBe(4403);
      await rawRequest(url, { query: COUNTERPARTIES }, { authorization: `Bearer ${key}` });
      await socket.client.dispose();

      // then the log tells of the closed socket by the key's id, and no line holds the secret
      expect(lines.some((line) => line.includes('websocket closed') && line.includes(apiKey.id))).toBe(true);
      const secret = key.slice(apiKey.prefix.length);
      expect(lines.filter((line) => line.includes(secret.slice(0, 20)))).toEqual([]);
    } finally {
      await server.close();
      await services.close();
      await app.close();
    }
  });
});
