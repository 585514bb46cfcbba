import { Decimal } from '../../shared/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../shared/errors';
import { jsonParam } from '../../shared/json-param';
import type { Recorder } from '../ledger/recorder';
import { consumeLotsFifo, type FifoLot } from './fifo';
import type { StockMovementInput } from './stock-register';

/** A document line that takes goods out of a warehouse. */
export interface OutgoingLine {
  lineNo: number;
  productId: string;
  quantity: string;
}

/** One part of a line's consumption: from a lot, or (lotId null) negative stock without a lot. */
export interface ConsumedPart {
  lineNo: number;
  productId: string;
  lotId: string | null;
  quantity: string;
  cost: string;
  /** The consumed lot's unit cost, or the fallback cost of the part without a lot. */
  unitCost: string;
}

/** The non-empty lots of the products in the warehouse, locked one after the other in (product, date, sequence) order. */
const LOCK_LOTS_SQL = `select id, product_id, qty_remaining::text as remaining, unit_cost::text as unit_cost, value_remaining::text as value_remaining, date::text as date
  from stock_lot where warehouse_id = ? and product_id in (?) and qty_remaining > 0
  order by product_id, date, sequence for update`;

/** Per product, the unit cost of its newest lot in the warehouse, emptied or not. */
const LAST_COST_SQL = `select distinct on (product_id) product_id, unit_cost::text as unit_cost
  from stock_lot where warehouse_id = ? and product_id in (?)
  order by product_id, date desc, sequence desc`;

const CONSUME_LOTS_SQL = `update stock_lot l set qty_remaining = l.qty_remaining - x.quantity, value_remaining = l.value_remaining - x.cost
  from (select * from jsonb_to_recordset(?::jsonb) as r(lot_id uuid, quantity numeric, cost numeric) order by lot_id) x
  where l.id = x.lot_id`;

/** Puts back into the source lots exactly what the recorder's outgoing movements took from them. */
const RESTORE_LOTS_SQL = `update stock_lot l set qty_remaining = l.qty_remaining + g.quantity, value_remaining = l.value_remaining + g.cost
  from (select lot_id, sum(-quantity) as quantity, sum(-cost) as cost from stock_movement
        where recorder_type = ? and recorder_id = ? and lot_id is not null and quantity < 0
        group by lot_id order by lot_id) g
  where l.id = g.lot_id`;

const LOCK_RESTORED_LOTS_SQL = `select l.id from stock_lot l
  where l.id in (select lot_id from stock_movement where recorder_type = ? and recorder_id = ? and lot_id is not null and quantity < 0)
  order by l.warehouse_id, l.product_id, l.date, l.sequence for update`;

type LockedLot = { id: string; product_id: string; remaining: string; unit_cost: string; value_remaining: string; date: string };

/**
 * Takes the lines' quantities out of the warehouse's FIFO lots (DESIGN §4, §6).
 *
 * One `select … for update` locks the non-empty lots of all the lines' products,
 * ordered by (product, date, sequence): PostgreSQL locks the rows in that order, so two
 * documents never lock lots in opposite orders, whatever their line order.
 * consumeLotsFifo then decides what each line takes (per product in that order, lines of
 * one product one after the other, in line order), and one set-based UPDATE lowers the
 * lots. Lots of any date are consumed, as the lots are ordered. A post costs the same
 * few statements at any number of lines.
 *
 * When the lots hold less than asked: INSUFFICIENT_STOCK {productId, warehouseId,
 * requested, available} for the first such product, unless the warehouse allows
 * negative stock. Then the part without lots goes out without a lot at the unit cost of
 * the newest lot of that product in that warehouse (even an emptied one), or at 0 when
 * there never was one; its cost is rounded to kopecks.
 */
