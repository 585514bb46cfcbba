import { columnsOf, snake, type RegisterDefinition } from './register';

/**
 * The SQL of every register, generated from its declaration (register.ts). Set-based:
 * each statement handles any number of rows, so a posting costs the same few statements
 * at 1 line or 1,000. Placeholders are knex `?`s, in the order each builder documents.
 */

const list = (names: readonly string[], prefix = '') => names.map((n) => `${prefix}${n}`).join(', ');
const matching = (keys: readonly string[], a: string, b: string) => keys.map((k) => `${a}.${k} = ${b}.${k}`).join(' and ');

/** `x(col type, …)` of the JSON rows a posting sends: every declared column, the date and the line. */
function recordset(def: RegisterDefinition): string {
  const c = columnsOf(def);
  return `jsonb_to_recordset(?::jsonb) as x(${[...c.typed.map(([name, type]) => `${snake(name)} ${type}`), 'date date', 'recorder_line int'].join(', ')})`;
}

/** The key columns of the balance rows a set of JSON keys names: `x(k1 type, …)`. */
function keyRecordset(def: RegisterDefinition): string {
  const by = def.balance!.by;
  return `jsonb_to_recordset(?::jsonb) as x(${by.map((k) => `${snake(k)} ${def.dimensions[k]}`).join(', ')})`;
}

/**
 * Balances and monthly totals change by the rows of CTE `delta` (balance key columns,
 * `date`, signed resource columns): the balance rows (which exist and are locked by then)
 * by the net per key; each month total row by its own month's turnover, and its closing
 * balance by everything dated in or before its month; missing month rows are made with
 * the closing balance of the key's previous month row plus the change. Every balance and
 * total of a key is written under the lock of its balance row, so they never interleave.
 */
function deltasSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  const K = c.balanceKeys;
  const R = c.resources.map(snake);
  if (!def.balance) return '';
  const parts = [
    `net as (select ${list(K)}, ${R.map((r) => `sum(${r}) as ${r}`).join(', ')} from delta group by ${list(K)})`,
    `bal as (update ${def.balance.table} b set ${c.resources.map((r) => `${c.balanceColumn(r)} = b.${c.balanceColumn(r)} + net.${snake(r)}`).join(', ')}
      from net where ${matching(K, 'b', 'net')} returning 1)`,
  ];
  if (def.periodTotals) {
    const T = def.periodTotals.table;
    const P = c.period;
    parts.push(
      // per key and month: the change, and the change of this and the key's earlier months of the posting (what a new month row's closing adds)
      `g as (select x.*, ${R.map((r) => `sum(${r}) over (partition by ${list(K)} order by period) as cum_${r}`).join(', ')}
        from (select ${list(K)}, date_trunc('month', date)::date as period, ${R.map((r) => `sum(${r}) as ${r}`).join(', ')} from delta group by ${list(K)}, date_trunc('month', date)) x)`,
      `upd as (update ${T} t set ${R.map((r) => `${r} = t.${r} + x.t_${r}, closing_${r} = t.closing_${r} + x.c_${r}`).join(', ')}
        from (select ${list(K, 't2.')}, t2.${P} as period, ${R.map((r) => `sum(case when g.period = t2.${P} then g.${r} else 0 end) as t_${r}, sum(g.${r}) as c_${r}`).join(', ')}
              from ${T} t2 join g on ${matching(K, 't2', 'g')} and g.period <= t2.${P}
              group by ${list(K, 't2.')}, t2.${P}) x
        where ${matching(K, 't', 'x')} and t.${P} = x.period returning 1)`,
      `new as (insert into ${T} (${list(K)}, ${P}, ${list(R)}, ${list(R, 'closing_')})
        select ${list(K, 'g.')}, g.period, ${list(R, 'g.')},
          ${R.map((r) => `coalesce(p.closing_${r}, 0) + g.cum_${r}`).join(', ')}
        from g left join lateral (
          select ${list(R, 't.closing_')} from ${T} t where ${matching(K, 't', 'g')} and t.${P} < g.period order by t.${P} desc limit 1
        ) p on true
        where not exists (select 1 from ${T} t where ${matching(K, 't', 'g')} and t.${P} = g.period)
        returning 1)`,
    );
  }
  return `, ${parts.join(',\n  ')}`;
}

/** Inserts the rows of one recorder and applies them to balances and totals. Placeholders: JSON rows, recorder type, recorder id. */
export function writeSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  const columns = c.typed.map(([name]) => snake(name));
  const delta = def.balance ? `, delta as (select ${list(c.balanceKeys)}, date, ${list(c.resources.map(snake))} from input)` : '';
  return `with input as (select * from ${recordset(def)}),
  ins as (
    insert into ${def.table} (id, ${list(columns)}, ${c.date}, recorder_type, recorder_id, recorder_line)
    select gen_random_uuid(), ${list(columns)}, date, ?, ?, recorder_line from input
    returning 1
  )${delta}${deltasSql(def)}
  select (select count(*) from ins)::int as written`;
}

