import 'reflect-metadata';
import Decimal from 'decimal.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { onStatement } from '../../api/src/db/orm.config';
import { Product } from '../../api/src/modules/catalog/product.entity';
import { createClient, type TradebookClient } from '@tradebook/client';
import { createBenchDatabase, startBenchServer, timed, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';

export const TRANSFER_GOAL_MS = 1000;

export interface TransferPostOptions {
  products: number;
  /** Receipts, one lot per product each: the transfer consumes about products × lotsPerProduct lots. */
  lotsPerProduct: number;
  rounds: number;
}

export interface TransferPostRound {
  round: number;
  ms: number;
  /** Every SQL statement of the request, the after-commit pg_notify included. */
  statements: number;
  /** Of those, the pg_notify calls that publish stockChanged after the commit. */
  notifies: number;
}

export interface TransferPostReport {
  database: string;
  setup: SetupTimings;
  lines: number;
  lotsConsumed: number;
  value: string;
  rounds: TransferPostRound[];
}

const LOT_QUANTITY = new Decimal(10);
const POST = 'mutation($id: ID!){ postStockTransfer(id: $id){ id status } }';
const UNPOST = 'mutation($id: ID!){ unpostStockTransfer(id: $id){ id status } }';

/** Lot r of product i costs 100 + 5r + (i mod 10) + 0.25 a unit, so every lot of a product has its own price. */
const unitCost = (product: number, receipt: number) => new Decimal(100 + 5 * receipt + (product % 10)).plus('0.25');

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, { status: string }>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const json = (await response.json()) as { data?: Record<string, { status: string }>; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`${query} failed: ${JSON.stringify(json.errors ?? json)}`);
  return json.data;
}

/** Products, two warehouses, a supplier and one receipt per lot layer (each covering every product), through the API. */
async function seedStock(orm: MikroORM, admin: TradebookClient, options: TransferPostOptions) {
  const unit = (await admin.CreateUnit({ input: { code: 'bench-pcs', name: 'bench piece' } })).createUnit.id;
  const supplier = (await admin.CreateCounterparty({ input: { name: 'Bench supplier', roles: ['SUPPLIER'] } })).createCounterparty.id;
  const source = (await admin.CreateWarehouse({ input: { code: 'BENCH-SRC', name: 'Bench source' } })).createWarehouse.id;
  const destination = (await admin.CreateWarehouse({ input: { code: 'BENCH-DST', name: 'Bench destination' } })).createWarehouse.id;
  // products in one batch insert: the API would take one request each
  const em = orm.em.fork();
  const products = Array.from({ length: options.products }, (_, i) => em.create(Product, { sku: `BENCH-${String(i).padStart(5, '0')}`, name: `Bench product ${i}`, unit }));
  await em.flush();
  const productIds = products.map((p) => p.id);
  for (let r = 0; r < options.lotsPerProduct; r++) {
    const lines = productIds.map((productId, i) => ({ productId, quantity: LOT_QUANTITY.toFixed(), unitCost: unitCost(i, r).toFixed() }));
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: `2026-03-${String(r + 1).padStart(2, '0')}`, warehouseId: source, supplierId: supplier, lines } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
  }
  return { source, destination, productIds };
}

/**
 * What a correct post leaves, checked straight in the database: every source lot but the
 * newest emptied, one destination lot per consumed source lot, destination value =
 * value that left the source = the value worked out here, balances and movements agreeing.
 */
