import 'reflect-metadata';
import Decimal from 'decimal.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { onStatement } from '../../api/src/db/orm.config';
import { Product } from '../../api/src/modules/catalog/product.entity';
import { createClient } from '@tradebook/client';
import { createBenchDatabase, startBenchServer, timed, type SetupTimings } from './bench-server';
import type { Cleanup } from './cleanup';

export const SHIPMENT_GOAL_MS = 1000;

export interface ShipmentPostOptions {
  /** Lines of the shipment, one product each. */
  lines: number;
  rounds: number;
}

export interface ShipmentPostReport {
  database: string;
  setup: SetupTimings;
  lines: number;
  lotsConsumed: number;
  cost: string;
  total: string;
  rounds: { round: number; ms: number; statements: number }[];
}

const POST = 'mutation($id: ID!){ postShipment(id: $id){ id status } }';
const UNPOST = 'mutation($id: ID!){ unpostShipment(id: $id){ id status } }';

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, { status: string }>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const json = (await response.json()) as { data?: Record<string, { status: string }>; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`${query} failed: ${JSON.stringify(json.errors ?? json)}`);
  return json.data;
}

/** Lot r of product i: 10 units at 100 + 5r + (i mod 10) + 0.25. */
const unitCost = (product: number, receipt: number) => new Decimal(100 + 5 * receipt + (product % 10)).plus('0.25');

/**
 * Posts a standalone shipment of one line per product, each line taking 15 of the
 * product's two lots of 10 (so 2 × lines FIFO lots are consumed), through the API, timed
 * and with its SQL statements counted; checked (sales cost = Σ consumed lots, receivable =
 * the total with VAT), unposted and posted again for each round.
 */
export async function measureShipmentPost(options: ShipmentPostOptions, cleanup: Cleanup, log: (line: string) => void): Promise<ShipmentPostReport> {
  const setup: SetupTimings = [];
  const { url, label } = await createBenchDatabase(cleanup, setup, log);
  const { orm, graphqlUrl } = await startBenchServer(url, cleanup, setup, { SESSION_CACHE_SECONDS: '300' });
  const { login } = await createClient({ url: graphqlUrl }).Login({ email: 'admin@demo.tradebook', password: 'tradebook' });
  const admin = createClient({ url: graphqlUrl, token: login.token, timeoutMs: 0 });

  const { shipmentId, total } = await timed(setup, `${options.lines} products × 2 receipts, the shipment draft`, async () => {
    const unit = (await admin.CreateUnit({ input: { code: 'bench-pcs', name: 'bench piece' } })).createUnit.id;
    const supplier = (await admin.CreateCounterparty({ input: { name: 'Bench supplier', roles: ['SUPPLIER'] } })).createCounterparty.id;
    const client = (await admin.CreateCounterparty({ input: { name: 'Bench client' } })).createCounterparty.id;
    const warehouse = (await admin.CreateWarehouse({ input: { code: 'BENCH-SH', name: 'Bench shipping' } })).createWarehouse.id;
    const em = orm.em.fork();
    const products = Array.from({ length: options.lines }, (_, i) => em.create(Product, { sku: `BENCH-${String(i).padStart(5, '0')}`, name: `Bench product ${i}`, unit }));
    await em.flush();
    for (let r = 0; r < 2; r++) {
      const lines = products.map((p, i) => ({ productId: p.id, quantity: '10', unitCost: unitCost(i, r).toFixed() }));
      const receipt = (await admin.CreateGoodsReceipt({ input: { date: `2026-03-0${r + 1}`, warehouseId: warehouse, supplierId: supplier, lines } })).createGoodsReceipt;
      await admin.PostGoodsReceipt({ id: receipt.id });
    }
    const draft = (await admin.CreateShipment({ input: { clientId: client, warehouseId: warehouse, date: '2026-03-20', lines: products.map((p) => ({ productId: p.id, quantity: '15', unitPrice: '150.00' })) } })).createShipment;
    return { shipmentId: draft.id, total: draft.total };
  });
  // 10 of the first lot and 5 of the second per product
  let cost = new Decimal(0);
  for (let i = 0; i < options.lines; i++) cost = cost.plus(unitCost(i, 0).mul(10)).plus(unitCost(i, 1).mul(5));
  log(`shipment: ${options.lines} lines of 15 from ${2 * options.lines} lots, cost ${cost.toFixed(2)}, total with VAT ${total}`);

  const rounds: ShipmentPostReport['rounds'] = [];
  for (let round = 1; round <= options.rounds; round++) {
    let statements = 0;
    const stop = onStatement(() => void statements++);
    const started = performance.now();
    try {
      const { postShipment } = await graphql(graphqlUrl, login.token, POST, { id: shipmentId });
      if (postShipment.status !== 'POSTED') throw new Error(`the shipment is ${postShipment.status} after posting`);
    } finally {
      stop();
    }
    const ms = performance.now() - started;
    const [check]: { cost: string; rows: string; owed: string }[] = await orm.em.getConnection().execute(
      `select (select coalesce(sum(cost), 0) from sales_register where recorder_id = ?)::text as cost, (select count(*) from sales_register where recorder_id = ?)::text as rows,
              (select coalesce(sum(amount), 0) from client_settlement where recorder_id = ?)::text as owed`,
      [shipmentId, shipmentId, shipmentId],
    );
    if (!new Decimal(check.cost).eq(cost) || Number(check.rows) !== options.lines || !new Decimal(check.owed).eq(total)) throw new Error(`the post is wrong: ${JSON.stringify(check)}`);
    rounds.push({ round, ms, statements });
    log(`round ${round}: post ${Math.round(ms)} ms, ${statements} SQL statements; verified`);
    if (round < options.rounds) await graphql(graphqlUrl, login.token, UNPOST, { id: shipmentId });
  }
  return { database: label, setup, lines: options.lines, lotsConsumed: 2 * options.lines, cost: cost.toFixed(2), total, rounds };
}

export function printShipmentPost(report: ShipmentPostReport, log: (line: string) => void): void {
  const median = [...report.rounds].sort((a, b) => a.ms - b.ms)[Math.floor(report.rounds.length / 2)];
  log(`Shipment posting: ${report.lines.toLocaleString('en-US')} lines consuming ${report.lotsConsumed.toLocaleString('en-US')} FIFO lots (cost ${report.cost}, receivable ${report.total}; ${report.database})`);
  for (const r of report.rounds) log(`  round ${r.round}: postShipment ${r.ms.toFixed(0)} ms, ${r.statements} SQL statements`);
  log(`  median ${median.ms.toFixed(0)} ms (goal < ${SHIPMENT_GOAL_MS} ms) → ${median.ms < SHIPMENT_GOAL_MS ? 'PASS' : 'BELOW GOAL'}; every post verified (sales cost, receivable)`);
}
