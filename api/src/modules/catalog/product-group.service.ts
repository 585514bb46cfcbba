import type { Context } from '../../server/context';
import { baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import { badInput, conflict } from '../../shared/errors';
import { FieldReason, noSuch, problem, required } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { ProductGroup } from './product-group.entity';
import type { CreateProductGroupInput, ProductGroupListArgs, UpdateProductGroupInput } from './product-group.inputs';
import { Product } from './product.entity';

const SORTABLE = ['name', 'parent.name', 'createdAt', 'updatedAt'] as const;

/** Advisory lock key: moves within the tree take turns, so two concurrent moves cannot close a cycle between them. */
const TREE_LOCK = 7426101;

/**
 * `(select …)` of the ids of group `?` and all its descendants, for an `in` condition;
 * `union` stops even on a (corrupt) cycle.
 */
export const SUBTREE_IDS_SQL = `(with recursive subtree (id) as (
  select id from product_group where id = ?
  union
  select g.id from product_group g join subtree s on g.parent_id = s.id
) select id from subtree)`;

/** The group and its ancestors, walking up from `?`; `union` stops even on a (corrupt) cycle. */
const ANCESTORS_SQL = `with recursive chain (id, parent_id) as (
  select id, parent_id from product_group where id = ?
  union
  select g.id, g.parent_id from product_group g join chain c on g.id = c.parent_id
)
select id from chain`;

/** For every group in `?`: (start_id, id) rows of the group itself and each ancestor, with the depth to order them. */
const ANCESTORS_OF_MANY_SQL = `with recursive chain (start_id, id, parent_id, depth) as (
  select id, id, parent_id, 0 from product_group where id in (?)
  union
  select c.start_id, g.id, g.parent_id, c.depth + 1 from product_group g join chain c on g.id = c.parent_id where c.depth < 100
)
select start_id, id from chain order by start_id, depth`;

/**
 * The product group tree. A group cannot become its own ancestor, and a group that
 * still has subgroups or products cannot be deleted (CONFLICT).
 */
export class ProductGroupService {
  list(ctx: Context, args: ProductGroupListArgs): Promise<Page<ProductGroup>> {
    const f = args.filter;
    const conditions = baseConditions<ProductGroup>(f, ['name']);
    if (f?.parentId) conditions.push({ parent: f.parentId });
    if (f?.rootsOnly) conditions.push({ parent: null });
    return listPage(ctx.em, ProductGroup, conditions, args, SORTABLE, 'name');
  }

  get(ctx: Context, id: string): Promise<ProductGroup | null> {
    return findById(ctx.em, ProductGroup, id);
  }

  /** A subquery of every group (id, the row as JSON, its path from the top: "Tools / Drills") for other modules' reports. */
  withPathsSql(): string {
    return `(with recursive group_path (id, path) as (
        select id, name from product_group where parent_id is null
        union all
        select g.id, p.path || ' / ' || g.name from product_group g join group_path p on g.parent_id = p.id
      ) select g.id, to_jsonb(g) as row, gp.path from product_group g join group_path gp on gp.id = g.id)`;
  }

  /** Each group's id followed by its ancestors' ids, nearest first, in one recursive statement. */
  async withAncestors(ctx: Context, groupIds: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(groupIds)];
    const chains = new Map<string, string[]>(unique.map((id) => [id, []]));
    if (!unique.length) return chains;
    const rows: { start_id: string; id: string }[] = await ctx.em.execute(ANCESTORS_OF_MANY_SQL, [unique]);
    for (const row of rows) chains.get(row.start_id)?.push(row.id);
    return chains;
  }

  async create(ctx: Context, input: CreateProductGroupInput): Promise<ProductGroup> {
    const parent = input.parentId ? await this.parentFor(ctx, null, input.parentId) : null;
    const group = ctx.em.create(ProductGroup, { name: nameOf(input.name), parent });
    await ctx.em.flush();
    return group;
  }

  async update(ctx: Context, id: string, input: UpdateProductGroupInput): Promise<ProductGroup> {
    const group = await findForChange(ctx.em, ProductGroup, id, input.version);
    if (input.name !== undefined) group.name = nameOf(input.name);
    if (input.parentId !== undefined) group.parent = input.parentId === null ? null : await this.parentFor(ctx, id, input.parentId);
    await ctx.em.flush();
    return group;
  }

  async delete(ctx: Context, id: string): Promise<ProductGroup> {
    const group = await findForChange(ctx.em, ProductGroup, id);
    const children = await ctx.em.count(ProductGroup, { parent: id });
    const products = await ctx.em.count(Product, { group: id });
    // discount rules name their group inside their conditions, without a foreign key
    const [{ rules }]: { rules: number }[] = await ctx.em.execute(`select count(*)::int as rules from discount_rule where conditions->>'groupId' = ?`, [id]);
    if (children || products || rules) {
      throw conflict(`Product group "${group.name}" still has ${children} subgroup(s), ${products} product(s) and ${rules} discount rule(s); move or delete them first`, {
        reason: 'IN_USE',
        children,
        products,
        discountRules: rules,
      });
    }
    ctx.em.remove(group);
    await ctx.em.flush();
    return group;
  }

  /** A reference to the parent to set; refuses a missing group and one inside the subtree of `groupId`. */
  private async parentFor(ctx: Context, groupId: string | null, parentId: string) {
    if (groupId) await ctx.em.execute('select pg_advisory_xact_lock(?)', [TREE_LOCK]);
    const chain: { id: string }[] = await ctx.em.execute(ANCESTORS_SQL, [parentId]);
    if (!chain.length) throw badInput({ parentId: noSuch('ProductGroup', 'no such product group') });
    if (groupId && chain.some((row) => row.id === groupId)) {
      throw badInput({ parentId: problem(FieldReason.CYCLE, 'a group cannot be moved under itself or one of its subgroups') }, 'The move would make the group its own ancestor');
    }
    return ctx.em.getReference(ProductGroup, parentId, { wrapped: true });
  }
}

function nameOf(name: string | null): string {
  const trimmed = name?.trim();
  if (!trimmed) throw badInput({ name: required('must not be empty') });
  return trimmed;
}
