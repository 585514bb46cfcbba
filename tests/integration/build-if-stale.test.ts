import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fingerprint, PARTS } = require('../../scripts/build-if-stale.js') as {
  fingerprint(part: unknown, root: string): string;
  PARTS: Record<'api' | 'sdk' | 'admin', unknown>;
};

/** `npm start` rebuilds a part only when what it is built from changed (scripts/build-if-stale.js). */
describe('build-if-stale: what makes a part stale', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tb-stale-'));
    for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) write(file, '{}');
    write('api/src/main.ts', 'export const a = 1;');
    write('api/src/main.test.ts', 'test');
    write('schema/client/index.ts', 'export {};');
    write('schema/client/README.md', 'readme');
    write('admin/src/App.tsx', 'app');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is stale after a source changes, not after a test, a build output or a file it is not built from', () => {
    const before = { api: fingerprint(PARTS.api, root), sdk: fingerprint(PARTS.sdk, root), admin: fingerprint(PARTS.admin, root) };
    write('api/src/main.test.ts', 'another test');
    write('dist/api/src/main.js', 'built');
    write('api/src/node_modules/x.ts', 'dependency');
    write('schema/client/README.md', 'another readme');
    write('schema/client/dist/index.js', 'built');
    expect({ api: fingerprint(PARTS.api, root), sdk: fingerprint(PARTS.sdk, root), admin: fingerprint(PARTS.admin, root) }).toEqual(before);

    write('api/src/main.ts', 'export const a = 2;');
    expect(fingerprint(PARTS.api, root)).not.toBe(before.api);
    expect(fingerprint(PARTS.admin, root)).toBe(before.admin);

    write('schema/client/index.ts', 'export const b = 1;');
    expect(fingerprint(PARTS.sdk, root)).not.toBe(before.sdk);
    expect(fingerprint(PARTS.admin, root)).not.toBe(before.admin); // the console imports the SDK
  });

  it('is stale after a file is added or renamed even with the same bytes', () => {
    const before = fingerprint(PARTS.api, root);
    write('api/src/other.ts', 'export const a = 1;');
    const added = fingerprint(PARTS.api, root);
    expect(added).not.toBe(before);
    rmSync(path.join(root, 'api/src/other.ts'));
    write('api/src/renamed.ts', 'export const a = 1;');
    expect(fingerprint(PARTS.api, root)).not.toBe(added);
  });

  it('is stale after the dependencies change (package-lock.json)', () => {
    const before = { api: fingerprint(PARTS.api, root), admin: fingerprint(PARTS.admin, root) };
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(fingerprint(PARTS.api, root)).not.toBe(before.api);
    expect(fingerprint(PARTS.admin, root)).not.toBe(before.admin);
  });
});
