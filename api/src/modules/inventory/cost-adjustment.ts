import { Decimal } from '../../shared/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { invalidState } from '../../shared/errors';
import type { Recorder } from '../ledger/recorder';
import { jsonParam } from '../../shared/json-param';
import type { Posting } from '../ledger/posting';
import type { RegisterRow } from '../ledger/register';
import { CostAdjustmentKind } from './landed-cost.entity';
import { spreadLandedCost } from './landed-cost-allocation';
import { expenseRegister, stockRegister } from './stock.registers';

/**
 * Adjusting the cost of goods after the fact (issue 4 §3, DESIGN §4): a landed cost
 * gives each receipt lot an amount; `adjustLot` spreads it over what is still in the
 * lot and what every document already took from it, by quantity, to the kopeck
 * (largest remainder, as spreadLandedCost). The part still in the lot raises its value
 * and unit cost (a stock movement of quantity 0 and cost +part, so balances still equal
 * their movements); each consumer's part goes to that consumer type's
 * ConsumedCostAdjuster. Nothing already posted is rewritten: every row written is the
 * landed cost's own (recorded by it), so unposting it removes exactly them.
 *
 * Dates: a part is booked on the landed cost's date, or on the date of the document
 * that took the goods when that is later (a transfer dated after the landed cost raises
 * its destination lot from the transfer's date on, so no balance shows cost without the
 * goods; a later write-off's expense is adjusted in its own period).
 */

/** What one document took from a lot: one outgoing stock movement. */
export interface LotConsumption {
  lotId: string;
  /** When the part is booked: the later of the landed cost's date and the consuming document's. */
  date: string;
  recorderType: string;
  recorderId: string;
  recorderLine: number;
  warehouseId: string;
  productId: string;
  /** Positive. */
  quantity: string;
}

/** A row of cost_adjustment before it is written. */
export interface AdjustmentRow {
  kind: CostAdjustmentKind;
  lotId: string;
  warehouseId: string;
  productId: string;
  targetType: string;
  targetId: string;
  targetLine: number;
  quantity: string;
  amount: string;
  unitCostDelta: string | null;
  /** When it is booked (cost_adjustment.date). */
  date: string;
}

/** What a landed cost's adjustments collect, line by line (set `line` first); written set-based by `writeAdjustments`. */
export class AdjustmentBatch {
  readonly rows: (AdjustmentRow & { line: number })[] = [];
  readonly movements: RegisterRow[] = [];
  readonly expenses: RegisterRow[] = [];
  readonly lotRaises = new Map<string, { value: Decimal; unitCost: Decimal }>();
  line = 0;
  readonly em: EntityManager;
  readonly recorder: Recorder;
  readonly date: string;

  constructor(
    /** The landed cost's posting: every row is written through it, recorded by it. */
    readonly posting: Posting,
    /** Per recorder type, what the modules declared (ModuleDefinition.costAdjusters). */
    readonly adjusters: ReadonlyMap<string, ConsumedCostAdjuster>,
  ) {
    this.em = posting.ctx.em;
    this.recorder = posting.recorder;
    this.date = posting.date;
  }

  add(row: AdjustmentRow): void {
    this.rows.push({ ...row, line: this.line });
  }
}

/**
 * Books a part of an adjustment for goods a document of one type had already taken.
 * The shipment module declares one (in its module file) that posts a COGS adjustment in the sales register
 * (kind COGS) through `batch.posting`, so unposting the landed cost takes it back.
 */
export interface ConsumedCostAdjuster {
  adjust(batch: AdjustmentBatch, consumption: LotConsumption, amount: string): Promise<void>;
  /** Takes back what `adjust` wrote outside the landed cost's own registers when the landed cost is unposted. */
  retract?(ctx: Context, recorder: Recorder): Promise<void>;
}

const row = (kind: CostAdjustmentKind, c: LotConsumption, amount: string): AdjustmentRow => ({
  kind,
  date: c.date,
  lotId: c.lotId,
  warehouseId: c.warehouseId,
  productId: c.productId,
  targetType: c.recorderType,
  targetId: c.recorderId,
  targetLine: c.recorderLine,
  quantity: c.quantity,
  amount,
  unitCostDelta: null,
});