/** Deletes exactly one recorder's rows and takes them back out of balances and totals. Placeholders: recorder id, recorder type. */
export function retractSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  if (!def.balance) return `delete from ${def.table} where recorder_id = ? and recorder_type = ?`;
  return `with gone as (
    delete from ${def.table} where recorder_id = ? and recorder_type = ?
    returning ${list(c.balanceKeys)}, ${c.date} as date, ${list(c.resources.map(snake))}
  ),
  delta as (select ${list(c.balanceKeys)}, date, ${c.resources.map((r) => `-${snake(r)} as ${snake(r)}`).join(', ')} from gone)${deltasSql(def)}
  select (select count(*) from gone)::int as deleted`;
}

/** The balance keys one recorder's rows touch, in lock order. Placeholders: recorder id, recorder type. */
export function recorderKeysSql(def: RegisterDefinition): string {
  const K = columnsOf(def).balanceKeys;
  return `select distinct ${list(K)} from ${def.table} where recorder_id = ? and recorder_type = ? order by ${list(K)}`;
}

/** Makes the missing balance rows (zero resources, onCreate columns), in key order. Placeholder: JSON keys. */
export function ensureBalancesSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  const K = c.balanceKeys;
  const extra = Object.entries(def.balance!.onCreate ?? {});
  const columns = [...K, ...c.resources.map((r) => c.balanceColumn(r)), ...extra.map(([column]) => column)];
  const values = [...K.map((k) => `k.${k}`), ...c.resources.map(() => '0'), ...extra.map(([, sql]) => sql)];
  return `insert into ${def.balance!.table} (${list(columns)})
    select ${values.join(', ')} from (select distinct ${list(K)} from ${keyRecordset(def)} order by ${list(K)}) k
    order by ${list(K, 'k.')}
    on conflict (${list(K)}) do nothing`;
}

/** Locks the balance rows of the keys in key order (the lock order of every posting), reading their balances. Placeholder: JSON keys. */
export function lockBalancesSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  const K = c.balanceKeys;
  return `select ${list(K, 'b.')}, ${c.resources.map((r) => `b.${c.balanceColumn(r)}::text as ${snake(r)}`).join(', ')} from ${def.balance!.table} b
    where (${list(K, 'b.')}) in (select ${list(K)} from ${keyRecordset(def)})
    order by ${list(K, 'b.')} for update`;
}

/**
 * The balances at the end of a day as a subquery of the balance key and balance columns:
 * with period totals, each key's closing balance of its last month before the day's
 * month (one index probe) plus the movements of that month up to the day — O(1) in the
 * length of history; without, today's balance less what is dated after the day. Only
 * keys with movements on or before the day. Placeholders: the date, three times (twice
 * without totals).
 */
export function balancesAtSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  const K = c.balanceKeys;
  const B = def.balance!;
  if (!def.periodTotals) {
    return `select ${list(K, 'b.')}, ${c.resources.map((r) => `b.${c.balanceColumn(r)} - coalesce(m.${snake(r)}, 0) as ${c.balanceColumn(r)}`).join(', ')}
      from ${B.table} b left join (select ${list(K)}, ${c.resources.map((r) => `sum(${snake(r)}) as ${snake(r)}`).join(', ')} from ${def.table} where ${c.date} > ?::date group by ${list(K)}) m on ${matching(K, 'm', 'b')}
      where exists (select 1 from ${def.table} x where ${matching(K, 'x', 'b')} and x.${c.date} <= ?::date)`;
  }
  const T = def.periodTotals.table;
  const P = c.period;
  return `select ${list(K, 'b.')}, ${c.resources.map((r) => `coalesce(t.closing_${snake(r)}, 0) + coalesce(m.${snake(r)}, 0) as ${c.balanceColumn(r)}`).join(', ')}
    from ${B.table} b
    left join lateral (
      select ${list(c.resources.map(snake), 't.closing_')} from ${T} t where ${matching(K, 't', 'b')} and t.${P} < date_trunc('month', ?::date)::date order by t.${P} desc limit 1
    ) t on true
    left join (
      select ${list(K)}, ${c.resources.map((r) => `sum(${snake(r)}) as ${snake(r)}`).join(', ')} from ${def.table}
      where ${c.date} >= date_trunc('month', ?::date)::date and ${c.date} <= ?::date group by ${list(K)}
    ) m on ${matching(K, 'm', 'b')}
    where t.closing_${snake(c.resources[0])} is not null or m.${K[0]} is not null`;
}

/**
 * The balances of the given keys at the end of a day, one row per key (zero when it had
 * nothing by then): its last month closing before the day's month plus that month's
 * movements up to the day, each an index probe per key. Placeholders: JSON keys, then
 * the date three times.
 */
