import { createHash } from 'node:crypto';
import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty, type MikroORM } from '@mikro-orm/postgresql';
import { statementSent } from '../db/statement-listeners';
import type { SelectionTree } from './selection';

/** Column types whose value from pg is the value MikroORM would hydrate (a string for decimal, a Date for timestamptz, ...). */
const PLAIN_TYPES = new Set(['uuid', 'text', 'string', 'varchar', 'character varying', 'decimal', 'numeric', 'integer', 'int', 'smallint', 'boolean', 'timestamptz', 'datetime', 'enum', 'json', 'jsonb', 'double']);

interface Column {
  property: string;
  column: string;
  /** The column's name in a row of the plan (`<alias>.<column>`); set when the plan is made. */
  key?: string;
  /** From what pg gives to what MikroORM hydrates (timestamps: MikroORM has pg hand them over as text). */
  convert?: (value: unknown) => unknown;
}

const DATE_TYPES = new Set(['timestamptz', 'datetime', 'timestamp']);
const toDate = (value: unknown) => (typeof value === 'string' ? new Date(value) : value);
interface Part {
  meta: EntityMetadata;
  alias: string;
  /** The primary key's name in a row of the plan. */
  pkKey?: string;
  columns: Column[];
  /** Many-to-one relations read as `{ id }` from their foreign key. */
  references: Column[];
  /** Many-to-one relations joined in, read whole as selected. */
  joined: { property: string; fk: string; part: Part }[];
}
interface Plan {
  name: string;
  text: string;
  root: Part;
}

/**
 * The type of a field resolver's `@Root()` that may be a plain record: type-graphql turns a
 * root typed as a class into a new instance of it (every default run, every field copied)
 * unless it already is one; typed as this (no class at run time) it is passed as it is.
 */
export type RootOf<T> = Readonly<T>;

const loaded = new WeakSet<object>();
const MAX_PLANS = 1000;

/** The names a selection asks for, two levels deep (what a plan depends on), as a key. */
function signature(selection: SelectionTree): string {
  let key = '';
  for (const [name, below] of selection) {
    key += name;
    if (below.size) key += `(${[...below.keys()].join(',')})`;
    key += ',';
  }
  return key;
}

/**
 * Whether `value` is a record a plain read brought whole (as far as the query selects it), so
 * a field resolver can answer with it instead of asking a loader (which would find only its id).
 */
export function isPlainLoaded<T extends object>(value: T | { id: string } | null | undefined): value is T {
  return !!value && loaded.has(value);
}

const columnOf = (prop: EntityProperty): string => prop.fieldNames[0];
const columnType = (prop: EntityProperty): string => String(prop.columnTypes?.[0] ?? prop.type).toLowerCase().replace(/\(.*\)$/, '');

interface RowPlan {
  scalars: { property: string; column: string; date: boolean }[];
  references: { property: string; column: string; target: EntityMetadata }[];
}
const rowPlans = new WeakMap<EntityMetadata, RowPlan>();

function rowPlanOf(meta: EntityMetadata): RowPlan {
  let plan = rowPlans.get(meta);
  if (plan) return plan;
  plan = { scalars: [], references: [] };
  for (const prop of meta.props) {
    if (prop.persist === false || prop.fieldNames?.length !== 1) continue;
    if (prop.kind === ReferenceKind.MANY_TO_ONE) plan.references.push({ property: prop.name, column: columnOf(prop), target: prop.targetMeta! });
    else if (prop.kind === ReferenceKind.SCALAR && isPlainColumn(meta, prop)) plan.scalars.push({ property: prop.name, column: columnOf(prop), date: DATE_TYPES.has(columnType(prop)) });
  }
  rowPlans.set(meta, plan);
  return plan;
}

/**
 * A raw row of MikroORM's query builder (`select e.*` with `leftJoinAndSelect` of `joined`,
 * whose columns it names `j_<relation>__<column>`) as a plain record shaped like the entity:
 * many-to-one keys as `{ id }`, joined relations as plain records of their own, timestamps
 * as Dates; marked loaded (isPlainLoaded). Null for a joined relation whose key is null.
 */
export function plainFromRow<T>(meta: EntityMetadata, row: Record<string, unknown>, joined: readonly string[] = [], prefix = ''): T | null {
  const plan = rowPlanOf(meta);
  const pk = columnOf(meta.getPrimaryProps()[0]);
  if (row[prefix + pk] == null) return null;
  const record: Record<string, unknown> = {};
  for (const c of plan.scalars) {
    const value = row[prefix + c.column];
    record[c.property] = c.date ? toDate(value) : value;
  }
  for (const r of plan.references) {
    if (!prefix && joined.includes(r.property)) record[r.property] = plainFromRow(r.target, row, [], `j_${r.property}__`);
    else {
      const id = row[prefix + r.column];
      record[r.property] = id == null ? null : { id };
    }
  }
  loaded.add(record);
  return record as T;
}

function isPlainColumn(meta: EntityMetadata, prop: EntityProperty): boolean {
  if (prop.persist === false || prop.formula || prop.lazy || prop.embedded || prop.kind === ReferenceKind.EMBEDDED || prop.fieldNames?.length !== 1) return false;
  if (prop.kind !== ReferenceKind.SCALAR) return false;
  const type = columnType(prop);
  if (prop.enum) return true;
  if (!PLAIN_TYPES.has(type)) throw new Error(`plain read: ${meta.className}.${prop.name} has column type ${type}, which is not read as plain`);
  return true;
}

