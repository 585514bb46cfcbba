import type { Context } from '../../server/context';
import { defineDocumentType } from '../ledger/document-type';
import type { Posting } from '../ledger/posting';
import { INCOMING_PAYMENT } from './client-settlement.service';
import { IncomingPayment, PaymentAllocation } from './payment.entity';
import { settlePayment } from './payment-settlement';
import { clientSettlementRegister } from './sales.registers';

/**
 * Posting an incoming payment (PM-YYYY-NNNNNN) marks the order it names prepaid (it keeps
 * its reservation), then settles the client's debts it names, or else the oldest open
 * debts first; what is left stays as an advance for later debts (settlePayment).
 */
export const incomingPaymentType = defineDocumentType<IncomingPayment>({
  type: INCOMING_PAYMENT,
  entity: IncomingPayment,
  prefix: 'PM',
  label: 'Payment',
  registers: [clientSettlementRegister],
  scopedBy: 'client',
  async post(ctx: Context, payment: IncomingPayment, posting: Posting) {
    // the order it names is prepaid and keeps its reservation; its lock comes before the client's balance, as a shipment takes them
    if (payment.orderId) await ctx.services.orderPrepayments.recordPrepayment(ctx, payment.orderId);
    const allocations = await ctx.em.find(PaymentAllocation, { payment: payment.id }, { orderBy: { lineNo: 'asc' } });
    await settlePayment(ctx, ctx.services.clientSettlements, posting, {
      id: payment.id,
      date: payment.date,
      amount: payment.amount,
      partyId: payment.client.id,
      nothingOpen: 'the client owes nothing on this document',
      allocations,
      orderId: payment.orderId ?? null,
    });
  },
});