export async function consumeStock(em: EntityManager, warehouseId: string, lines: OutgoingLine[]): Promise<ConsumedPart[]> {
  const byProduct = new Map<string, OutgoingLine[]>();
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const list = byProduct.get(line.productId) ?? [];
    list.push(line);
    byProduct.set(line.productId, list);
  }
  const productIds = [...byProduct.keys()].sort();
  if (!productIds.length) return [];
  const [warehouse]: { allows_negative_stock: boolean }[] = await em.execute('select allows_negative_stock from warehouse where id = ?', [warehouseId]);
  const rows: LockedLot[] = await em.execute(LOCK_LOTS_SQL, [warehouseId, productIds]);
  const lotsOf = new Map<string, LockedLot[]>();
  for (const row of rows) {
    const list = lotsOf.get(row.product_id) ?? [];
    list.push(row);
    lotsOf.set(row.product_id, list);
  }

  const parts: ConsumedPart[] = [];
  const shortfalls: { part: ConsumedPart; shortfall: Decimal }[] = [];
  const updates = new Map<string, { quantity: Decimal; cost: Decimal }>();
  for (const productId of productIds) {
    const productLines = byProduct.get(productId)!;
    const productRows = lotsOf.get(productId) ?? [];
    const requested = productLines.reduce((sum, l) => sum.plus(l.quantity), new Decimal(0));
    const available = productRows.reduce((sum, r) => sum.plus(r.remaining), new Decimal(0));
    if (requested.gt(available) && !warehouse?.allows_negative_stock) {
      throw new AppError(ErrorCode.INSUFFICIENT_STOCK, `Not enough stock: ${requested.toFixed()} requested, ${available.toFixed()} available`, {
        productId,
        warehouseId,
        requested: requested.toFixed(),
        available: available.toFixed(),
      });
    }
    // rows come in FIFO order: their index is the sequence
    const lots = new Map<string, FifoLot>(
      productRows.map((r, i) => {
        const value = new Decimal(r.value_remaining);
        // FIFO takes a lot's whole value when it empties; it accepts kopecks only
        return [r.id, { lotId: r.id, date: r.date, sequence: i, remaining: r.remaining, unitCost: r.unit_cost, ...(value.decimalPlaces() <= 2 ? { remainingValue: value.toFixed() } : {}) }];
      }),
    );
    for (const line of productLines) {
      const result = consumeLotsFifo([...lots.values()], line.quantity);
      for (const c of result.consumptions) {
        const lot = lots.get(c.lotId)!;
        parts.push({ lineNo: line.lineNo, productId, lotId: c.lotId, quantity: c.quantity, cost: c.cost, unitCost: lot.unitCost });
        lot.remaining = new Decimal(lot.remaining).minus(c.quantity).toFixed();
        if (lot.remainingValue !== undefined) lot.remainingValue = new Decimal(lot.remainingValue).minus(c.cost).toFixed();
        const u = updates.get(c.lotId) ?? { quantity: new Decimal(0), cost: new Decimal(0) };
        updates.set(c.lotId, { quantity: u.quantity.plus(c.quantity), cost: u.cost.plus(c.cost) });
      }
      const shortfall = new Decimal(result.shortfall);
      if (shortfall.gt(0)) {
        // priced below, once the last costs of all short products are read in one statement
        const part: ConsumedPart = { lineNo: line.lineNo, productId, lotId: null, quantity: shortfall.toFixed(), cost: '0.00', unitCost: '0' };
        parts.push(part);
        shortfalls.push({ part, shortfall });
      }
    }
  }

  if (shortfalls.length) {
    const short = [...new Set(shortfalls.map((s) => s.part.productId))];
    const last: { product_id: string; unit_cost: string }[] = await em.execute(LAST_COST_SQL, [warehouseId, short]);
    const lastCost = new Map(last.map((r) => [r.product_id, new Decimal(r.unit_cost).toFixed()]));
    for (const { part, shortfall } of shortfalls) {
      part.unitCost = lastCost.get(part.productId) ?? '0';
      part.cost = shortfall.mul(part.unitCost).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    }
  }
  if (updates.size) {
    await em.execute(CONSUME_LOTS_SQL, [jsonParam([...updates].map(([lotId, u]) => ({ lot_id: lotId, quantity: u.quantity.toFixed(), cost: u.cost.toFixed() })))]);
  }
  return parts;
}

/** The outgoing stock movements of consumed parts: −quantity and −cost, dated by the document. */
export function outgoingMovements(warehouseId: string, date: string, parts: ConsumedPart[]): StockMovementInput[] {
  return parts.map((p) => ({
    warehouseId,
    productId: p.productId,
    lotId: p.lotId,
    date,
    quantity: new Decimal(p.quantity).neg().toFixed(),
    cost: new Decimal(p.cost).neg().toFixed(),
    recorderLine: p.lineNo,
  }));
}

/** Gives the source lots back what the recorder's own outgoing movements took (unposting). */
export async function restoreConsumedLots(em: EntityManager, recorder: Recorder): Promise<void> {
  // the lots first, in the order posting locks them (product, date, sequence), so an unpost and a post do not deadlock
  await em.execute(LOCK_RESTORED_LOTS_SQL, [recorder.type, recorder.id]);
  await em.execute(RESTORE_LOTS_SQL, [recorder.type, recorder.id]);
}
