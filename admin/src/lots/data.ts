import type { GetListParams } from 'react-admin';
import { api } from '../providers/sdk';
import { clientPage } from '../shared/lists/clientPage';

/** The lots of the chosen product in the chosen warehouse, FIFO first; the API gives them all, so any column sorts and pages here. None until both are chosen. */
export async function getList(_resource: string, params: GetListParams) {
  const { productId, warehouseId, onlyOpen } = (params.filter ?? {}) as { productId?: string; warehouseId?: string; onlyOpen?: boolean };
  if (!productId || !warehouseId) return { data: [], total: 0 };
  const { lots } = await api().Lots({ productId, warehouseId, onlyOpen: !!onlyOpen });
  return clientPage(lots, params);
}
