import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Hashed file names change with their content: a year in any cache, never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names this build's hashed files: never kept, so a deploy reaches everyone on their next load. */
const NEVER = 'no-store';

const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Sends a file of the built console, as the brotli or gzip copy the build wrote beside it when
 * the browser takes one (`Content-Encoding`, `Vary: Accept-Encoding`), with `cacheControl`.
 */
function sendFile(dir: string, relative: string, cacheControl: string, req: Request, res: Response, next: NextFunction) {
  // brotli before gzip whatever order the browser lists them in: it is the smaller
  const variant = VARIANTS.find((v) => req.acceptsEncodings(v.encoding) === v.encoding && existsSync(path.join(dir, relative + v.suffix)));
  res.setHeader('Vary', 'Accept-Encoding');
  res.type(path.extname(relative));
  if (variant) res.setHeader('Content-Encoding', variant.encoding);
  res.sendFile(relative + (variant?.suffix ?? ''), { root: dir, dotfiles: 'deny', headers: { 'Cache-Control': cacheControl } }, (error) => {
    if (error) next(error);
  });
}

/**
 * The console built into `dir` (admin/dist): its hashed assets compressed and cached for good,
 * index.html (for every page of the console) never cached; nothing when the console is not built.
 */
export function serveConsole(app: Express, dir: string): void {
  if (!existsSync(dir)) return;
  app.use('/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    sendFile(dir, path.posix.join('assets', decodeURIComponent(req.path)), IMMUTABLE, req, res, (error) => {
      if (!res.headersSent) res.status((error as { status?: number })?.status === 403 ? 403 : 404).type('text/plain').send('Not found');
    });
  });
  app.use(express.static(dir, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  app.get(/^\/(?!graphql|health).*/, (req, res, next) =>
    sendFile(dir, 'index.html', NEVER, req, res, () => {
      if (!res.headersSent) res.status(503).type('text/plain').send('The console is being rebuilt or was removed; run npm run build');
    }),
  );
}
