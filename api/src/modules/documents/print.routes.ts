import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AuthUser, Context } from '../../server/context';
import type { Services } from '../../server/services';
import { AppError, ErrorCode } from '../../shared/errors';
import { GateFull } from '../../server/request-gate';
import { BATCH_ID } from './print.service';

export interface PrintRouteDeps {
  services: Services;
  /** The request's context, as GraphQL's (its own EntityManager and loaders). */
  context(user: AuthUser, ip: string): Context;
  /** The caller of a bearer token (a user's JWT or an API key), or null. */
  signedInUser(token: string | null): Promise<AuthUser | null>;
  /** Runs the work under the request's connection share, as GraphQL requests do. */
  run<T>(work: () => Promise<T>): Promise<T>;
  logger: Logger;
}

/** `/print/<documentType>/<id>.<format>` */
const PRINT_PATH = /^\/print\/([a-z0-9-]+)\/([^/]+)\.(pdf|xlsx)$/;

type Answer = { status: number; code: string; message: string; details?: Record<string, unknown>; headers?: Record<string, string> };

function sendError(res: ServerResponse, { status, code, message, details, headers }: Answer): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  // shaped as the GraphQL errors are: code, details, and a refused field's fields / fieldErrors
  const fields = details?.fields ? { fields: details.fields, fieldErrors: details.fieldErrors } : {};
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...(details ? { details } : {}), ...fields } }] }));
}

/** A path segment decoded, or null when it is not valid percent-encoding. */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Opened in the tab, saved under the document's number: an ASCII name for every browser, the exact one (a Cyrillic price type code) for those that read filename*. */
export const contentDisposition = (fileName: string) => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return ascii === fileName ? `inline; filename="${fileName}"` : `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

/** Under express its `req.ip` (which follows `trust proxy`); on plain node:http the socket's address. */
const callerIp = (req: IncomingMessage) => (req as IncomingMessage & { ip?: string }).ip ?? req.socket.remoteAddress ?? '';

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7).trim() : null);

/**
 * GET /print/<documentType>/<id>.pdf?form=<form>&lang=ru|en (issue 15), or several documents
 * in one PDF as /print/<documentType>/batch.pdf?ids=<id>,<id>…: a printed form with
 * the API's own access — a bearer token (401 without a valid one) or a signed link from
 * `printLink` (`token=`, 403 when forged, expired or for another file). A record the caller
 * may not see is 404 as a missing one; an unknown form, language or format is 400.
 * Answers true when the request was its to answer.
 */
export function printRoutes(deps: PrintRouteDeps): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/print/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, { status: 405, code: ErrorCode.BAD_USER_INPUT, message: 'Printed forms are read with GET', headers: { allow: 'GET, HEAD' } });
      return true;
    }
    const match = PRINT_PATH.exec(url.pathname);
    const id = match ? decoded(match[2]) : null;
    if (!match || id === null || !deps.services.print.registry.type(match[1])) {
      sendError(res, { status: 404, code: ErrorCode.NOT_FOUND, message: 'No such printed form' });
      return true;
    }
    const [, documentType, , format] = match;
    // a batch (/print/<type>/batch.pdf?ids=a,b): its ids stand in the link's grant as the one id
    const batch = id === BATCH_ID && format === 'pdf' ? (url.searchParams.get('ids') ?? '').split(',').filter(Boolean) : null;
    const args = { documentType, id: batch ? batch.join(',') : id, format, form: url.searchParams.get('form'), lang: url.searchParams.get('lang'), from: url.searchParams.get('from'), to: url.searchParams.get('to') };
    try {
      await deps.run(async () => {
        const user = await caller(deps, req, url, args);
        if (!user) return;
        const ctx = deps.context(user, callerIp(req));
        const printed = batch ? await deps.services.print.renderBatch(ctx, { ...args, ids: batch }) : await deps.services.print.render(ctx, args);
        res.writeHead(200, {
          'content-type': printed.contentType,
          'content-length': printed.body.length,
          'content-disposition': contentDisposition(printed.fileName),
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : printed.body);
      });
    } catch (error) {
      sendError(res, answerOf(error, deps.logger));
    }
    return true;

    /** The signed-in caller, or null after answering 401 / 403. */
    async function caller(deps: PrintRouteDeps, req: IncomingMessage, url: URL, asked: typeof args): Promise<AuthUser | null> {
      const token = url.searchParams.get('token');
      if (token === null) {
        const user = await deps.signedInUser(bearer(req.headers.authorization));
        if (!user) sendError(res, { status: 401, code: ErrorCode.UNAUTHENTICATED, message: 'Sign in first', headers: { 'www-authenticate': 'Bearer' } });
        return user;
      }
      const grant = deps.services.print.grantOf(token);
      const fits = grant && grant.documentType === asked.documentType && grant.id === asked.id && grant.format === asked.format && grant.form === asked.form && grant.lang === asked.lang && grant.from === (asked.from ?? '') && grant.to === (asked.to ?? '');
      const user = fits ? await deps.services.sessions.userById(grant.userId) : null;
      if (!user) sendError(res, { status: 403, code: ErrorCode.FORBIDDEN, message: 'The print link is invalid or has expired; print again from the console' });
      return user;
    }
  };
}

function answerOf(error: unknown, logger: Logger): Answer {
  if (error instanceof GateFull) return { status: 429, code: ErrorCode.TOO_MANY_REQUESTS, message: 'Too many prints at once; try again in a moment', headers: { 'retry-after': '1' } };
  if (error instanceof AppError) {
    const status = error.code === ErrorCode.NOT_FOUND ? 404 : error.code === ErrorCode.BAD_USER_INPUT ? 400 : error.code === ErrorCode.FORBIDDEN ? 403 : error.code === ErrorCode.UNAUTHENTICATED ? 401 : 409;
    return { status, code: error.code, message: error.message, details: error.details };
  }
  // who is calling could not be read: the database is unavailable (503 with retry-after, as /graphql answers)
  const http = (error as { extensions?: { http?: { status?: number } } }).extensions?.http;
  if (http?.status === 503) return { status: 503, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Database unavailable; try again in a moment', headers: { 'retry-after': '1' } };
  logger.error({ err: error }, 'print failed');
  return { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
}

/** The handler as express middleware: what it does not answer goes on to the next. */
export function asMiddleware(handler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    handler(req, res).then((answered) => (answered ? undefined : next()), next);
  };
}
