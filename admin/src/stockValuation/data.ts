import type { GetListParams } from 'react-admin';
import { api } from '../providers/sdk';
import { clientPage } from '../shared/lists/clientPage';

/**
 * The stock's value by warehouse × product group (rows, sorted and paged here: the API gives
 * them all), with the warehouse totals and the grand total in `meta` for the table's foot.
 */
export async function getList(_resource: string, params: GetListParams) {
  const f = params.filter ?? {};
  const { stockValuation } = await api().StockValuation({ filter: { warehouseId: f.warehouseId || null, groupId: f.groupId || null, asOf: f.asOf || null } });
  const rows = stockValuation.rows.map((row) => ({ id: `${row.warehouse.id}:${row.group?.id ?? ''}`, ...row }));
  return { ...clientPage(rows, params), meta: { asOf: stockValuation.asOf, warehouses: stockValuation.warehouses, total: stockValuation.total } };
}
