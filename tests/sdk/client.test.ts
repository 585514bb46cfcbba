import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import {
  createClient,
  createSubscriptionClient,
  DEFAULT_TIMEOUT_MS,
  isTradebookError,
  pages,
  PROTOCOL_ERROR_CODES,
  TradebookError,
  type ErrorCode,
  type LocalDate,
  type PricesChangedSubscription,
  type TradebookClient,
} from '@tradebook/client';
import { PASS_THROUGH } from '../../api/src/server/errors.format';
import { DEMO_PASSWORD, errorOf, Role, startTestApp, type TestApp } from '../support/harness';
import { settle } from '../support/subscriptions';
import { givenPartnerCatalogue } from './partner-catalogue';

/** A local HTTP server answering every request with `answer` (or never, when it is null); its /graphql URL. */
async function fakeUpstream(answer: ((res: import('node:http').ServerResponse) => void) | null): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => answer?.(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

describe('the SDK (@tradebook/client) against a real server', () => {
  let app: TestApp;
  let given: Awaited<ReturnType<typeof givenPartnerCatalogue>>;
  let partner: TradebookClient;
  const upstreams: Server[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    given = await givenPartnerCatalogue(app);
    partner = createClient({ url: app.graphqlUrl, token: (await app.login('partner@demo.tradebook')).token, webSocketImpl: WebSocket });
  });
  afterAll(async () => {
    await partner.close();
    await Promise.all(upstreams.map((server) => new Promise((resolve) => server.close(resolve))));
    await app.close();
  });

  describe('signing in', () => {
    it('logs in with an email and password and gives a client acting as that user, with its token', async () => {
      // when the anonymous client logs in as the demo partner
      const { client, token, user } = await createClient({ url: app.graphqlUrl }).login('partner@demo.tradebook', DEMO_PASSWORD);

      // then the user is the partner, the token a JWT (three dot-separated parts), and the client acts as it
      expect({ name: user.name, jwtParts: token.split('.').length }).toEqual({ name: 'Павел Партнёров', jwtParts: 3 });
      const { me } = await client.Me();
      expect({ email: me.email, counterparty: me.counterparty?.name }).toEqual({ email: 'partner@demo.tradebook', counterparty: 'Дилер Восток' });
    });

    it('sends whatever token it is given as a Bearer token, asking a token function before every request', async () => {
      // given a client whose token comes from a function (a key the portal rotates), at first none
      let current: string | undefined;
      const client = createClient({ url: app.graphqlUrl, token: async () => current });

      // then without a token it is UNAUTHENTICATED, and with one it acts as its user
      expect((await errorOf(client.Me())).code).toBe('UNAUTHENTICATED');
      current = (await app.login('partner@demo.tradebook')).token;
      expect((await client.Me()).me.email).toBe('partner@demo.tradebook');
    });
  });

  describe('typed errors', () => {
    it('types every code the server has: the ErrorCode union is the schema\'s enum', async () => {
      // given every ErrorCode the SDK knows (the compiler refuses a missing or unknown one)
      const known: Record<ErrorCode, true> = {
        BAD_USER_INPUT: true, UNAUTHENTICATED: true, FORBIDDEN: true, NOT_FOUND: true, CONFLICT: true, INVALID_STATE: true,
        INSUFFICIENT_STOCK: true, CREDIT_LIMIT_EXCEEDED: true, PERIOD_CLOSED: true, TOO_MANY_REQUESTS: true, INTERNAL_SERVER_ERROR: true,
      };
      // then they are exactly the codes the server lists
      const { errorCodes } = await partner.ErrorCodes();
      expect(Object.keys(known).sort()).toEqual([...errorCodes].sort());
      // and the protocol's codes are those the server passes through besides its own
      expect([...PROTOCOL_ERROR_CODES].sort()).toEqual([...PASS_THROUGH].filter((code) => !(code in known)).sort());
    });

    it('gives a document the server cannot run its protocol code, and a refused value its field', async () => {
      const invalid = await errorOf(partner.request('{ noSuchField }'));
      expect({ code: invalid.code, status: invalid.status }).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });

      const badDate = await errorOf(partner.Price({ productId: given.products['BLT-M6'], priceTypeId: given.dealer.id, date: '2026-02-30' }));
      expect({ code: badDate.code, fields: badDate.fields }).toEqual({ code: 'BAD_USER_INPUT', fields: { date: expect.stringContaining('LocalDate must be a date written as YYYY-MM-DD') } });
    });

    it('keeps the partial data of an answer with errors: on the error, and as { data, error } from client.partial', async () => {
      // given a price of the partner's type read with the price list behind it, which only staff may see
      const variables = { productId: given.products['BLT-M6'], priceTypeId: given.dealer.id, date: '2026-03-15' };
      const price = { productId: variables.productId, priceTypeId: given.dealer.id, price: '10.00', validFrom: '2026-01-01', priceListNumber: expect.any(String) };

      // when it is read as usual, then it rejects with FORBIDDEN, the price kept on the error with a null priceList
      const error = await errorOf(partner.PriceWithList(variables));
      expect({ code: error.code, path: error.errors[0].path, data: error.data }).toEqual({ code: 'FORBIDDEN', path: ['price', 'priceList'], data: { price: { ...price, priceListId: expect.any(String), priceList: null } } });

      // when it is read through client.partial, then it resolves with the data and the error beside it
      const { data, error: beside } = await partner.partial.PriceWithList(variables);
      expect({ price: data.price?.price, priceList: data.price?.priceList, code: beside?.code }).toEqual({ price: '10.00', priceList: null, code: 'FORBIDDEN' });
      // and an answer without errors has none
      expect((await partner.partial.Price(variables)).error).toBeUndefined();
    });

    it('says how long to wait when the server asks to (Retry-After on TOO_MANY_REQUESTS)', async () => {
      // given 5 wrong logins for one email, the most a window of 900 s allows
      const anonymous = createClient({ url: app.graphqlUrl });
      for (let i = 0; i < 5; i++) expect((await errorOf(anonymous.Login({ email: 'nobody@sdk.test', password: 'wrong' }))).code).toBe('UNAUTHENTICATED');

      // when a sixth comes, then it is refused with the seconds left of the window
      const limited = await errorOf(anonymous.Login({ email: 'nobody@sdk.test', password: 'wrong' }));
      expect({ code: limited.code, status: limited.status }).toEqual({ code: 'TOO_MANY_REQUESTS', status: 429 });
      expect(limited.retryAfter).toBeGreaterThan(890);
      expect(limited.retryAfter).toBeLessThanOrEqual(900);
    });
  });

  describe('time-outs and aborts', () => {
    it('gives up on a server that does not answer: TIMEOUT after the client\'s timeoutMs, or the call\'s', async () => {
      // given a server that takes requests and never answers
      const silent = await fakeUpstream(null);
      upstreams.push(silent.server);

      // when a client with timeoutMs 200 asks, then TIMEOUT with status 0 and the limit in its details
      const started = Date.now();
      const timedOut = await errorOf(createClient({ url: silent.url, timeoutMs: 200 }).Health());
      expect({ code: timedOut.code, status: timedOut.status, details: timedOut.details, message: timedOut.message }).toEqual({
        code: 'TIMEOUT',
        status: 0,
        details: { timeoutMs: 200 },
        message: `No answer from ${silent.url} within 200 ms`,
      });
      expect(Date.now() - started).toBeLessThan(5000);

      // and a call's own timeoutMs overrides a client without a limit
      expect((await errorOf(createClient({ url: silent.url, timeoutMs: 0 }).Health(undefined, { timeoutMs: 100 }))).details).toEqual({ timeoutMs: 100 });
      expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
    });

    it('stops a call when its AbortSignal, or the client\'s, fires: ABORTED', async () => {
      const silent = await fakeUpstream(null);
      upstreams.push(silent.server);

      // when the caller aborts a call after 50 ms
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const aborted = await errorOf(createClient({ url: silent.url }).Health(undefined, { signal: controller.signal }));
      expect({ code: aborted.code, message: aborted.message }).toEqual({ code: 'ABORTED', message: 'The request was aborted' });

      // when the client's own signal has fired, then every call is ABORTED at once
      const client = createClient({ url: app.graphqlUrl, signal: AbortSignal.abort() });
      expect((await errorOf(client.Health())).code).toBe('ABORTED');
    });

    it('tells a server that cannot be reached (NETWORK_ERROR) from an answer that is not GraphQL (BAD_RESPONSE)', async () => {
      // given a port nobody listens on any more
      const gone = await fakeUpstream(null);
      await new Promise((resolve) => gone.server.close(resolve));
      const unreachable = await errorOf(createClient({ url: gone.url }).Health());
      expect({ code: unreachable.code, hasCause: unreachable.cause !== undefined }).toEqual({ code: 'NETWORK_ERROR', hasCause: true });

      // given a proxy answering 502 with an HTML page
      const proxy = await fakeUpstream((res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'));
      upstreams.push(proxy.server);
      const bad = await errorOf(createClient({ url: proxy.url }).Health());
      expect({ code: bad.code, status: bad.status, details: bad.details }).toEqual({ code: 'BAD_RESPONSE', status: 502, details: { status: 502, body: '<h1>Bad Gateway</h1>' } });
      expect(isTradebookError(bad, 'BAD_RESPONSE', 'NETWORK_ERROR')).toBe(true);
    });
  });

  describe('pagination', () => {
    it('walks every product page by page, asking for each page once', async () => {
      // given a client counting its requests, and 4 products read 3 a page: pages 1 (3 products) and 2 (1)
      let requests = 0;
      const counted = createClient({ url: app.graphqlUrl, token: (await app.login('partner@demo.tradebook')).token, fetch: (input, init) => (requests++, fetch(input, init)) });

      // when every product is read
      const skus: string[] = [];
      for await (const product of pages((page) => counted.Products({ page, perPage: 3, sort: [{ field: 'sku', order: 'ASC' }] }), (r) => r.products)) skus.push(product.sku);

      // then all 4 came, in SKU order, in 2 requests
      expect({ skus, requests }).toEqual({ skus: ['BLT-M6', 'BLT-M8', 'HMR-500', 'TPM-5'], requests: 2 });
    });
  });

  describe('subscriptions over graphql-ws', () => {
    it('delivers typed events of the partner\'s price type until the signal fires', async () => {
      // given the partner subscribed to its DEALER prices
      const controller = new AbortController();
      const events: PricesChangedSubscription[] = [];
      const listening = (async () => {
        for await (const event of partner.PricesChanged({ priceTypeId: given.dealer.id }, { signal: controller.signal })) {
          events.push(event);
          const validFrom: LocalDate = event.pricesChanged.validFrom; // typed as the schema's LocalDate
          if (validFrom === '2026-04-01') controller.abort();
        }
      })();
      await settle(); // the subscription reaches the server

      // when staff post a DEALER list from 2026-04-01
      const admin = await app.as(Role.ADMIN);
      const { createPriceList } = await admin.CreatePriceList({ input: { priceTypeId: given.dealer.id, date: '2026-04-01', lines: [{ productId: given.products['BLT-M6'], price: '11.00' }] } });
      await admin.PostPriceList({ id: createPriceList.id });

      // then the partner hears of it, and its loop ends when it aborts
      await listening;
      expect(events).toEqual([{ pricesChanged: { priceTypeId: given.dealer.id, priceListId: createPriceList.id, number: createPriceList.number, validFrom: '2026-04-01', action: 'POSTED' } }]);
    });

    it('rejects the loop with the server\'s refusal: FORBIDDEN for a role without price:read', async () => {
      const warehouse = createClient({ url: app.graphqlUrl, token: (await app.login('warehouse@demo.tradebook')).token, webSocketImpl: WebSocket });
      try {
        const error = await errorOf(
          (async () => {
            for await (const _ of warehouse.PricesChanged({ priceTypeId: given.retail.id })) throw new Error('no event expected');
          })(),
        );
        expect({ code: error.code, message: error.message }).toEqual({ code: 'FORBIDDEN', message: 'Your roles do not allow price:read' });
      } finally {
        await warehouse.close();
      }
    });

    it('fails at once with CONNECTION_CLOSED 4403 when the server refuses the socket (no token)', async () => {
      // given a client without a token, which the WebSocket refuses
      const anonymous = createClient({ url: app.graphqlUrl, webSocketImpl: WebSocket });
      const started = Date.now();

      // when it subscribes, then the loop rejects with the close code, without trying again for a minute
      const error = await errorOf(
        (async () => {
          for await (const _ of anonymous.StockChanged()) throw new Error('no event expected');
        })(),
      );
      expect({ code: error.code, closeCode: error.details.closeCode }).toEqual({ code: 'CONNECTION_CLOSED', closeCode: 4403 });
      expect(Date.now() - started).toBeLessThan(5000);
      await anonymous.close();
    });

    it('runs queries over the socket too, with createSubscriptionClient', async () => {
      const socket = createSubscriptionClient({ url: app.graphqlUrl, token: (await app.login('partner@demo.tradebook')).token, webSocketImpl: WebSocket });
      try {
        expect((await socket.Me()).me.email).toBe('partner@demo.tradebook');
        // a partner has no stock:read (it reads availability): refused over the socket as over HTTP
        const refused = await errorOf(socket.StockBalances({ filter: { productId: given.products['BLT-M6'] } }));
        expect(refused).toBeInstanceOf(TradebookError);
        expect(refused.code).toBe('FORBIDDEN');
      } finally {
        await socket.dispose();
      }
    });
  });
});
