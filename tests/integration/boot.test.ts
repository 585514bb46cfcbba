import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../api/src/db/database-url';
import { createClient } from '@tradebook/client';
import { startMain } from '../support/main-process';

async function dropDatabase(name: string) {
  const admin = new Client({ connectionString: process.env.TB_TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

describe('boot: the process `npm start` runs', () => {
  const database = `tb_boot_${randomBytes(5).toString('hex')}`;
  const databaseUrl = withDatabase(process.env.TB_TEST_SERVER_URL!, database);
  let running: ChildProcess | undefined;
  afterAll(async () => {
    running?.kill('SIGKILL');
    await dropDatabase(database);
  });

  it('creates and migrates its database, seeds the demo, serves it, and stops cleanly on SIGTERM', async () => {
    // given a database server without the tradebook database
    const main = startMain({ DATABASE_URL: databaseUrl, PORT: '0' });
    running = main.child;

    // when the process is up
    const port = await main.listening;
    const url = `http://127.0.0.1:${port}`;

    // then /health answers, a demo login works and the demo catalogue is there
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const { login } = await createClient({ url: `${url}/graphql` }).Login({ email: 'sales_manager@demo.tradebook', password: 'tradebook' });
    const api = createClient({ url: `${url}/graphql`, token: login.token });
    const { products } = await api.Products({ perPage: 100 });
    expect(products.total).toBeGreaterThanOrEqual(30);
    const { warehouses } = await api.Warehouses({});
    expect(warehouses.items.map((w) => w.code).sort()).toEqual(['MAIN', 'NORTH', 'SHOP']);
    // and the demo company's details for its printed forms
    expect((await api.CompanyDetails()).companyDetails).toMatchObject({ inn: '7712345671', kpp: '771201001', director: 'Иванов И. И.' });

    // and SIGTERM ends it with exit code 0
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  });

  it('starts again on the same database without seeding twice', async () => {
    const main = startMain({ DATABASE_URL: databaseUrl, PORT: '0' });
    running = main.child;
    const port = await main.listening;
    const { login } = await createClient({ url: `http://127.0.0.1:${port}/graphql` }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
    const { users } = await createClient({ url: `http://127.0.0.1:${port}/graphql`, token: login.token }).Users({ filter: { q: 'admin@demo' } });
    expect(users.total).toBe(1);
    expect(main.output()).not.toMatch(/seeding demo data/);
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(0);
  });

  it('refuses to start in production while a demo password is unchanged', async () => {
    const main = startMain({ DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    running = main.child;
    expect(await main.exited).toBe(1);
    expect(main.output()).toMatch(/demo password/);
  });

  it('stops at once on a bad setting, naming the variable', async () => {
    const main = startMain({ DATABASE_URL: databaseUrl, PORT: 'eighty' });
    expect(await main.exited).toBe(2);
    expect(main.output()).toMatch(/PORT: /);
  });

  it('exits with a message when the port is taken', async () => {
    const first = startMain({ DATABASE_URL: databaseUrl, PORT: '0' });
    running = first.child;
    const port = await first.listening;
    const second = startMain({ DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/cannot listen on port/);
    first.child.kill('SIGTERM');
    await first.exited;
  });
});
