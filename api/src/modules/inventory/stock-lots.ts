import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { invalidState } from '../../shared/errors';
import { jsonParam } from '../../shared/json-param';
import { Decimal } from '../../shared/money';
import type { Posting } from '../ledger/posting';
import type { Recorder } from '../ledger/recorder';
import type { RegisterRow } from '../ledger/register';
import { partsToRestore, type TakenPart } from './restore-parts';
import { stockRegister } from './stock.registers';

/**
 * FIFO lots (DESIGN §4): what one document line brought into a warehouse and how much of
 * it is still there. Lots are changed only under their warehouse × product's stock
 * balance lock (Posting.lock), so a posting reads and changes only the lots it takes.
 */

/** Goods coming in as lots: one per item, at its unit cost and value. */
export interface IncomingLot {
  line: number;
  productId: string;
  quantity: string;
  unitCost: string;
  /** In kopecks: what the lot is worth (a receipt line's amount, a consumed part's cost). */
  value: string;
  /** Where the goods were before (a transfer's or return's source lot). */
  originLotId?: string | null;
}

export interface ReceivedLot {
  lotId: string;
  line: number;
  productId: string;
  quantity: string;
  value: string;
  originLotId: string | null;
}

/** Lots in the items' order (FIFO order among lots of one date = the global lot sequence). */
const INSERT_LOTS_SQL = `insert into stock_lot (id, warehouse_id, product_id, date, sequence, recorder_type, recorder_id, recorder_line, origin_lot_id, qty_in, qty_remaining, unit_cost, value_remaining)
  select gen_random_uuid(), ?, s.product_id, ?, nextval('stock_lot_sequence'), ?, ?, s.line, s.origin_lot_id, s.quantity, s.quantity, s.unit_cost, s.value
  from (select * from jsonb_to_recordset(?::jsonb) as x(ord int, line int, product_id uuid, quantity numeric, unit_cost numeric, value numeric, origin_lot_id uuid) order by ord) s
  returning id, recorder_line, product_id, qty_in::text as quantity, value_remaining::text as value, origin_lot_id`;

/** Makes the lots of the items, dated by the posting and recorded by it (their movements are the caller's: lotMovements). */
export async function createLots(posting: Posting, warehouseId: string, items: readonly IncomingLot[]): Promise<ReceivedLot[]> {
  if (!items.length) return [];
  const json = jsonParam(items.map((item, ord) => ({ ord, line: item.line, product_id: item.productId, quantity: item.quantity, unit_cost: item.unitCost, value: item.value, origin_lot_id: item.originLotId ?? null })));
  await posting.lock(stockRegister, items.map((item) => ({ warehouseId, productId: item.productId })));
  const rows: { id: string; recorder_line: number; product_id: string; quantity: string; value: string; origin_lot_id: string | null }[] = await posting.ctx.em.execute(INSERT_LOTS_SQL, [
    warehouseId,
    posting.date,
    posting.recorder.type,
    posting.recorder.id,
    json,
  ]);
  return rows.map((r) => ({ lotId: r.id, line: r.recorder_line, productId: r.product_id, quantity: r.quantity, value: r.value, originLotId: r.origin_lot_id }));
}

/** The incoming stock movements of new lots: +quantity and +value, dated by the posting. */
export function lotMovements(posting: Posting, warehouseId: string, lots: readonly ReceivedLot[]): RegisterRow[] {
  return lots.map((l) => ({ date: posting.date, line: l.line, warehouseId, productId: l.productId, lotId: l.lotId, quantity: l.quantity, cost: l.value }));
}

/** Makes the lots and writes their incoming stock movements. */
export async function receiveIntoLots(posting: Posting, warehouseId: string, items: readonly IncomingLot[]): Promise<ReceivedLot[]> {
  const lots = await createLots(posting, warehouseId, items);
  await posting.write(stockRegister, lotMovements(posting, warehouseId, lots));
  return lots;
}

/** The recorder's own lots go when its movements have (its movements referred to them). */
export async function deleteLotsOf(em: EntityManager, recorder: Recorder): Promise<void> {
  await em.execute('delete from stock_lot where recorder_id = ? and recorder_type = ?', [recorder.id, recorder.type]);
}

