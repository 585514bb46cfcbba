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

export interface Totals {
  quantity: Decimal.Value;
  cost: Decimal.Value;
}

/**
 * The lines (recorder line numbers) whose movements would take a total past what its
 * column holds: `held` is each total as it is now, keyed as `keyOf` keys a movement; a
 * line is named at the movement that crosses the limit, when the total ends past it.
 */
export function overflowingLines(movements: readonly StockMovementInput[], held: ReadonlyMap<string, Totals>, keyOf: (m: StockMovementInput) => string): Map<number, 'quantity' | 'cost'> {
  const running = new Map<string, { quantity: Decimal; cost: Decimal; crossed?: { line: number; what: 'quantity' | 'cost' } }>();
  for (const m of movements) {
    const key = keyOf(m);
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

/**
 * Refuses a posting whose movements would take a stock balance or month total past
 * what its column holds (two receipts of 999,999,999,999,999 each): BAD_USER_INPUT on
 * the line, before anything is written, instead of an overflow in the database.
 */
export async function assertBalancesHold(em: EntityManager, movements: readonly StockMovementInput[]): Promise<void> {
  if (!movements.length) return;
  const keys = new Map(movements.map((m) => [`${m.warehouseId}:${m.productId}:${monthOf(m.date)}`, { warehouse_id: m.warehouseId, product_id: m.productId, month: monthOf(m.date) }]));
  const rows: { warehouse_id: string; product_id: string; month: string; on_hand: string; cost: string; month_quantity: string; month_cost: string }[] = await em.execute(HELD_SQL, [jsonParam([...keys.values()])]);
  const balances = new Map(rows.map((r) => [`${r.warehouse_id}:${r.product_id}`, { quantity: r.on_hand, cost: r.cost }]));
  const months = new Map(rows.map((r) => [`${r.warehouse_id}:${r.product_id}:${r.month}`, { quantity: r.month_quantity, cost: r.month_cost }]));
  const lines = new Map([
    ...overflowingLines(movements, months, (m) => `${m.warehouseId}:${m.productId}:${monthOf(m.date)}`),
    ...overflowingLines(movements, balances, (m) => `${m.warehouseId}:${m.productId}`),
  ]);
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
