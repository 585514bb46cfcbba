import type { Context } from '../../server/context';
import { assignSent, baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import { conflict } from '../../shared/errors';
import type { Page } from '../../shared/pagination';
import { Product } from './product.entity';
import { Unit } from './unit.entity';
import type { CreateUnitInput, UnitListArgs, UpdateUnitInput } from './unit.inputs';

const SORTABLE = ['code', 'name', 'okeiCode', 'precision', 'createdAt', 'updatedAt'] as const;

/** Units of measure. A unit in use by products cannot be deleted (CONFLICT). */
export class UnitService {
  list(ctx: Context, args: UnitListArgs): Promise<Page<Unit>> {
    return listPage(ctx.em, Unit, baseConditions<Unit>(args.filter, ['code', 'name']), args, SORTABLE, 'code');
  }

  get(ctx: Context, id: string): Promise<Unit | null> {
    return findById(ctx.em, Unit, id);
  }

  async create(ctx: Context, input: CreateUnitInput): Promise<Unit> {
    const unit = ctx.em.create(Unit, { ...input, code: input.code.trim(), name: input.name.trim() });
    await ctx.em.flush();
    return unit;
  }

  async update(ctx: Context, id: string, input: UpdateUnitInput): Promise<Unit> {
    const unit = await findForChange(ctx.em, Unit, id, input.version);
    assignSent(unit, input, ['code', 'name', 'okeiCode', 'precision']);
    await ctx.em.flush();
    return unit;
  }

  async delete(ctx: Context, id: string): Promise<Unit> {
    const unit = await findForChange(ctx.em, Unit, id);
    const products = await ctx.em.count(Product, { unit: id });
    if (products) throw conflict(`Unit "${unit.code}" is the unit of ${products} product(s); change their unit first`, { reason: 'IN_USE', products });
    ctx.em.remove(unit);
    await ctx.em.flush();
    return unit;
  }
}