/**
 * Read-only lookups answered from plain rows: one prepared statement per shape of query,
 * selecting only the columns the GraphQL selection needs (with the many-to-one relations it
 * selects joined in), and no entity made, merged or tracked. The statement text and its name
 * are derived from the metadata once per shape; a field the entity has no column for (a
 * field resolver of some module, which may read any property) selects all the columns. For
 * reads only: nothing loaded here can be changed and flushed.
 */
export class PlainReads {
  private readonly plans = new Map<string, Plan>();
  /** The plan of a selection seen before (selectionOf gives the same tree for the same query). */
  private readonly plansOf = new WeakMap<SelectionTree, Map<string, Plan>>();

  constructor(private readonly orm: MikroORM) {}

  private part(meta: EntityMetadata, alias: string, selection: SelectionTree, joinable: ReadonlySet<string>, depth: number): Part {
    const properties = meta.props.filter((p) => p.persist !== false);
    const byName = new Map(properties.map((p) => [p.name, p]));
    const wantsAll = [...selection.keys()].some((name) => !byName.has(name));
    const part: Part = { meta, alias, columns: [], references: [], joined: [] };
    const pk = meta.getPrimaryProps()[0];
    for (const prop of properties) {
      const selected = prop === pk || wantsAll || selection.has(prop.name);
      if (!selected) continue;
      if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.fieldNames.length === 1) {
        const below = selection.get(prop.name);
        if (depth === 0 && below && joinable.has(prop.name)) {
          part.joined.push({ property: prop.name, fk: columnOf(prop), part: this.part(prop.targetMeta!, `${alias}_${part.joined.length}`, below, new Set(), depth + 1) });
        } else part.references.push({ property: prop.name, column: columnOf(prop) });
      } else if (isPlainColumn(meta, prop)) part.columns.push({ property: prop.name, column: columnOf(prop), convert: DATE_TYPES.has(columnType(prop)) ? toDate : undefined });
    }
    return part;
  }

  private plan(entity: EntityClass<unknown>, selection: SelectionTree, joinable: readonly string[]): Plan {
    const head = `${entity.name}|${joinable.join(',')}`;
    let bySelection = this.plansOf.get(selection);
    if (!bySelection) this.plansOf.set(selection, (bySelection = new Map()));
    let plan = bySelection.get(head);
    if (!plan) bySelection.set(head, (plan = this.planFor(entity, selection, joinable, `${head}|${signature(selection)}`)));
    return plan;
  }

  private planFor(entity: EntityClass<unknown>, selection: SelectionTree, joinable: readonly string[], key: string): Plan {
    let plan = this.plans.get(key);
    if (plan) return plan;
    if (this.plans.size >= MAX_PLANS) this.plans.clear(); // a flood of distinct selections must not grow it without end
    const meta = this.orm.getMetadata().get(entity.name);
    const root = this.part(meta, 'e', selection, new Set(joinable), 0);
    const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
    const table = (m: EntityMetadata) => (m.schema ? `${q(m.schema)}.${q(m.tableName)}` : q(m.tableName));
    const selects: string[] = [];
    const joins: string[] = [];
    const add = (p: Part) => {
      p.pkKey = `${p.alias}.${columnOf(p.meta.getPrimaryProps()[0])}`;
      for (const c of [...p.columns, ...p.references]) {
        c.key = `${p.alias}.${c.column}`;
        selects.push(`${q(p.alias)}.${q(c.column)} as ${q(c.key)}`);
      }
      for (const j of p.joined) {
        const targetPk = columnOf(j.part.meta.getPrimaryProps()[0]);
        joins.push(`left join ${table(j.part.meta)} ${q(j.part.alias)} on ${q(j.part.alias)}.${q(targetPk)} = ${q(p.alias)}.${q(j.fk)}`);
        add(j.part);
      }
    };
    add(root);
    const text = `select ${selects.join(', ')} from ${table(meta)} ${q('e')} ${joins.join(' ')} where ${q('e')}.${q(columnOf(meta.getPrimaryProps()[0]))} = $1`;
    plan = { name: `tb_plain_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, root };
    this.plans.set(key, plan);
    return plan;
  }

  private hydrate(part: Part, row: Record<string, unknown>): Record<string, unknown> | null {
    if (row[part.pkKey!] == null) return null;
    const record: Record<string, unknown> = {};
    for (const c of part.columns) {
      const value = row[c.key!];
      record[c.property] = c.convert ? c.convert(value) : value;
    }
    for (const c of part.references) {
      const id = row[c.key!];
      record[c.property] = id === null ? null : { id };
    }
    for (const j of part.joined) record[j.property] = this.hydrate(j.part, row);
    loaded.add(record);
    return record;
  }

  /**
   * One record by id as a plain object shaped like the entity (relations as `{ id }`, or
   * whole when joined), with the columns `selection` needs; null when there is none.
   * `joinable`: the many-to-one relations that may be joined in when selected.
   */
  async byId<T extends object>(entity: EntityClass<T>, id: string, selection: SelectionTree, joinable: readonly (keyof T & string)[] = []): Promise<T | null> {
    const plan = this.plan(entity as EntityClass<unknown>, selection, joinable);
    const client = this.orm.em.getKnex().client as unknown as { acquireConnection(): Promise<PgConnection>; releaseConnection(c: PgConnection): Promise<void> };
    const connection = await client.acquireConnection();
    statementSent(plan.text);
    try {
      const { rows } = await connection.query({ name: plan.name, text: plan.text, values: [id] });
      return rows[0] ? (this.hydrate(plan.root, rows[0]) as T) : null;
    } finally {
      await client.releaseConnection(connection);
    }
  }
}

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}
