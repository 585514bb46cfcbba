import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, onLine, problem, type FieldMessages } from '../../shared/field-errors';
import { defineJob } from '../../shared/jobs';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal } from '../../shared/money';
import { DocumentStatus } from '../ledger/document-status';
import { groupBySupplier, proposeReorder } from './reorder-arithmetic';
import { ReorderSuggestionRow } from './reorder-rule.entity';
import type { ReorderActionInput, ReorderPick, ReorderSuggestion, ReorderSuggestionFilter, ReorderSuggestionGroup } from './reorder.inputs';
import { ORDERABLE, RequisitionStatus } from './requisition-status';
import type { PurchaseRequisition } from './requisition.entity';

declare module '../../shared/jobs' {
  interface JobPayloads {
    'purchasing.reorder.daily': Record<string, never>;
  }
}

/**
 * Reorder suggestions (issue 14, item 2): per warehouse × product with a reorder rule,
 * available + on order + requested − backordered against its min and max
 * (proposeReorder), grouped by the product's main supplier. Read live (`suggest`), kept
 * by a daily job (`runDaily`), and turned in one action into draft requisitions.
 * Statements: one per warehouse with rules for stock, one each for the rules, backorders,
 * requested quantities and main suppliers — not one per product.
 */
export class ReorderSuggestionService {
  async suggest(ctx: Context, filter: ReorderSuggestionFilter | null | undefined): Promise<ReorderSuggestion[]> {
    const rules = await ctx.services.reorderRules.rulesOf(ctx, filter?.warehouseId ?? null);
    if (!rules.length) return [];
    const productIds = [...new Set(rules.map((r) => r.product.id))];
    const [suppliers, backordered, requested] = [await ctx.services.supplierPrices.mainSuppliers(ctx, productIds), await ctx.services.availability.backordered(ctx, productIds), await this.requested(ctx, productIds)];
    const warehouses = [...new Set(rules.map((r) => r.warehouse.id))];
    const suggestions: ReorderSuggestion[] = [];
    for (const warehouseId of warehouses) {
      const own = rules.filter((r) => r.warehouse.id === warehouseId);
      const stock = await ctx.services.stock.availableNow(ctx, own.map((r) => r.product.id), [warehouseId]);
      for (const rule of own) {
        const productId = rule.product.id;
        const supplierId = suppliers.get(productId) ?? null;
        if (filter?.supplierId && supplierId !== filter.supplierId) continue;
        const held = stock.get(productId)?.[0];
        const key = `${warehouseId}:${productId}`;
        const position = {
          available: held?.available ?? '0',
          onOrder: held?.onOrder ?? '0',
          requested: requested.get(key) ?? '0',
          backordered: backordered.get(key) ?? '0',
          min: new Decimal(rule.minQuantity).toFixed(),
          max: new Decimal(rule.maxQuantity).toFixed(),
        };
        const proposal = proposeReorder(position);
        if (!proposal) continue;
        suggestions.push({
          warehouseId, productId, supplierId,
          minQuantity: position.min, maxQuantity: position.max,
          available: new Decimal(position.available).toFixed(), onOrder: new Decimal(position.onOrder).toFixed(),
          requested: position.requested, backordered: position.backordered, ...proposal,
        });
      }
    }
    return suggestions;
  }

  grouped(suggestions: readonly ReorderSuggestion[]): ReorderSuggestionGroup[] {
    return groupBySupplier(suggestions).map((g) => ({ supplierId: g.supplierId, suggestions: g.items }));
  }

  /** The daily job: every suggestion now replaces what the last run kept. */
  async runDaily(ctx: Context): Promise<number> {
    const suggestions = await this.suggest(ctx, null);
    const computedAt = new Date();
    await ctx.em.nativeDelete(ReorderSuggestionRow, {});
    for (const s of suggestions) ctx.em.create(ReorderSuggestionRow, { ...s, computedAt });
    await ctx.em.flush();
    return suggestions.length;
  }

  /** What the last daily run kept (null before the first run). */
  async lastRun(ctx: Context, filter: ReorderSuggestionFilter | null | undefined): Promise<{ computedAt: Date; groups: ReorderSuggestionGroup[] } | null> {
    const [last] = await ctx.em.find(ReorderSuggestionRow, {}, { orderBy: { computedAt: 'desc' }, limit: 1 });
    if (!last) return null;
    const rows = await ctx.em.find(
      ReorderSuggestionRow,
      { ...(filter?.warehouseId ? { warehouseId: filter.warehouseId } : {}), ...(filter?.supplierId ? { supplierId: filter.supplierId } : {}) },
      { orderBy: [{ supplierId: 'asc nulls last' }, { warehouseId: 'asc' }, { productId: 'asc' }] as never },
    );
    const plain = rows.map((r) => ({ ...r, supplierId: r.supplierId ?? null, ...figures(r) }));
    return { computedAt: last.computedAt, groups: this.grouped(plain) };
  }