async function verifyPost(orm: MikroORM, transferId: string, source: string, destination: string, expected: { lots: number; quantity: Decimal; value: Decimal; sourceValue: Decimal }): Promise<void> {
  const [row]: Record<string, string>[] = await orm.em.getConnection().execute(
    `select
       (select count(*) from stock_lot where recorder_id = ? and warehouse_id = ? and origin_lot_id is not null)::text as lots,
       (select count(distinct origin_lot_id) from stock_lot where recorder_id = ?)::text as origins,
       (select coalesce(sum(qty_in), 0) from stock_lot where recorder_id = ?)::text as quantity,
       (select coalesce(sum(value_remaining), 0) from stock_lot where recorder_id = ?)::text as value,
       (select coalesce(sum(value_remaining), 0) from stock_lot where warehouse_id = ?)::text as source_value,
       (select coalesce(sum(cost), 0) from stock_balance where warehouse_id = ?)::text as destination_balance,
       (select coalesce(sum(cost), 0) from stock_balance where warehouse_id = ?)::text as source_balance,
       (select count(*) from stock_movement where recorder_id = ?)::text as movements,
       (select coalesce(sum(cost), 0) from stock_movement where recorder_id = ?)::text as movement_cost`,
    [transferId, destination, transferId, transferId, transferId, source, destination, source, transferId, transferId],
  );
  const problems: string[] = [];
  const same = (what: string, actual: string, wanted: Decimal | number) => {
    if (!new Decimal(actual).eq(wanted)) problems.push(`${what}: ${actual}, expected ${wanted.toString()}`);
  };
  same('destination lots', row.lots, expected.lots);
  same('distinct origin lots', row.origins, expected.lots);
  same('destination quantity', row.quantity, expected.quantity);
  same('destination value', row.value, expected.value);
  same('destination balance', row.destination_balance, expected.value);
  same('value left in the source lots', row.source_value, expected.sourceValue);
  same('source balance', row.source_balance, expected.sourceValue);
  same('movements (out per lot + in per lot)', row.movements, 2 * expected.lots);
  same('net cost of the movements', row.movement_cost, 0);
  if (problems.length) throw new Error(`the post is wrong:\n  ${problems.join('\n  ')}`);
}

/**
 * Posts a transfer of one line per product, each line taking all but half of the newest
 * of the product's lots (so ~products × lotsPerProduct lots are consumed), through the
 * API, timed and with its SQL statements counted; verified, unposted and posted again
 * for each round.
 */
export async function measureTransferPost(options: TransferPostOptions, cleanup: Cleanup, log: (line: string) => void): Promise<TransferPostReport> {
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  const { orm, graphqlUrl } = await startBenchServer(url, cleanup, setup, { SESSION_CACHE_SECONDS: '300' });
  const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
  // no time-out: a bench measures how long its large documents take, however long that is
  const admin = createClient({ url: graphqlUrl, token: login.token, timeoutMs: 0 });

  const { source, destination, productIds } = await timed(setup, `${options.products} products × ${options.lotsPerProduct} receipts`, () => seedStock(orm, admin, options));
  const perProduct = LOT_QUANTITY.mul(options.lotsPerProduct).minus(LOT_QUANTITY.div(2));
  const lines = productIds.map((productId) => ({ productId, quantity: perProduct.toFixed() }));
  const transfer = (await admin.CreateStockTransfer({ input: { date: '2026-03-20', fromWarehouseId: source, toWarehouseId: destination, lines } })).createStockTransfer;

  let value = new Decimal(0);
  let received = new Decimal(0);
  productIds.forEach((_, i) => {
    for (let r = 0; r < options.lotsPerProduct; r++) {
      const lot = LOT_QUANTITY.mul(unitCost(i, r));
      received = received.plus(lot);
      value = value.plus(r < options.lotsPerProduct - 1 ? lot : lot.div(2));
    }
  });
  const expected = { lots: productIds.length * options.lotsPerProduct, quantity: perProduct.mul(productIds.length), value, sourceValue: received.minus(value) };
  log(`transfer ${transfer.number}: ${lines.length} lines of ${perProduct.toFixed()} from ${expected.lots} lots worth ${value.toFixed(2)}`);

  const rounds: TransferPostRound[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    let statements = 0;
    let notifies = 0;
    const stop = onStatement((sql) => {
      statements++;
      if (sql.includes('pg_notify')) notifies++;
    });
    const started = performance.now();
    try {
      const { postStockTransfer } = await graphql(graphqlUrl, login.token, POST, { id: transfer.id });
      if (postStockTransfer.status !== 'POSTED') throw new Error(`the transfer is ${postStockTransfer.status} after posting`);
    } finally {
      stop();
    }
    const ms = performance.now() - started;
    await verifyPost(orm, transfer.id, source, destination, expected);
    rounds.push({ round, ms, statements, notifies });
    log(`round ${round}: post ${Math.round(ms)} ms, ${statements} SQL statements (${notifies} of them pg_notify after the commit); verified`);
    if (round < options.rounds) await graphql(graphqlUrl, login.token, UNPOST, { id: transfer.id });
  }
  return { database: label, setup, lines: lines.length, lotsConsumed: expected.lots, value: value.toFixed(2), rounds };
}
