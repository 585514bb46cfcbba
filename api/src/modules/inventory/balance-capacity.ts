import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../shared/errors';
import { jsonParam } from '../../shared/json-param';
import type { StockMovementInput } from './stock-register';

const Exact = Decimal.clone({ precision: 64 });

/** What stock_balance and stock_month_total hold: quantity numeric(18,3), cost numeric(19,4). */
const MOST = { quantity: new Exact('999999999999999.999'), cost: new Exact('999999999999999.9999') };

/** The balance and month total each movement adds to, as they are now (0 when there is none yet). */
const HELD_SQL = `with k as (select * from jsonb_to_recordset(?::jsonb) as x(warehouse_id uuid, product_id uuid, month date))
  select k.warehouse_id, k.product_id, to_char(k.month, 'YYYY-MM-DD') as month,
    coalesce(b.on_hand, 0)::text as on_hand, coalesce(b.cost, 0)::text as cost,
    coalesce(m.quantity, 0)::text as month_quantity, coalesce(m.cost, 0)::text as month_cost
  from k
  left join stock_balance b on b.warehouse_id = k.warehouse_id and b.product_id = k.product_id
  left join stock_month_total m on m.warehouse_id = k.warehouse_id and m.product_id = k.product_id and m.month = k.month`;

const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

/** Below this, floats cannot misjudge an overflow: |held| + Σ|movement| under it fits either column with room to spare. */
const SURELY_HELD = 9e14;

/** Whether any total might go past its column: a float bound that spares the exact count almost always (a posting's hot path). */
function mightOverflow(movements: readonly StockMovementInput[], held: ReadonlyMap<string, Totals>, keys: readonly string[]): boolean {
  const bounds = new Map<string, { quantity: number; cost: number }>();
  for (const [i, m] of movements.entries()) {
    const key = keys[i];
    let bound = bounds.get(key);
    if (!bound) bounds.set(key, (bound = { quantity: Math.abs(Number(held.get(key)?.quantity ?? 0)), cost: Math.abs(Number(held.get(key)?.cost ?? 0)) }));
    bound.quantity += Math.abs(Number(m.quantity));
    bound.cost += Math.abs(Number(m.cost));
    if (bound.quantity >= SURELY_HELD || bound.cost >= SURELY_HELD) return true;
  }
  return false;
}

export interface Totals {
  quantity: Decimal.Value;
  cost: Decimal.Value;
}

/**
 * The lines (recorder line numbers) whose movements would take a total past what its
 * column holds: `held` is each total as it is now, under the key of each movement
 * (`keys[i]` for movement i); a line is named at the movement that crosses the limit,
 * when the total ends past it.
 */
export function overflowingLines(movements: readonly StockMovementInput[], held: ReadonlyMap<string, Totals>, keys: readonly string[]): Map<number, 'quantity' | 'cost'> {
  const running = new Map<string, { quantity: Decimal; cost: Decimal; crossed?: { line: number; what: 'quantity' | 'cost' } }>();
  for (const [i, m] of movements.entries()) {
    const key = keys[i];
    const now = running.get(key) ?? { quantity: new Exact(held.get(key)?.quantity ?? 0), cost: new Exact(held.get(key)?.cost ?? 0) };
    const next = { quantity: now.quantity.plus(m.quantity), cost: now.cost.plus(m.cost), crossed: now.crossed };
    const what = next.quantity.abs().gt(MOST.quantity) ? 'quantity' : next.cost.abs().gt(MOST.cost) ? 'cost' : null;
    if (what && !next.crossed) next.crossed = { line: m.recorderLine, what };
    if (!what) next.crossed = undefined;
    running.set(key, next);
  }
  const lines = new Map<number, 'quantity' | 'cost'>();
  for (const { crossed } of running.values()) if (crossed) lines.set(crossed.line, crossed.what);
  return lines;
}

/** The movements of the balances the posting raises (net quantity or cost up): only those can climb past a column's top. */
function rising(movements: readonly StockMovementInput[]): StockMovementInput[] {
  const net = new Map<string, { quantity: number; cost: number }>();
  for (const m of movements) {
    const key = `${m.warehouseId}:${m.productId}`;
    const sum = net.get(key) ?? { quantity: 0, cost: 0 };
    net.set(key, { quantity: sum.quantity + Number(m.quantity), cost: sum.cost + Number(m.cost) });
  }
  return movements.filter((m) => {
    const sum = net.get(`${m.warehouseId}:${m.productId}`)!;
    return sum.quantity > 0 || sum.cost > 0;
  });
}

/**
 * Refuses a posting whose movements would take a stock balance or month total past
 * what its column holds (two receipts of 999,999,999,999,999 each): BAD_USER_INPUT on
 * the line, before anything is written, instead of an overflow in the database. Only
 * the balances a posting raises are read (a write-off reads none): going past the
 * bottom needs negative stock allowed and already near −10^15, and meets the
 * database's refusal, which the boundary tells as BAD_USER_INPUT too.
 */
export async function assertBalancesHold(em: EntityManager, posted: readonly StockMovementInput[]): Promise<void> {
  const movements = rising(posted);
  if (!movements.length) return;
  const balanceKeys = movements.map((m) => `${m.warehouseId}:${m.productId}`);
  const monthKeys = movements.map((m, i) => `${balanceKeys[i]}:${monthOf(m.date)}`);
  const wanted = new Map(movements.map((m, i) => [monthKeys[i], { warehouse_id: m.warehouseId, product_id: m.productId, month: monthOf(m.date) }]));
  const rows: { warehouse_id: string; product_id: string; month: string; on_hand: string; cost: string; month_quantity: string; month_cost: string }[] = await em.execute(HELD_SQL, [jsonParam([...wanted.values()])]);
  const balances = new Map(rows.map((r) => [`${r.warehouse_id}:${r.product_id}`, { quantity: r.on_hand, cost: r.cost }]));
  const months = new Map(rows.map((r) => [`${r.warehouse_id}:${r.product_id}:${r.month}`, { quantity: r.month_quantity, cost: r.month_cost }]));
  if (!mightOverflow(movements, months, monthKeys) && !mightOverflow(movements, balances, balanceKeys)) return;
  const lines = new Map([...overflowingLines(movements, months, monthKeys), ...overflowingLines(movements, balances, balanceKeys)]);
  if (!lines.size) return;
  const fields: Record<string, string> = {};
  for (const [line, what] of [...lines].sort(([a], [b]) => a - b)) {
    fields[`lines.${line - 1}`] =
      what === 'quantity'
        ? `line ${line}: the stock of its product in the warehouse would go past ${MOST.quantity.toFixed()}, the most a balance holds`
        : `line ${line}: the stock value of its product in the warehouse would go past ${MOST.cost.toFixed()}, the most a balance holds`;
  }
  throw badInput(fields);
}
