import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { jsonParam } from '../../shared/json-param';
import type { Recorder } from '../ledger/recorder';
import { assertBalancesHold } from './balance-capacity';

/** One row of the stock register a document posts: signed quantity and cost. */
export interface StockMovementInput {
  warehouseId: string;
  productId: string;
  lotId: string | null;
  date: string;
  /** + in, − out (decimal string). */
  quantity: string;
  /** + in, − out (decimal string). */
  cost: string;
  recorderLine: number;
}

export interface StockKey {
  warehouseId: string;
  productId: string;
}

/**
 * Inserts the movements, upserts stock_month_total and makes sure the balance rows
 * exist in one statement, then adds the movements, netted per balance row, to the
 * balances in a second (DESIGN §4, §6): the database adds to what it holds, no balance
 * is read and written back from JS, so concurrent
 * postings queue on the balance rows and never lose an update. Balance rows are touched in (warehouse, product) order so
 * documents of many products do not deadlock. A balance row created here copies the
 * warehouse's allowsNegativeStock; the CHECK on it refuses negative stock.
 */
const WRITE_SQL = `with input as (
    select * from jsonb_to_recordset(?::jsonb) as x(warehouse_id uuid, product_id uuid, lot_id uuid, date date, quantity numeric, cost numeric, recorder_line int)
  ),
  ins as (
    insert into stock_movement (id, warehouse_id, product_id, lot_id, date, quantity, cost, recorder_type, recorder_id, recorder_line)
    select gen_random_uuid(), warehouse_id, product_id, lot_id, date, quantity, cost, ?, ?, recorder_line from input
    returning 1
  ),
  bal as (
    -- a zero row for a pair seen for the first time; the amounts are added by ADD_TO_BALANCES_SQL
    -- (an upsert would have PostgreSQL check the CHECKs against the proposed row, e.g. on_hand −4)
    insert into stock_balance (warehouse_id, product_id, on_hand, reserved, cost, allows_negative)
    select distinct i.warehouse_id, i.product_id, 0, 0, 0, w.allows_negative_stock
    from input i join warehouse w on w.id = i.warehouse_id
    order by i.warehouse_id, i.product_id
    on conflict (warehouse_id, product_id) do nothing
    returning 1
  ),
  mon as (
    insert into stock_month_total (warehouse_id, product_id, month, quantity, cost)
    select warehouse_id, product_id, date_trunc('month', date)::date, sum(quantity), sum(cost)
    from input group by 1, 2, 3 order by 1, 2, 3
    on conflict (warehouse_id, product_id, month) do update
      set quantity = stock_month_total.quantity + excluded.quantity, cost = stock_month_total.cost + excluded.cost
    returning 1
  )
  select (select count(*) from ins)::int as movements, (select count(*) from bal)::int as balances, (select count(*) from mon)::int as months`;

/** Adds each balance row's net movement (rows exist by then), in (warehouse, product) order. */
const ADD_TO_BALANCES_SQL = `update stock_balance b set on_hand = b.on_hand + g.quantity, cost = b.cost + g.cost
  from (
    select * from jsonb_to_recordset(?::jsonb) as x(warehouse_id uuid, product_id uuid, quantity numeric, cost numeric)
    order by 1, 2
  ) g
  where b.warehouse_id = g.warehouse_id and b.product_id = g.product_id`;

/**
 * Deletes exactly the recorder's stock movements and subtracts them from the balances
 * and month totals, aggregated, in one statement; then its settlement and VAT book
 * rows. Returns the warehouse × product pairs it touched.
 */