/** Write-offs and counts: the goods are gone as an expense, so their part is one too. */
export const expenseAdjuster: ConsumedCostAdjuster = {
  async adjust(batch, c, amount) {
    batch.add(row(CostAdjustmentKind.EXPENSE, c, amount));
    batch.expenses.push({ date: c.date, line: batch.line, warehouseId: c.warehouseId, productId: c.productId, reason: 'LANDED_COST', amount });
  },
};

/** Transfers: the goods still exist in the lot the transfer made from this one; the part follows them there. */
export const transferAdjuster: ConsumedCostAdjuster = {
  async adjust(batch, c, amount) {
    const [destination]: { id: string }[] = await batch.em.execute(
      'select id from stock_lot where origin_lot_id = ? and recorder_type = ? and recorder_id = ? and recorder_line = ?',
      [c.lotId, c.recorderType, c.recorderId, c.recorderLine],
    );
    if (!destination) throw invalidState(`${c.recorderType} ${c.recorderId} has no lot made from lot ${c.lotId}`, { lotId: c.lotId });
    batch.add(row(CostAdjustmentKind.TRANSFER, c, amount));
    await adjustLot(batch, destination.id, amount, c.date);
  },
};

const LOT_SQL = `select id, warehouse_id, product_id, recorder_type, recorder_id, recorder_line, qty_remaining::text as remaining
  from stock_lot where id = ? for update`;

const CONSUMERS_SQL = `select recorder_type, recorder_id, recorder_line, warehouse_id, product_id, (-quantity)::text as quantity, to_char(date, 'YYYY-MM-DD') as date
  from stock_movement where lot_id = ? and quantity < 0 order by date, recorder_type, recorder_id, recorder_line`;

/** Spreads `amount` (kopecks, > 0) over what is in the lot and what its consumers took; `date` is when the lot's part is booked. */
export async function adjustLot(batch: AdjustmentBatch, lotId: string, amount: string, date = batch.date): Promise<void> {
  const [lot]: { id: string; warehouse_id: string; product_id: string; recorder_type: string; recorder_id: string; recorder_line: number; remaining: string }[] = await batch.em.execute(LOT_SQL, [lotId]);
  const consumers: { recorder_type: string; recorder_id: string; recorder_line: number; warehouse_id: string; product_id: string; quantity: string; date: string }[] = await batch.em.execute(CONSUMERS_SQL, [lotId]);
  const parts = [{ lineId: 'lot', quantity: lot.remaining, value: '0' }, ...consumers.map((c, i) => ({ lineId: String(i), quantity: c.quantity, value: '0' }))];
  const spread = spreadLandedCost(amount, parts, 'QUANTITY');
  if (!spread.ok) throw invalidState(`Lot ${lotId}: ${spread.error.message}`, { lotId });
  const [kept, ...taken] = spread.allocations.map((a) => a.amount);

  if (new Decimal(kept).gt(0)) {
    const delta = new Decimal(kept).div(lot.remaining).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
    const raise = batch.lotRaises.get(lotId) ?? { value: new Decimal(0), unitCost: new Decimal(0) };
    batch.lotRaises.set(lotId, { value: raise.value.plus(kept), unitCost: raise.unitCost.plus(delta) });
    batch.add({
      kind: CostAdjustmentKind.LOT,
      date,
      lotId,
      warehouseId: lot.warehouse_id,
      productId: lot.product_id,
      targetType: lot.recorder_type,
      targetId: lot.recorder_id,
      targetLine: lot.recorder_line,
      quantity: lot.remaining,
      amount: kept,
      unitCostDelta: delta.toFixed(),
    });
    batch.movements.push({ date, line: batch.line, warehouseId: lot.warehouse_id, productId: lot.product_id, lotId, quantity: '0', cost: kept });
  }
  for (const [i, c] of consumers.entries()) {
    if (new Decimal(taken[i]).isZero()) continue;
    const adjuster = batch.adjusters.get(c.recorder_type);
    if (!adjuster) throw invalidState(`No cost adjustment is defined for ${c.recorder_type}, which took goods from lot ${lotId}`, { recorderType: c.recorder_type });
    const consumption = { lotId, date: c.date > date ? c.date : date, recorderType: c.recorder_type, recorderId: c.recorder_id, recorderLine: c.recorder_line, warehouseId: c.warehouse_id, productId: c.product_id, quantity: c.quantity };
    await adjuster.adjust(batch, consumption, taken[i]);
  }
}

