import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query selects a field at a path below the resolver's field (e.g.
 * `items.averageUnitCost` under `stockBalances`), through fragments and inline
 * fragments: lets a service skip work no client asked for.
 */
export function selects(info: GraphQLResolveInfo, path: string): boolean {
  const [head, ...rest] = path.split('.');
  const within = (set: SelectionSetNode | undefined, name: string, tail: string[]): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== name) continue;
        if (!tail.length || within(selection.selectionSet, tail[0], tail.slice(1))) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (within(selection.selectionSet, name, tail)) return true;
      } else if (within(info.fragments[selection.name.value]?.selectionSet, name, tail)) return true;
    }
    return false;
  };
  return info.fieldNodes.some((node) => within(node.selectionSet, head, rest));
}

/** The fields a query selects below a field: each name (aliases merged) with what it selects in turn. */
export type SelectionTree = Map<string, SelectionTree>;

const trees = new WeakMap<FieldNode, SelectionTree>();

/**
 * The selection below the resolver's field, fragments and inline fragments merged in
 * (`__typename` left out). Worked out once per field of a parsed query: Apollo keeps the
 * parsed document of a query it has seen, so the same query gives the same tree (which
 * must therefore not be changed).
 */
export function selectionOf(info: GraphQLResolveInfo): SelectionTree {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const known = single && trees.get(single);
  if (known) return known;
  const tree: SelectionTree = new Map();
  const add = (into: SelectionTree, set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        let below = into.get(name);
        if (!below) into.set(name, (below = new Map()));
        add(below, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) add(into, selection.selectionSet);
      else add(into, info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) add(tree, node.selectionSet);
  if (single) trees.set(single, tree);
  return tree;
}
