import pino from 'pino';
import { loadConfig } from '../../api/src/config';
import { startServer, type RunningServer } from '../../api/src/server/app';
import { createSchema } from '../../api/src/server/schema';
import { createServices, type Services } from '../../api/src/server/services';
import { createClient } from '@tradebook/client';
import { DEMO_PASSWORD, demoEmail, errorOf, Role, startTestApp, type TestApp } from '../support/harness';

describe('several instances on one database', () => {
  let app: TestApp;
  let second: RunningServer;
  let secondServices: Services;
  const limits = { LOGIN_ATTEMPTS_PER_EMAIL: '3', LOGIN_ATTEMPTS_PER_IP: '6' };

  beforeAll(async () => {
    // given two API instances sharing one database, neither with a JWT_SECRET
    app = await startTestApp(limits);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...limits });
    second = await startServer({ config, orm: app.orm, schema: await createSchema(), services: (secondServices = await createServices(app.orm, config)), logger: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await second.close();
    await secondServices.close();
    await app.close();
  });

  it('accept each other\'s tokens (the generated signing key lives in the database)', async () => {
    const { token } = await app.login(demoEmail(Role.SALES_HEAD));
    const onSecond = createClient({ url: `${second.url}/graphql`, token });
    expect((await onSecond.Me()).me.email).toBe('sales_head@demo.tradebook');
  });

  it('count failed logins together, per email and per IP', async () => {
    const first = app.anonymous;
    const other = createClient({ url: `${second.url}/graphql` });
    const email = demoEmail(Role.SERVICE);

    // when two failures land on the first instance and one on the second
    await errorOf(first.Login({ email, password: 'wrong-1' }));
    await errorOf(first.Login({ email, password: 'wrong-2' }));
    await errorOf(other.Login({ email, password: 'wrong-3' }));

    // then the email is blocked on both
    expect((await errorOf(other.Login({ email, password: DEMO_PASSWORD }))).code).toBe('TOO_MANY_REQUESTS');
    expect((await errorOf(first.Login({ email, password: DEMO_PASSWORD }))).code).toBe('TOO_MANY_REQUESTS');

    // and three more failures for other emails from the same IP (6 in all) block the IP for everyone
    for (const role of [Role.MARKETING, Role.WAREHOUSE, Role.PURCHASING]) await errorOf(other.Login({ email: demoEmail(role), password: 'wrong' }));
    const blocked = await errorOf(first.Login({ email: demoEmail(Role.ACCOUNTANT), password: DEMO_PASSWORD }));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
  });
});
