#!/usr/bin/env node
/**
 * `npm start`'s build: builds each part (the API, the SDK package, the console) only when
 * its inputs changed since its last build, so a warm restart goes straight to the server.
 * A part's inputs are fingerprinted by content (paths and bytes, SHA-1) and the fingerprint
 * of its last good build is kept in dist/.stamps/<part>.json; a failed build leaves no stamp.
 *
 *   node scripts/build-if-stale.js            every part
 *   node scripts/build-if-stale.js api        only those named (api, sdk, admin)
 *   node scripts/build-if-stale.js --force    rebuild whatever the stamps say
 */
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMPS = path.join(ROOT, 'dist', '.stamps');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** What each part is made from, what it makes, and how. */
const PARTS = {
  api: {
    inputs: ['api/src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    skip: (file) => file.endsWith('.test.ts'),
    output: 'dist/api/src/main.js',
    steps: [[TSC, '-p', 'tsconfig.build.json']],
  },
  sdk: {
    inputs: ['schema/client', 'package-lock.json'],
    skip: (file) => !/^schema\/client\/[^/]+\.(ts|json)$/.test(file) || file.endsWith('.test.ts'),
    output: 'schema/client/dist/index.js',
    steps: [[TSC, '-p', 'schema/client/tsconfig.json']],
  },
  admin: {
    inputs: ['admin/src', 'admin/index.html', 'admin/tsconfig.json', 'admin/vite.config.mts', 'schema/schema.graphql', 'schema/client', 'package-lock.json'],
    skip: (file) => file.startsWith('schema/client/') && !/^schema\/client\/[^/]+\.ts$/.test(file),
    output: 'admin/dist/index.html',
    steps: [
      [TSC, '-p', 'admin/tsconfig.json'],
      [VITE, 'build', '--config', 'admin/vite.config.mts', '--logLevel', 'warn'],
    ],
  },
};

/** Every file below the inputs, relative to the root, sorted; dist folders and dependencies left out. */
function filesOf(inputs, skip, root = ROOT) {
  const files = [];
  const walk = (relative) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute)) {
        if (entry === 'node_modules' || entry === 'dist') continue;
        walk(path.posix.join(relative, entry));
      }
    } else if (!skip(relative)) files.push(relative);
  };
  for (const input of inputs) walk(input);
  return [...new Set(files)].sort();
}

function fingerprint(part, root = ROOT) {
  const hash = createHash('sha1');
  for (const file of filesOf(part.inputs, part.skip, root)) {
    hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

function stampOf(name) {
  try {
    return JSON.parse(readFileSync(path.join(STAMPS, `${name}.json`), 'utf8')).inputs;
  } catch {
    return null;
  }
}

function build(name, part, inputs) {
  const started = Date.now();
  for (const [script, ...args] of part.steps) {
    const run = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`build-if-stale: building ${name} failed (${path.basename(script)} ${args.join(' ')})`);
      process.exit(run.status ?? 1);
    }
  }
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(path.join(STAMPS, `${name}.json`), `${JSON.stringify({ inputs, builtAt: new Date().toISOString() })}\n`);
  console.log(`build-if-stale: built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function main(argv) {
  const force = argv.includes('--force');
  const named = argv.filter((arg) => !arg.startsWith('--'));
  for (const name of named) if (!PARTS[name]) throw new Error(`build-if-stale: no part ${name} (${Object.keys(PARTS).join(', ')})`);
  for (const [name, part] of Object.entries(PARTS)) {
    if (named.length && !named.includes(name)) continue;
    const inputs = fingerprint(part);
    const fresh = !force && stampOf(name) === inputs && existsSync(path.join(ROOT, part.output));
    if (fresh) console.log(`build-if-stale: ${name} is up to date`);
    else build(name, part, inputs);
  }
}

if (require.main === module) main(process.argv.slice(2));
module.exports = { fingerprint, filesOf, main, PARTS };
