import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { baseConditions, findById, findForChange, isUuid, listPage } from '../../shared/crud';
import { badInput, notFound } from '../../shared/errors';
import { decimalPlaces, FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal, MAX_QUANTITY, QUANTITY_SCALE } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { ProductKind } from '../catalog/product.entity';
import { quantityProblem } from '../catalog/unit-precision';
import { checkWarehouse } from '../inventory/stock-lines';
import { ReorderRule } from './reorder-rule.entity';
import type { ReorderRuleInput, ReorderRuleListArgs, UpdateReorderRuleInput } from './reorder.inputs';

const SORTABLE = ['createdAt', 'updatedAt', 'minQuantity', 'maxQuantity', 'warehouse.code', 'product.sku', 'product.name'] as const;

/** Min/max per warehouse × product (issue 14, item 2): set (one per pair, replaced), listed, deleted. */
export class ReorderRuleService {
  list(ctx: Context, args: ReorderRuleListArgs): Promise<Page<ReorderRule>> {
    const f = args.filter;
    const conditions = baseConditions<ReorderRule>(f ? { ...f, q: null } : f, []);
    const q = f?.q?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    if (q) conditions.push({ product: { $or: [{ sku: { $ilike: `%${q}%` } }, { name: { $ilike: `%${q}%` } }] } } as FilterQuery<ReorderRule>);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.productId) conditions.push({ product: f.productId });
    return listPage(ctx.em, ReorderRule, conditions, args, SORTABLE, 'createdAt');
  }

  get(ctx: Context, id: string): Promise<ReorderRule | null> {
    return findById(ctx.em, ReorderRule, id);
  }

  /** The rules of the warehouses (all when null). */
  rulesOf(ctx: Context, warehouseId: string | null, productIds?: readonly string[]): Promise<ReorderRule[]> {
    const where: FilterQuery<ReorderRule> = { ...(warehouseId ? { warehouse: warehouseId } : {}), ...(productIds ? { product: { $in: [...productIds] } } : {}) };
    return ctx.em.find(ReorderRule, where, { orderBy: [{ warehouse: { code: 'asc' } }, { product: { sku: 'asc' } }, { id: 'asc' }] });
  }

  /**
   * Sets the pair's rule (one per warehouse × product; a second set replaces it).
   * BAD_USER_INPUT on minQuantity when it is above maxQuantity or below 0, on either when
   * finer than the product's unit, on productId when it is not GOODS.
   */
  async set(ctx: Context, input: ReorderRuleInput): Promise<ReorderRule> {
    const fields: FieldMessages = {};
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const product = (await ctx.services.products.facts(ctx.em, [input.productId])).get(input.productId);
    if (!product) fields.productId = noSuch('Product', 'no such product');
    else if (product.kind !== ProductKind.GOODS) fields.productId = problem(FieldReason.NOT_GOODS, `${product.sku} is a ${product.kind}; only GOODS are kept in stock`, { sku: product.sku, kind: product.kind });
    for (const field of ['minQuantity', 'maxQuantity'] as const) {
      const value = new Decimal(input[field]);
      if (value.lt(0)) fields[field] = problem(FieldReason.NEGATIVE, 'must be zero or more');
      else if (value.decimalPlaces() > QUANTITY_SCALE) fields[field] = decimalPlaces(QUANTITY_SCALE);
      else if (value.gt(MAX_QUANTITY)) fields[field] = problem(FieldReason.TOO_LARGE, 'is too large');
      else if (product && quantityProblem(value, product.unit)) fields[field] = quantityProblem(value, product.unit)!;
    }
    if (!fields.minQuantity && !fields.maxQuantity && new Decimal(input.minQuantity).gt(input.maxQuantity)) {
      fields.minQuantity = problem(FieldReason.AT_MOST, 'the reorder point must not be above the reorder level (maxQuantity)', { max: new Decimal(input.maxQuantity).toFixed() });
    }
    if (Object.keys(fields).length) throw badInput(fields);
    // one statement: two people setting one pair at once both end with one rule, the later one
    const [row]: { id: string }[] = await ctx.em.execute(
      `insert into reorder_rule (id, created_at, updated_at, version, warehouse_id, product_id, min_quantity, max_quantity)
       values (gen_random_uuid(), now(), now(), 1, ?, ?, ?, ?)
       on conflict (warehouse_id, product_id) do update set min_quantity = excluded.min_quantity, max_quantity = excluded.max_quantity, updated_at = now(), version = reorder_rule.version + 1
       returning id`,
      [input.warehouseId, input.productId, new Decimal(input.minQuantity).toFixed(), new Decimal(input.maxQuantity).toFixed()],
    );
    return ctx.em.findOneOrFail(ReorderRule, { id: row.id }, { refresh: true });
  }

  /** The rule's min and max, at the version the caller read (CONFLICT when stale). */
  async update(ctx: Context, id: string, input: UpdateReorderRuleInput): Promise<ReorderRule> {
    const rule = await findForChange(ctx.em, ReorderRule, id, input.version);
    return this.set(ctx, { warehouseId: rule.warehouse.id, productId: rule.product.id, minQuantity: input.minQuantity, maxQuantity: input.maxQuantity });
  }

  async delete(ctx: Context, id: string): Promise<ReorderRule> {
    const rule = isUuid(id) ? await ctx.em.findOne(ReorderRule, { id }) : null;
    if (!rule) throw notFound('ReorderRule', id);
    ctx.em.remove(rule);
    await ctx.em.flush();
    return rule;
  }
}
