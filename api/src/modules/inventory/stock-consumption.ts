import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../shared/errors';
import { jsonParam } from '../../shared/json-param';
import { Decimal, roundMoney } from '../../shared/money';
import type { Posting } from '../ledger/posting';
import type { RegisterRow } from '../ledger/register';
import { balancesOn, movementsAfter } from '../ledger/register-store';
import { consumeLotsFifo, type FifoLot } from './fifo';
import { availability } from './stock-availability';
import { stockRegister } from './stock.registers';

/** A document line that takes goods out of a warehouse. */
export interface OutgoingLine {
  lineNo: number;
  productId: string;
  quantity: string;
  /** Of this line's quantity, what its own document holds reserved (a shipment's): goods reserved for others stay untouched. */
  reserved?: string;
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

/**
 * The open lots each product takes, oldest first, read one at a time until they cover
 * its quantity (a recursive walk on the open-lots index): the cost of posting does not
 * grow with the number of open lots. Only lots received on or before the day.
 * Bindings: JSON needs, then warehouse and day twice.
 */
const WALK_LOTS_SQL = `with recursive need as (
    select * from jsonb_to_recordset(?::jsonb) as x(product_id uuid, quantity numeric)
  ),
  walk as (
    select n.product_id, n.quantity as needed, l.id, l.date, l.sequence, l.qty_remaining, l.unit_cost, l.value_remaining, l.qty_remaining::numeric as covered
    from need n cross join lateral (
      select id, date, sequence, qty_remaining, unit_cost, value_remaining from stock_lot
      where warehouse_id = ? and product_id = n.product_id and qty_remaining > 0 and date <= ?::date
      order by date, sequence limit 1
    ) l
    union all
    select w.product_id, w.needed, l.id, l.date, l.sequence, l.qty_remaining, l.unit_cost, l.value_remaining, (w.covered + l.qty_remaining)::numeric
    from walk w cross join lateral (
      select id, date, sequence, qty_remaining, unit_cost, value_remaining from stock_lot
      where warehouse_id = ? and product_id = w.product_id and qty_remaining > 0 and date <= ?::date and (date, sequence) > (w.date, w.sequence)
      order by date, sequence limit 1
    ) l
    where w.covered < w.needed
  )
  select id, product_id, date::text as date, sequence, qty_remaining::text as remaining, unit_cost::text as unit_cost, value_remaining::text as value_remaining
  from walk order by product_id, date, sequence`;

const LOCK_LOTS_SQL = 'select id from stock_lot where id in (?) order by warehouse_id, product_id, date, sequence for update';

/** Per product, the unit cost of its newest lot in the warehouse, emptied or not. */
const LAST_COST_SQL = `select distinct on (product_id) product_id, unit_cost::text as unit_cost
  from stock_lot where warehouse_id = ? and product_id in (?)
  order by product_id, date desc, sequence desc`;

const CONSUME_LOTS_SQL = `update stock_lot l set qty_remaining = l.qty_remaining - x.quantity, value_remaining = l.value_remaining - x.cost
  from (select * from jsonb_to_recordset(?::jsonb) as r(lot_id uuid, quantity numeric, cost numeric) order by lot_id) x
  where l.id = x.lot_id`;

type WalkedLot = { id: string; product_id: string; date: string; sequence: string; remaining: string; unit_cost: string; value_remaining: string };

/** What is reserved now per product in the warehouse (the reservations' column of the stock balance; the rows are locked by then). */
async function reservedOf(em: EntityManager, warehouseId: string, productIds: readonly string[]): Promise<Map<string, string>> {
  const rows: { product_id: string; reserved: string }[] = await em.execute('select product_id, reserved::text as reserved from stock_balance where warehouse_id = ? and product_id in (?)', [warehouseId, productIds]);
  return new Map(rows.map((r) => [r.product_id, r.reserved]));
}

/** Whether negative stock is allowed in the warehouse: the one place the policy is read (the warehouse itself). */
export async function allowsNegativeStock(em: EntityManager, warehouseId: string): Promise<boolean> {
  const [warehouse]: { allows_negative_stock: boolean }[] = await em.execute('select allows_negative_stock from warehouse where id = ?', [warehouseId]);
  return !!warehouse?.allows_negative_stock;
}

const insufficient = (details: { productId: string; warehouseId: string; requested: string; available: string; asOf: string; negativeOn: string | null; reserved: string }) =>
  new AppError(ErrorCode.INSUFFICIENT_STOCK, `Not enough stock on ${details.asOf}: ${details.requested} requested, ${details.available} available`, details);

/** Later documents that took goods received on or before the day (their movements are dated after it). */
const TAKEN_BY_LATER_SQL = `select distinct m.recorder_type, m.recorder_id, m.date from stock_movement m join stock_lot l on l.id = m.lot_id
  where l.warehouse_id = ? and l.product_id = ? and l.date <= ?::date and m.quantity < 0 and m.date > ?::date
  order by m.date, m.recorder_type, m.recorder_id`;

/**
 * The balances from the date on would allow it, but the lots received by the date were
 * taken by documents dated later (posted before this one was backdated): this document
 * may not take goods that came in after its date. INSUFFICIENT_STOCK (reason
 * TAKEN_BY_LATER_DOCUMENTS) names them: unposting them, posting this one and posting them
 * again (repost) puts the documents in date order.
 */
async function refuseTakenByLater(posting: Posting, warehouseId: string, productId: string, requested: string, available: string): Promise<never> {
  const rows: { recorder_type: string; recorder_id: string }[] = await posting.ctx.em.execute(TAKEN_BY_LATER_SQL, [warehouseId, productId, posting.date, posting.date]);
  const later = rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id }));
  const names = await posting.ctx.services.ledger.describe(posting.ctx, later);
  throw new AppError(
    ErrorCode.INSUFFICIENT_STOCK,
    `Not enough stock on ${posting.date}: ${requested} requested, ${available} left of what had come in by then${names.length ? `; later documents took the rest (${names.join(', ')}): unpost them, post this one, then post them again` : ''}`,
    { productId, warehouseId, requested, available, asOf: posting.date, negativeOn: null, reserved: '0', reason: 'TAKEN_BY_LATER_DOCUMENTS', takenBy: later.map((l, i) => ({ recorderType: l.type, recorderId: l.id, name: names[i] })) },
  );
}