export function keyBalancesAtSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  const K = c.balanceKeys;
  const R = c.resources.map(snake);
  const T = def.periodTotals!.table;
  const P = c.period;
  return `select ${list(K, 'k.')}, ${R.map((r) => `coalesce(t.closing_${r}, 0) + coalesce(m.${r}, 0) as ${r}`).join(', ')}
    from ${keyRecordset(def).replace(' as x(', ' as k(')}
    left join lateral (
      select ${list(R, 't.closing_')} from ${T} t where ${matching(K, 't', 'k')} and t.${P} < date_trunc('month', ?::date)::date order by t.${P} desc limit 1
    ) t on true
    left join lateral (
      select ${R.map((r) => `sum(x.${r}) as ${r}`).join(', ')} from ${def.table} x
      where ${matching(K, 'x', 'k')} and x.${c.date} >= date_trunc('month', ?::date)::date and x.${c.date} <= ?::date
    ) m on true`;
}

/** The net movement of each later day (after the date) with movements, per given key, in date order. Placeholders: JSON keys, the date. */
export function movementsAfterSql(def: RegisterDefinition): string {
  const c = columnsOf(def);
  const K = c.balanceKeys;
  const R = c.resources.map(snake);
  return `select ${list(K, 'x.')}, x.${c.date}::text as date, ${R.map((r) => `sum(x.${r})::text as ${r}`).join(', ')}
    from ${keyRecordset(def).replace(' as x(', ' as k(')} join ${def.table} x on ${matching(K, 'x', 'k')} and x.${c.date} > ?::date
    group by ${list(K, 'x.')}, x.${c.date} order by ${list(K, 'x.')}, x.${c.date}`;
}

/**
 * An information register's row in effect on a date for each outer row: a lateral join
 * named `alias` picking, per the dimensions matched (to outer SQL expressions or `?`),
 * the latest row dated on or before the date (the newest by tieBreak among equals).
 * Placeholders: the `?` matches in dimension order, then the date.
 */
export function sliceLastSql(def: RegisterDefinition, alias: string, match: Readonly<Record<string, string>>, select: readonly string[]): string {
  const c = columnsOf(def);
  const where = Object.entries(match).map(([dimension, expression]) => `r.${snake(dimension)} = ${expression}`);
  const order = [c.date, ...(def.tieBreak ?? [])].map((column) => `r.${column} desc`);
  return `cross join lateral (
    select ${select.map((s) => `r.${s}`).join(', ')} from ${def.table} r
    where ${where.join(' and ')} and r.${c.date} <= ?
    order by ${order.join(', ')}
    limit 1
  ) ${alias}`;
}

/**
 * The register's invariants as queries listing the rows that break them (all must be
 * empty): each balance equals the sum of its movements; each month total's turnover and
 * closing balance equal the movements of that month and up to its end.
 */
export function invariantSql(def: RegisterDefinition): Record<string, string> {
  const c = columnsOf(def);
  if (!def.balance) return {};
  const K = c.balanceKeys;
  const R = c.resources.map(snake);
  const checks: Record<string, string> = {
    [`every ${def.name} balance equals the sum of its movements`]: `
      select ${K.map((k) => `coalesce(b.${k}, m.${k}) as ${k}`).join(', ')}, ${c.resources.map((r) => `b.${c.balanceColumn(r)} as balance_${snake(r)}, m.${snake(r)}`).join(', ')}
      from ${def.balance.table} b
      full join (select ${list(K)}, ${R.map((r) => `sum(${r}) as ${r}`).join(', ')} from ${def.table} group by ${list(K)}) m on ${matching(K, 'm', 'b')}
      where ${c.resources.map((r) => `coalesce(b.${c.balanceColumn(r)}, 0) <> coalesce(m.${snake(r)}, 0)`).join(' or ')}`,
  };
  if (def.periodTotals) {
    const T = def.periodTotals.table;
    const P = c.period;
    checks[`the month totals of every ${def.name} balance equal its movements, month by month, and their closing balances the movements up to the month's end`] = `
      select t.*, ${R.map((r) => `m.${r} as movements_${r}, e.${r} as up_to_end_${r}`).join(', ')}
      from ${T} t
      full join (select ${list(K)}, date_trunc('month', ${c.date})::date as month, ${R.map((r) => `sum(${r}) as ${r}`).join(', ')} from ${def.table} group by ${list(K)}, date_trunc('month', ${c.date})) m
        on ${matching(K, 'm', 't')} and m.month = t.${P}
      left join lateral (select ${R.map((r) => `sum(x.${r}) as ${r}`).join(', ')} from ${def.table} x where ${matching(K, 'x', 't')} and x.${c.date} < (t.${P} + interval '1 month')) e on true
      where ${R.map((r) => `coalesce(t.${r}, 0) <> coalesce(m.${r}, 0) or (t.${P} is not null and t.closing_${r} <> coalesce(e.${r}, 0))`).join(' or ')}`;
  }
  return checks;
}
