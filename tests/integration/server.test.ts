import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { demoEmail, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';

describe('server: HTTP behaviour, limits and error masking', () => {
  let app: TestApp;
  let auth: Record<string, string>;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp();
    ({ token } = await app.login('admin@demo.tradebook'));
    auth = { authorization: `Bearer ${token}` };
  });
  afterAll(() => app.close());

  it('answers /health with 200 while the database answers', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['malformed JSON', '{"query": ', 400],
    ['no query', '{}', 400],
    ['a syntax error', JSON.stringify({ query: '{ units { ' }), 400],
    ['an unknown field', JSON.stringify({ query: '{ unitz { total } }' }), 400],
  ])('answers %s with a 400 and no stack', async (_what, body, status) => {
    const response = await rawRequest(app.graphqlUrl, body, auth);
    expect(response.status).toBe(status);
    expect(response.text).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(response.text).not.toMatch(/Did you mean/);
  });

  it('marks every GraphQL answer as not to be cached, errors included', async () => {
    const post = (query: string) => fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query }) });
    const [ok, invalid] = await Promise.all([post('{ health }'), post('{ unitz { total } }')]);
    expect([ok.status, invalid.status]).toEqual([200, 400]);
    expect([ok.headers.get('cache-control'), invalid.headers.get('cache-control')]).toEqual(['no-store', 'no-store']);
    // and nothing is hashed over an answer no one may cache
    expect([ok.headers.get('etag'), invalid.headers.get('etag')]).toEqual([null, null]);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const response = await fetch(`${app.graphqlUrl}?query=%7Bhealth%7D`, { method: 'GET', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(400);
  });

  it('refuses a body over BODY_LIMIT with 413, unless its sender may upload files; theirs up to UPLOAD_BODY_LIMIT', async () => {
    const body = (size: number) => ({ query: `{ health } # ${'x'.repeat(size)}` });
    const { token: warehouse } = await app.login(demoEmail(Role.WAREHOUSE));
    const refused = await rawRequest(app.graphqlUrl, body(1_100_000), { authorization: `Bearer ${warehouse}` });
    expect([refused.status, refused.json?.errors?.[0]?.message]).toEqual([413, 'The request body exceeds 1mb']);
    expect((await rawRequest(app.graphqlUrl, body(1_100_000), { authorization: 'Bearer not-a-token' })).status).toBe(413);
    // the admin may import clients (client:import): the same body is read, up to 8 MB
    expect((await rawRequest(app.graphqlUrl, body(1_100_000), auth)).json).toEqual({ data: { health: 'ok' } });
    const huge = await rawRequest(app.graphqlUrl, body(8_400_000), auth);
    expect([huge.status, huge.json?.errors?.[0]?.message]).toEqual([413, 'The request body exceeds 8mb']);
  });

  it('caps perPage at 500 with BAD_USER_INPUT naming the field', async () => {
    const { json } = await rawRequest(app.graphqlUrl, { query: '{ units(perPage: 501) { total } }' }, auth);
    expect(json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { perPage: 'perPage must not be greater than 500' } });
  });

  it('refuses an id that is not a UUID as a field error, before any SQL', async () => {
    const { json } = await rawRequest(app.graphqlUrl, { query: '{ unit(id: "not-a-uuid") { id } }' }, auth);
    expect(json?.data).toEqual({ unit: null });
    expect(json?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: 'must be a UUID' } });
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with a request id, never SQL or a stack', async () => {
    // given a database that lost a table under the server
    await app.orm.em.getConnection().execute('alter table unit rename to unit_gone');
    try {
      // when a client reads units
      const { json, text } = await rawRequest(app.graphqlUrl, { query: '{ units { total } }' }, auth);

      // then it learns only that something failed and how to quote it
      const error = json?.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(text).not.toMatch(/select|relation|unit_gone|stack|\.ts:|\.js:/i);
    } finally {
      await app.orm.em.getConnection().execute('alter table unit_gone rename to unit');
    }
  });

  it('serves GraphQL over WebSocket to a signed-in user and refuses an anonymous connection', async () => {
    const url = app.graphqlUrl.replace('http', 'ws');
    const signedIn = createWsClient({ url, webSocketImpl: WebSocket, connectionParams: { token }, retryAttempts: 0, lazy: true });
    const result = await new Promise((resolve, reject) => {
      signedIn.subscribe({ query: '{ me { email } }' }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(result).toEqual({ data: { me: { email: 'admin@demo.tradebook' } } });
    await signedIn.dispose();

    const anonymous = createWsClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    const closed = await new Promise<{ code: number }>((resolve) => {
      anonymous.on('closed', (event) => resolve(event as { code: number }));
      anonymous.subscribe({ query: '{ health }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect(closed.code).toBe(4403);
    await anonymous.dispose();
  });
});

describe('server: the caller behind a proxy', () => {
  const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
  const wrongLogin = (app: TestApp, forwardedFor: string, n: number) =>
    rawRequest(app.graphqlUrl, { query: LOGIN, variables: { email: `nobody-${n}@example.com`, password: 'wrong' } }, { 'x-forwarded-for': forwardedFor });
  const codeOf = (json: unknown) => (json as { errors?: { extensions?: { code?: string } }[] })?.errors?.[0]?.extensions?.code;

  it.each([
    ['trusted: each forwarded address counts on its own', 'true', 'UNAUTHENTICATED'],
    ['not trusted: the header is ignored, the connection counts', 'false', 'TOO_MANY_REQUESTS'],
  ])('limits failed logins per caller address (%s)', async (_case, trust, thirdFromAnother) => {
    const app = await startTestApp({ TRUST_PROXY: trust, LOGIN_ATTEMPTS_PER_IP: '2', LOGIN_ATTEMPTS_PER_EMAIL: '100' });
    try {
      // given two failed logins forwarded for 203.0.113.7 (each for another email: only the address limit counts)
      for (const n of [1, 2]) expect(codeOf((await wrongLogin(app, '203.0.113.7, 10.0.0.1', n)).json)).toBe('UNAUTHENTICATED');
      // then a third from that address is refused, and one forwarded for another address is refused only when the header is not trusted
      expect(codeOf((await wrongLogin(app, '203.0.113.7, 10.0.0.1', 3)).json)).toBe('TOO_MANY_REQUESTS');
      expect(codeOf((await wrongLogin(app, '198.51.100.9, 10.0.0.1', 4)).json)).toBe(thirdFromAnother);
    } finally {
      await app.close();
    }
  });
});
