import { getIntrospectionQuery } from 'graphql';
import type { Client as WsClient } from 'graphql-ws';
import { holdRowLock } from '../support/row-lock';
import { wsClient, wsRequest, type WsResult } from '../support/ws-request';
import { rawRequest, Role, startTestApp, type TestApp } from '../support/harness';

type Transport = 'HTTP' | 'WebSocket';
const TRANSPORTS: Transport[] = ['HTTP', 'WebSocket'];

// one product's selection: items 1 + id, sku, name, vatRate 4 + unit (1 + 3) + group (1 + 2) = 12, so a page costs 1 + perPage × 12
const PRODUCT_PAGE = (perPage: number | string) => `products(perPage: ${perPage}) { items { id sku name vatRate unit { id code name } group { id name } } }`;
const aliased = (count: number, field: (i: number) => string) => Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ');

describe('limits: one set for HTTP and WebSocket', () => {
  let app: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  const sockets = new Map<Role, WsClient>();

  /** The answer to one operation as `role`, over either transport, with the HTTP status when there is one. */
  async function send(transport: Transport, role: Role, query: string, variables?: Record<string, unknown>): Promise<WsResult & { status?: number }> {
    tokens[role] ??= (await app.login(role === Role.PARTNER ? 'partner@demo.tradebook' : `${role.toLowerCase()}@demo.tradebook`)).token;
    if (transport === 'HTTP') {
      const { status, json } = await rawRequest(app.graphqlUrl, { query, variables }, { authorization: `Bearer ${tokens[role]}` });
      return { ...json, status };
    }
    if (!sockets.has(role)) sockets.set(role, wsClient(app.graphqlUrl, tokens[role]!));
    return wsRequest(sockets.get(role)!, query, variables);
  }

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all([...sockets.values()].map((s) => s.dispose()));
    await app.close();
  });

  it.each(TRANSPORTS)('over %s refuses 5,000 aliases by the token limit before reading them', async (transport) => {
    // when a partner sends 5,000 aliased fields (3 tokens each)
    const answer = await send(transport, Role.PARTNER, `{ ${aliased(5000, () => 'health')} }`);

    // then the parser stops at 5,000 tokens
    expect(answer.errors?.[0]).toMatchObject({ message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    if (transport === 'HTTP') expect(answer.status).toBe(400);
  });

  it.each(TRANSPORTS)('over %s refuses 21 aliases, 51 directives and a depth of 50, saying which limit and by how much', async (transport) => {
    const aliases = await send(transport, Role.PARTNER, `{ ${aliased(21, () => 'health')} }`);
    const directives = await send(transport, Role.PARTNER, `{ health ${'@include(if: true) '.repeat(51)} }`);
    // productGroups 1, items 2, 47 × children (3…49), id 50
    const deep = await send(transport, Role.PARTNER, `{ productGroups { items { ${'children { '.repeat(47)} id ${'} '.repeat(47)} } } }`);

    expect(aliases.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', details: { limit: 'aliases', max: 20, found: 21 } } });
    expect(aliases.errors?.[0].message).toMatch(/^Aliases limit of 20 exceeded, found 21\./);
    expect(directives.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', details: { limit: 'directives', max: 50, found: 51 } } });
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', details: { limit: 'depth', max: 15, found: 50 } } });
    if (transport === 'HTTP') expect([aliases.status, directives.status, deep.status]).toEqual([400, 400, 400]);
  });

  it.each(TRANSPORTS)('over %s refuses 200 × products(perPage: 500) before reading it all (27 tokens a page)', async (transport) => {
    const answer = await send(transport, Role.PARTNER, `{ ${aliased(200, () => PRODUCT_PAGE(500))} }`);
    expect(answer.errors?.[0]).toMatchObject({ message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(answer.data).toBeUndefined();
  });

  it.each(TRANSPORTS)('over %s counts perPage in the cost, written in the query or sent as a variable', async (transport) => {
    // given 20 pages of products: 20 × (1 + 500 × 12) = 120,020 over the limit of 100,000; 20 × (1 + 400 × 12) = 96,020 under it
    const literal = (perPage: number) => send(transport, Role.PARTNER, `{ ${aliased(20, () => PRODUCT_PAGE(perPage))} }`);
    const variable = (perPage: number) => send(transport, Role.PARTNER, `query ($n: Int!) { ${aliased(20, () => PRODUCT_PAGE('$n'))} }`, { n: perPage });

    // then pages of 500 are refused with the cost worked out, and pages of 400 answered
    for (const refused of [await literal(500), await variable(500)]) {
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', details: { limit: 'cost', max: 100_000, found: 120_020 } } });
      expect(refused.errors?.[0].message).toMatch(/may cost 120020, more than the limit of 100000/);
    }
    for (const answered of [await literal(400), await variable(400)]) {
      expect(answered.errors).toBeUndefined();
      expect(answered.data).toMatchObject({ a0: { items: [] }, a19: { items: [] } });
    }
  });

  it.each(TRANSPORTS)('over %s counts only the fields a variable of @include keeps', async (transport) => {
    // given one document of 20 pages of 500, each kept only when $all is true
    const query = `query ($all: Boolean!) { ${aliased(20, () => `${PRODUCT_PAGE(500).replace('products(perPage: 500)', 'products(perPage: 500) @include(if: $all)')}`)} }`;

    // when it is sent without them, and then with them
    const without = await send(transport, Role.PARTNER, query, { all: false });
    const withAll = await send(transport, Role.PARTNER, query, { all: true });

    // then the first costs nothing and is answered, the second costs 20 × 6,001 and is refused
    expect(without).toMatchObject({ data: {} });
    expect(without.errors).toBeUndefined();
    expect(withAll.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', details: { limit: 'cost', found: 120_020 } });
  });

  it.each(TRANSPORTS)('over %s refuses introspection to a partner and answers it to staff', async (transport) => {
    // when a partner and a sales manager each ask for the whole schema
    const partner = await send(transport, Role.PARTNER, getIntrospectionQuery());
    const staff = await send(transport, Role.SALES_MANAGER, getIntrospectionQuery());

    // then the partner is pointed at the committed schema file, the sales manager gets it
    expect(partner.errors?.[0]).toMatchObject({ message: 'Introspection is for staff; generate your client from schema/schema.graphql in the repository', extensions: { code: 'FORBIDDEN' } });
    expect(partner.data).toBeUndefined();
    expect(staff.errors).toBeUndefined();
    expect((staff.data as { __schema: { types: { name: string }[] } }).__schema.types.map((t) => t.name)).toContain('Product');
    if (transport === 'HTTP') expect([partner.status, staff.status]).toEqual([403, 200]);

    // and a partner may not reach it through __type either
    const type = await send(transport, Role.PARTNER, '{ __type(name: "User") { fields { name } } }');
    expect(type.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each(TRANSPORTS)('over %s counts introspection in the cost: staff get one whole schema per request, not twenty', async (transport) => {
    const twenty = await send(transport, Role.ADMIN, `{ ${aliased(20, () => '__schema { types { name fields { name args { name type { name ofType { name } } } type { name ofType { name } } } } }')} }`);
    // an introspecting operation may cost one full introspection when that is more than the limit (introspectionAllowance)
    expect(twenty.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', details: { limit: 'cost' } });
    const { found, max } = twenty.errors?.[0].extensions?.details as { found: number; max: number };
    expect(max).toBeGreaterThanOrEqual(100_000);
    expect(found).toBeGreaterThan(max);
  });

  it('closes a WebSocket that sends a message over the body limit (1 MB)', async () => {
    // given a signed-in socket
    tokens[Role.ADMIN] ??= (await app.login('admin@demo.tradebook')).token;
    const client = wsClient(app.graphqlUrl, tokens[Role.ADMIN]!);
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));

    // when it sends 1.1 MB in one message, then the server closes it: 1009 message too big
    void wsRequest(client, `{ health } # ${'x'.repeat(1_100_000)}`).catch(() => undefined);
    expect(await closed).toBe(1009);
    await client.dispose();
  });
});

describe('limits: a turn per user, so one user cannot starve the others', () => {
  let app: TestApp;
  let admin: { token: string };
  let unitId: string;
  beforeAll(async () => {
    // given one request running and none waiting per user
    app = await startTestApp({ REQUESTS_PER_USER: '1', REQUESTS_QUEUED_PER_USER: '0' });
    admin = await app.login('admin@demo.tradebook');
    unitId = (await (await app.as(Role.ADMIN)).CreateUnit({ input: { code: 'turn-pcs', name: 'piece' } })).createUnit.id;
  });
  afterAll(() => app.close());

  it('answers a user who has a request running TOO_MANY_REQUESTS with Retry-After, over HTTP and WebSocket, while another user is served', async () => {
    // given the admin's update waiting on a row lock, so it keeps its turn
    const lock = await holdRowLock(app.databaseUrl, 'unit', unitId);
    const slow = (await app.as(Role.ADMIN)).UpdateUnit({ id: unitId, input: { version: 1, name: 'slow piece' } });
    try {
      await lock.untilWaiting(1);

      // when the admin sends another request over HTTP and over a WebSocket, and a sales manager one over HTTP
      const again = await fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ query: '{ me { email } }' }) });
      const socket = wsClient(app.graphqlUrl, admin.token);
      const overSocket = await wsRequest(socket, '{ me { email } }');
      await socket.dispose();
      const other = await (await app.as(Role.SALES_MANAGER)).Me();

      // then the admin is told to come back in a second, and the sales manager is served
      expect(again.status).toBe(429);
      expect(again.headers.get('retry-after')).toBe('1');
      expect(((await again.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 1, limit: 'requestsPerUser' } });
      expect(overSocket.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 1 } });
      expect(other.me.email).toBe('sales_manager@demo.tradebook');
    } finally {
      await lock.release();
    }

    // and the admin's update, once the lock is gone, commits, after which the admin is served again
    expect((await slow).updateUnit).toMatchObject({ name: 'slow piece', version: 2 });
    expect((await (await app.as(Role.ADMIN)).Me()).me.email).toBe('admin@demo.tradebook');
  });
});
