import { CostAdjustmentKind } from '../inventory/landed-cost.entity';
import type { ConsumedCostAdjuster } from '../inventory/cost-adjustment';
import { retractRows } from '../ledger/register-store';
import { salesRegister, SalesRowKind } from './sales.registers';

const SHIPMENT_SQL = 'select client_id, warehouse_id, manager_id, order_id, contract_id from shipment where id = ?';

/**
 * A landed cost posted after goods were shipped (issue 12 §8): the sold share is a
 * cost-of-goods-sold adjustment of the shipment's sale — a sales register row of kind
 * COST_ADJUSTMENT (quantity 0, cost = the share) with the shipment's client, manager,
 * order and contract, dated as the landed cost books it (the later of its date and the
 * shipment's), recorded by the landed cost, so unposting the landed cost takes it back.
 */
export const shipmentAdjuster: ConsumedCostAdjuster = {
  async adjust(batch, c, amount) {
    const [s]: { client_id: string; warehouse_id: string; manager_id: string | null; order_id: string | null; contract_id: string | null }[] = await batch.em.execute(SHIPMENT_SQL, [c.recorderId]);
    batch.add({ kind: CostAdjustmentKind.COGS, date: c.date, lotId: c.lotId, warehouseId: c.warehouseId, productId: c.productId, targetType: c.recorderType, targetId: c.recorderId, targetLine: c.recorderLine, quantity: c.quantity, amount, unitCostDelta: null });
    await batch.posting.write(salesRegister, [
      { date: c.date, line: batch.line, clientId: s.client_id, productId: c.productId, warehouseId: s.warehouse_id, managerId: s.manager_id, orderId: s.order_id, contractId: s.contract_id, quantity: '0', revenue: '0', vat: '0', discount: '0', cost: amount, kind: SalesRowKind.COST_ADJUSTMENT },
    ]);
  },
  async retract(ctx, recorder) {
    await retractRows(ctx.em, salesRegister, recorder);
  },
};
