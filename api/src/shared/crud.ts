import { raw, type EntityClass, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { badInput, conflict, notFound } from './errors';
import { notSortable } from './field-errors';
import type { Page, PageArgs, SortInput } from './pagination';
import { plainFromRow } from './plain-read';
import { isUuid } from './uuid';

export { isUuid };

/** `q`, `ids` and `updatedSince`: the part every list filter shares (DESIGN §7). */
@InputType()
export class BaseFilter {
  @Field(() => String, { nullable: true, description: 'Free text' })
  @IsOptional()
  @MaxLength(200)
  q?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  ids?: string[] | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only records changed at or after this moment' })
  @IsOptional()
  updatedSince?: Date | null;
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The conditions of BaseFilter; `searchIn` are the text columns `q` looks in (none: the caller searches itself). */
export function baseConditions<T>(filter: BaseFilter | undefined | null, searchIn: readonly string[]): FilterQuery<T>[] {
  const conditions: Record<string, unknown>[] = [];
  if (!filter) return [];
  if (filter.ids) conditions.push({ id: { $in: filter.ids } });
  if (filter.updatedSince) conditions.push({ updatedAt: { $gte: filter.updatedSince } });
  const q = filter.q?.trim();
  if (q && searchIn.length) conditions.push({ $or: searchIn.map((field) => ({ [field]: { $ilike: `%${escapeLike(q)}%` } })) });
  return conditions as FilterQuery<T>[];
}

type OrderBy = { [field: string]: 'asc' | 'desc' | OrderBy };

/** `name` → { name: 'asc' }; a linked record's column, `group.name` → { group: { name: 'asc' } } (MikroORM joins it). */
const orderOf = (field: string, order: 'asc' | 'desc'): OrderBy => field.split('.').reduceRight<OrderBy | 'asc' | 'desc'>((inner, key) => ({ [key]: inner }), order) as OrderBy;

function orderByOf(sort: SortInput[] | undefined, sortable: readonly string[], fallback: string): OrderBy[] {
  const orders = (sort?.length ? sort : [{ field: fallback, order: 'ASC' }]).map((s) => {
    if (!sortable.includes(s.field)) throw badInput({ sort: notSortable(s.field, sortable) });
    return orderOf(s.field, s.order === 'DESC' ? 'desc' : 'asc');
  });
  return [...orders, { id: 'asc' }]; // a stable order so pages never overlap
}

/**
 * `order by` for a list read with SQL of its own (a report): each sort field maps to the
 * expression it sorts by (empty values last either way); the tie-breakers always follow so
 * pages never overlap; a field not in `columns` is refused (NOT_SORTABLE on `sort`).
 */
export function sqlOrderBy(sort: SortInput[] | undefined, columns: Readonly<Record<string, string>>, tieBreakers: readonly string[]): string {
  const allowed = Object.keys(columns);
  const orders = (sort ?? []).map((s) => {
    if (!Object.hasOwn(columns, s.field)) throw badInput({ sort: notSortable(s.field, allowed) });
    return `${columns[s.field]} ${s.order === 'DESC' ? 'desc' : 'asc'} nulls last`;
  });
  return [...orders, ...tieBreakers].join(', ');
}

/** The column the page query counts the filtered rows into (count(*) over ()), taken off each row before it becomes an entity. */
const TOTAL = '__total';

/**
 * One page of a list and the total, in one statement: the page query counts the filtered
 * rows with `count(*) over ()` (the window is computed before limit and offset). Only a
 * page past the end has no row to carry the total, and pays a count of its own.
 * `joined`: many-to-one relations read in the same statement (their records then cost
 * the request's loaders nothing). `plain`: the items are plain records (plainFromRow), not
 * entities merged into the EntityManager: for lists only read, several times cheaper.
 */
export async function listPage<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  conditions: FilterQuery<T>[],
  args: PageArgs,
  sortable: readonly string[],
  defaultSort: string,
  options: { joined?: readonly (keyof T & string)[]; plain?: boolean } = {},
): Promise<Page<T>> {
  const where = (conditions.length ? { $and: conditions } : {}) as FilterQuery<T>;
  const qb = em.createQueryBuilder(entity, 'e').select('*');
  for (const relation of options.joined ?? []) qb.leftJoinAndSelect(`e.${relation}`, `j_${relation}`);
  qb.where(where);
  // a raw condition (e.g. a group's subtree) is taken once by the builder that reads it: the count past
  // the end reuses a copy of this builder (made only for a page past the first: the copy is not free)
  const counting = args.page > 1 ? qb.clone() : undefined;
  qb.addSelect(raw(`count(*) over () as "${TOTAL}"`))
    .orderBy(orderByOf(args.sort, sortable, defaultSort) as never)
    .limit(args.perPage)
    .offset((args.page - 1) * args.perPage);
  const rows = (await qb.execute('all', !options.plain)) as unknown as Record<string, unknown>[];
  if (!rows.length) return { items: [], total: counting ? await counting.getCount() : 0 };
  const total = Number(rows[0][TOTAL]);
  const meta = options.plain ? em.getMetadata().get(entity.name) : undefined;
  const items = rows.map((row) => {
    if (meta) return plainFromRow<T>(meta, row, options.joined)!;
    delete row[TOTAL];
    return em.map(entity, row as never);
  });
  return { items, total };
}

/** One record or null; an id that is not a UUID cannot exist. */
export function findById<T extends object>(em: EntityManager, entity: EntityClass<T>, id: string): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return em.findOne(entity, { id } as FilterQuery<T>);
}

/** The record to change: NOT_FOUND when missing, CONFLICT when the caller's version is stale. */
export async function findForChange<T extends { version: number }>(em: EntityManager, entity: EntityClass<T>, id: string, version?: number): Promise<T> {
  const record = await findById(em, entity, id);
  if (!record) throw notFound(entity.name, id);
  if (version !== undefined && record.version !== version) {
    throw conflict(`${entity.name} ${id} was changed by someone else (version ${record.version}, yours ${version}); reload it`, {
      reason: 'STALE_VERSION',
      currentVersion: record.version,
    });
  }
  return record;
}

/** Copies the fields the caller sent (undefined = not sent; null = clear). */
export function assignSent<T extends object>(target: T, input: object, keys: readonly (keyof T & string)[]): void {
  for (const key of keys) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