const INSERT_ADJUSTMENTS_SQL = `insert into cost_adjustment (id, date, kind, recorder_type, recorder_id, recorder_line, lot_id, warehouse_id, product_id, target_type, target_id, target_line, quantity, amount, unit_cost_delta)
  select gen_random_uuid(), x.date, x.kind, ?, ?, x.line, x.lot_id, x.warehouse_id, x.product_id, x.target_type, x.target_id, x.target_line, x.quantity, x.amount, x.unit_cost_delta
  from jsonb_to_recordset(?::jsonb) as x(date date, kind text, line int, lot_id uuid, warehouse_id uuid, product_id uuid, target_type text, target_id uuid, target_line int, quantity numeric, amount numeric, unit_cost_delta numeric)`;

const RAISE_LOTS_SQL = `update stock_lot l set value_remaining = l.value_remaining + x.value, unit_cost = l.unit_cost + x.unit_cost
  from (select * from jsonb_to_recordset(?::jsonb) as r(lot_id uuid, value numeric, unit_cost numeric) order by lot_id) x
  where l.id = x.lot_id`;

/** Writes what the batches collected: lot raises, their movements, expenses and the cost_adjustment rows. Returns the products whose cost changed. */
export async function writeAdjustments(batch: AdjustmentBatch): Promise<string[]> {
  const { em, recorder, posting } = batch;
  const raises = [...batch.lotRaises].map(([lotId, r]) => ({ lot_id: lotId, value: r.value.toFixed(), unit_cost: r.unitCost.toFixed() }));
  if (raises.length) await em.execute(RAISE_LOTS_SQL, [jsonParam(raises)]);
  await posting.write(stockRegister, batch.movements);
  await posting.write(expenseRegister, batch.expenses);
  const rows = batch.rows.map((r) => ({ date: r.date, kind: r.kind, line: r.line, lot_id: r.lotId, warehouse_id: r.warehouseId, product_id: r.productId, target_type: r.targetType, target_id: r.targetId, target_line: r.targetLine, quantity: r.quantity, amount: r.amount, unit_cost_delta: r.unitCostDelta }));
  if (rows.length) await em.execute(INSERT_ADJUSTMENTS_SQL, [recorder.type, recorder.id, jsonParam(rows)]);
  return [...new Set(batch.movements.map((m) => String(m.productId)))];
}

/** Documents that took from a lot after the recorder raised it (its qty then differs from what the LOT row saw). */
const TAKEN_SINCE_SQL = `select distinct m.recorder_type, m.recorder_id
  from cost_adjustment a
  join stock_lot l on l.id = a.lot_id
  join stock_movement m on m.lot_id = l.id and m.quantity < 0
  where a.recorder_type = ? and a.recorder_id = ? and a.kind = 'LOT' and l.qty_remaining <> a.quantity
    and not exists (select 1 from cost_adjustment b where b.recorder_type = a.recorder_type and b.recorder_id = a.recorder_id and b.lot_id = l.id
                    and b.target_type = m.recorder_type and b.target_id = m.recorder_id and b.target_line = m.recorder_line)
  order by 1, 2`;

const LOWER_LOTS_SQL = `update stock_lot l set value_remaining = l.value_remaining - g.amount, unit_cost = l.unit_cost - g.delta
  from (select lot_id, sum(amount) as amount, sum(unit_cost_delta) as delta from cost_adjustment
        where recorder_type = ? and recorder_id = ? and kind = 'LOT' group by lot_id order by lot_id) g
  where l.id = g.lot_id`;

/**
 * Refuses to take a landed cost back while documents have taken from a lot it raised
 * since: they took at the raised cost (unpost them first). Locks the raised lots so
 * nobody takes from them while they are compared.
 */
export async function refuseWhileRaisedLotsTaken(posting: Posting): Promise<void> {
  const { ctx, recorder, name } = posting;
  await ctx.em.execute(`select id from stock_lot where id in (select lot_id from cost_adjustment where recorder_type = ? and recorder_id = ? and kind = 'LOT') order by warehouse_id, product_id, date, sequence for update`, [recorder.type, recorder.id]);
  const [changed]: { n: number }[] = await ctx.em.execute(
    `select count(*)::int as n from cost_adjustment a join stock_lot l on l.id = a.lot_id where a.recorder_type = ? and a.recorder_id = ? and a.kind = 'LOT' and l.qty_remaining <> a.quantity`,
    [recorder.type, recorder.id],
  );
  if (changed.n === 0) return;
  const rows: { recorder_type: string; recorder_id: string }[] = await ctx.em.execute(TAKEN_SINCE_SQL, [recorder.type, recorder.id]);
  const consumers = rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id }));
  const names = await ctx.services.ledger.describe(ctx, consumers);
  throw invalidState(`${name} cannot be unposted: goods it raised the cost of were taken since${names.length ? ` by ${names.join(', ')}` : ''}; unpost those first`, {
    reason: 'LOTS_CONSUMED',
    consumers: consumers.map((c, i) => ({ recorderType: c.type, recorderId: c.id, name: names[i] })),
  });
}

