import { parse, type DocumentNode, type IntrospectionInputObjectType, type IntrospectionObjectType, type IntrospectionType, type IntrospectionTypeRef } from 'graphql';
import pluralize from 'pluralize';

// react-admin's fetch types (the strings ra-core exports), kept here so this module stays pure
const [GET_LIST, GET_ONE, GET_MANY, GET_MANY_REFERENCE, CREATE, UPDATE, DELETE] = ['GET_LIST', 'GET_ONE', 'GET_MANY', 'GET_MANY_REFERENCE', 'CREATE', 'UPDATE', 'DELETE'];

type Lookup = (name: string) => IntrospectionType | undefined;

/** Whether the signed-in user may read a field (`PriceType.basePriceType` needs priceType:read): a field they may not is never asked for. */
export type CanRead = (type: string, field: string) => boolean;
const readsAll: CanRead = () => true;

/** The text of a query or mutation as a document (graphql's own parser: no client library needed). */
const gql = (strings: TemplateStringsArray, ...values: unknown[]): DocumentNode => parse(strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), ''));

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const listName = (type: { name: string }) => lowerFirst(pluralize(type.name));

/** DESIGN §7 names, by react-admin call: products(filter, sort, page, perPage), product(id), createProduct(input)… */
export const operationNames: Record<string, (type: { name: string }) => string> = {
  [GET_LIST]: listName,
  [GET_MANY]: listName,
  [GET_MANY_REFERENCE]: listName,
  [GET_ONE]: (type) => lowerFirst(type.name),
  [CREATE]: (type) => `create${type.name}`,
  [UPDATE]: (type) => `update${type.name}`,
  [DELETE]: (type) => `delete${type.name}`,
};
type Operation = { name: string; args: { name: string; type: IntrospectionTypeRef }[] };

function namedType(ref: IntrospectionTypeRef): { kind: string; name: string } {
  let current = ref as IntrospectionTypeRef & { ofType?: IntrospectionTypeRef; name?: string };
  while (current.ofType) current = current.ofType as typeof current;
  return { kind: current.kind, name: current.name! };
}

function typeText(ref: IntrospectionTypeRef): string {
  const r = ref as IntrospectionTypeRef & { ofType?: IntrospectionTypeRef; name?: string };
  if (r.kind === 'NON_NULL') return `${typeText(r.ofType!)}!`;
  if (r.kind === 'LIST') return `[${typeText(r.ofType!)}]`;
  return r.name!;
}

const isLeaf = (kind: string) => kind === 'SCALAR' || kind === 'ENUM';

function isList(ref: IntrospectionTypeRef): boolean {
  const r = ref as IntrospectionTypeRef & { ofType?: IntrospectionTypeRef };
  return r.kind === 'LIST' || (r.kind === 'NON_NULL' && isList(r.ofType!));
}

/** A type the API reads by itself (`product(id)`), as opposed to a part of another record (a receipt's line). */
const readByItself = (name: string, lookup: Lookup) => !!(lookup('Query') as IntrospectionObjectType | undefined)?.fields.some((f) => f.name === lowerFirst(name));

/**
 * Every scalar field; the scalars of each related object one level down; and, below that,
 * only the ids of further relations (so a price list's lines carry their product id) — but
 * for a single part of another record, which no query reads by itself (a landed cost line's
 * receipt line), whose scalars and relation ids come along.
 * `forList`: a page of records leaves out their own lists (a price list's lines) — the show view loads those.
 */
function selection(type: IntrospectionObjectType, lookup: Lookup, depth = 0, forList = false, canRead: CanRead = readsAll): string {
  const parts: string[] = [];
  for (const field of type.fields) {
    if (field.args.some((a) => a.type.kind === 'NON_NULL')) continue;
    if (!canRead(type.name, field.name)) continue;
    const named = namedType(field.type);
    if (isLeaf(named.kind)) parts.push(field.name);
    else if (named.kind === 'OBJECT') {
      const related = lookup(named.name) as IntrospectionObjectType | undefined;
      if (!related) continue;
      if (depth === 0 && forList && isList(field.type)) continue;
      if (depth === 0) parts.push(`${field.name} { ${selection(related, lookup, 1, false, canRead)} }`);
      else if (depth === 1 && !isList(field.type) && !readByItself(named.name, lookup) && related.fields.some((f) => f.name === 'id')) parts.push(`${field.name} { ${selection(related, lookup, 2, false, canRead)} }`);
      else if (depth <= 2 && related.fields.some((f) => f.name === 'id')) parts.push(`${field.name} { id }`);
    }
  }
  return parts.join(' ');
}

function inputFields(operation: Operation, argName: string, lookup: Lookup): IntrospectionInputObjectType | undefined {
  const arg = operation.args.find((a) => a.name === argName);
  return arg ? (lookup(namedType(arg.type).name) as IntrospectionInputObjectType) : undefined;
}

/** Keeps the keys the input type declares; nested input objects are picked the same way. */
export function toInput(data: Record<string, unknown>, type: IntrospectionInputObjectType | undefined, lookup: Lookup): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (!type) return input;
  for (const field of type.inputFields) {
    const value = data[field.name];
    if (value === undefined) continue;
    const named = namedType(field.type);
    const nested = named.kind === 'INPUT_OBJECT' ? (lookup(named.name) as IntrospectionInputObjectType) : undefined;
    if (nested && Array.isArray(value)) input[field.name] = value.map((item) => toInput(item as Record<string, unknown>, nested, lookup));
    else if (nested && value && typeof value === 'object') input[field.name] = toInput(value as Record<string, unknown>, nested, lookup);
    else input[field.name] = value === '' ? null : value;
  }
  return input;
}

