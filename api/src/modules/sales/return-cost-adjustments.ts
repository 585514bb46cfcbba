import { carryAdjustments, type CarriedAdjustment } from '../inventory/cost-adjustment';
import type { ReceivedLot } from '../inventory/stock-lots';
import type { Posting } from '../ledger/posting';
import { Decimal } from '../../shared/money';
import { shareOf } from './sale-shares';

/** The COGS adjustments landed costs made to one shipment line's part of a lot: per landed cost line, the amount and the quantity it was spread over. */
const COGS_SQL = `select recorder_id, recorder_line, sum(amount)::text as amount, sum(quantity)::text as quantity
  from cost_adjustment where kind = 'COGS' and target_type = 'Shipment' and target_id = ? and target_line = ? and lot_id = ?
  group by recorder_id, recorder_line order by recorder_id, recorder_line`;

/** What other posted returns of the shipment line already took back of each landed cost line's adjustment of the lot. */
const TAKEN_BACK_SQL = `select a.target_id, a.target_line, sum(a.quantity)::text as quantity
  from cost_adjustment a
  join customer_return r on r.id = a.recorder_id and r.shipment_id = ? and r.id <> ? and r.status = 'POSTED'
  join customer_return_line rl on rl.customer_return_id = r.id and rl.line_no = a.recorder_line and rl.shipment_line_no = ?
  where a.recorder_type = 'CustomerReturn' and a.kind = 'TRANSFER' and a.lot_id = ?
  group by a.target_id, a.target_line`;

/**
 * What a return line takes back of the landed costs booked on the goods it returns
 * (issue 12 §7, §8): per lot the goods came back from, each landed cost's COGS adjustment
 * of the shipment line comes back in proportion to the quantity (cumulatively, so
 * returning all of it gives back exactly all of it), raising the lot the goods came back
 * into (carryAdjustments). Returns the total taken back: the sale's cost goes down by it.
 */
export async function takeBackLandedCosts(posting: Posting, shipment: { id: string; line: number }, returnLine: number, warehouseId: string, lots: readonly ReceivedLot[]): Promise<string> {
  const em = posting.ctx.em;
  const carried: CarriedAdjustment[] = [];
  for (const lot of lots) {
    if (!lot.originLotId) continue;
    const adjustments: { recorder_id: string; recorder_line: number; amount: string; quantity: string }[] = await em.execute(COGS_SQL, [shipment.id, shipment.line, lot.originLotId]);
    if (!adjustments.length) continue;
    const taken: { target_id: string; target_line: number; quantity: string }[] = await em.execute(TAKEN_BACK_SQL, [shipment.id, posting.recorder.id, shipment.line, lot.originLotId]);
    for (const a of adjustments) {
      const before = new Decimal(taken.find((t) => t.target_id === a.recorder_id && Number(t.target_line) === Number(a.recorder_line))?.quantity ?? 0);
      // goods returned before the landed cost were not part of what it adjusted
      const quantity = Decimal.min(lot.quantity, new Decimal(a.quantity).minus(before));
      if (quantity.lte(0)) continue;
      const { total } = shareOf({ total: a.amount, vat: '0', discount: '0' }, a.quantity, before, quantity);
      carried.push({ landedCostId: a.recorder_id, landedCostLine: Number(a.recorder_line), originLotId: lot.originLotId, lotId: lot.lotId, warehouseId, productId: lot.productId, quantity: quantity.toFixed(), amount: total, line: returnLine });
    }
  }
  await carryAdjustments(posting, carried);
  return carried.reduce((sum, c) => sum.plus(c.amount), new Decimal(0)).toFixed(2);
}
