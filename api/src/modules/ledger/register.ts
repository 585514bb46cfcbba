/**
 * A register (DESIGN §4; 1C's accumulation and information registers, ERPNext's ledger
 * entries) is declared once, by the module that owns it, and the ledger engine writes,
 * deletes, locks and totals it: no register has SQL of its own elsewhere.
 *
 * Its table holds one row per movement: id, the date, the recorder (type, id, line) and
 * the declared dimensions, resources and attributes (camelCase names here, snake_case
 * columns). An accumulation register may keep a balance table per some of its
 * dimensions (changed in the posting transaction, in a fixed lock order) and monthly
 * totals per balance key: the month's turnover and the closing balance, so a balance as
 * of any date is one stored closing balance plus the movements of one partial month.
 */
import type { Context } from '../../server/context';
import type { Recorder } from './recorder';
import type { BalanceKey } from './register-store';

export type ColumnType = 'uuid' | 'text' | 'date' | 'numeric' | 'int' | 'boolean' | 'timestamptz';

export interface RegisterDefinition {
  /** Unique among registers, e.g. 'stock'. */
  name: string;
  /** The movement table, e.g. 'stock_movement'. */
  table: string;
  /** accumulation: resources are summed; information: the latest row per dimensions on a date is in effect (prices). */
  kind: 'accumulation' | 'information';
  /** The column dating a row; 'date' unless given. */
  dateColumn?: string;
  /** What a row is about. The balance key is some of them, in lock order. */
  dimensions: Readonly<Record<string, ColumnType>>;
  /** What is summed (accumulation) or in effect (information). */
  resources: Readonly<Record<string, ColumnType>>;
  /** Stored with each row, not summed, not a key. */
  attributes?: Readonly<Record<string, ColumnType>>;
  balance?: {
    table: string;
    /** The dimensions a balance row is kept per, in lock order (e.g. warehouseId, productId). */
    by: readonly string[];
    /** The balance column of a resource when it is not the resource's own column (quantity → on_hand). */
    columns?: Readonly<Record<string, string>>;
    /** Columns a new balance row gets besides its key and zero resources: SQL over its key columns `k.<column>`. */
    onCreate?: Readonly<Record<string, string>>;
    /**
     * The largest absolute value a resource's balance and totals hold (their column's
     * bound, e.g. MAX_QUANTITY), and how a message names that balance: a posting that
     * would take one past it is refused on the line, before anything is written.
     */
    limits?: Readonly<Record<string, { max: string; describe: string }>>;
  };
  /** Monthly turnover (<resource> columns) and closing balance (closing_<resource>) per balance key. */
  periodTotals?: { table: string; periodColumn?: string };
  /** Information registers: columns that order rows of one date, newest last (e.g. posted_at). */
  tieBreak?: readonly string[];
  /** What the owning module does around the rows of one recorder: e.g. the stock register's FIFO lots. */
  hooks?: RegisterHooks;
}

export interface RegisterHooks {
  /** Before anything of a retraction changes: refuse while other documents stand on the recorder's rows. */
  guardRetract?(ctx: Context, recorder: Recorder, name: string): Promise<void>;
  /** After the balance rows are locked, before the recorder's rows are deleted. */
  beforeRetract?(ctx: Context, recorder: Recorder): Promise<void>;
  /** After the recorder's rows are deleted. */
  afterRetract?(ctx: Context, recorder: Recorder): Promise<void>;
  /** Once per posting or retraction, with the balance keys it changed (each once): e.g. events after commit. */
  changed?(ctx: Context, keys: BalanceKey[]): void;
}

/** One row as a document posts it: the date, the line of the document, and the declared columns by their camelCase names. */
export type RegisterRow = { date: string; line: number } & Record<string, string | number | boolean | null>;

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Checks a definition once, when the module declaring it is composed. */
export function defineRegister(definition: RegisterDefinition): RegisterDefinition {
  const { name, balance, periodTotals, kind } = definition;
  const problem = (text: string) => new Error(`Register ${name}: ${text}`);
  if (!Object.keys(definition.dimensions).length) throw problem('declares no dimensions');
  if (!Object.keys(definition.resources).length) throw problem('declares no resources');
  if (kind === 'information' && (balance || periodTotals)) throw problem('an information register keeps no balance or totals');
  if (kind === 'accumulation') {
    for (const [resource, type] of Object.entries(definition.resources)) if (type !== 'numeric') throw problem(`resource ${resource} must be numeric to be summed`);
  }
  for (const key of balance?.by ?? []) if (!(key in definition.dimensions)) throw problem(`the balance is kept per ${key}, which is not a dimension`);
  for (const resource of Object.keys(balance?.columns ?? {})) if (!(resource in definition.resources)) throw problem(`the balance column of ${resource}, which is not a resource`);
  // the totals are kept under the balance rows' locks: without a balance they could be written in any order
  if (periodTotals && !balance) throw problem('period totals need a balance table (its rows are the lock that orders them)');
  return definition;
}

const columnsCache = new WeakMap<RegisterDefinition, ReturnType<typeof describeColumns>>();

/** Column lists and names of a definition, as the SQL builders and writers use them (worked out once per definition). */
export function columnsOf(def: RegisterDefinition): ReturnType<typeof describeColumns> {
  let columns = columnsCache.get(def);
  if (!columns) columnsCache.set(def, (columns = describeColumns(def)));
  return columns;
}

function describeColumns(def: RegisterDefinition) {
  const dimensions = Object.keys(def.dimensions);
  const resources = Object.keys(def.resources);
  const attributes = Object.keys(def.attributes ?? {});
  const balanceKeys = (def.balance?.by ?? []).map(snake);
  return {
    date: def.dateColumn ?? 'date',
    dimensions,
    resources,
    attributes,
    /** All row columns with their SQL types (for jsonb_to_recordset). */
    typed: [...dimensions.map((d) => [d, def.dimensions[d]]), ...resources.map((r) => [r, def.resources[r]]), ...attributes.map((a) => [a, def.attributes![a]])] as [string, ColumnType][],
    /** [camelCase name, snake_case column] of the balance key and of the resources. */
    keyNamed: (def.balance?.by ?? []).map((k) => [k, snake(k)] as const),
    resourceNamed: resources.map((r) => [r, snake(r)] as const),
    /** [camelCase name, snake_case column] of every row column. */
    named: [...dimensions, ...resources, ...attributes].map((name) => [name, snake(name)] as const),
    balanceKeys,
    /** resource column → balance column */
    balanceColumn: (resource: string) => def.balance?.columns?.[resource] ?? snake(resource),
    period: def.periodTotals?.periodColumn ?? 'month',
  };
}