const DELETE_SQL = `with gone as (
    delete from stock_movement where recorder_type = ? and recorder_id = ?
    returning warehouse_id, product_id, date, quantity, cost
  ),
  per_balance as (
    select warehouse_id, product_id, sum(quantity) as quantity, sum(cost) as cost from gone group by 1, 2
  ),
  bal as (
    update stock_balance b set on_hand = b.on_hand - g.quantity, cost = b.cost - g.cost
    from (select * from per_balance order by warehouse_id, product_id) g
    where b.warehouse_id = g.warehouse_id and b.product_id = g.product_id
    returning 1
  ),
  mon as (
    update stock_month_total m set quantity = m.quantity - g.quantity, cost = m.cost - g.cost
    from (select warehouse_id, product_id, date_trunc('month', date)::date as month, sum(quantity) as quantity, sum(cost) as cost from gone group by 1, 2, 3) g
    where m.warehouse_id = g.warehouse_id and m.product_id = g.product_id and m.month = g.month
    returning 1
  )
  select warehouse_id, product_id, (select count(*) from bal)::int as balances, (select count(*) from mon)::int as months from per_balance order by 1, 2`;

export async function writeStockMovements(em: EntityManager, recorder: Recorder, movements: StockMovementInput[]): Promise<void> {
  if (!movements.length) return;
  await assertBalancesHold(em, movements);
  const rows = movements.map((m) => ({
    warehouse_id: m.warehouseId,
    product_id: m.productId,
    lot_id: m.lotId,
    date: m.date,
    quantity: m.quantity,
    cost: m.cost,
    recorder_line: m.recorderLine,
  }));
  await em.execute(WRITE_SQL, [jsonParam(rows), recorder.type, recorder.id]);
  await em.execute(ADD_TO_BALANCES_SQL, [jsonParam(netPerBalance(movements))]);
}

/** Sums of money × many rows must not round: decimal.js keeps 20 significant digits by default. */
const Exact = Decimal.clone({ precision: 64 });

/** The movements summed per warehouse × product: what each balance row changes by. */
function netPerBalance(movements: StockMovementInput[]): { warehouse_id: string; product_id: string; quantity: string; cost: string }[] {
  const net = new Map<string, { warehouse_id: string; product_id: string; quantity: Decimal; cost: Decimal }>();
  for (const m of movements) {
    const key = `${m.warehouseId}:${m.productId}`;
    const n = net.get(key) ?? { warehouse_id: m.warehouseId, product_id: m.productId, quantity: new Exact(0), cost: new Exact(0) };
    net.set(key, { ...n, quantity: n.quantity.plus(m.quantity), cost: n.cost.plus(m.cost) });
  }
  return [...net.values()].map((n) => ({ ...n, quantity: n.quantity.toFixed(), cost: n.cost.toFixed() }));
}

/** Removes every register row of the recorder (stock, supplier settlements, purchase VAT book, expenses), reversing balances and month totals. */
export async function deleteRecorder(em: EntityManager, recorder: Recorder): Promise<StockKey[]> {
  const rows: { warehouse_id: string; product_id: string }[] = await em.execute(DELETE_SQL, [recorder.type, recorder.id]);
  await em.execute('delete from supplier_settlement where recorder_type = ? and recorder_id = ?', [recorder.type, recorder.id]);
  await em.execute('delete from purchase_vat_book where recorder_type = ? and recorder_id = ?', [recorder.type, recorder.id]);
  await em.execute('delete from expense_register where recorder_type = ? and recorder_id = ?', [recorder.type, recorder.id]);
  return rows.map((r) => ({ warehouseId: r.warehouse_id, productId: r.product_id }));
}

/** The other documents whose movements took from the recorder's lots (a landed cost's raise takes nothing): a recorder with these cannot be unposted. */
export async function consumersOfLots(em: EntityManager, recorder: Recorder): Promise<Recorder[]> {
  const rows: { recorder_type: string; recorder_id: string }[] = await em.execute(
    `select distinct m.recorder_type, m.recorder_id from stock_movement m
     where m.lot_id in (select id from stock_lot where recorder_type = ? and recorder_id = ?)
       and m.quantity < 0 and not (m.recorder_type = ? and m.recorder_id = ?)
     order by 1, 2`,
    [recorder.type, recorder.id, recorder.type, recorder.id],
  );
  return rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id }));
}