/**
 * Takes the lines' quantities out of the warehouse's FIFO lots on the posting's date
 * (DESIGN §4, §6), under the balance locks of every product (taken first, in key order).
 *
 * Where negative stock is forbidden, each product may take no more than `availability`
 * allows: the lowest balance from the date on, and what is left after the reservations of
 * others — else INSUFFICIENT_STOCK {productId, warehouseId, requested, available, asOf,
 * negativeOn, reserved} for the first such product. Lines take lots received on or before
 * the date, oldest first (lines of one product one after the other, in line order); lots
 * are read and locked only as far as they are taken. Where negative stock is allowed, the
 * part no lot covers goes out without a lot at the unit cost of the product's newest lot
 * in the warehouse (even an emptied one), or at 0, rounded to kopecks.
 */
export async function consumeStock(posting: Posting, warehouseId: string, lines: readonly OutgoingLine[]): Promise<ConsumedPart[]> {
  const em = posting.ctx.em;
  const date = posting.date;
  const byProduct = new Map<string, OutgoingLine[]>();
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  const productIds = [...byProduct.keys()].sort();
  if (!productIds.length) return [];
  await posting.lock(stockRegister, productIds.map((productId) => ({ warehouseId, productId })));
  const negativeAllowed = await allowsNegativeStock(em, warehouseId);
  const requested = new Map(productIds.map((id) => [id, byProduct.get(id)!.reduce((sum, l) => sum.plus(l.quantity), new Decimal(0))]));

  if (!negativeAllowed) {
    // the balances as locked (final on hand, reserved), on the day, and after each later day with movements
    const keys = productIds.map((productId) => ({ warehouseId, productId }));
    const held = new Map(posting.heldBalances(stockRegister, keys).map((h) => [h.key.productId, h.held]));
    const reserved = await reservedOf(em, warehouseId, productIds);
    const onDate = new Map((await balancesOn(em, stockRegister, date, keys)).map((b) => [b.key.productId, b.resources.quantity]));
    const later = new Map<string, { date: string; quantity: string }[]>();
    for (const m of await movementsAfter(em, stockRegister, date, keys)) later.set(m.key.productId, [...(later.get(m.key.productId) ?? []), { date: m.date, quantity: m.resources.quantity }]);
    for (const productId of productIds) {
      const own = byProduct.get(productId)!.reduce((sum, l) => sum.plus(l.reserved ?? 0), new Decimal(0)).toFixed();
      const wanted = requested.get(productId)!.toFixed();
      const facts = { onDate: onDate.get(productId) ?? '0', later: later.get(productId) ?? [], final: held.get(productId)?.quantity ?? '0', reserved: reserved.get(productId) ?? '0' };
      const result = availability(date, facts, wanted, own);
      if (new Decimal(wanted).gt(result.available)) throw insufficient({ productId, warehouseId, requested: wanted, available: result.available, asOf: date, negativeOn: result.negativeOn, reserved: new Decimal(facts.reserved).toFixed() });
    }
  }

  const walked: WalkedLot[] = await em.execute(WALK_LOTS_SQL, [jsonParam(productIds.map((id) => ({ product_id: id, quantity: requested.get(id)!.toFixed() }))), warehouseId, date, warehouseId, date]);
  if (walked.length) await em.execute(LOCK_LOTS_SQL, [walked.map((l) => l.id)]);
  const lotsOf = new Map<string, WalkedLot[]>();
  for (const lot of walked) lotsOf.set(lot.product_id, [...(lotsOf.get(lot.product_id) ?? []), lot]);

  const parts: ConsumedPart[] = [];
  const shortfalls: ConsumedPart[] = [];
  const updates = new Map<string, { quantity: Decimal; cost: Decimal }>();
  for (const productId of productIds) {
    const rows = lotsOf.get(productId) ?? [];
    const inLots = rows.reduce((sum, r) => sum.plus(r.remaining), new Decimal(0));
    if (!negativeAllowed && inLots.lt(requested.get(productId)!)) await refuseTakenByLater(posting, warehouseId, productId, requested.get(productId)!.toFixed(), inLots.toFixed());
    const lots = new Map<string, FifoLot>(
      rows.map((r, i) => {
        const value = new Decimal(r.value_remaining);
        // FIFO takes a lot's whole value when it empties; it accepts kopecks only
        return [r.id, { lotId: r.id, date: r.date, sequence: i, remaining: r.remaining, unitCost: r.unit_cost, ...(value.decimalPlaces() <= 2 ? { remainingValue: value.toFixed() } : {}) }];
      }),
    );
    for (const line of byProduct.get(productId)!) {
      const result = consumeLotsFifo([...lots.values()], line.quantity);
      for (const c of result.consumptions) {
        const lot = lots.get(c.lotId)!;
        parts.push({ lineNo: line.lineNo, productId, lotId: c.lotId, quantity: c.quantity, cost: c.cost, unitCost: lot.unitCost });
        lot.remaining = new Decimal(lot.remaining).minus(c.quantity).toFixed();
        if (lot.remainingValue !== undefined) lot.remainingValue = new Decimal(lot.remainingValue).minus(c.cost).toFixed();
        const u = updates.get(c.lotId) ?? { quantity: new Decimal(0), cost: new Decimal(0) };
        updates.set(c.lotId, { quantity: u.quantity.plus(c.quantity), cost: u.cost.plus(c.cost) });
      }
      if (new Decimal(result.shortfall).gt(0)) {
        // priced below, once the last costs of all short products are read in one statement
        const part: ConsumedPart = { lineNo: line.lineNo, productId, lotId: null, quantity: result.shortfall, cost: '0.00', unitCost: '0' };
        parts.push(part);
        shortfalls.push(part);
      }
    }
  }

  if (shortfalls.length) {
    const last: { product_id: string; unit_cost: string }[] = await em.execute(LAST_COST_SQL, [warehouseId, [...new Set(shortfalls.map((s) => s.productId))]]);
    const lastCost = new Map(last.map((r) => [r.product_id, new Decimal(r.unit_cost).toFixed()]));
    for (const part of shortfalls) {
      part.unitCost = lastCost.get(part.productId) ?? '0';
      part.cost = roundMoney(new Decimal(part.quantity).mul(part.unitCost));
    }
  }
  if (updates.size) {
    await em.execute(CONSUME_LOTS_SQL, [jsonParam([...updates].map(([lotId, u]) => ({ lot_id: lotId, quantity: u.quantity.toFixed(), cost: u.cost.toFixed() })))]);
  }
  return parts;
}

/** The outgoing stock movements of consumed parts: −quantity and −cost, dated by the posting. */
export function outgoingMovements(warehouseId: string, date: string, parts: readonly ConsumedPart[]): RegisterRow[] {
  return parts.map((p) => ({
    date,
    line: p.lineNo,
    warehouseId,
    productId: p.productId,
    lotId: p.lotId,
    quantity: new Decimal(p.quantity).neg().toFixed(),
    cost: new Decimal(p.cost).neg().toFixed(),
  }));
}

/** The cost of each line's consumed parts, in line order. */
export function costPerLine(parts: readonly ConsumedPart[]): { lineNo: number; productId: string; cost: string }[] {
  const perLine = new Map<number, { productId: string; cost: Decimal }>();
  for (const p of parts) {
    const e = perLine.get(p.lineNo) ?? { productId: p.productId, cost: new Decimal(0) };
    perLine.set(p.lineNo, { productId: p.productId, cost: e.cost.plus(p.cost) });
  }
  return [...perLine].sort(([a], [b]) => a - b).map(([lineNo, e]) => ({ lineNo, productId: e.productId, cost: e.cost.toFixed() }));
}
