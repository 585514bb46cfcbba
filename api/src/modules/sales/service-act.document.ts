import type { Context } from '../../server/context';
import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import { defineDocumentType } from '../ledger/document-type';
import type { Posting } from '../ledger/posting';
import { Counterparty } from '../crm/counterparty.entity';
import { addDays, vatBookByRate } from './sales-document-lines';
import { checkClient, checkSalesLines } from './sales-lines.check';
import { clientSettlementRegister, SalesRowKind, salesRegister, salesVatBookRegister } from './sales.registers';
import { ServiceAct, ServiceActLine } from './service-act.entity';

export const SERVICE_ACT = 'ServiceAct';

/**
 * Posting a service act (SA-YYYY-NNNNNN): a SALE row per line in the sales register (no
 * warehouse, cost 0, revenue = total − VAT), the receivable (Σ totals, due on date +
 * payment terms, taking the client's open advances first) and one sales VAT book row per
 * rate (lines 1, 2, … in ascending rate order). No stock moves.
 */
export const serviceActType = defineDocumentType<ServiceAct>({
  type: SERVICE_ACT,
  entity: ServiceAct,
  prefix: 'SA',
  label: 'Service act',
  registers: [salesRegister, clientSettlementRegister, salesVatBookRegister],
  scopedBy: 'client',
  async post(ctx: Context, act: ServiceAct, posting: Posting) {
    const lines = await ctx.em.find(ServiceActLine, { serviceAct: act.id }, { orderBy: { lineNo: 'asc' } });
    if (!lines.length) throw invalidState(`${posting.name} has no lines to post`, { reason: 'NO_LINES' });
    // the client and the products may have changed since the draft was written
    const fields: FieldMessages = {};
    await checkClient(ctx, act.client.id, fields);
    await checkSalesLines(ctx, lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, price: l.price, vatRate: l.vatRate })), act.vatIncluded, { servicesOnly: true }, fields);
    if (Object.keys(fields).length) throw badInput(fields);

    const client = await ctx.em.findOneOrFail(Counterparty, act.client.id);
    // the order's lock before the balance rows', as a shipment takes them; its status follows what is acted
    const order = act.orderId ? await ctx.services.orders.lock(ctx, act.orderId) : null;
    const managerId = order?.manager?.id ?? client.owner?.id ?? null;
    await posting.write(
      salesRegister,
      lines.map((l) => ({
        date: act.date,
        line: l.lineNo,
        clientId: client.id,
        productId: l.product.id,
        warehouseId: null,
        managerId,
        orderId: act.orderId ?? null,
        contractId: act.contractId ?? null,
        quantity: l.quantity,
        revenue: new Decimal(l.total).minus(l.vat).toFixed(),
        vat: l.vat,
        discount: l.discount,
        cost: '0',
        kind: SalesRowKind.SALE,
      })),
    );
    await ctx.services.clientSettlements.record(posting, [
      { partyId: client.id, documentType: SERVICE_ACT, documentId: act.id, amount: act.total, dueDate: addDays(act.date, act.paymentTermsDays), orderId: act.orderId, contractId: act.contractId },
    ]);
    await posting.write(
      salesVatBookRegister,
      vatBookByRate(lines).map((row, i) => ({ date: act.date, line: i + 1, clientId: client.id, rate: row.rate, amount: row.amount, vat: row.vat })),
    );
    if (order) await ctx.services.shipmentControl.follow(ctx, order);
  },
  async afterRetract(ctx, act) {
    if (act.orderId) await ctx.services.shipmentControl.follow(ctx, await ctx.services.orders.lock(ctx, act.orderId), act.id);
  },
});

