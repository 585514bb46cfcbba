import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../shared/errors';
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

const LOCK_LOTS_SQL = `select id, date::text as date, sequence::text as sequence, qty_remaining::text as remaining, unit_cost::text as unit_cost, value_remaining::text as value_remaining
  from stock_lot where warehouse_id = ? and product_id = ? and qty_remaining > 0
  order by date, sequence for update`;

/** The unit cost of the newest lot of the product in the warehouse, emptied or not. */
const LAST_COST_SQL = `select unit_cost::text as unit_cost from stock_lot where warehouse_id = ? and product_id = ? order by date desc, sequence desc limit 1`;

const CONSUME_LOTS_SQL = `update stock_lot l set qty_remaining = l.qty_remaining - x.quantity, value_remaining = l.value_remaining - x.cost
  from (select * from jsonb_to_recordset(?::jsonb) as r(lot_id uuid, quantity numeric, cost numeric) order by lot_id) x
  where l.id = x.lot_id`;

/** Puts back into the source lots exactly what the recorder's outgoing movements took from them. */
const RESTORE_LOTS_SQL = `update stock_lot l set qty_remaining = l.qty_remaining + g.quantity, value_remaining = l.value_remaining + g.cost
  from (select lot_id, sum(-quantity) as quantity, sum(-cost) as cost from stock_movement
        where recorder_type = ? and recorder_id = ? and lot_id is not null and quantity < 0
        group by lot_id order by lot_id) g
  where l.id = g.lot_id`;

/**
 * Takes the lines' quantities out of the warehouse's FIFO lots (DESIGN §4, §6).
 *
 * Per product, in sorted product order (so two documents never lock lots in opposite
 * orders), one `select … for update` locks the product's non-empty lots in (date,
 * sequence) order; consumeLotsFifo decides what each line takes (lines of one product
 * one after the other, in line order); one set-based UPDATE then lowers the lots.
 * Lots of any date are consumed, as the lots are ordered.
 *
 * When the lots hold less than asked: INSUFFICIENT_STOCK {productId, warehouseId,
 * requested, available}, unless the warehouse allows negative stock. Then the part
 * without lots goes out without a lot at the unit cost of the newest lot of that
 * product in that warehouse (even an emptied one), or at 0 when there never was one;
 * its cost is rounded to kopecks.
 */
export async function consumeStock(em: EntityManager, warehouseId: string, lines: OutgoingLine[]): Promise<ConsumedPart[]> {
  const byProduct = new Map<string, OutgoingLine[]>();
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const list = byProduct.get(line.productId) ?? [];
    list.push(line);
    byProduct.set(line.productId, list);
  }
  const [warehouse]: { allows_negative_stock: boolean }[] = await em.execute('select allows_negative_stock from warehouse where id = ?', [warehouseId]);
  const parts: ConsumedPart[] = [];
  const updates = new Map<string, { quantity: Decimal; cost: Decimal }>();

  for (const productId of [...byProduct.keys()].sort()) {
    const productLines = byProduct.get(productId)!;
    const rows: { id: string; date: string; sequence: string; remaining: string; unit_cost: string; value_remaining: string }[] = await em.execute(LOCK_LOTS_SQL, [warehouseId, productId]);
    const lots: FifoLot[] = rows.map((r, i) => {
      const value = new Decimal(r.value_remaining);
      // FIFO takes a lot's whole value when it empties; it accepts kopecks only
      return { lotId: r.id, date: r.date, sequence: i, remaining: r.remaining, unitCost: r.unit_cost, ...(value.decimalPlaces() <= 2 ? { remainingValue: value.toFixed() } : {}) };
    });
    const unitCostOf = new Map(rows.map((r) => [r.id, r.unit_cost]));
    const requested = productLines.reduce((sum, l) => sum.plus(l.quantity), new Decimal(0));
    const available = rows.reduce((sum, r) => sum.plus(r.remaining), new Decimal(0));
    if (requested.gt(available) && !warehouse?.allows_negative_stock) {
      throw new AppError(ErrorCode.INSUFFICIENT_STOCK, `Not enough stock: ${requested.toFixed()} requested, ${available.toFixed()} available`, {
        productId,
        warehouseId,
        requested: requested.toFixed(),
        available: available.toFixed(),
      });
    }
    let fallbackCost: string | null = null;
    for (const line of productLines) {
      const result = consumeLotsFifo(lots, line.quantity);
      for (const c of result.consumptions) {
        parts.push({ lineNo: line.lineNo, productId, lotId: c.lotId, quantity: c.quantity, cost: c.cost, unitCost: unitCostOf.get(c.lotId)! });
        const lot = lots.find((l) => l.lotId === c.lotId)!;
        lot.remaining = new Decimal(lot.remaining).minus(c.quantity).toFixed();
        if (lot.remainingValue !== undefined) lot.remainingValue = new Decimal(lot.remainingValue).minus(c.cost).toFixed();
        const u = updates.get(c.lotId) ?? { quantity: new Decimal(0), cost: new Decimal(0) };
        updates.set(c.lotId, { quantity: u.quantity.plus(c.quantity), cost: u.cost.plus(c.cost) });
      }
      const shortfall = new Decimal(result.shortfall);
      if (shortfall.gt(0)) {
        if (fallbackCost === null) {
          const [last]: { unit_cost: string }[] = await em.execute(LAST_COST_SQL, [warehouseId, productId]);
          fallbackCost = last ? new Decimal(last.unit_cost).toFixed() : '0';
        }
        const cost = shortfall.mul(fallbackCost).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        parts.push({ lineNo: line.lineNo, productId, lotId: null, quantity: shortfall.toFixed(), cost: cost.toFixed(2), unitCost: fallbackCost });
      }
    }
  }

  if (updates.size) {
    const json = JSON.stringify([...updates].map(([lotId, u]) => ({ lot_id: lotId, quantity: u.quantity.toFixed(), cost: u.cost.toFixed() })));
    await em.execute(CONSUME_LOTS_SQL, [json]);
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
  await em.execute(RESTORE_LOTS_SQL, [recorder.type, recorder.id]);
}
