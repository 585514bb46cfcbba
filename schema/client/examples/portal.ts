/**
 * A partner portal's server talking to Tradebook: sign in (an API key, or a person's login),
 * read a page of the catalogue with the partner's prices and what is available where, in one
 * request, and quote two products that have a price (those in stock first).
 *
 *   TRADEBOOK_URL=http://localhost:4000/graphql TRADEBOOK_API_KEY=tbk_… npx tsx portal.ts
 *   TRADEBOOK_URL=… TRADEBOOK_EMAIL=partner@demo.tradebook TRADEBOOK_PASSWORD=tradebook npx tsx portal.ts
 *
 * (in this repository: `npm run sdk:example` with the same variables, against `npm start`).
 */
import { createClient, isTradebookError, localDate, type TradebookClient } from '@tradebook/client';

export interface PortalOptions {
  /** The API's /graphql endpoint. */
  url: string;
  /** A partner's API key (tbk_…): a portal's server never keeps a person's password. */
  apiKey?: string;
  email?: string;
  password?: string;
  /** The day to price on, YYYY-MM-DD; today when left out. */
  date?: string;
  /** Products on the catalogue page. */
  perPage?: number;
  /** Where the report goes, line by line. */
  print?: (line: string) => void;
  /** The fetch the client uses (the global one when left out): a proxy's, or a test's that watches the requests. */
  fetch?: typeof fetch;
}

async function signIn(options: PortalOptions): Promise<TradebookClient> {
  if (options.apiKey) return createClient({ url: options.url, token: options.apiKey, timeoutMs: 10_000, fetch: options.fetch });
  if (!options.email || !options.password) throw new Error('Set TRADEBOOK_API_KEY, or TRADEBOOK_EMAIL and TRADEBOOK_PASSWORD');
  const { client } = await createClient({ url: options.url, timeoutMs: 10_000, fetch: options.fetch }).login(options.email, options.password);
  return client;
}

export async function main(options: PortalOptions): Promise<void> {
  const print = options.print ?? console.log;
  const date = localDate(options.date ?? new Date());
  const client = await signIn(options);

  // whom we act for: a partner (its key or its user) sees exactly one client record, its own, with its price type
  const { counterparties } = await client.Counterparties({ perPage: 1 });
  if (counterparties.total !== 1) throw new Error('This key or login does not act for one partner client');
  const own = counterparties.items[0];
  const priceType = own.priceType;
  print(`Signed in for ${own.name}; price type ${priceType?.code ?? 'the default'}`);

  // a page of the catalogue in one request: each product with its price of our type on the day (the
  // server's choice for a partner) and what each warehouse we may order from has available now (the API
  // writes prices with at least 2 places and quantities in their shortest form, so they print as they come)
  const perPage = options.perPage ?? 10;
  const { products } = await client.PortalCatalogue({ filter: { active: true }, sort: [{ field: 'sku', order: 'ASC' }], page: 1, perPage, date });
  const pages = Math.max(1, Math.ceil(products.total / perPage));
  print(`Catalogue on ${date}, page 1 of ${pages} (${products.total} products), available now:`);
  for (const product of products.items) {
    const stock = product.availability?.map((row) => `${row.warehouse.code} ${row.available}`).join(', ') || 'not in stock';
    print(`  ${product.sku.padEnd(10)} ${product.name.padEnd(24)} ${(product.price?.price ?? 'no price').padStart(10)}  ${stock}`);
  }

  // a quote for the first two products that have a price, those available first: 10 of the first, 5 of the second
  const priced = products.items.filter((product) => product.price);
  const offered = [...priced.filter((product) => product.availability?.length), ...priced.filter((product) => !product.availability?.length)].slice(0, 2);
  if (offered.length < 2) return print('Fewer than two products have a price: nothing to quote');
  const { quote } = await client.Quote({ input: { clientId: own.id, date, lines: offered.map((product, i) => ({ productId: product.id, quantity: i === 0 ? '10' : '5' })) } });
  print(`Quote for ${quote.client.name} on ${quote.date} (${quote.priceType.code}):`);
  for (const line of quote.lines) print(`  ${line.product.sku.padEnd(10)} ${line.quantity} × ${line.finalUnitPrice} = ${line.amount}`);
  print(`  Total ${quote.totals.total}, VAT ${quote.totals.vat}`);
}

if (require.main === module) {
  const env = process.env;
  main({ url: env.TRADEBOOK_URL ?? 'http://localhost:4000/graphql', apiKey: env.TRADEBOOK_API_KEY, email: env.TRADEBOOK_EMAIL, password: env.TRADEBOOK_PASSWORD, date: env.TRADEBOOK_DATE }).catch((error) => {
    // a refusal names its code (and the fields at fault); anything else is a bug worth its stack
    if (!isTradebookError(error)) console.error(error);
    else if (error.fieldErrors.length) console.error(`${error.code}: ${error.message}`, error.fieldErrors);
    else console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  });
}
