import { Decimal } from '../../shared/money';
import type { Context } from '../../server/context';
import { ProductGroup } from '../catalog/product-group.entity';
import { balancesAt } from '../ledger/register-store';
import { seesCost } from './stock.service';
import { stockRegister } from './stock.registers';
import type { StockValuation, StockValuationFilter, StockValuationRow, StockValuationWarehouseTotal } from './stock-valuation.types';
import { Warehouse } from './warehouse.entity';

type ValuationRow = { warehouse: Record<string, unknown>; product_group: Record<string, unknown> | null; group_path: string | null; quantity: string; value: string };

/**
 * The valuation report (issue 4 §5): balances (now or at the end of a day, from
 * the stock register's balances, as stockBalances) summed per warehouse × the product's own group in one
 * statement, which also brings the warehouse and group records, so the report costs
 * that one statement whatever it shows. Totals are the rows added up (decimal.js, exact).
 */
export class StockValuationService {
  async valuation(ctx: Context, filter: StockValuationFilter = {}): Promise<StockValuation> {
    const source = filter.asOf ? balancesAt(stockRegister, filter.asOf) : { sql: 'select warehouse_id, product_id, on_hand, cost from stock_balance', params: [] };
    const products = ctx.services.products.selection({ groupId: filter.groupId });
    const params: unknown[] = [...source.params, ...products.params];
    const where = ['(s.on_hand <> 0 or s.cost <> 0)'];
    if (filter.warehouseId) (where.push('s.warehouse_id = ?'), params.push(filter.warehouseId));
    const rows: ValuationRow[] = await ctx.em.execute(
      `select to_jsonb(w) as warehouse, g.row as product_group, g.path as group_path, sum(s.on_hand)::text as quantity, sum(s.cost)::text as value
       from (${source.sql}) s
       join (${products.sql}) p on p.id = s.product_id
       join warehouse w on w.id = s.warehouse_id
       left join ${ctx.services.productGroups.withPathsSql()} g on g.id = p.group_id
       where ${where.join(' and ')}
       group by w.id, g.id, g.row, g.path
       order by w.code, g.id is null, g.path, g.id`,
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