/** Adds `unitId` beside `unit { id }` and `teamMemberIds` beside `teamMembers`, so forms use the input names. */
export function flattenRecord(record: Record<string, any> | null): Record<string, any> | null {
  if (!record) return record;
  const flat: Record<string, any> = { ...record };
  for (const [key, value] of Object.entries(record)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'id' in value) flat[`${key}Id`] = value.id;
    if (Array.isArray(value) && value.length && value.every((v) => v && typeof v === 'object' && 'id' in v)) {
      flat[`${pluralize.singular(key)}Ids`] = value.map((v) => v.id);
      flat[key] = value.map((v) => flattenRecord(v)); // lines keep productId beside product
    }
  }
  return flat;
}

/** Missing, null and an empty list are one thing: a form's input-only list left empty (a landed cost's receipts) is not sent. */
const normal = (value: unknown) => JSON.stringify(value === undefined || (Array.isArray(value) && !value.length) ? null : value);
const changed = (a: unknown, b: unknown) => normal(a) !== normal(b);

/**
 * What an update sends: the fields that changed, and all of a record's lists as soon as one of
 * them changed — the API rebuilds a document's lines from every list sent (a landed cost's
 * `lines` and `goodsReceiptIds`), so a list left out would lose its lines.
 */
function updatedFields(data: Record<string, unknown>, previous: Record<string, unknown>): Record<string, unknown> {
  const diff = Object.fromEntries(Object.entries(data).filter(([key, value]) => changed(value, previous[key])));
  const lists = Object.entries(data).filter(([, value]) => Array.isArray(value) && value.length);
  return lists.some(([key]) => key in diff) ? { ...Object.fromEntries(lists), ...diff } : diff;
}

interface RaParams {
  id?: string;
  ids?: string[];
  target?: string;
  filter?: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  pagination?: { page: number; perPage: number };
  data?: Record<string, unknown>;
  previousData?: Record<string, unknown>;
}

/** react-admin's sort as the API's `sort` argument (none for the id, which every list ends its order with). */
export const sortOf = (sort: RaParams['sort']) => (sort?.field && sort.field !== 'id' ? [{ field: sort.field, order: sort.order }] : undefined);

function listVariables(params: RaParams, operation: Operation, lookup: Lookup, extraFilter: Record<string, unknown> = {}) {
  const filter = toInput({ ...(params.filter ?? {}), ...extraFilter }, inputFields(operation, 'filter', lookup), lookup);
  const sort = sortOf(params.sort);
  return { filter, sort, page: params.pagination?.page ?? 1, perPage: Math.min(params.pagination?.perPage ?? 25, 500) };
}

/** The query and variables of one react-admin call, in DESIGN §7's conventions, asking only for fields the user may read. */
export function buildOperation(
  fetchType: string,
  type: IntrospectionObjectType,
  operation: Operation,
  raw: Record<string, unknown>,
  lookup: Lookup,
  canRead: CanRead = readsAll,
): { query: DocumentNode; variables: Record<string, unknown> } {
  const params = raw as RaParams;
  const listing = fetchType === GET_LIST || fetchType === GET_MANY || fetchType === GET_MANY_REFERENCE;
  const fields = selection(type, lookup, 0, listing, canRead);
  const argType = (name: string) => typeText(operation.args.find((a) => a.name === name)!.type);
  switch (fetchType) {
    case GET_LIST:
    case GET_MANY:
    case GET_MANY_REFERENCE: {
      const query = gql`query ${operation.name}List($filter: ${argType('filter')}, $sort: [SortInput!], $page: Int, $perPage: Int) {
        ${operation.name}(filter: $filter, sort: $sort, page: $page, perPage: $perPage) { items { ${fields} } total }
      }`;
      if (fetchType === GET_MANY) return { query, variables: { filter: { ids: params.ids }, perPage: Math.min(Math.max(params.ids?.length ?? 1, 1), 500) } };
      if (fetchType === GET_MANY_REFERENCE) return { query, variables: listVariables(params, operation, lookup, { [params.target!]: params.id }) };
      return { query, variables: listVariables(params, operation, lookup) };
    }
    case GET_ONE:
      return { query: gql`query ${operation.name}One($id: ID!) { ${operation.name}(id: $id) { ${fields} } }`, variables: { id: params.id } };
    case CREATE:
      return {
        query: gql`mutation ${operation.name}($input: ${argType('input')}) { ${operation.name}(input: $input) { ${fields} } }`,
        variables: { input: toInput(params.data ?? {}, inputFields(operation, 'input', lookup), lookup) },
      };
    case UPDATE: {
      const data = params.data ?? {};
      const previous = params.previousData ?? {};
      const input = toInput({ ...updatedFields(data, previous), version: previous.version ?? data.version }, inputFields(operation, 'input', lookup), lookup);
      return { query: gql`mutation ${operation.name}($id: ID!, $input: ${argType('input')}) { ${operation.name}(id: $id, input: $input) { ${fields} } }`, variables: { id: params.id, input } };
    }
    case DELETE:
      return { query: gql`mutation ${operation.name}($id: ID!) { ${operation.name}(id: $id) { id } }`, variables: { id: params.id } };
    default:
      throw new Error(`Unsupported call ${fetchType}`);
  }
}
