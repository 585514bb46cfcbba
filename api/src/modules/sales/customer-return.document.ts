import { LockMode } from '@mikro-orm/postgresql';
import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { Decimal, sumOf } from '../../shared/money';
import { checkWarehouse, requireLines } from '../inventory/stock-lines';
import { StockCostChanged } from '../inventory/stock.events';
import { stockRegister } from '../inventory/stock.registers';
import { WriteOffReason } from '../inventory/write-off.entity';
import { DocumentStatus } from '../ledger/document-status';
import { defineDocumentType } from '../ledger/document-type';
import type { RegisterRow } from '../ledger/register';
import { CustomerReturn, CustomerReturnLine, ReturnCondition } from './customer-return.entity';
import { returnLines } from './customer-return-lines';
import { takeBackLandedCosts } from './return-cost-adjustments';
import { reverseAdjustments } from '../inventory/cost-adjustment';
import { perVatRate, totalsOf } from './sale-shares';
import { clientSettlementRegister, salesRegister, salesVatBookRegister, SalesRowKind } from './sales.registers';
import { SHIPMENT } from './shipment.document';
import { Shipment } from './shipment.entity';

export const CUSTOMER_RETURN = 'CustomerReturn';

const neg = (value: string) => new Decimal(value).neg().toFixed();

/**
 * Posting a customer return (RT-YYYY-NNNNNN), under its shipment's row lock (returns of
 * one shipment take turns; the shipment cannot be unposted meanwhile): each line brings
 * back exactly the FIFO parts the shipment line took (new lots dated by the return,
 * pointing at the lots they came from) into the chosen warehouse; the sale is reversed
 * in the sales register (kind RETURN: quantity, revenue, VAT, discount and that cost, all
 * negative), the shipment's receivable goes down by the total with VAT and the sales VAT
 * book gets negative rows per rate. What landed costs added to the sale's cost since comes
 * back with the goods (takeBackLandedCosts): those landed costs stay posted while it does.
 * DEFECTIVE lines go into a write-off draft, which unposting deletes (refused once it is
 * posted).
 */
export const customerReturnType = defineDocumentType<CustomerReturn>({
  type: CUSTOMER_RETURN,
  entity: CustomerReturn,
  prefix: 'RT',
  label: 'Return',
  registers: [stockRegister, salesRegister, clientSettlementRegister, salesVatBookRegister],
  scopedBy: 'client',
  async post(ctx, doc, posting) {
    const lines = await ctx.em.find(CustomerReturnLine, { customerReturn: doc.id }, { orderBy: { lineNo: 'asc' } });
    requireLines(posting, lines);
    const shipment = await ctx.em.findOneOrFail(Shipment, doc.shipment.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (shipment.status !== DocumentStatus.POSTED) throw invalidState(`${posting.name}: shipment ${shipment.number} is ${shipment.status}; only a posted shipment takes returns`, { status: shipment.status });
    const fields: FieldMessages = {};
    await checkWarehouse(ctx.em, doc.warehouse.id, 'warehouseId', fields);
    // other returns may have been posted since the draft was written: the shares follow them
    const figures = await returnLines(ctx, shipment.id, lines, fields, doc.id);
    if (Object.keys(fields).length) throw badInput(fields);

    const warehouseId = doc.warehouse.id;
    await posting.lock(stockRegister, [...new Set(lines.map((l) => l.product.id))].map((productId) => ({ warehouseId, productId })));
    const cost = new Map<number, string>();
    for (const [i, line] of lines.entries()) {
      Object.assign(line, { amount: figures[i].amount, vat: figures[i].vat, total: figures[i].total, discount: figures[i].discount });
      const lots = await ctx.services.stock.bringBack(posting, warehouseId, { type: SHIPMENT, id: shipment.id, line: line.shipmentLineNo }, line.quantity, figures[i].alreadyReturned, line.lineNo);
      // the landed costs booked on the goods since the sale come back with them
      const carried = await takeBackLandedCosts(posting, { id: shipment.id, line: line.shipmentLineNo }, line.lineNo, warehouseId, lots);
      cost.set(line.lineNo, sumOf([...lots.map((l) => l.value), carried]).toFixed(2));
    }
    Object.assign(doc, totalsOf(figures));

    const dims = { clientId: shipment.client.id, warehouseId: shipment.warehouse.id, managerId: shipment.managerId ?? null, orderId: shipment.order?.id ?? null, contractId: shipment.contractId ?? null };
    await posting.write(
      salesRegister,
      lines.map((l): RegisterRow => ({ date: doc.date, line: l.lineNo, ...dims, productId: l.product.id, quantity: neg(l.quantity), revenue: neg(l.amount), vat: neg(l.vat), discount: neg(l.discount), cost: neg(cost.get(l.lineNo)!), kind: SalesRowKind.RETURN })),
    );
    await ctx.services.clientSettlements.record(posting, [
      { partyId: shipment.client.id, documentType: SHIPMENT, documentId: shipment.id, amount: neg(doc.total), orderId: dims.orderId, contractId: dims.contractId },
    ]);
    await posting.write(
      salesVatBookRegister,
      perVatRate(figures).map((r, i): RegisterRow => ({ date: doc.date, line: i + 1, clientId: shipment.client.id, rate: r.rate, amount: neg(r.amount), vat: neg(r.vat) })),
    );
    const defective = lines.filter((l) => l.condition === ReturnCondition.DEFECTIVE);
    if (defective.length) {
      const writeOff = await ctx.services.writeOffs.create(ctx, {
        date: doc.date,
        warehouseId,
        reason: WriteOffReason.DAMAGE,
        comment: `Defective goods of ${posting.name}`,
        lines: defective.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
      });
      doc.writeOffId = writeOff.id;
    }
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: [...new Set(lines.map((l) => l.product.id))] });
  },
  async guardRetract(ctx, doc, posting) {
    if (!doc.writeOffId) return;
    const writeOff = await ctx.services.writeOffs.get(ctx, doc.writeOffId);
    if (writeOff?.status === DocumentStatus.POSTED) throw invalidState(`${posting.name} cannot be unposted: write-off ${writeOff.number} of its defective goods is posted; unpost that first`, { reason: 'WRITTEN_OFF', writeOffId: writeOff.id });
  },
  async afterRetract(ctx, doc, posting) {
    // what it carried back of landed costs (its lots are gone with the stock rows)
    await reverseAdjustments(ctx.em, posting.recorder);
    if (doc.writeOffId) {
      const writeOff = await ctx.services.writeOffs.get(ctx, doc.writeOffId);
      if (writeOff?.status === DocumentStatus.DRAFT) await ctx.services.writeOffs.delete(ctx, writeOff.id);
      doc.writeOffId = null;
    }
    const lines = await ctx.em.find(CustomerReturnLine, { customerReturn: doc.id });
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: [...new Set(lines.map((l) => l.product.id))] });
  },
});

