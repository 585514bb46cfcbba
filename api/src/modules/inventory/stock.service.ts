import type { Context } from '../../server/context';
import { listPage, sqlOrderBy } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { actsOnlyAsPartner } from '../identity/permissions';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { balancesAt } from '../ledger/register-store';
import { StockLot, StockMovement } from './stock.entity';
import type { Posting } from '../ledger/posting';
import type { Recorder } from '../ledger/recorder';
import { consumeStock, outgoingMovements, type ConsumedPart, type OutgoingLine } from './stock-consumption';
import { restoreLineParts, type ReceivedLot } from './stock-lots';
import { stockRegister } from './stock.registers';
import { availability } from './stock-availability';
import type { ProductAvailability, StockBalanceArgs, StockBalanceView, StockMovementArgs } from './stock.types';

/** Cost and value are shown only to users with cost:read; for the others those fields are null (no error, DESIGN §8). */
export const seesCost = (ctx: Context) => !!ctx.user?.permissions.has('cost:read');

/** Value ÷ quantity of the lots still there (for balances `s` of now). */
const LOTS_AVERAGE_SQL = `(select case when sum(l.qty_remaining) > 0 then round(sum(l.value_remaining) / sum(l.qty_remaining), 4) end
  from stock_lot l where l.warehouse_id = s.warehouse_id and l.product_id = s.product_id and l.qty_remaining > 0)`;

/** Value ÷ on hand (for balances `s` of a past day, when the lots are not known). */
const BOOK_AVERAGE_SQL = `case when s.on_hand > 0 then round(s.cost / s.on_hand, 4) end`;

/** The most warehouses one `Product.availability` may name. */
const MAX_WAREHOUSES_ASKED = 100;

/**
 * The net movement of each day after today (`?`) of balance row `b`, in date order, as
 * JSON (null when none, or no balance row): what documents dated later take or bring.
 * One probe of stock_movement (warehouse, product, date).
 */
const LATER_DAYS_SQL = `select json_agg(json_build_object('date', d.date, 'quantity', d.quantity) order by d.date) as days
  from (select m.date::text as date, sum(m.quantity)::text as quantity from stock_movement m
        where m.warehouse_id = b.warehouse_id and m.product_id = b.product_id and m.date > ?::date group by m.date) d`;

/** What stock balances sort by; cost and average unit cost only for users who see them. */
const BALANCE_SORTS = {
  'warehouse.code': 'w.code',
  'warehouse.name': 'w.name',
  'product.sku': 'p.sku',
  'product.name': 'p.name',
  onHand: 's.on_hand',
  reserved: 'coalesce(s.reserved, 0)',
  available: 's.on_hand - coalesce(s.reserved, 0)',
};

/**
 * Stock for other modules: balances, lots, movements and the average cost of stock, and
 * the primitives their documents post stock with (a shipment takes goods out, a return
 * brings a line's parts back), writing through the caller's posting.
 */
export class StockService {
  /** Takes the lines out of the warehouse on the posting's date (consumeStock) and writes the outgoing movements. */
  async takeOut(posting: Posting, warehouseId: string, lines: readonly OutgoingLine[]): Promise<ConsumedPart[]> {
    const parts = await consumeStock(posting, warehouseId, lines);
    await posting.write(stockRegister, outgoingMovements(warehouseId, posting.date, parts));
    return parts;
  }

  /** Brings back `quantity` of what one line of `source` took out, as lots dated by the posting (restoreLineParts). */
  bringBack(posting: Posting, warehouseId: string, source: Recorder & { line: number }, quantity: string, alreadyReturned: string, line: number): Promise<ReceivedLot[]> {
    return restoreLineParts(posting, warehouseId, source, quantity, alreadyReturned, line);
  }

