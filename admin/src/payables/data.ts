import type { GetListParams } from 'react-admin';
import { api } from '../providers/sdk';
import { today } from '../shared/fields';

/** What we owe suppliers as of a day (today unless chosen), a page as the API pages them, the totals of all in `meta`. */
export async function getList(_resource: string, params: GetListParams) {
  const f = params.filter ?? {};
  const { payablesAgeing } = await api().PayablesAgeing({
    asOf: f.asOf || today(),
    filter: { q: f.q || null },
    page: params.pagination?.page ?? 1,
    perPage: params.pagination?.perPage ?? 25,
  });
  return {
    // the ageing report names its counterparty `client` (receivables and payables share it)
    data: payablesAgeing.items.map((row) => ({ id: row.counterparty?.id ?? 'none', client: row.counterparty, ...row })),
    total: payablesAgeing.total,
    meta: { asOf: payablesAgeing.asOf, totals: payablesAgeing.totals },
  };
}
