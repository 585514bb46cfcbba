import { getIntrospectionQuery, getNullableType, parse, isInputObjectType, isListType, isObjectType, isInterfaceType, isEnumType, isAbstractType, type DocumentNode, type GraphQLCompositeType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** The size assumed for a list nothing bounds (document lines, children, history): a page's worth. */
export const ASSUMED_LIST_SIZE = 20;

/** What introspection lists hold on average in this schema, so `__schema { types { fields … } }` costs about what it returns. */
export function introspectionListSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  const fields = types.flatMap((t) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []));
  const directives = schema.getDirectives();
  const perType = (count: number) => Math.max(1, Math.ceil(count / types.length));
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
  return {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': perType(fields.length),
    '__Type.inputFields': perType(sum(types.map((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0)))),
    '__Type.enumValues': perType(sum(types.map((t) => (isEnumType(t) ? t.getValues().length : 0)))),
    '__Type.interfaces': perType(sum(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0)))),
    '__Type.possibleTypes': perType(sum(types.map((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0)))),
    '__Field.args': Math.max(1, Math.ceil(sum(fields.map((f) => f.args.length)) / Math.max(1, fields.length))),
    '__Directive.args': Math.max(1, Math.ceil(sum(directives.map((d) => d.args.length)) / Math.max(1, directives.length))),
  };
}

/** `XPage { items, total }`: its items are counted by the list field's `perPage`, not again. */
const isPage = (type: GraphQLCompositeType) => isObjectType(type) && 'items' in type.getFields() && 'total' in type.getFields();

/**
 * The cost of a field is 1 plus its selection's cost times the number of items it may
 * return: `perPage` (its default when absent) for a list query, the schema's real
 * averages for introspection, ASSUMED_LIST_SIZE for any other list. A scalar costs 1,
 * so the cost is about the number of values an answer can hold.
 */
export function costEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const introspection = introspectionListSizes(schema);
  return ({ type, field, args, childComplexity }) => {
    if (typeof args.perPage === 'number') return 1 + Math.max(0, args.perPage) * childComplexity;
    if (!isListType(getNullableType(field.type)) || isPage(type)) return 1 + childComplexity;
    const size = type.name.startsWith('__') ? (introspection[`${type.name}.${field.name}`] ?? ASSUMED_LIST_SIZE) : ASSUMED_LIST_SIZE;
    return 1 + size * childComplexity;
  };
}

/** Past this many selections walked (fragments counted at each use) the cost is not worked out: the query is refused. */
const MAX_NODES = 20_000;

/**
 * The cost of the operation with its variables (a `perPage: $n` counts its value), or
 * Infinity when the query is too large to work out; undefined when the variables do not
 * fit the operation (execution refuses them with its own message).
 */
export function queryCost(input: { schema: GraphQLSchema; estimator: ComplexityEstimator; document: DocumentNode; operationName?: string | null; variables?: Record<string, unknown> | null }): number | undefined {
  try {
    return getComplexity({
      schema: input.schema,
      estimators: [input.estimator],
      query: input.document,
      operationName: input.operationName ?? undefined,
      variables: input.variables ?? {},
      maxQueryNodes: MAX_NODES,
    });
  } catch (error) {
    if ((error as Error).message?.includes('maximum allowed number of nodes')) return Infinity;
    return undefined;
  }
}

/**
 * The most an operation that introspects may cost: the limit, or one full introspection
 * of this schema when that costs more (GraphiQL and codegen keep working as the schema
 * grows), never two.
 */
export function introspectionAllowance(schema: GraphQLSchema, estimator: ComplexityEstimator, maxCost: number): number {
  return Math.max(maxCost, queryCost({ schema, estimator, document: parse(getIntrospectionQuery()) }) ?? 0);
}
