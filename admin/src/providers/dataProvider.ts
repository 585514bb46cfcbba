import type { DataProvider } from 'react-admin';

/** The GraphQL data provider, with the schema it is built from, loads with the first screen after sign-in: the login page does without it. */
const provider = () => import('./graphqlProvider').then((m) => m.graphqlProvider);

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

export const dataProvider = {
  ...Object.fromEntries(METHODS.map((method) => [method, async (...args: unknown[]) => ((await provider())[method] as (...a: unknown[]) => Promise<unknown>)(...args)])),
  // react-admin passes its AbortSignal, so a list left for another page stops loading
  supportAbortSignal: true,
} as unknown as DataProvider;
