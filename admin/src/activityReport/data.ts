import type { GetListParams } from 'react-admin';
import { api } from '../providers/sdk';
import { today } from '../shared/fields';
import { clientPage } from '../shared/lists/clientPage';

/** The report of the period chosen (the month to today unless chosen), a row per manager; all of them in `meta` for the chart. */
export async function getList(_resource: string, params: GetListParams) {
  const f = params.filter ?? {};
  const to = f.to || today();
  const { activityReport } = await api().ActivityReport({ from: f.from || `${to.slice(0, 7)}-01`, to });
  const rows = activityReport.map((row) => ({ id: row.ownerId, ...row }));
  return { ...clientPage(rows, params), meta: { rows } };
}
