import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput, notFound } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import { AuditAction, AuditEntry } from '../identity/audit-entry.entity';
import { assertPeriodOpen } from '../ledger/period-close.service';
import { columnsOf, type RegisterDefinition } from '../ledger/register';
import { cleanTags } from './client-profile';
import { Counterparty } from './counterparty.entity';
import type { MergedTable } from './client-import.inputs';

/** Every single-column foreign key to counterparty, read from the catalogue: a module added later is merged without a change here. */
const REFERENCES_SQL = `select c.conrelid::regclass::text as "table", a.attname as "column"
  from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
  where c.contype = 'f' and c.confrelid = 'counterparty'::regclass and cardinality(c.conkey) = 1
  order by 1, 2`;

/** The other columns of each unique index (or primary key) of a table that holds the column. */
const UNIQUE_PEERS_SQL = `select array(select a.attname from unnest(i.indkey) k join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k where a.attname <> ?)::text[] as peers
  from pg_index i join pg_attribute c on c.attrelid = i.indrelid and c.attname = ?
  where i.indrelid = ?::regclass and i.indisunique and c.attnum = any(i.indkey) and not (0 = any(i.indkey))`;

const id = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Profile fields the kept client takes from the merged one when it has none of its own. */
const FILLED = ['fullName', 'legalAddress', 'actualAddress', 'phone', 'phoneKey', 'email', 'emailKey', 'website', 'comment', 'region', 'industry', 'segment', 'leadSource', 'priceType'] as const;

/**
 * The merge of two duplicate clients (issue 13 §1): every row of every table that names the
 * merged client — documents, register movements, contacts, notes, team members, whatever a
 * module declares a foreign key for — is moved onto the kept one; register balances and
 * month totals kept per client are added up (closing balances as of each month); rows a
 * unique key allows once per client (a team member both share) keep the kept client's. The
 * merged client is deleted and the audit log records what moved where.
 */
export class ClientMergeService {
  async merge(ctx: Context, keepId: string, mergeId: string): Promise<{ client: Counterparty; moved: MergedTable[] }> {
    if (keepId === mergeId) throw badInput({ mergeId: problem(FieldReason.INVALID, 'a client cannot be merged into itself') });
    for (const wanted of [keepId, mergeId]) if (!(await ctx.services.counterparties.get(ctx, wanted))) throw notFound(Counterparty.name, wanted);
    const em = ctx.em;
    await em.execute('select id from counterparty where id in (?, ?) order by id for update', [keepId, mergeId]);

    const balances = new Map<string, { def: RegisterDefinition; kind: 'balance' | 'totals' }>();
    for (const def of ctx.services.ledger.registers.values()) {
      if (def.balance) balances.set(def.balance.table, { def, kind: 'balance' });
      if (def.periodTotals) balances.set(def.periodTotals.table, { def, kind: 'totals' });
    }
    const moved: MergedTable[] = [];
    const references: { table: string; column: string }[] = await em.execute(REFERENCES_SQL);
    await assertMovementsOpen(ctx, references, mergeId);
    for (const { table, column } of references) {
      const register = balances.get(table);
      const rows =
        register?.kind === 'totals'
          ? await mergeMonthTotals(em, register.def, column, keepId, mergeId)
          : register?.kind === 'balance'
            ? await mergeBalances(em, register.def, column, keepId, mergeId)
            : await moveRows(em, table, column, keepId, mergeId);
      if (rows) moved.push({ table: `${table}.${column}`, rows });
    }

    const kept = await em.findOneOrFail(Counterparty, { id: keepId }, { refresh: true });
    const merged = await em.findOneOrFail(Counterparty, { id: mergeId }, { refresh: true });
    for (const field of FILLED) if (!kept[field] && merged[field]) (kept as unknown as Record<string, unknown>)[field] = merged[field];
    kept.tags = cleanTags([...kept.tags, ...merged.tags]);
    // a duplicate that was also a supplier brings its purchase documents: the kept one takes its roles
    kept.roles = [...new Set([...kept.roles, ...merged.roles])];
    // the manager who had the duplicate keeps working with the client
    await kept.teamMembers.init();
    if (merged.owner && merged.owner.id !== kept.owner?.id && !kept.teamMembers.getItems().some((u) => u.id === merged.owner!.id)) kept.teamMembers.add(merged.owner);
    em.create(AuditEntry, {
      at: new Date(),
      entity: Counterparty.name,
      entityId: keepId,
      action: AuditAction.UPDATE,
      userId: ctx.user?.id ?? null,
      requestId: ctx.requestId,
      changes: { mergedFrom: { before: { id: merged.id, name: merged.name, inn: merged.inn ?? null }, after: null }, moved: { before: null, after: Object.fromEntries(moved.map((m) => [m.table, m.rows])) } },
    });
    em.remove(merged);
    await em.flush();
    return { client: kept, moved };
  }
}

/**
 * A closed period's books stay as they were closed: the merged client's register movements
 * (sales, settlements…) must all be dated after the closed date, else PERIOD_CLOSED.
 */
