import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import bodyParser from 'body-parser';
import proxyAddr from 'proxy-addr';
import type { Logger } from 'pino';
import { ErrorCode } from '../shared/errors';
import type { Context } from './context';
import { sizeInBytes } from './limits';

/** What a body that never became a GraphQL request gets: a JSON answer per GraphQL over HTTP, never an HTML stack page. */
export function httpErrorAnswer(error: { type?: string; status?: number }, bodyLimit: string): { status: number; body: string; unexpected: boolean } {
  const status = error.type === 'entity.too.large' ? 413 : error.status && error.status < 500 ? error.status : 500;
  const message = error.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : status === 413 ? `The request body exceeds ${bodyLimit}` : 'Bad request';
  const unexpected = status >= 500;
  const body = JSON.stringify({ errors: [{ message: unexpected ? 'Internal server error' : message, extensions: { code: unexpected ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST' } }] });
  return { status, body, unexpected };
}

export interface GraphQLHttpOptions {
  apollo: ApolloServer<Context>;
  /** e.g. "1mb": larger bodies are refused with 413 before they are read whole. */
  bodyLimit: string;
  /** e.g. "8mb": the limit instead for a caller `mayUpload` lets send files. */
  uploadBodyLimit: string;
  /** Asked only for a body that may be over `bodyLimit` (declared larger, or of no declared length). */
  mayUpload: (req: IncomingMessage) => Promise<boolean>;
  /** Behind a proxy the caller is the left-most X-Forwarded-For address, as express's `trust proxy` would say. */
  trustProxy: boolean;
  context: (req: IncomingMessage, ip: string) => Promise<Context>;
  /** Runs the request's work (under its share of the pool). */
  around: <T>(work: () => Promise<T>) => Promise<T>;
  logger: Logger;
}

type ParsedRequest = IncomingMessage & { body?: unknown };

async function send(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  if (response.body.kind === 'complete') {
    headers['content-length'] = String(Buffer.byteLength(response.body.string));
    res.writeHead(response.status ?? 200, headers).end(response.body.string);
    return;
  }
  res.writeHead(response.status ?? 200, headers);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * POST and GET /graphql straight onto Apollo's `executeHTTPGraphQLRequest` on node:http:
 * the JSON body read by body-parser (the same limits and errors express.json gave), no
 * framework routing per request and no ETag hashed over answers that are never cached
 * (cache-control: no-store). Everything else (/health, the console) stays on express.
 * Returns false for a request that is not for /graphql.
 */
export function graphqlHttpHandler(options: GraphQLHttpOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { apollo, bodyLimit, uploadBodyLimit, logger } = options;
  const [plain, upload] = [bodyLimit, uploadBodyLimit].map((limit) => ({ limit, parse: bodyParser.json({ limit }) }));
  const plainBytes = sizeInBytes(bodyLimit);
  /** The parser for this request: the upload limit only for a caller allowed it, and only when the body may need it. */
  const parserFor = async (req: IncomingMessage) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared <= plainBytes) return plain;
    // a caller who cannot be told (database unavailable) keeps the plain limit; the request itself then says why
    return (await options.mayUpload(req).catch(() => false)) ? upload : plain;
  };
  const callerIp = options.trustProxy ? (req: IncomingMessage) => proxyAddr(req, () => true) : (req: IncomingMessage) => req.socket.remoteAddress ?? '';

  const fail = (res: ServerResponse, error: { type?: string; status?: number }, limit = bodyLimit) => {
    const answer = httpErrorAnswer(error, limit);
    if (answer.unexpected) logger.error({ err: error }, 'http error');
    if (!res.headersSent) res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(answer.body)) });
    res.end(answer.body);
  };

  const execute = async (req: ParsedRequest, res: ServerResponse, search: string) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const ip = callerIp(req);
    const response = await options.around(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body: req.body },
        context: () => options.context(req, ip),
      }),
    );
    await send(res, response);
  };

  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    if ((query < 0 ? url : url.slice(0, query)) !== '/graphql') return false;
    const search = query < 0 ? '' : url.slice(query);
    parserFor(req).then(({ limit, parse }) =>
      parse(req, res, (error?: unknown) => {
        if (error) return fail(res, error as { type?: string; status?: number }, limit);
        execute(req, res, search).catch((thrown: unknown) => fail(res, thrown as { status?: number }));
      }),
    );
    return true;
  };
}
