import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { buildSchema, introspectionFromSchema, type IntrospectionInputObjectType, type IntrospectionObjectType, type IntrospectionType, type IntrospectionTypeRef } from 'graphql';
import { GET_LIST, GET_MANY, GET_MANY_REFERENCE, HttpError, type DataProvider } from 'react-admin';
import buildGraphQLProvider, { type IntrospectionResult } from 'ra-data-graphql';
import sdl from '../../../schema/schema.graphql?raw';
import { buildOperation, flattenRecord, operationNames, toInput } from './graphql-conventions';
import { graphqlUrl, session } from './session';

const authLink = new ApolloLink((operation, forward) => {
  const token = session.token();
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }));
  return forward(operation);
});

const client = new ApolloClient({
  link: ApolloLink.from([authLink, new HttpLink({ uri: graphqlUrl })]),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only' } },
});

function typeOf(introspection: IntrospectionResult, name: string): IntrospectionType | undefined {
  return introspection.types.find((t) => t.name === name);
}

/**
 * Maps react-admin's calls onto our list conventions once, for every type that follows
 * them (the introspection comes from the committed schema, so nothing is asked at start).
 */
function buildQueryFactory(introspection: IntrospectionResult) {
  return (fetchType: string, resourceName: string, params: Record<string, unknown>) => {
    const resource = introspection.resources.find((r) => r.type.name === resourceName) as unknown as Record<string, { name: string; args: { name: string; type: IntrospectionTypeRef }[] }> & { type: IntrospectionObjectType };
    if (!resource) throw new Error(`Unknown resource ${resourceName}`);
    const operation = resource[fetchType];
    if (!operation) throw new Error(`${resourceName} has no ${fetchType} operation`);
    const lookup = (name: string) => typeOf(introspection, name);
    const { query, variables } = buildOperation(fetchType, resource.type, operation, params, lookup);
    return {
      query,
      variables,
      parseResponse: (response: { data: Record<string, any> }) => {
        const data = response.data[operation.name];
        if (fetchType === GET_LIST || fetchType === GET_MANY || fetchType === GET_MANY_REFERENCE) {
          return { data: data.items.map(flattenRecord), total: data.total };
        }
        return { data: flattenRecord(data) };
      },
    };
  };
}

/** Server errors as react-admin expects them: field messages in body.errors land on the form fields; code and details are worded by errorNotification. */
function asHttpError(error: unknown): never {
  const body = (error as { body?: { graphQLErrors?: { message: string; extensions?: { code?: string; fields?: Record<string, string>; details?: Record<string, unknown> } }[] } }).body;
  const first = body?.graphQLErrors?.[0];
  if (first) {
    const code = first.extensions?.code;
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400;
    throw new HttpError(first.message, status, { code, errors: first.extensions?.fields ?? {}, details: first.extensions?.details ?? {} });
  }
  throw error;
}

let provider: ReturnType<typeof buildGraphQLProvider> | undefined;

function graphqlProvider() {
  provider ??= buildGraphQLProvider({
    client: client as never,
    introspection: { schema: introspectionFromSchema(buildSchema(sdl)).__schema, operationNames } as never,
    buildQuery: buildQueryFactory as never,
  });
  return provider;
}

export const dataProvider: DataProvider = new Proxy({} as DataProvider, {
  get(_target, method: string) {
    if (method === 'deleteMany') {
      return async (resource: string, params: { ids: string[] }) => {
        for (const id of params.ids) await dataProvider.delete(resource, { id });
        return { data: params.ids };
      };
    }
    if (method === 'updateMany') {
      return async (resource: string, params: { ids: string[]; data: Record<string, unknown> }) => {
        for (const id of params.ids) {
          const { data: previous } = await dataProvider.getOne(resource, { id });
          await dataProvider.update(resource, { id, data: { ...previous, ...params.data }, previousData: previous });
        }
        return { data: params.ids };
      };
    }
    const target = (graphqlProvider() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
    if (typeof target !== 'function') return target;
    return (...args: unknown[]) => target(...args).catch(asHttpError);
  },
});

export { toInput, typeOf };
export type { IntrospectionInputObjectType };
