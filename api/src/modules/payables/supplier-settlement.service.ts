import type { Context } from '../../server/context';
import { Counterparty } from '../crm/counterparty.entity';
import type { Posting } from '../ledger/posting';
import { supplierSettlementRegister } from '../inventory/stock.registers';
import { addDays } from '../sales/sales-document-lines';
import { SettlementLedger, type SettlementBook } from '../sales/settlement-ledger';

/** The recorder type of outgoing payments: their advances are open against the payment itself. */
export const OUTGOING_PAYMENT = 'OutgoingPayment';

/** Settlements with suppliers: + we owe the supplier. */
export const supplierSettlementBook: SettlementBook = { register: supplierSettlementRegister, party: 'supplierId', payment: OUTGOING_PAYMENT, sign: -1 };

/**
 * Settlements with suppliers (issue 14 §7), the same ledger as the clients': goods
 * receipts and landed costs make debts, outgoing payments settle them.
 */
export class SupplierSettlementService extends SettlementLedger {
  constructor() {
    super(supplierSettlementBook);
  }

  /**
   * A receipt's or a landed cost's payable, against itself: due its date + the supplier's
   * payment terms as they are when it is posted (a later change of terms does not move
   * what was posted); open advances paid to the supplier take it first.
   */
  async recordDebt(ctx: Context, posting: Posting, debt: { supplierId: string; documentType: string; documentId: string; amount: string }): Promise<void> {
    const supplier = await ctx.em.findOneOrFail(Counterparty, debt.supplierId, { fields: ['paymentTermsDays'] });
    await this.record(posting, [{ partyId: debt.supplierId, documentType: debt.documentType, documentId: debt.documentId, amount: debt.amount, dueDate: addDays(posting.date, supplier.paymentTermsDays) }]);
  }
}
