import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const CLIENT = path.join(ROOT, 'schema/client');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

/** What a portal writes against the installed package; the compiler must accept it, and refuse each @ts-expect-error line. */
const CONSUMER = `
import { createClient, decimal, localDate, pages, isTradebookError, TradebookError, type Decimal, type LocalDate, type TradebookErrorCode, type ProductsQuery } from '@tradebook/client';

const client = createClient({ url: 'http://localhost:4000/graphql', token: 'tbk_example', timeoutMs: 5000 });
const price: Decimal = decimal('12.50');
const day: LocalDate = localDate('2026-12-01');
// @ts-expect-error a plain string is not a Decimal
const notChecked: Decimal = '12.50';
const code: TradebookErrorCode = 'TIMEOUT';
// @ts-expect-error no such code
const noSuchCode: TradebookErrorCode = 'OOPS';

export async function portal(signal: AbortSignal): Promise<string[]> {
  const skus: string[] = [];
  for await (const product of pages((page) => client.Products({ page, perPage: 100 }, { signal }), (r) => r.products)) skus.push(product.sku);
  const { price: quote } = await client.Price({ productId: 'p', priceTypeId: 't', date: day }, { timeoutMs: 1000 });
  const amount: Decimal | undefined = quote?.price;
  for await (const event of client.PricesChanged({ priceTypeId: 't' }, { signal })) {
    const validFrom: LocalDate = event.pricesChanged.validFrom;
    skus.push(validFrom);
  }
  try {
    await client.Me();
  } catch (error) {
    if (isTradebookError(error, 'UNAUTHENTICATED')) return [];
    if (error instanceof TradebookError && error.code === 'NOT_FOUND') return [];
  }
  const page: ProductsQuery['products']['items'] = [];
  return [...skus, price, String(amount), code, String(notChecked), String(noSuchCode), String(page.length)];
}
`;

/** The same consumer compiled as CommonJS with node16 resolution (exports), as a bundler resolves it, and with the old node10 (main/types). */
const RESOLUTIONS = [
  { module: 'node16', moduleResolution: 'node16' },
  { module: 'esnext', moduleResolution: 'bundler' },
  { module: 'commonjs', moduleResolution: 'node10' },
];

describe('the SDK as a package (npm pack → npm install)', () => {
  let app: TestApp;
  let work: string;

  beforeAll(async () => {
    app = await startTestApp();
    work = await mkdtemp(path.join(tmpdir(), 'tradebook-client-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    await app.close();
  });

  it('packs its built code, types and README only, installs into a project without a registry, and works there', async () => {
    // when the package is packed (prepack builds dist) and installed into a new project with its
    // dependencies packed from this repository's node_modules, so no registry is asked
    const packed = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: CLIENT })).stdout)[0];
    const deps = JSON.parse((await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work, './node_modules/graphql', './node_modules/graphql-ws'], { cwd: ROOT })).stdout);
    const project = path.join(work, 'portal');
    await run('mkdir', [project]);
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'portal', version: '1.0.0', private: true }));
    const tarballs = [packed, ...deps].map((p: { filename: string }) => path.join(work, p.filename));
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs], { cwd: project });

    // then the tarball holds the built JavaScript and declarations of every module, the README and the manifest
    const modules = ['errors', 'http', 'index', 'pages', 'scalars', 'sdk', 'subscriptions'];
    expect(packed.files.map((f: { path: string }) => f.path).sort()).toEqual(['README.md', ...modules.flatMap((m) => [`dist/${m}.d.ts`, `dist/${m}.js`]), 'package.json'].sort());
    expect({ name: packed.name, version: packed.version }).toEqual({ name: '@tradebook/client', version: '0.1.0' });

    // and its runtime dependency is the one this repository's server runs with
    const manifest = JSON.parse(await readFile(path.join(CLIENT, 'package.json'), 'utf8'));
    const root = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect({ dependencies: manifest.dependencies, graphql: manifest.peerDependencies.graphql.split('.')[0] }).toEqual({ dependencies: { 'graphql-ws': root.dependencies['graphql-ws'] }, graphql: root.dependencies.graphql.split('.')[0] });

    // and require() and import both give its exports, and it talks to a real server from there
    const script = `
      const sdk = require('@tradebook/client');
      const names = ['createClient', 'createSubscriptionClient', 'pages', 'decimal', 'localDate', 'isDecimal', 'isLocalDate', 'TradebookError', 'isTradebookError', 'getSdk', 'DEFAULT_TIMEOUT_MS', 'CLIENT_ERROR_CODES', 'PROTOCOL_ERROR_CODES'];
      sdk.createClient({ url: process.argv[1] }).Health().then((answer) => console.log(JSON.stringify({ missing: names.filter((n) => !(n in sdk)), answer, from: require.resolve('@tradebook/client') })));`;
    const cjs = JSON.parse((await run(process.execPath, ['-e', script, app.graphqlUrl], { cwd: project })).stdout);
    expect(cjs).toEqual({ missing: [], answer: { health: 'ok' }, from: path.join(await realPath(project), 'node_modules/@tradebook/client/dist/index.js') });
    const esm = await run(process.execPath, ['--input-type=module', '-e', "import { createClient, decimal } from '@tradebook/client'; console.log(typeof createClient, decimal('12.50'))"], { cwd: project });
    expect(esm.stdout).toBe('function 12.50\n');

    // and a portal's TypeScript compiles against its declarations however it resolves modules
    await writeFile(path.join(project, 'portal.ts'), CONSUMER);
    for (const resolution of RESOLUTIONS) {
      const compiled = await run(process.execPath, [TSC, '--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom', ...Object.entries(resolution).flatMap(([k, v]) => [`--${k}`, v]), 'portal.ts'], { cwd: project }).catch((e) => e);
      expect({ resolution, output: `${compiled.stdout}${compiled.stderr}` }).toEqual({ resolution, output: '' });
    }

    // and the example portal of the README (schema/client/examples/portal.ts) needs nothing but the package (and Node's types)
    await writeFile(path.join(project, 'example.ts'), await readFile(path.join(CLIENT, 'examples/portal.ts'), 'utf8'));
    const types = ['--typeRoots', path.join(ROOT, 'node_modules/@types'), '--types', 'node'];
    const example = await run(process.execPath, [TSC, '--noEmit', '--strict', '--target', 'es2022', '--module', 'node16', '--moduleResolution', 'node16', ...types, 'example.ts'], { cwd: project }).catch((e) => e);
    expect(`${example.stdout}${example.stderr}`).toBe('');
  }, 420_000); // packing builds the package, and the portal is compiled three times, the example once
});

async function realPath(p: string) {
  return (await import('node:fs/promises')).realpath(p);
}
