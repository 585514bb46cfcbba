import { invalidState } from '../../shared/errors';
import { Decimal } from '../../shared/money';
import { adjustLot, type ConsumedCostAdjuster } from '../inventory/cost-adjustment';
import { spreadLandedCost } from '../inventory/landed-cost-allocation';
import { CostAdjustmentKind } from '../inventory/landed-cost.entity';
import { retractRows } from '../ledger/register-store';
import { salesRegister, SalesRowKind } from './sales.registers';

const SHIPMENT_SQL = 'select client_id, warehouse_id, manager_id, order_id, contract_id from shipment where id = ?';

/** The lots posted returns made of what one shipment line took from a lot (they point at it), oldest first. */
const RETURNED_LOTS_SQL = `select l.id, l.qty_in::text as quantity, to_char(l.date, 'YYYY-MM-DD') as date from stock_lot l
  join customer_return r on r.id = l.recorder_id
  join customer_return_line rl on rl.customer_return_id = r.id and rl.line_no = l.recorder_line
  where l.recorder_type = 'CustomerReturn' and l.origin_lot_id = ? and r.shipment_id = ? and rl.shipment_line_no = ? and r.status = 'POSTED'
  order by l.date, l.sequence`;

/**
 * A landed cost posted after goods were shipped (issue 12 §8): the sold share is a
 * cost-of-goods-sold adjustment of the shipment's sale — a sales register row of kind
 * COST_ADJUSTMENT (quantity 0, cost = the share) with the shipment's client, manager,
 * order and contract, dated as the landed cost books it (the later of its date and the
 * shipment's), recorded by the landed cost, so unposting the landed cost takes it back.
 * What returns brought back of the goods is in stock again, in lots made from this one:
 * the share is spread by quantity over what stays sold and those lots (to the kopeck),
 * and their parts raise them (adjustLot), as a transfer's follow its goods.
 */
export const shipmentAdjuster: ConsumedCostAdjuster = {
  async adjust(batch, c, amount) {
    const returned: { id: string; quantity: string; date: string }[] = await batch.em.execute(RETURNED_LOTS_SQL, [c.lotId, c.recorderId, c.recorderLine]);
    const sold = returned.reduce((left, lot) => left.minus(lot.quantity), new Decimal(c.quantity));
    const spread = spreadLandedCost(amount, [{ lineId: 'sold', quantity: sold.toFixed(), value: '0' }, ...returned.map((lot) => ({ lineId: lot.id, quantity: lot.quantity, value: '0' }))], 'QUANTITY');
    if (!spread.ok) throw invalidState(`Shipment ${c.recorderId}: ${spread.error.message}`, { lotId: c.lotId });
    const [soldPart, ...back] = spread.allocations.map((a) => a.amount);
    const row = { date: c.date, lotId: c.lotId, warehouseId: c.warehouseId, productId: c.productId, targetType: c.recorderType, targetId: c.recorderId, targetLine: c.recorderLine, unitCostDelta: null };
    if (new Decimal(soldPart).gt(0)) {
      const [s]: { client_id: string; warehouse_id: string; manager_id: string | null; order_id: string | null; contract_id: string | null }[] = await batch.em.execute(SHIPMENT_SQL, [c.recorderId]);
      batch.add({ ...row, kind: CostAdjustmentKind.COGS, quantity: sold.toFixed(), amount: soldPart });
      await batch.posting.write(salesRegister, [
        { date: c.date, line: batch.line, clientId: s.client_id, productId: c.productId, warehouseId: s.warehouse_id, managerId: s.manager_id, orderId: s.order_id, contractId: s.contract_id, quantity: '0', revenue: '0', vat: '0', discount: '0', cost: soldPart, kind: SalesRowKind.COST_ADJUSTMENT },
      ]);
    }
    for (const [i, lot] of returned.entries()) {
      if (new Decimal(back[i]).isZero()) continue;
      // TRANSFER: says where the part went on; the returned lot's own rows book it
      batch.add({ ...row, kind: CostAdjustmentKind.TRANSFER, quantity: lot.quantity, amount: back[i] });
      // not before the goods came back
      await adjustLot(batch, lot.id, back[i], lot.date > c.date ? lot.date : c.date);
    }
  },
  async retract(ctx, recorder) {
    await retractRows(ctx.em, salesRegister, recorder);
  },
};
