import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface BenchHttpServer {
  url: string;
  close(): Promise<void>;
}

export interface JsonAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A JSON answer with its length, as every bench server sends it. */
export const jsonAnswer = (body: string, status = 200): JsonAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) },
  body,
});

/**
 * The bench's comparison servers: node:http on a free port, POST /graphql only, the body
 * read whole and handed to `answer`; `stop` (a pool's end) runs after the last socket closed.
 */
export async function serveGraphqlPosts(answer: (body: Buffer, req: IncomingMessage) => Promise<JsonAnswer>, stop: () => Promise<void>): Promise<BenchHttpServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/graphql') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(Buffer.concat(chunks), req).then(
        (reply) => res.writeHead(reply.status, reply.headers).end(reply.body),
        (error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    },
  };
}
