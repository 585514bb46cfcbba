import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Pool } from 'pg';
import { benchPool, lookupProduct } from './baseline-server';
import { jsonAnswer, serveGraphqlPosts, type BenchHttpServer } from './json-http';

/** Just what `product(id)` answers in the bench, written by hand; vatRate a string as our Decimal scalar writes it. */
const TYPE_DEFS = `#graphql
  scalar Decimal
  type Unit { id: ID! code: String! name: String! }
  type ProductGroup { id: ID! name: String! }
  type Product { id: ID! sku: String! name: String! vatRate: Decimal! unit: Unit! group: ProductGroup }
  type Query { product(id: ID!): Product }
`;

/**
 * Benchmark B: a bare Apollo Server 5 — a hand-written schema, one resolver doing the
 * lookup of C (one statement through a pg Pool), `executeHTTPGraphQLRequest` on node:http,
 * no auth, no limits, no ORM. What the same work costs with Apollo and graphql-js alone.
 */
export async function startBareApolloServer(databaseUrl: string, poolMax: number): Promise<BenchHttpServer> {
  const pool = benchPool(databaseUrl, poolMax);
  const apollo = new ApolloServer<{ pool: Pool }>({
    typeDefs: TYPE_DEFS,
    resolvers: { Query: { product: (_: unknown, args: { id: string }, ctx: { pool: Pool }) => lookupProduct(ctx.pool, args.id) } },
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  return serveGraphqlPosts(
    async (raw, req) => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body: JSON.parse(raw.toString('utf8')) },
        context: async () => ({ pool }),
      });
      if (response.body.kind !== 'complete') throw new Error('the bench asks for no incremental delivery');
      const answer = jsonAnswer(response.body.string, response.status ?? 200);
      for (const [name, value] of response.headers) if (name !== 'content-length') answer.headers[name] = value;
      return answer;
    },
    async () => {
      await apollo.stop();
      await pool.end();
    },
  );
}