  /**
   * One statement: the rows of the page and the total (count over the filtered rows).
   * Now: the balance table; as of a day: the stock register's stored month balances plus
   * the rest of that month (reserved 0: reservations are current only). The average unit
   * cost is computed only when asked for (`withAverageCost`) and shown with cost:read.
   */
  async balances(ctx: Context, args: StockBalanceArgs, options: { withAverageCost?: boolean } = {}): Promise<Page<StockBalanceView>> {
    const f = args.filter ?? {};
    const source = f.asOf ? balancesAt(stockRegister, f.asOf) : { sql: 'select warehouse_id, product_id, on_hand, reserved, cost from stock_balance', params: [] };
    const products = ctx.services.products.selection({ groupId: f.groupId });
    const params: unknown[] = [...source.params, ...products.params];
    const where: string[] = [];
    if (f.warehouseId) (where.push('s.warehouse_id = ?'), params.push(f.warehouseId));
    if (f.productId) (where.push('s.product_id = ?'), params.push(f.productId));
    if (f.productIds) {
      where.push(f.productIds.length ? 's.product_id in (?)' : 'false');
      if (f.productIds.length) params.push(f.productIds);
    }
    if (f.onlyNonZero) where.push('(s.on_hand <> 0 or s.cost <> 0)');
    const from = `from (${source.sql}) s
       join (${products.sql}) p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
       ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const cost = seesCost(ctx);
    const sortsByAverage = args.sort?.some((s) => s.field === 'averageUnitCost');
    const average = cost && (options.withAverageCost || sortsByAverage) ? (f.asOf ? BOOK_AVERAGE_SQL : LOTS_AVERAGE_SQL) : 'null';
    const orderBy = sqlOrderBy(args.sort, cost ? { ...BALANCE_SORTS, cost: 's.cost', averageUnitCost: 'average_unit_cost' } : BALANCE_SORTS, ['w.code', 'p.sku']);
    const rows: { warehouse_id: string; product_id: string; on_hand: string; reserved?: string; cost: string; average_unit_cost: string | null; total: string }[] = await ctx.em.execute(
      `select s.*, ${average} as average_unit_cost, count(*) over () as total ${from} order by ${orderBy} limit ? offset ?`,
      [...params, args.perPage, (args.page - 1) * args.perPage],
    );
    const items: StockBalanceView[] = rows.map((r) => ({
      warehouseId: r.warehouse_id,
      productId: r.product_id,
      onHand: String(r.on_hand),
      reserved: String(r.reserved ?? 0),
      available: new Decimal(r.on_hand).minus(r.reserved ?? 0).toFixed(),
      cost: cost ? String(r.cost) : null,
      averageUnitCost: r.average_unit_cost !== null ? String(r.average_unit_cost) : null,
    }));
    if (rows.length || args.page === 1) return { items, total: rows.length ? Number(rows[0].total) : 0 };
    // a page past the end: the total still counts the rows
    const [{ total }]: { total: string }[] = await ctx.em.execute(`select count(*) as total ${from}`, params);
    return { items, total: Number(total) };
  }

  /**
   * `Product.availability`: what the warehouses hold of the product now, through a loader
   * per set of warehouses asked, so the products of a page cost one statement together
   * (availableNow).
   */
  availabilityOf(ctx: Context, productId: string, warehouseIds: readonly string[] | null): Promise<ProductAvailability[]> {
    const asked = warehouseIds ? [...new Set(warehouseIds)].sort() : null;
    if (asked && asked.length > MAX_WAREHOUSES_ASKED) throw badInput({ warehouseIds: problem(FieldReason.TOO_MANY, `must name at most ${MAX_WAREHOUSES_ASKED} warehouses`, { max: MAX_WAREHOUSES_ASKED }) });
    const loader = ctx.loaders.custom<string, ProductAvailability[]>(`inventory:availability:${asked?.join(',') ?? '*'}`, async (productIds) => {
      const rows = await this.availableNow(ctx, productIds, asked);
      return productIds.map((id) => rows.get(id) ?? []);
    });
    return loader.load(productId);
  }

  /**
   * Per product, what each warehouse holds now, in one statement (DESIGN §4, §8).
   * `warehouseIds`: a row for each of them the caller may see (zero where nothing is
   * held); null: the warehouses where the product has something on hand or reserved. By
   * warehouse code. A partner sees only active warehouses that ship to partners; onHand
   * and reserved need stock:read. Available is what an order dated today could take
   * (`availability`): on hand less the reservations, and no more than the lowest balance
   * that documents dated after today leave; onOrder is what posted purchase orders have
   * left to receive there (purchasing).
   */
  async availableNow(ctx: Context, productIds: readonly string[], warehouseIds: readonly string[] | null): Promise<Map<string, ProductAvailability[]>> {
    const byProduct = new Map<string, ProductAvailability[]>();
    if (!productIds.length || warehouseIds?.length === 0) return byProduct;
    const today = localToday();
    const shipsToPartner = actsOnlyAsPartner(ctx.user) ? 'w.partner_shipping and w.active' : 'true';
    const columns = (product: string) => `w.id as warehouse_id, coalesce(b.on_hand, 0)::text as on_hand, coalesce(b.reserved, 0)::text as reserved, later.days as later, ${ctx.services.purchaseOrders.onOrderSql('w.id', product)}::text as on_order`;
    const [sql, params] = warehouseIds
      ? [
          // every product × every warehouse asked, zero where it has no balance row
          `select k.product_id, ${columns('k.product_id')}
           from unnest(array[?]::uuid[]) as k(product_id)
           join warehouse w on w.id in (?) and ${shipsToPartner}
           left join stock_balance b on b.warehouse_id = w.id and b.product_id = k.product_id
           left join lateral (${LATER_DAYS_SQL}) later on true
           order by k.product_id, w.code`,
          [[...productIds], [...warehouseIds], today],
        ]
      : [
          `select b.product_id, ${columns('b.product_id')}
           from stock_balance b join warehouse w on w.id = b.warehouse_id
           left join lateral (${LATER_DAYS_SQL}) later on true
           where b.product_id in (?) and (b.on_hand <> 0 or b.reserved <> 0) and ${shipsToPartner}
           order by b.product_id, w.code`,
          [today, [...productIds]],
        ];
    const rows: { product_id: string; warehouse_id: string; on_hand: string; reserved: string; on_order: string; later: { date: string; quantity: string }[] | null }[] = await ctx.em.execute(sql, params);
    const stock = !!ctx.user?.permissions.has('stock:read');
    for (const row of rows) {
      const later = row.later ?? [];
      const onDate = later.reduce((balance, day) => balance.minus(day.quantity), new Decimal(row.on_hand)).toFixed();
      const { available } = availability(today, { onDate, later, final: row.on_hand, reserved: row.reserved }, '0');
      const item: ProductAvailability = {
        warehouseId: row.warehouse_id,
        onHand: stock ? new Decimal(row.on_hand).toFixed() : null,
        reserved: stock ? new Decimal(row.reserved).toFixed() : null,
        available,
        onOrder: stock ? new Decimal(row.on_order).toFixed() : null,
      };
      byProduct.set(row.product_id, [...(byProduct.get(row.product_id) ?? []), item]);
    }
    return byProduct;
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

  /**
   * Cost for pricing (FROM_COST price types): the average unit cost of the stock of a
   * product still there, across all warehouses — Σ value_remaining / Σ qty_remaining over
   * its open lots. It is the current stock, whatever date is asked about. Unrounded
   * (numeric division); the price computed from it is rounded. `productIds` null: every
   * product with stock. Products without stock are missing. Keys come in SKU order. One statement.
   */
  async averageCosts(ctx: Context, productIds: readonly string[] | null): Promise<Map<string, string>> {
    if (productIds && !productIds.length) return new Map();
    const products = ctx.services.products.selection();
    const rows: { product_id: string; unit_cost: string }[] = await ctx.em.execute(
      `select l.product_id, (sum(l.value_remaining) / sum(l.qty_remaining))::text as unit_cost
       from stock_lot l join (${products.sql}) p on p.id = l.product_id
       where l.qty_remaining > 0${productIds ? ' and l.product_id in (?)' : ''}
       group by l.product_id, p.sku
       order by p.sku`,
      [...products.params, ...(productIds ? [[...new Set(productIds)]] : [])],
    );
    return new Map(rows.map((row) => [row.product_id, String(row.unit_cost)]));
  }
}
