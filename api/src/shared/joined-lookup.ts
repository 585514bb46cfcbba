import { ReferenceKind, wrap, type EntityClass, type EntityManager, type EntityMetadata, type MetadataStorage } from '@mikro-orm/postgresql';

interface Part {
  meta: EntityMetadata;
  alias: string;
  columns: string[];
  pk: string;
}
interface Plan {
  sql: string;
  root: Part;
  related: Part[];
}

const plans = new WeakMap<MetadataStorage, Map<string, Plan>>();

/** The columns a find selects: scalars and the owning side's foreign keys. */
function columnsOf(meta: EntityMetadata): string[] {
  return meta.props.flatMap((prop) => {
    if (prop.persist === false || !prop.fieldNames?.length) return [];
    if (prop.formula || prop.lazy || prop.kind === ReferenceKind.EMBEDDED || prop.embedded) {
      throw new Error(`findOneJoined: ${meta.className}.${prop.name} is not a plain column`);
    }
    const owning = prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner);
    return prop.kind === ReferenceKind.SCALAR || owning ? prop.fieldNames : [];
  });
}

function planFor(em: EntityManager, entity: EntityClass<unknown>, relations: readonly string[]): Plan {
  const metadata = em.getMetadata();
  let byKey = plans.get(metadata);
  if (!byKey) plans.set(metadata, (byKey = new Map()));
  const key = `${entity.name}:${relations.join(',')}`;
  let plan = byKey.get(key);
  if (plan) return plan;

  const q = (identifier: string) => em.getPlatform().quoteIdentifier(identifier);
  const meta = metadata.get(entity.name);
  const table = (target: EntityMetadata) => q(target.schema ? `${target.schema}.${target.tableName}` : target.tableName);
  const part = (target: EntityMetadata, alias: string): Part => ({
    meta: target,
    alias,
    columns: columnsOf(target),
    pk: target.getPrimaryProps()[0].fieldNames[0],
  });
  const root = part(meta, 'e');
  const joins: string[] = [];
  const related = relations.map((name, i) => {
    const prop = meta.properties[name as never] as EntityMetadata['props'][number] | undefined;
    if (!prop || prop.kind !== ReferenceKind.MANY_TO_ONE) throw new Error(`findOneJoined: ${meta.className}.${name} is not a many-to-one relation`);
    const target = part(prop.targetMeta!, `r${i}`);
    joins.push(`left join ${table(prop.targetMeta!)} as ${q(target.alias)} on ${q(target.alias)}.${q(target.pk)} = ${q('e')}.${q(prop.fieldNames[0])}`);
    return target;
  });
  const select = [root, ...related].flatMap((p) => p.columns.map((column) => `${q(p.alias)}.${q(column)} as ${q(`${p.alias}__${column}`)}`));
  plan = {
    sql: `select ${select.join(', ')} from ${table(meta)} as ${q('e')} ${joins.join(' ')} where ${q('e')}.${q(root.pk)} = ?`,
    root,
    related,
  };
  byKey.set(key, plan);
  return plan;
}

/**
 * One record by id with some of its many-to-one relations, in one statement, loaded into
 * `em` as `em.findOne(entity, { id }, { populate: relations, strategy: 'joined' })` loads
 * it; null when there is no such record. For the hottest single-record reads: MikroORM
 * derives a joined query's SQL from metadata on every call, about half a millisecond of
 * CPU for a product with its unit and group, more than all the rest of such a request.
 * Here the statement is derived from the same metadata once per entity and relation list,
 * and the row is hydrated as em.map hydrates it: what the database holds, refreshing a
 * copy the EntityManager already had. Unlike findOne it neither flushes pending changes
 * first nor skips the statement for a record already loaded, so it is for reads. Only
 * plain columns and many-to-one relations are supported; anything else is refused.
 */
export async function findOneJoined<T extends object>(em: EntityManager, entity: EntityClass<T>, id: string, relations: readonly (keyof T & string)[]): Promise<T | null> {
  const plan = planFor(em, entity, relations);
  const [row] = await em.execute<Record<string, unknown>[]>(plan.sql, [id]);
  if (!row) return null;
  const load = (part: Part) => {
    const data: Record<string, unknown> = {};
    for (const column of part.columns) data[column] = row[`${part.alias}__${column}`];
    // em.map without its checks: columns straight from the database need no coercion
    // (validate), and each relation is merged on its own (cascade)
    return em.merge(part.meta.className, em.getDriver().mapResult(data, part.meta)!, { refresh: true, convertCustomTypes: true, validate: false, cascade: false });
  };
  // the relations first, so the record's references point at the loaded entities; they
  // count as populated (serialized whole), as after a populate hint
  for (const part of plan.related) {
    if (row[`${part.alias}__${part.pk}`] !== null) wrap(load(part), true).populated(); // null: a null key
  }
  return load(plan.root) as T;
}
