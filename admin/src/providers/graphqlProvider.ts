import type { IntrospectionObjectType, IntrospectionSchema, IntrospectionType } from 'graphql';
import { HttpError, type DataProvider } from 'react-admin';
import introspection from 'virtual:tradebook-introspection';
import { resources } from '../resources';
import { loadAccess } from './access';
import { buildOperation, flattenRecord, operationNames } from './graphql-conventions';
import { failureOf, graphqlRequest } from './request';

const schema = introspection as IntrospectionSchema;
const types = new Map<string, IntrospectionType>(schema.types.map((t) => [t.name, t]));
const lookup = (name: string) => types.get(name);

const FETCH_TYPES = { getList: 'GET_LIST', getOne: 'GET_ONE', getMany: 'GET_MANY', getManyReference: 'GET_MANY_REFERENCE', create: 'CREATE', update: 'UPDATE', delete: 'DELETE' } as const;
type Method = keyof typeof FETCH_TYPES;

type Operation = Parameters<typeof buildOperation>[2];

function operationOf(fetchType: string, typeName: string): Operation | undefined {
  const root = lookup(fetchType.startsWith('GET') ? 'Query' : 'Mutation') as IntrospectionObjectType;
  const name = operationNames[fetchType]({ name: typeName });
  return root.fields.find((f) => f.name === name) as Operation | undefined;
}

/** A screen that is not a record type (a report) reads its rows its own way: its resource says how (`dataProvider`). */
async function customMethod(resource: string, method: Method) {
  const load = resources.find((r) => r.name === resource)?.dataProvider;
  return load ? ((await load()) as unknown as Partial<DataProvider>)[method] : undefined;
}

/**
 * One react-admin call in DESIGN §7's conventions, asking only for the fields the user may
 * read. An answer with data keeps it whatever errors came along (a field forbidden at one
 * path stays empty; the rows are shown); an answer without is refused with its errors.
 */
async function call(method: Method, resource: string, params: Record<string, unknown>) {
  const custom = await customMethod(resource, method);
  if (custom) return (custom as (resource: string, params: unknown) => Promise<unknown>)(resource, params);
  const fetchType = FETCH_TYPES[method];
  const type = lookup(resource) as IntrospectionObjectType | undefined;
  const operation = operationOf(fetchType, resource);
  if (!type || !operation) throw new Error(`${resource} has no ${fetchType} operation`);
  const { canRead } = await loadAccess();
  const { query, variables } = buildOperation(fetchType, type, operation, params, lookup, canRead);
  const { data, errors } = await graphqlRequest<Record<string, any>>(query, variables, params.signal as AbortSignal | undefined);
  const result = data[operation.name];
  if (result == null) {
    if (errors.length) throw failureOf(errors, 200);
    throw new HttpError('ra.notification.item_doesnt_exist', 404);
  }
  if (fetchType === 'GET_LIST' || fetchType === 'GET_MANY' || fetchType === 'GET_MANY_REFERENCE') {
    return { data: result.items.map(flattenRecord), total: result.total };
  }
  return { data: flattenRecord(result) };
}

export const graphqlProvider: DataProvider = {
  getList: (resource, params) => call('getList', resource, params as never) as never,
  getOne: (resource, params) => call('getOne', resource, params as never) as never,
  getMany: (resource, params) => call('getMany', resource, params as never) as never,
  getManyReference: (resource, params) => call('getManyReference', resource, params as never) as never,
  create: (resource, params) => call('create', resource, params as never) as never,
  update: (resource, params) => call('update', resource, params as never) as never,
  delete: (resource, params) => call('delete', resource, params as never) as never,
  // the API deletes and changes one record per mutation: many are done one by one, stopping at the first refusal
  async deleteMany(resource, params) {
    for (const id of params.ids) await graphqlProvider.delete(resource, { id });
    return { data: params.ids };
  },
  async updateMany(resource, params) {
    for (const id of params.ids) {
      const { data: previous } = await graphqlProvider.getOne(resource, { id });
      await graphqlProvider.update(resource, { id, data: { ...previous, ...params.data }, previousData: previous });
    }
    return { data: params.ids };
  },
};
