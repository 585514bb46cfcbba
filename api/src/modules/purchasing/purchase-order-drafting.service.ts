import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, noSuch, problem, type FieldMessages, type FieldProblem } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal } from '../../shared/money';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity';
import { checkOrder } from './purchase-order.lines';
import { consolidateRequisitions, type OpenRequisitionLine } from './requisition-consolidation';
import { ORDERABLE } from './requisition-status';
import { PurchaseRequisition } from './requisition.entity';
import type { PurchaseOrdersFromRequisitionsInput } from './requisition.inputs';
import type { PurchaseOrdersFromSuggestionsInput } from './reorder.inputs';

/** What an order is drafted from: a requisition line or a reorder suggestion, and the input field that names it. */
interface Source extends OpenRequisitionLine {
  field: string;
  neededBy: string | null;
}

interface DraftOptions {
  date: string;
  expectedDate: string | null;
  comment: string;
  /** Where a problem of the supplier itself goes: `supplierId` when the caller gave it. */
  supplierField: string | null;
}

/**
 * Draft purchase orders in one action (issue 14, items 1–2): approved requisitions — of
 * several people, one order line per product that takes each of their lines — or reorder
 * suggestions, one order per supplier × warehouse, priced from the supplier's prices.
 * A problem of a line is reported on the requisition or pick it came from; nothing is
 * written unless every order can be made.
 */
export class PurchaseOrderDraftingService {
  async fromRequisitions(ctx: Context, input: PurchaseOrdersFromRequisitionsInput): Promise<PurchaseOrder[]> {
    const fields: FieldMessages = {};
    const requisitions = await this.lockRequisitions(ctx, input.requisitionIds, fields);
    const lines = await ctx.services.requisitions.linesOf(ctx, requisitions.map((r) => r.requisition.id));
    const ordered = await ctx.services.requisitionOrdering.orderedOf(ctx, lines.map((l) => l.id));
    const suppliers = input.supplierId ? null : await ctx.services.supplierPrices.mainSuppliers(ctx, lines.map((l) => l.product.id));
    const sources: Source[] = [];
    for (const { requisition, index } of requisitions) {
      for (const line of lines.filter((l) => l.requisition.id === requisition.id)) {
        const remaining = new Decimal(line.quantity).minus(ordered.get(line.id) ?? 0);
        if (!remaining.gt(0)) continue;
        sources.push({ id: line.id, warehouseId: requisition.warehouse.id, productId: line.product.id, supplierId: input.supplierId ?? suppliers!.get(line.product.id) ?? null, remaining: remaining.toFixed(), field: `requisitionIds.${index}`, neededBy: line.neededBy ?? null });
      }
    }
    if (!Object.keys(fields).length && !sources.length) fields.requisitionIds = problem(FieldReason.NO_ROWS, 'everything these requisitions ask for is ordered already');
    const numbers = requisitions.map((r) => r.requisition.number).join(', ');
    return this.draft(ctx, sources, fields, { date: input.date ?? localToday(), expectedDate: input.expectedDate ?? null, comment: `From requisitions ${numbers}`, supplierField: input.supplierId ? 'supplierId' : null }, true);
  }

  /** The picked suggestions (or all the filter narrows to) as draft orders, one per supplier × warehouse. */
  async fromSuggestions(ctx: Context, input: PurchaseOrdersFromSuggestionsInput): Promise<PurchaseOrder[]> {
    const chosen = await ctx.services.reorderSuggestions.choose(ctx, input);
    const sources: Source[] = chosen.map((s, i) => ({
      id: `${i}`, warehouseId: s.warehouseId, productId: s.productId, supplierId: input.supplierId ?? s.supplierId,
      remaining: s.quantity, field: input.picks ? `picks.${i}` : 'filter', neededBy: null,
    }));
    return this.draft(ctx, sources, {}, { date: input.date ?? localToday(), expectedDate: input.expectedDate ?? null, comment: 'From reorder suggestions', supplierField: input.supplierId ? 'supplierId' : null }, false);
  }

