import type { GetListParams } from 'react-admin';
import { api } from '../providers/sdk';
import { today } from '../shared/fields';

/** The scorecard of every supplier for the orders dated in the period (this year to today unless chosen). */
export async function getList(_resource: string, params: GetListParams) {
  const f = params.filter ?? {};
  const to = f.dateTo || today();
  const { supplierScorecard } = await api().SupplierScorecard({ dateFrom: f.dateFrom || `${to.slice(0, 4)}-01-01`, dateTo: to, supplierId: f.supplierId || null });
  const rows = supplierScorecard.map((row) => ({ id: row.supplier.id, ...row }));
  return { data: rows, total: rows.length };
}
