import type { EntityManager } from '@mikro-orm/postgresql';
import type { Recorder } from '../ledger/recorder';
import { jsonParam } from '../../shared/json-param';

/** One row of the expense register: + an expense, − an income (a count's surplus). */
export interface ExpenseInput {
  date: string;
  warehouseId: string;
  productId: string | null;
  /** e.g. a WriteOffReason, SURPLUS, LANDED_COST. */
  reason: string;
  amount: string;
  recorderLine: number;
}

const EXPENSE_SQL = `insert into expense_register (id, date, warehouse_id, product_id, reason, amount, recorder_type, recorder_id, recorder_line)
  select gen_random_uuid(), x.date, x.warehouse_id, x.product_id, x.reason, x.amount, ?, ?, x.line_no
  from jsonb_to_recordset(?::jsonb) as x(date date, warehouse_id uuid, product_id uuid, reason text, amount numeric, line_no int)`;

/** Books the rows in one statement; deleteRecorder removes them again. */
export async function bookExpenses(em: EntityManager, recorder: Recorder, rows: ExpenseInput[]): Promise<void> {
  if (!rows.length) return;
  const json = jsonParam(rows.map((r) => ({ date: r.date, warehouse_id: r.warehouseId, product_id: r.productId, reason: r.reason, amount: r.amount, line_no: r.recorderLine })));
  await em.execute(EXPENSE_SQL, [recorder.type, recorder.id, json]);
}
