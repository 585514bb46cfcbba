import { Decimal } from '../../shared/money';
import type { Context } from '../../server/context';
import { ProductGroup } from '../catalog/product-group.entity';
import { SUBTREE_IDS_SQL } from '../catalog/product-group.service';
import { balancesAt, seesCost } from './stock.service';
import type { StockValuation, StockValuationFilter, StockValuationRow, StockValuationWarehouseTotal } from './stock-valuation.types';
import { Warehouse } from './warehouse.entity';

/** Every group with its path from the top ("Tools / Drills"), walking down from the top-level groups. */
const GROUP_PATHS_SQL = `group_path (id, path) as (
  select id, name from product_group where parent_id is null
  union all
  select g.id, p.path || ' / ' || g.name from product_group g join group_path p on g.parent_id = p.id
)`;


type ValuationRow = { warehouse: Record<string, unknown>; product_group: Record<string, unknown> | null; group_path: string | null; quantity: string; value: string };

/**
 * The valuation report (issue 4 §5): balances (now or at the end of a day, from
 * balancesAt, as stockBalances) summed per warehouse × the product's own group in one
 * statement, which also brings the warehouse and group records, so the report costs
 * that one statement whatever it shows. Totals are the rows added up (decimal.js, exact).
 */
export class StockValuationService {
  async valuation(ctx: Context, filter: StockValuationFilter = {}): Promise<StockValuation> {
    const source = balancesAt(filter.asOf);
    const params: unknown[] = [...source.params];
    const where = ['(s.on_hand <> 0 or s.cost <> 0)'];
    if (filter.warehouseId) (where.push('s.warehouse_id = ?'), params.push(filter.warehouseId));
    if (filter.groupId) (where.push(`p.group_id in ${SUBTREE_IDS_SQL}`), params.push(filter.groupId));
    const rows: ValuationRow[] = await ctx.em.execute(
      `with recursive ${GROUP_PATHS_SQL}
       select to_jsonb(w) as warehouse, to_jsonb(g) as product_group, gp.path as group_path, sum(s.on_hand)::text as quantity, sum(s.cost)::text as value
       from (${source.sql}) s
       join product p on p.id = s.product_id
       join warehouse w on w.id = s.warehouse_id
       left join product_group g on g.id = p.group_id
       left join group_path gp on gp.id = g.id
       where ${where.join(' and ')}
       group by w.id, g.id, gp.path
       order by w.code, g.id is null, gp.path, g.id`,
      params,
    );

    const cost = seesCost(ctx);
    const shown = (value: Decimal) => (cost ? value.toFixed() : null);
    const report: StockValuationRow[] = [];
    const perWarehouse = new Map<Warehouse, { quantity: Decimal; value: Decimal }>();
    const total = { quantity: new Decimal(0), value: new Decimal(0) };
    for (const r of rows) {
      // the records come with the rows: merged into the request's EntityManager as if loaded
      const warehouse = ctx.em.map(Warehouse, r.warehouse);
      const sum = perWarehouse.get(warehouse) ?? { quantity: new Decimal(0), value: new Decimal(0) };
      perWarehouse.set(warehouse, { quantity: sum.quantity.plus(r.quantity), value: sum.value.plus(r.value) });
      total.quantity = total.quantity.plus(r.quantity);
      total.value = total.value.plus(r.value);
      report.push({
        warehouse,
        group: r.product_group ? ctx.em.map(ProductGroup, r.product_group) : null,
        groupPath: r.group_path,
        quantity: new Decimal(r.quantity).toFixed(),
        value: shown(new Decimal(r.value)),
      });
    }
    const warehouses: StockValuationWarehouseTotal[] = [...perWarehouse].map(([warehouse, sum]) => ({ warehouse, quantity: sum.quantity.toFixed(), value: shown(sum.value) }));
    return { asOf: filter.asOf ?? null, rows: report, warehouses, total: { quantity: total.quantity.toFixed(), value: shown(total.value) } };
  }
}