  /**
   * One action: the suggestions picked (or all the filter narrows to) as draft
   * requisitions by the caller, one per warehouse, dated today; a pick's quantity
   * replaces the suggested one. BAD_USER_INPUT on picks.N when a pick is no current
   * suggestion or its quantity is not above 0.
   */
  async requisitionsFrom(ctx: Context, input: ReorderActionInput): Promise<PurchaseRequisition[]> {
    const chosen = await this.choose(ctx, input);
    const today = localToday();
    const made: PurchaseRequisition[] = [];
    for (const warehouseId of [...new Set(chosen.map((c) => c.warehouseId))]) {
      const lines = chosen.filter((c) => c.warehouseId === warehouseId).map((c) => ({ productId: c.productId, quantity: c.quantity, comment: `reorder: ${c.projected} projected, min ${c.minQuantity}, max ${c.maxQuantity}` }));
      made.push(await ctx.services.requisitions.create(ctx, { date: today, warehouseId, comment: 'From reorder suggestions', lines }));
    }
    return made;
  }

  /** The current suggestions the input names, with the quantities to buy. */
  async choose(ctx: Context, input: ReorderActionInput): Promise<ReorderSuggestion[]> {
    const picks = input.picks ?? null;
    const current = await this.suggest(ctx, picks ? null : input.filter);
    if (!picks) {
      if (!current.length) throw badInput({ filter: problem(FieldReason.NO_ROWS, 'there is nothing to reorder') });
      return current;
    }
    const fields: FieldMessages = {};
    const chosen = picks.map((pick: ReorderPick, i) => {
      const found = current.find((s) => s.warehouseId === pick.warehouseId && s.productId === pick.productId);
      if (!found) fields[`picks.${i}`] = onLine(i + 1, problem(FieldReason.NOT_FOUND, 'is not a current reorder suggestion', { entity: 'ReorderSuggestion' }));
      else if (pick.quantity !== null && pick.quantity !== undefined && !new Decimal(pick.quantity).gt(0)) fields[`picks.${i}.quantity`] = onLine(i + 1, problem(FieldReason.GREATER_THAN, 'the quantity must be greater than 0', { min: 0 }));
      return found ? { ...found, quantity: pick.quantity ? new Decimal(pick.quantity).toFixed() : found.quantity } : null;
    });
    if (!picks.length) fields.picks = problem(FieldReason.TOO_FEW, 'pick at least one suggestion');
    if (Object.keys(fields).length) throw badInput(fields);
    return chosen as ReorderSuggestion[];
  }

  /**
   * What is asked for but not on order yet, per warehouse × product: what submitted and
   * approved requisitions have not put on an order, and the lines of draft purchase
   * orders (a requisition line on a draft counts once, as the draft's).
   */
  private async requested(ctx: Context, productIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { warehouse_id: string; product_id: string; requested: string }[] = await ctx.em.execute(
      `select warehouse_id, product_id, sum(quantity)::text as requested from (
         select r.warehouse_id, l.product_id, greatest(l.quantity - coalesce(o.ordered, 0), 0) as quantity
         from purchase_requisition_line l join purchase_requisition r on r.id = l.requisition_id
         left join (select requisition_line_id, sum(quantity) as ordered from requisition_line_order group by requisition_line_id) o on o.requisition_line_id = l.id
         where r.status in (?) and l.product_id in (?)
         union all
         select po.warehouse_id, pl.product_id, pl.quantity
         from purchase_order_line pl join purchase_order po on po.id = pl.purchase_order_id
         where po.status = ? and pl.product_id in (?)
       ) d group by warehouse_id, product_id`,
      [[RequisitionStatus.SUBMITTED, ...ORDERABLE], [...productIds], DocumentStatus.DRAFT, [...productIds]],
    );
    return new Map(rows.map((r) => [`${r.warehouse_id}:${r.product_id}`, new Decimal(r.requested).toFixed()]));
  }

}

const figures = (r: ReorderSuggestionRow) => {
  const out: Record<string, string> = {};
  for (const k of ['minQuantity', 'maxQuantity', 'available', 'onOrder', 'requested', 'backordered', 'projected', 'quantity'] as const) out[k] = new Decimal(r[k]).toFixed();
  return out as Pick<ReorderSuggestion, 'minQuantity' | 'maxQuantity' | 'available' | 'onOrder' | 'requested' | 'backordered' | 'projected' | 'quantity'>;
};

/** Every day at 05:00 UTC, once whatever the number of instances. */
export const reorderJobs = [defineJob('purchasing.reorder.daily', async (ctx) => void (await ctx.services.reorderSuggestions.runDaily(ctx)), { schedule: '0 5 * * *', policy: 'short' })];
