/**
 * A partner portal's server talking to Tradebook: sign in (an API key, or a person's login),
 * read a page of the catalogue with the partner's prices, and quote two products.
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
}

async function signIn(options: PortalOptions): Promise<TradebookClient> {
  if (options.apiKey) return createClient({ url: options.url, token: options.apiKey, timeoutMs: 10_000 });
  if (!options.email || !options.password) throw new Error('Set TRADEBOOK_API_KEY, or TRADEBOOK_EMAIL and TRADEBOOK_PASSWORD');
  const { client } = await createClient({ url: options.url, timeoutMs: 10_000 }).login(options.email, options.password);
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

  // a page of the catalogue, each product with its price of our type on the day (the API writes prices
  // with at least 2 places and money with exactly 2, so they print as they come)
  const { products } = await client.Products({ filter: { active: true }, sort: [{ field: 'sku', order: 'ASC' }], page: 1, perPage: options.perPage ?? 10 });
  const prices = await Promise.all(products.items.map(async (product) => (priceType ? (await client.Price({ productId: product.id, priceTypeId: priceType.id, date })).price : null)));
  const pages = Math.max(1, Math.ceil(products.total / (options.perPage ?? 10)));
  print(`Catalogue on ${date}, page 1 of ${pages} (${products.total} products):`);
  products.items.forEach((product, i) => print(`  ${product.sku.padEnd(10)} ${product.name.padEnd(24)} ${(prices[i]?.price ?? 'no price').padStart(10)}`));

  // a quote for the first two products that have a price: 10 of the first, 5 of the second
  const priced = products.items.filter((_, i) => prices[i] || !priceType).slice(0, 2);
  if (priced.length < 2) return print('Fewer than two products have a price: nothing to quote');
  const { quote } = await client.Quote({ input: { clientId: own.id, date, lines: priced.map((product, i) => ({ productId: product.id, quantity: i === 0 ? '10' : '5' })) } });
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