/** Puts back into the source lots exactly what the recorder's outgoing movements took from them. */
const RESTORE_LOTS_SQL = `update stock_lot l set qty_remaining = l.qty_remaining + g.quantity, value_remaining = l.value_remaining + g.cost
  from (select lot_id, sum(-quantity) as quantity, sum(-cost) as cost from stock_movement
        where recorder_id = ? and recorder_type = ? and lot_id is not null and quantity < 0
        group by lot_id order by lot_id) g
  where l.id = g.lot_id`;

/** Gives the source lots back what the recorder's own outgoing movements took (unposting, under the balance locks). */
export async function restoreConsumedLots(em: EntityManager, recorder: Recorder): Promise<void> {
  await em.execute(RESTORE_LOTS_SQL, [recorder.id, recorder.type]);
}

/** The other documents whose movements took from the recorder's lots (a landed cost's raise takes nothing). */
const CONSUMERS_SQL = `select distinct m.recorder_type, m.recorder_id from stock_movement m
  where m.lot_id in (select id from stock_lot where recorder_id = ? and recorder_type = ?)
    and m.quantity < 0 and not (m.recorder_id = ? and m.recorder_type = ?)
  order by 1, 2`;

/** INVALID_STATE (LOTS_CONSUMED, naming them) while other documents took from the recorder's lots: they must be unposted first. */
export async function refuseWhileLotsConsumed(ctx: Context, recorder: Recorder, name: string): Promise<void> {
  const rows: { recorder_type: string; recorder_id: string }[] = await ctx.em.execute(CONSUMERS_SQL, [recorder.id, recorder.type, recorder.id, recorder.type]);
  if (!rows.length) return;
  const consumers = rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id }));
  const names = await ctx.services.ledger.describe(ctx, consumers);
  throw invalidState(`${name} cannot be unposted: its lots were taken by ${names.join(', ')}; unpost those first`, {
    reason: 'LOTS_CONSUMED',
    consumers: consumers.map((c, i) => ({ recorderType: c.type, recorderId: c.id, name: names[i] })),
  });
}

/** What one line of a recorder took out, part by part in the order taken (its outgoing stock movements). */
const TAKEN_PARTS_SQL = `select m.lot_id, (-m.quantity)::text as quantity, (-m.cost)::text as cost
  from stock_movement m left join stock_lot l on l.id = m.lot_id
  where m.recorder_id = ? and m.recorder_type = ? and m.recorder_line = ? and m.quantity < 0
  order by l.date nulls last, l.sequence nulls last, m.id`;

/**
 * Brings back `quantity` of what one line of `source` took out (a return): per part that
 * comes back (partsToRestore: last taken first, its cost in proportion), a new lot in
 * `warehouseId` dated by the posting, at the part's unit cost, with the part's lot as its
 * origin. `alreadyReturned` is what earlier returns of that line brought back.
 */
export async function restoreLineParts(posting: Posting, warehouseId: string, source: Recorder & { line: number }, quantity: string, alreadyReturned: string, line: number): Promise<ReceivedLot[]> {
  const parts: { lot_id: string | null; quantity: string; cost: string }[] = await posting.ctx.em.execute(TAKEN_PARTS_SQL, [source.id, source.type, source.line]);
  const taken: TakenPart[] = parts.map((p) => ({ lotId: p.lot_id, quantity: p.quantity, cost: new Decimal(p.cost).toFixed(2) }));
  const back = partsToRestore(taken, alreadyReturned, quantity);
  const [{ product_id: productId }]: { product_id: string }[] = await posting.ctx.em.execute('select product_id from stock_movement where recorder_id = ? and recorder_type = ? and recorder_line = ? limit 1', [source.id, source.type, source.line]);
  return receiveIntoLots(
    posting,
    warehouseId,
    back.map((part) => ({ line, productId, quantity: part.quantity, unitCost: new Decimal(part.cost).div(part.quantity).toDecimalPlaces(4).toFixed(), value: part.cost, originLotId: part.lotId })),
  );
}