  /** The requisitions named, locked in id order (two callers never wait on each other crosswise), with where each was named. */
  private async lockRequisitions(ctx: Context, ids: readonly string[], fields: FieldMessages): Promise<{ requisition: PurchaseRequisition; index: number }[]> {
    const locked = new Map<string, PurchaseRequisition | null>();
    for (const id of [...new Set(ids)].sort()) locked.set(id, await ctx.services.requisitions.lock(ctx, id).catch(() => null));
    const found: { requisition: PurchaseRequisition; index: number }[] = [];
    ids.forEach((id, index) => {
      const requisition = locked.get(id);
      const field = `requisitionIds.${index}`;
      if (ids.indexOf(id) < index) fields[field] = problem(FieldReason.REPEATED, 'is named twice', { line: ids.indexOf(id) + 1 });
      else if (!requisition) fields[field] = noSuch('PurchaseRequisition', 'no such requisition');
      else if (!ORDERABLE.includes(requisition.status)) fields[field] = problem(FieldReason.NOT_ORDERABLE, `${requisition.number} is ${requisition.status}; only ${ORDERABLE.join(' or ')} requisitions are ordered`, { number: requisition.number, status: requisition.status });
      else found.push({ requisition, index });
    });
    return found;
  }

  private async draft(ctx: Context, sources: readonly Source[], fields: FieldMessages, options: DraftOptions, link: boolean): Promise<PurchaseOrder[]> {
    const bySource = new Map(sources.map((s) => [s.id, s]));
    const unsupplied = sources.filter((s) => !s.supplierId);
    if (unsupplied.length) {
      const facts = await ctx.services.products.facts(ctx.em, unsupplied.map((s) => s.productId));
      for (const s of unsupplied) fields[s.field] ??= problem(FieldReason.NO_MAIN_SUPPLIER, `${facts.get(s.productId)?.sku ?? s.productId} has no main supplier; give supplierId`, { sku: facts.get(s.productId)?.sku ?? s.productId });
    }
    const drafts = consolidateRequisitions(sources.filter((s) => s.supplierId));
    const checked = [];
    for (const draft of drafts) {
      const takes = draft.lines.map((l) => l.takes.map((t) => bySource.get(t.requisitionLineId)!));
      const neededBy = takes.flat().map((s) => s.neededBy).filter((d): d is string => !!d).sort()[0];
      const expectedDate = options.expectedDate ?? (neededBy ? (neededBy < options.date ? options.date : neededBy) : null);
      const own: FieldMessages = {};
      await checkOrder(ctx, options.date, draft.warehouseId, draft.supplierId!, draft.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), own);
      // a problem of the supplier itself makes its lines' prices moot
      const supplierRefused = Object.keys(own).some((key) => !key.startsWith('lines.'));
      for (const [key, value] of Object.entries(own)) {
        const line = /^lines\.(\d+)\./.exec(key);
        if (line && supplierRefused) continue;
        const target = line ? takes[Number(line[1])][0].field : (options.supplierField ?? takes[0][0].field);
        fields[target] ??= typeof value === 'string' ? value : ({ ...value, message: `${key.replace(/^lines\.\d+\./, '')}: ${value.message.replace(/^line \d+: /, '')}` } satisfies FieldProblem);
      }
      checked.push({ draft, expectedDate });
    }
    if (Object.keys(fields).length) throw badInput(fields);
    const orders: PurchaseOrder[] = [];
    for (const { draft, expectedDate } of checked) {
      const order = await ctx.services.purchaseOrders.create(ctx, {
        date: options.date, warehouseId: draft.warehouseId, supplierId: draft.supplierId!, expectedDate, comment: options.comment,
        lines: draft.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      });
      if (link) {
        const lines = await ctx.em.find(PurchaseOrderLine, { purchaseOrder: order.id }, { orderBy: { lineNo: 'asc' } });
        await ctx.services.requisitionOrdering.link(ctx, order.id, draft.lines.flatMap((l, j) => l.takes.map((t) => ({ requisitionLineId: t.requisitionLineId, purchaseOrderLineId: lines[j].id, quantity: t.quantity }))));
      }
      orders.push(order);
    }
    return orders;
  }
}
