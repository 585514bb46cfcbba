import { spawn } from 'node:child_process';
import path from 'node:path';
import { main } from '../../schema/client/examples/portal';
import { DEMO_PASSWORD, Role, startTestApp, type TestApp } from '../support/harness';
import { givenPartnerCatalogue, givenPartnerStock } from './partner-catalogue';

/*
 * The portal example (schema/client/examples/portal.ts) against a real server, as the demo partner.
 *
 * Given the partner catalogue (tests/sdk/partner-catalogue.ts): BLT-M6 10.00, BLT-M8 15.12,
 * HMR-500 519.20 and TPM-5 without a price on DEALER, VAT 22 % in the price; the partner's client on DEALER.
 * In stock: BLT-M6 40 in MAIN and 5 in NORTH, BLT-M8 7 only in SHOP (partners do not order from it, so
 * not in stock for them), HMR-500 8 in MAIN, TPM-5 3 in NORTH; nothing reserved.
 * The quote takes the first two products with a price, those in stock first (BLT-M6, HMR-500), 10 of the first and 5 of the second,
 * on 2026-03-15, no discount rules:
 *   BLT-M6   10 × 10.00  =  100.00   VAT  100.00 × 22 / 122 =  18.032… →  18.03
 *   HMR-500   5 × 519.20 = 2596.00   VAT 2596.00 × 22 / 122 = 468.131… → 468.13
 *   total 2696.00 (VAT included), VAT 18.03 + 468.13 = 486.16
 */
const EXPECTED = [
  'Signed in for Дилер Восток; price type DEALER',
  'Catalogue on 2026-03-15, page 1 of 1 (4 products), available now:',
  '  BLT-M6     Болт М6×30 оцинк.             10.00  MAIN 40, NORTH 5',
  '  BLT-M8     Болт М8×40 оцинк.             15.12  not in stock',
  '  HMR-500    Молоток 500 г                519.20  MAIN 8',
  '  TPM-5      Рулетка 5 м                no price  NORTH 3',
  'Quote for Дилер Восток on 2026-03-15 (DEALER):',
  '  BLT-M6     10 × 10.00 = 100.00',
  '  HMR-500    5 × 519.20 = 2596.00',
  '  Total 2696.00, VAT 486.16',
];

describe('the portal example', () => {
  let app: TestApp;
  let given: Awaited<ReturnType<typeof givenPartnerCatalogue>>;

  beforeAll(async () => {
    app = await startTestApp();
    given = await givenPartnerCatalogue(app);
    await givenPartnerStock(app, given.products);
  });
  afterAll(() => app.close());

  it('signs in as the partner, lists a catalogue page with its prices and availability in one request and quotes two products, those in stock first', async () => {
    // when the example runs with the partner's email and password
    const lines: string[] = [];
    const requests: string[] = [];
    const watched: typeof fetch = (url, init) => {
      requests.push(/\b(?:query|mutation) (\w+)/.exec(JSON.parse(String(init?.body)).query)![1]);
      return fetch(url, init);
    };
    await main({ url: app.graphqlUrl, email: 'partner@demo.tradebook', password: DEMO_PASSWORD, date: '2026-03-15', print: (line) => lines.push(line), fetch: watched });

    // then it prints the catalogue and the quote worked out above
    expect(lines).toEqual(EXPECTED);

    // and the catalogue page was one request: sign-in, whom it acts for, the page, the quote
    expect(requests).toEqual(['Login', 'Counterparties', 'PortalCatalogue', 'Quote']);
  });

  it('runs as a script with an API key from TRADEBOOK_API_KEY, as a portal server would', async () => {
    // given an API key an administrator made for the partner's client, kept in the portal's secrets
    const admin = await app.as(Role.ADMIN);
    const { key: token } = (await admin.CreateApiKey({ input: { counterpartyId: given.partnerClientId, name: 'Портал' } })).createApiKey;

    // when the example is run as a program with only environment variables
    const run = spawn(process.execPath, ['-r', '@swc-node/register', 'schema/client/examples/portal.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, TRADEBOOK_URL: app.graphqlUrl, TRADEBOOK_API_KEY: token, TRADEBOOK_DATE: '2026-03-15', TRADEBOOK_EMAIL: '', TRADEBOOK_PASSWORD: '' },
    });
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (chunk) => (stdout += chunk));
    run.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => run.on('exit', resolve));

    // then it prints the same report and exits 0
    expect({ code, stderr, lines: stdout.trimEnd().split('\n') }).toEqual({ code: 0, stderr: '', lines: EXPECTED });
  }, 120_000);

  it('says why when the key is refused, with the error code, and exits 1', async () => {
    const run = spawn(process.execPath, ['-r', '@swc-node/register', 'schema/client/examples/portal.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, TRADEBOOK_URL: app.graphqlUrl, TRADEBOOK_API_KEY: 'tbk_not-a-key' },
    });
    let stderr = '';
    run.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => run.on('exit', resolve));
    expect({ code, stderr: stderr.split('\n')[0] }).toEqual({ code: 1, stderr: expect.stringMatching(/^UNAUTHENTICATED: /) });
  }, 120_000);
});
