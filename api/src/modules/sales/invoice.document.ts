import { defineDocumentType } from '../ledger/document-type';
import { Invoice } from './invoice.entity';

export const INVOICE = 'Invoice';

/**
 * An invoice for payment (IN-YYYY-NNNNNN) asks for money and owes nothing: posting issues
 * it (POSTED, its lines fixed) and writes no register; unposting makes it a draft again.
 */
export const invoiceType = defineDocumentType<Invoice>({
  type: INVOICE,
  entity: Invoice,
  prefix: 'IN',
  label: 'Invoice',
  registers: [],
  scopedBy: 'client',
  async post() {
    // nothing to write: the debt comes with the shipment or the act, the money with the payment
  },
});
