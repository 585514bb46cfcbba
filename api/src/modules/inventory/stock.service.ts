import { Decimal } from '../../shared/money';
import type { Context } from '../../server/context';
import { listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { SUBTREE_IDS_SQL } from '../catalog/product-group.service';
import { StockLot, StockMovement } from './stock.entity';
import type { StockBalanceArgs, StockBalanceView, StockMovementArgs } from './stock.types';

/** Cost and value are shown only to users with cost:read; for the others those fields are null (no error, DESIGN §8). */
export const seesCost = (ctx: Context) => !!ctx.user?.permissions.has('cost:read');

/** Current balances: the balance table. */
const CURRENT_SQL = `select warehouse_id, product_id, on_hand, reserved, cost from stock_balance`;

/** Balances at the end of a day: month totals before its month plus that month's movements up to the day. */
const AS_OF_SQL = `select warehouse_id, product_id, sum(quantity) as on_hand, 0 as reserved, sum(cost) as cost from (
    select warehouse_id, product_id, quantity, cost from stock_month_total where month < date_trunc('month', ?::date)::date
    union all
    select warehouse_id, product_id, quantity, cost from stock_movement where date >= date_trunc('month', ?::date)::date and date <= ?::date
  ) x group by warehouse_id, product_id`;

/**
 * The balances per warehouse × product (warehouse_id, product_id, on_hand, reserved,
 * cost) as a subquery: now, or at the end of the day `asOf` (reserved 0 then:
 * reservations are current only). Rows may be all zero (stock that came and went).
 */
export function balancesAt(asOf: string | null | undefined): { sql: string; params: unknown[] } {
  return asOf ? { sql: AS_OF_SQL, params: [asOf, asOf, asOf] } : { sql: CURRENT_SQL, params: [] };
}

/** Value ÷ quantity of the lots still there (for balances `s` of now). */
const LOTS_AVERAGE_SQL = `(select case when sum(l.qty_remaining) > 0 then round(sum(l.value_remaining) / sum(l.qty_remaining), 4) end
  from stock_lot l where l.warehouse_id = s.warehouse_id and l.product_id = s.product_id and l.qty_remaining > 0)`;

/** Value ÷ on hand (for balances `s` of a past day, when the lots are not known). */
const BOOK_AVERAGE_SQL = `case when s.on_hand > 0 then round(s.cost / s.on_hand, 4) end`;

export class StockService {
  /** One statement: the rows of the page and the total (count over the filtered rows). */
  async balances(ctx: Context, args: StockBalanceArgs): Promise<Page<StockBalanceView>> {
    const f = args.filter ?? {};
    const source = balancesAt(f.asOf);
    const params: unknown[] = [...source.params];
    const where: string[] = [];
    if (f.warehouseId) (where.push('s.warehouse_id = ?'), params.push(f.warehouseId));
    if (f.productId) (where.push('s.product_id = ?'), params.push(f.productId));
    if (f.groupId) (where.push(`p.group_id in ${SUBTREE_IDS_SQL}`), params.push(f.groupId));
    if (f.onlyNonZero) where.push('(s.on_hand <> 0 or s.cost <> 0)');
    const from = `from (${source.sql}) s
       join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
       ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const rows: { warehouse_id: string; product_id: string; on_hand: string; reserved: string; cost: string; average_unit_cost: string | null; total: string }[] = await ctx.em.execute(
      `select s.*, ${f.asOf ? BOOK_AVERAGE_SQL : LOTS_AVERAGE_SQL} as average_unit_cost, count(*) over () as total ${from} order by w.code, p.sku limit ? offset ?`,
      [...params, args.perPage, (args.page - 1) * args.perPage],
    );
    const cost = seesCost(ctx);
    const items: StockBalanceView[] = rows.map((r) => ({
      warehouseId: r.warehouse_id,
      productId: r.product_id,
      onHand: String(r.on_hand),
      reserved: String(r.reserved),
      available: new Decimal(r.on_hand).minus(r.reserved).toFixed(),
      cost: cost ? String(r.cost) : null,
      averageUnitCost: cost && r.average_unit_cost !== null ? String(r.average_unit_cost) : null,
    }));
    if (rows.length || args.page === 1) return { items, total: rows.length ? Number(rows[0].total) : 0 };
    // a page past the end: the total still counts the rows
    const [{ total }]: { total: string }[] = await ctx.em.execute(`select count(*) as total ${from}`, params);
    return { items, total: Number(total) };
  }

  /** Lots of a product in a warehouse in FIFO order, including used-up ones. */
  lots(ctx: Context, productId: string, warehouseId: string, onlyOpen: boolean): Promise<StockLot[]> {
    return ctx.em.find(StockLot, { product: productId, warehouse: warehouseId, ...(onlyOpen ? { qtyRemaining: { $gt: '0' } } : {}) }, { orderBy: [{ date: 'asc' }, { sequence: 'asc' }] });
  }

  movements(ctx: Context, args: StockMovementArgs): Promise<Page<StockMovement>> {
    const f = args.filter;
    const conditions: Record<string, unknown>[] = [];
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.productId) conditions.push({ product: f.productId });
    if (f?.recorderId) conditions.push({ recorderId: f.recorderId });
    if (f?.dateFrom) conditions.push({ date: { $gte: f.dateFrom } });
    if (f?.dateTo) conditions.push({ date: { $lte: f.dateTo } });
    return listPage(ctx.em, StockMovement, conditions as never, { ...args, sort: args.sort?.length ? args.sort : [{ field: 'date', order: 'ASC' as never }, { field: 'recorderLine', order: 'ASC' as never }] } as never, ['date', 'recorderLine', 'recorderType'], 'date');
  }
}
