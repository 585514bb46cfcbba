import { committedSchema, minimalOperation, rootFields } from '../support/schema-walk';
import { rawRequest, Role, startTestApp, type TestApp } from '../support/harness';

const PUBLIC = ['health', 'login'];

describe('access: every operation needs a signed-in user', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const operations = rootFields(committedSchema());

  it('walks a schema that has operations to walk', () => {
    // guards the test below against passing vacuously
    expect(operations.length).toBeGreaterThan(15);
  });

  it.each(operations.filter((o) => !PUBLIC.includes(o.field.name)).map((o) => [o.kind, o.field.name, minimalOperation(o.kind, o.field)]))(
    'anonymous %s %s is refused with UNAUTHENTICATED',
    async (_kind, _name, query) => {
      // when an anonymous caller sends a valid operation
      const { status, json } = await rawRequest(app.graphqlUrl, { query });

      // then it is refused before anything runs, with no data
      expect(json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(status).toBe(401);
      expect(json?.data ?? null).toBeNull();
    },
  );

  it('keeps login and health open', async () => {
    const { json } = await rawRequest(app.graphqlUrl, { query: '{ health }' });
    expect(json?.data).toEqual({ health: 'ok' });
    const login = await rawRequest(app.graphqlUrl, { query: 'mutation { login(email: "admin@demo.tradebook", password: "tradebook") { token } }' });
    expect(typeof (login.json?.data as { login: { token: string } }).login.token).toBe('string');
  });

  it('refuses an anonymous operation that hides a closed field behind a fragment or next to an open one', async () => {
    const viaFragment = await rawRequest(app.graphqlUrl, { query: 'query { ...F } fragment F on Query { units { total } }' });
    expect(viaFragment.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const mixed = await rawRequest(app.graphqlUrl, { query: '{ health units { total } }' });
    expect(mixed.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers introspection only to a signed-in user', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await rawRequest(app.graphqlUrl, { query });
    expect(anonymous.json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const { token } = await app.login('admin@demo.tradebook');
    const signedIn = await rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${token}` });
    expect(signedIn.json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('treats a forged or garbage token as anonymous', async () => {
    const { token } = await app.login('admin@demo.tradebook');
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const bad of [forged, 'garbage']) {
      const { json } = await rawRequest(app.graphqlUrl, { query: '{ me { id } }' }, { authorization: `Bearer ${bad}` });
      expect(json?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a signed-in user an operation their roles do not grant, with FORBIDDEN', async () => {
    const partner = await app.as(Role.PARTNER);
    const error = await partner.Users({}).catch((e) => e);
    expect(error.code).toBe('FORBIDDEN');
  });
});
