import type { GetListParams } from 'react-admin';
import { api } from '../providers/sdk';
import { today } from '../shared/fields';

/** The lines of posted purchase orders as of a day (today unless chosen), paged here: the API answers them all at once. */
export async function getList(_resource: string, params: GetListParams) {
  const f = params.filter ?? {};
  const { purchaseControl } = await api().PurchaseControl({
    asOf: f.asOf || today(),
    filter: { supplierId: f.supplierId || null, warehouseId: f.warehouseId || null, onlyOpen: f.onlyOpen || null, onlyOverdue: f.onlyOverdue || null },
  });
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? 25;
  const rows = purchaseControl.map((line) => ({ id: `${line.orderId}:${line.lineNo}`, ...line }));
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
}
