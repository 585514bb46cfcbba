import { api } from '../providers/sdk';
import type { ReconciliationSide } from '../receivables/Reconciliation';
import { AgeingReport } from '../receivables/screens';

/** The suppliers' side of the ageing report and the reconciliation statement (by our books: our payments debit, their receipts credit). */
const supplierSide: ReconciliationSide = {
  resource: 'PayablesAgeing',
  role: 'SUPPLIER',
  printType: 'supplier',
  load: async (id, from, to) => {
    const { supplierReconciliationStatement: s } = await api().SupplierReconciliationStatement({ supplierId: id, from, to });
    return s ? { ...s, id } : null;
  },
};

/** Payables ageing: what we owe each supplier by days past its payment terms, advances apart; a reconciliation statement below. */
const PayablesList = () => <AgeingReport side={supplierSide} className="payables-ageing" />;

export { PayablesList as list };
