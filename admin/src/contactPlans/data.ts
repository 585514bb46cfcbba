import type { CreateParams, DeleteParams, GetListParams, GetOneParams, UpdateParams } from 'react-admin';
import type { ContactPlanFieldsFragment, SetContactPlanInput } from '@tradebook/client';
import { api } from '../providers/sdk';

/** The plans read and set through the SDK: setContactPlan both creates and replaces the plan of a client or a segment. */
export async function getList(_resource: string, params: GetListParams) {
  const f = params.filter ?? {};
  const sort = params.sort ? [{ field: params.sort.field, order: params.sort.order as 'ASC' | 'DESC' }] : null;
  const filter = { clientId: f.clientId || null, segmentId: f.segmentId || null, segmentDefaults: typeof f.segmentDefaults === 'boolean' ? f.segmentDefaults : null };
  const { contactPlans } = await api().ContactPlans({ filter, sort, page: params.pagination?.page, perPage: params.pagination?.perPage });
  return { data: contactPlans.items.map(toRecord), total: contactPlans.total };
}

export async function getOne(_resource: string, params: GetOneParams) {
  const { contactPlan } = await api().ContactPlan({ id: String(params.id) });
  if (!contactPlan) throw new Error('ra.notification.item_doesnt_exist');
  return { data: toRecord(contactPlan) };
}

export async function create(_resource: string, params: CreateParams) {
  return { data: toRecord((await api().SetContactPlan({ input: toInput(params.data) })).setContactPlan) };
}

export async function update(_resource: string, params: UpdateParams) {
  return { data: toRecord((await api().SetContactPlan({ input: toInput(params.data) })).setContactPlan) };
}

export async function deleteOne(_resource: string, params: DeleteParams) {
  await api().DeleteContactPlan({ id: String(params.id) });
  return { data: { id: params.id } };
}
export { deleteOne as delete };

const toRecord = (plan: ContactPlanFieldsFragment) => ({ ...plan, clientId: plan.client?.id ?? null, segmentId: plan.segment?.id ?? null });

const toInput = (data: Record<string, any>): SetContactPlanInput => ({
  clientId: data.clientId || null,
  segmentId: data.segmentId || null,
  everyDays: Number(data.everyDays),
  activityTypes: data.activityTypes ?? [],
  active: data.active ?? true,
});
