import type { Context } from '../../server/context';
import { assignSent, baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { invalidState } from '../../shared/errors';
import { Decimal } from '../../shared/money';
import { Warehouse } from './warehouse.entity';
import type { CreateWarehouseInput, UpdateWarehouseInput, WarehouseListArgs } from './warehouse.inputs';

const SORTABLE = ['code', 'name', 'address', 'allowsNegativeStock', 'partnerShipping', 'active', 'createdAt', 'updatedAt'] as const;

/** Warehouses. One that stock documents refer to cannot be deleted (CONFLICT); deactivate it instead. */
export class WarehouseService {
  list(ctx: Context, args: WarehouseListArgs): Promise<Page<Warehouse>> {
    const f = args.filter;
    const conditions = baseConditions<Warehouse>(f, ['code', 'name']);
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    if (f?.partnerShipping !== undefined && f?.partnerShipping !== null) conditions.push({ partnerShipping: f.partnerShipping });
    return listPage(ctx.em, Warehouse, conditions, args, SORTABLE, 'code');
  }

  get(ctx: Context, id: string): Promise<Warehouse | null> {
    return findById(ctx.em, Warehouse, id);
  }

  async create(ctx: Context, input: CreateWarehouseInput): Promise<Warehouse> {
    const warehouse = ctx.em.create(Warehouse, {
      ...input,
      code: input.code.trim(),
      name: input.name.trim(),
      address: input.address?.trim() || null,
    });
    await ctx.em.flush();
    return warehouse;
  }

  async update(ctx: Context, id: string, input: UpdateWarehouseInput): Promise<Warehouse> {
    const warehouse = await findForChange(ctx.em, Warehouse, id, input.version);
    if (input.allowsNegativeStock != null && input.allowsNegativeStock !== warehouse.allowsNegativeStock) await this.changeNegativeStockPolicy(ctx, warehouse, input.allowsNegativeStock);
    assignSent(warehouse, input, ['allowsNegativeStock', 'partnerShipping', 'active']);
    if (input.code !== undefined) warehouse.code = input.code.trim();
    if (input.name !== undefined) warehouse.name = input.name.trim();
    if (input.address !== undefined) warehouse.address = input.address?.trim() || null;
    await ctx.em.flush();
    return warehouse;
  }

  /**
   * The warehouse's stock balances follow its policy at once (their CHECK reads their own
   * copy of it). Forbidding negative stock is refused (INVALID_STATE NEGATIVE_STOCK,
   * naming up to 10 products) while some balance is below zero or below what is reserved.
   */
  private async changeNegativeStockPolicy(ctx: Context, warehouse: Warehouse, allowed: boolean): Promise<void> {
    if (!allowed) {
      const products = ctx.services.products.selection();
      const below: { product_id: string; sku: string; on_hand: string; reserved: string; total: string }[] = await ctx.em.execute(
        `select b.product_id, p.sku, b.on_hand::text as on_hand, b.reserved::text as reserved, count(*) over () as total
         from stock_balance b join (${products.sql}) p on p.id = b.product_id
         where b.warehouse_id = ? and (b.on_hand < 0 or b.reserved > b.on_hand) order by p.sku limit 10`,
        [...products.params, warehouse.id],
      );
      if (below.length) {
        throw invalidState(`${warehouse.code} has ${below[0].total} product(s) below zero or below what is reserved (${below.map((b) => b.sku).join(', ')}); bring them back before forbidding negative stock`, {
          reason: 'NEGATIVE_STOCK',
          fields: { allowsNegativeStock: 'some stock here is below zero or below what is reserved' },
          products: below.map((b) => ({ productId: b.product_id, sku: b.sku, onHand: new Decimal(b.on_hand).toFixed(), reserved: new Decimal(b.reserved).toFixed() })),
        });
      }
    }
    await ctx.em.execute('update stock_balance set allows_negative = ? where warehouse_id = ? and allows_negative <> ?', [allowed, warehouse.id, allowed]);
  }

  async delete(ctx: Context, id: string): Promise<Warehouse> {
    const warehouse = await findForChange(ctx.em, Warehouse, id);
    ctx.em.remove(warehouse);
    await ctx.em.flush();
    return warehouse;
  }
}