/** Takes the recorder's adjustments back: the lots it raised lose exactly what it added, and its adjustment rows go (its register rows are the engine's). */
export async function reverseAdjustments(em: EntityManager, recorder: Recorder): Promise<void> {
  await em.execute(LOWER_LOTS_SQL, [recorder.type, recorder.id]);
  await em.execute('delete from cost_adjustment where recorder_type = ? and recorder_id = ?', [recorder.type, recorder.id]);
}

/** A document whose consumption a landed cost has adjusted stays posted until that landed cost is unposted. */
export async function assertNotAdjusted(ctx: Context, recorder: Recorder, name: string): Promise<void> {
  const rows: { recorder_type: string; recorder_id: string }[] = await ctx.em.execute(
    'select distinct recorder_type, recorder_id from cost_adjustment where target_type = ? and target_id = ? order by 1, 2',
    [recorder.type, recorder.id],
  );
  if (!rows.length) return;
  const adjusters = rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id }));
  const names = await ctx.services.ledger.describe(ctx, adjusters);
  throw invalidState(`${name} cannot be unposted: ${names.join(', ')} adjusted its cost; unpost those first`, {
    reason: 'COST_ADJUSTED',
    adjustedBy: adjusters.map((a, i) => ({ recorderType: a.type, recorderId: a.id, name: names[i] })),
  });
}

/** A part of a landed cost's adjustment that comes back with goods (a return of what a consumer took). */
export interface CarriedAdjustment {
  /** The landed cost and its line that adjusted the consumer's cost. */
  landedCostId: string;
  landedCostLine: number;
  /** The landed cost's lot the goods came from, and the lot they came back into. */
  originLotId: string;
  lotId: string;
  warehouseId: string;
  productId: string;
  quantity: string;
  amount: string;
  /** The line of the posting document. */
  line: number;
}

/**
 * Carries parts of landed costs back with goods that return (DESIGN §4: a return restores
 * the exact cost): each lot they came back into is raised by its part (a stock movement of
 * quantity 0 recorded by `posting`), and a TRANSFER row recorded by `posting` names the
 * landed cost, so that landed cost stays posted while the return does (assertNotAdjusted).
 * Unposting the return takes it back with reverseAdjustments (its lots go with it).
 */
export async function carryAdjustments(posting: Posting, parts: readonly CarriedAdjustment[]): Promise<void> {
  const due = parts.filter((p) => new Decimal(p.amount).gt(0));
  if (!due.length) return;
  const { em, recorder, date } = { em: posting.ctx.em, recorder: posting.recorder, date: posting.date };
  const raises = new Map<string, Decimal>();
  for (const p of due) raises.set(p.lotId, (raises.get(p.lotId) ?? new Decimal(0)).plus(p.amount));
  const lots: { id: string; quantity: string }[] = await em.execute('select id, qty_remaining::text as quantity from stock_lot where id in (?)', [[...raises.keys()]]);
  const quantityOf = new Map(lots.map((l) => [l.id, l.quantity]));
  await em.execute(RAISE_LOTS_SQL, [jsonParam([...raises].map(([lotId, value]) => ({ lot_id: lotId, value: value.toFixed(), unit_cost: value.div(quantityOf.get(lotId)!).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed() })))]);
  await posting.write(stockRegister, due.map((p) => ({ date, line: p.line, warehouseId: p.warehouseId, productId: p.productId, lotId: p.lotId, quantity: '0', cost: p.amount })));
  const rows = due.map((p) => ({ date, kind: CostAdjustmentKind.TRANSFER, line: p.line, lot_id: p.originLotId, warehouse_id: p.warehouseId, product_id: p.productId, target_type: 'LandedCost', target_id: p.landedCostId, target_line: p.landedCostLine, quantity: p.quantity, amount: p.amount, unit_cost_delta: null }));
  await em.execute(INSERT_ADJUSTMENTS_SQL, [recorder.type, recorder.id, jsonParam(rows)]);
}
