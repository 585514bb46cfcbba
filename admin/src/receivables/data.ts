import type { GetListParams } from 'react-admin';
import { api } from '../providers/sdk';
import { today } from '../shared/fields';

/** Receivables by client as of a day (today unless chosen), a page as the API pages them, the totals of all in `meta`. */
export async function getList(_resource: string, params: GetListParams) {
  const f = params.filter ?? {};
  const { receivablesAgeing } = await api().ReceivablesAgeing({
    asOf: f.asOf || today(),
    filter: { q: f.q || null, ownerId: f.ownerId || null },
    page: params.pagination?.page ?? 1,
    perPage: params.pagination?.perPage ?? 25,
  });
  return {
    data: receivablesAgeing.items.map((row) => ({ id: row.client?.id ?? 'none', ...row })),
    total: receivablesAgeing.total,
    meta: { asOf: receivablesAgeing.asOf, totals: receivablesAgeing.totals },
  };
}
