import type { Context } from '../../server/context';
import { assignSent, baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { Warehouse } from './warehouse.entity';
import type { CreateWarehouseInput, UpdateWarehouseInput, WarehouseListArgs } from './warehouse.inputs';

const SORTABLE = ['code', 'name', 'active', 'createdAt', 'updatedAt'] as const;

/** Warehouses. One that stock documents refer to cannot be deleted (CONFLICT); deactivate it instead. */
export class WarehouseService {
  list(ctx: Context, args: WarehouseListArgs): Promise<Page<Warehouse>> {
    const f = args.filter;
    const conditions = baseConditions<Warehouse>(f, ['code', 'name']);
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
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
    assignSent(warehouse, input, ['allowsNegativeStock', 'active']);
    if (input.code !== undefined) warehouse.code = input.code.trim();
    if (input.name !== undefined) warehouse.name = input.name.trim();
    if (input.address !== undefined) warehouse.address = input.address?.trim() || null;
    await ctx.em.flush();
    return warehouse;
  }

  async delete(ctx: Context, id: string): Promise<Warehouse> {
    const warehouse = await findForChange(ctx.em, Warehouse, id);
    ctx.em.remove(warehouse);
    await ctx.em.flush();
    return warehouse;
  }
}
