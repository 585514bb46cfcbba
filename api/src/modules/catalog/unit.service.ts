import type { Context } from '../../server/context';
import { assignSent, baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import { badInput, conflict } from '../../shared/errors';
import type { Page } from '../../shared/pagination';
import { Product } from './product.entity';
import { Unit } from './unit.entity';
import { heldQuantitiesProblem } from './unit-precision';
import { UnitPrecisionReducing, type FinerQuantities } from './unit.events';
import type { CreateUnitInput, UnitListArgs, UpdateUnitInput } from './unit.inputs';

const SORTABLE = ['code', 'name', 'okeiCode', 'precision', 'createdAt', 'updatedAt'] as const;

/**
 * Units of measure. A unit in use by products cannot be deleted (CONFLICT); its precision
 * cannot drop below the places of quantities already kept in it (BAD_USER_INPUT).
 */
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
    if (input.precision != null && input.precision < unit.precision) await this.refuseFinerQuantities(ctx, unit, input.precision);
    assignSent(unit, input, ['code', 'name', 'okeiCode', 'precision']);
    await ctx.em.flush();
    return unit;
  }

  /**
   * Fewer places than quantities of the unit's products already have would leave stock and
   * documents the unit cannot count (2.5 pcs): refused on `precision`, naming how many.
   */
  private async refuseFinerQuantities(ctx: Context, unit: Unit, places: number): Promise<void> {
    const held: FinerQuantities[] = [];
    await ctx.services.domainEvents.raise(ctx, UnitPrecisionReducing, { products: { unitId: unit.id }, places, held });
    const refused = heldQuantitiesProblem(held, { code: unit.code, precision: places });
    if (refused) throw badInput({ precision: refused });
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