async function assertMovementsOpen(ctx: Context, references: { table: string; column: string }[], mergeId: string): Promise<void> {
  for (const def of ctx.services.ledger.registers.values()) {
    for (const { column } of references.filter((r) => r.table === def.table)) {
      const [{ first }]: { first: string | null }[] = await ctx.em.execute(`select min(${id(def.dateColumn ?? 'date')})::text as first from ${def.table} where ${id(column)} = ?`, [mergeId]);
      if (first) await assertPeriodOpen(ctx, first);
    }
  }
}

/**
 * Rows of a table moved from one client to the other. Where a unique key holds the column,
 * a row whose twin the kept client already has stays behind and goes with the merged client.
 */
async function moveRows(em: EntityManager, table: string, column: string, keepId: string, mergeId: string): Promise<number> {
  const peers: { peers: string[] }[] = await em.execute(UNIQUE_PEERS_SQL, [column, column, table]);
  const twin = peers
    .map(({ peers: cols }) => `exists (select 1 from ${table} k where k.${id(column)} = ?${cols.map((c) => ` and k.${id(c)} is not distinct from t.${id(c)}`).join('')})`)
    .join(' or ');
  const sql = `update ${table} t set ${id(column)} = ? where t.${id(column)} = ?${twin ? ` and not (${twin})` : ''} returning 1`;
  const moved = await em.execute(sql, [keepId, mergeId, ...peers.map(() => keepId)]);
  if (twin) await em.execute(`delete from ${table} where ${id(column)} = ?`, [mergeId]);
  return moved.length;
}

/** A register's balance rows of the merged client added to the kept one's (per the rest of the balance key). */
async function mergeBalances(em: EntityManager, def: RegisterDefinition, column: string, keepId: string, mergeId: string): Promise<number> {
  const c = columnsOf(def);
  const table = def.balance!.table;
  const others = c.balanceKeys.filter((k) => k !== column);
  const same = others.map((k) => ` and t.${id(k)} = m.${id(k)}`).join('');
  const resources = c.resources.map((r) => id(c.balanceColumn(r)));
  const [{ rows }]: { rows: number }[] = await em.execute(`select count(*)::int as rows from ${table} where ${id(column)} = ?`, [mergeId]);
  await em.execute(`update ${table} t set ${resources.map((r) => `${r} = t.${r} + m.${r}`).join(', ')} from ${table} m where t.${id(column)} = ? and m.${id(column)} = ?${same}`, [keepId, mergeId]);
  await moveRows(em, table, column, keepId, mergeId);
  return rows;
}

/**
 * Month totals of both clients as one: each month's turnover is the sum of both, its closing
 * balance the sum of both clients' closing balances as of that month (a client without a
 * row that month carries its last earlier closing), so a balance read at any date is the sum.
 */
async function mergeMonthTotals(em: EntityManager, def: RegisterDefinition, column: string, keepId: string, mergeId: string): Promise<number> {
  const c = columnsOf(def);
  const table = def.periodTotals!.table;
  const others = c.balanceKeys.filter((k) => k !== column);
  const resources = c.resources.map((r) => r.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`));
  // the month as text: a date read into a JavaScript Date would move with the process's time zone
  const rows: Record<string, unknown>[] = await em.execute(`select t.*, t.${id(c.period)}::text as "__month" from ${table} t where ${id(column)} in (?, ?) order by ${id(c.period)}`, [keepId, mergeId]);
  const mergedRows = rows.filter((r) => r[column] === mergeId).length;
  if (!mergedRows) return 0;
  const month = (r: Record<string, unknown>) => String(r.__month);
  const groupOf = (r: Record<string, unknown>) => JSON.stringify(others.map((k) => r[k]));
  const combined = new Map<string, Record<string, unknown>>();
  for (const group of new Set(rows.map(groupOf))) {
    const ofGroup = rows.filter((r) => groupOf(r) === group);
    for (const m of [...new Set(ofGroup.map(month))].sort()) {
      const row: Record<string, unknown> = { ...ofGroup.find((r) => month(r) === m), [column]: keepId, [c.period]: m };
      for (const r of resources) {
        row[r] = ofGroup.filter((x) => month(x) === m).reduce((sum, x) => sum.plus(String(x[r])), new Decimal(0)).toFixed();
        row[`closing_${r}`] = [keepId, mergeId]
          .map((who) => ofGroup.filter((x) => x[column] === who && month(x) <= m).pop())
          .reduce((sum, last) => sum.plus(last ? String(last[`closing_${r}`]) : '0'), new Decimal(0))
          .toFixed();
      }
      combined.set(`${group}|${m}`, row);
    }
  }
  await em.execute(`delete from ${table} where ${id(column)} in (?, ?)`, [keepId, mergeId]);
  const names = Object.keys(rows[0]).filter((name) => name !== '__month');
  const types: { attname: string; type: string }[] = await em.execute(
    'select attname, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped',
    [table],
  );
  const typeOf = new Map(types.map((t) => [t.attname, t.type]));
  await em.execute(
    `insert into ${table} (${names.map(id).join(', ')}) select ${names.map(id).join(', ')} from jsonb_to_recordset(?::jsonb) as x(${names.map((n) => `${id(n)} ${typeOf.get(n)}`).join(', ')})`,
    [JSON.stringify([...combined.values()])],
  );
  return mergedRows;
}
