import { spawn } from 'node:child_process';
import path from 'node:path';
import { main } from '../../schema/client/examples/portal';
import { DEMO_PASSWORD, Role, startTestApp, type TestApp } from '../support/harness';
import { givenPartnerCatalogue } from './partner-catalogue';

/*
 * The portal example (schema/client/examples/portal.ts) against a real server, as the demo partner.
 *
 * Given the partner catalogue (tests/sdk/partner-catalogue.ts): BLT-M6 10.00, BLT-M8 15.12,
 * HMR-500 519.20 and TPM-5 without a price on DEALER, VAT 22 % in the price; the partner's client on DEALER.
 * The quote takes 10 of the first priced product and 5 of the second, on 2026-03-15, no discount rules:
 *   BLT-M6  10 × 10.00 = 100.00   VAT 100.00 × 22 / 122 = 18.032… → 18.03
 *   BLT-M8   5 × 15.12 =  75.60   VAT  75.60 × 22 / 122 = 13.632… → 13.63
 *   total 175.60 (VAT included), VAT 18.03 + 13.63 = 31.66
 */
const EXPECTED = [
  'Signed in for Дилер Восток; price type DEALER',
  'Catalogue on 2026-03-15, page 1 of 1 (4 products):',
  '  BLT-M6     Болт М6×30 оцинк.             10.00',
  '  BLT-M8     Болт М8×40 оцинк.             15.12',
  '  HMR-500    Молоток 500 г                519.20',
  '  TPM-5      Рулетка 5 м                no price',
  'Quote for Дилер Восток on 2026-03-15 (DEALER):',
  '  BLT-M6     10 × 10.00 = 100.00',
  '  BLT-M8     5 × 15.12 = 75.60',
  '  Total 175.60, VAT 31.66',
];

describe('the portal example', () => {
  let app: TestApp;
  let given: Awaited<ReturnType<typeof givenPartnerCatalogue>>;

  beforeAll(async () => {
    app = await startTestApp();
    given = await givenPartnerCatalogue(app);
  });
  afterAll(() => app.close());

  it('signs in as the partner, lists a catalogue page with its prices and quotes two products', async () => {
    // when the example runs with the partner's email and password
    const lines: string[] = [];
    await main({ url: app.graphqlUrl, email: 'partner@demo.tradebook', password: DEMO_PASSWORD, date: '2026-03-15', print: (line) => lines.push(line) });

    // then it prints the catalogue and the quote worked out above
    expect(lines).toEqual(EXPECTED);
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
