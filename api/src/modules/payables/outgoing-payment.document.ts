import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { checkSupplier } from '../inventory/stock-lines';
import { GOODS_RECEIPT } from '../inventory/goods-receipt.document';
import { supplierSettlementRegister } from '../inventory/stock.registers';
import { defineDocumentType } from '../ledger/document-type';
import type { Posting } from '../ledger/posting';
import { settlePayment } from '../sales/payment-settlement';
import { OutgoingPayment, OutgoingPaymentAllocation } from './outgoing-payment.entity';
import { OUTGOING_PAYMENT } from './supplier-settlement.service';

/**
 * Posting an outgoing payment (SP-YYYY-NNNNNN), under the supplier's balance lock, writes
 * down what we owe: the receipts and landed costs it names, each at most what it is still
 * owed, or else the receipt it pays and then the oldest open debts; what is left stays
 * as an advance to the supplier that later receipts take (settlePayment, as for clients).
 */
export const outgoingPaymentType = defineDocumentType<OutgoingPayment>({
  type: OUTGOING_PAYMENT,
  entity: OutgoingPayment,
  prefix: 'SP',
  label: 'Supplier payment',
  registers: [supplierSettlementRegister],
  scopedBy: 'supplier',
  async post(ctx: Context, payment: OutgoingPayment, posting: Posting) {
    // the counterparty may have lost the SUPPLIER role since the draft was written
    const fields: FieldMessages = {};
    await checkSupplier(ctx, payment.supplier.id, 'supplierId', fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const allocations = await ctx.em.find(OutgoingPaymentAllocation, { payment: payment.id }, { orderBy: { lineNo: 'asc' } });
    await settlePayment(ctx, ctx.services.supplierSettlements, posting, {
      id: payment.id,
      date: payment.date,
      amount: payment.amount,
      partyId: payment.supplier.id,
      nothingOpen: 'nothing is owed to the supplier on this document',
      allocations,
      first: payment.receiptId ? { documentType: GOODS_RECEIPT, documentId: payment.receiptId } : null,
    });
  },
});
