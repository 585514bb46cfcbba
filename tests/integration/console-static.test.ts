import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { serveConsole } from '../../api/src/server/console-static';

/**
 * The built console as the API serves it (console-static.ts), against a real HTTP server
 * and files on disk laid out as the build writes them: hashed assets with .br and .gz copies.
 */
describe('the console\'s files', () => {
  let dir: string;
  let server: Server;
  let url: string;
  const script = 'console.log("Tradebook");'.repeat(100);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script src="/assets/index-abc123.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), script);
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    writeFileSync(path.join(dir, 'assets', 'tiny-def456.css'), 'a{}');
    const app = express();
    serveConsole(app, dir);
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (pathname: string, encoding: string) => fetch(`${url}${pathname}`, { headers: { 'accept-encoding': encoding } });

  it.each([
    ['brotli to a browser that takes it', 'gzip, deflate, br', 'br'],
    ['gzip to one that takes only gzip', 'gzip', 'gzip'],
    ['as it is to one that takes neither', 'identity', null],
  ])('sends a hashed asset as %s, cached for a year and never revalidated', async (_, accepted, encoding) => {
    // when the browser asks for the script with its encodings
    const response = await get('/assets/index-abc123.js', accepted);

    // then it gets the copy it can read, marked as such, and the original's type
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe(encoding);
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.text()).toBe(script); // fetch decodes it
  });

  it('sends a small asset the build left uncompressed as it is', async () => {
    const response = await get('/assets/tiny-def456.css', 'br');
    expect([response.status, response.headers.get('content-encoding'), await response.text()]).toEqual([200, null, 'a{}']);
  });

  it('answers index.html for every page of the console, and tells browsers never to keep it', async () => {
    for (const page of ['/', '/Product', '/StockTransfer/123/show']) {
      const response = await get(page, 'br');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toContain('/assets/index-abc123.js');
    }
  });

  it('answers 404 for an asset that is not there, rather than the page', async () => {
    const response = await get('/assets/index-old999.js', 'br');
    expect(response.status).toBe(404);
  });

  it('never serves a file outside the console', async () => {
    const response = await get('/assets/..%2F..%2Fetc%2Fpasswd', 'identity');
    expect([403, 404]).toContain(response.status);
  });
});
