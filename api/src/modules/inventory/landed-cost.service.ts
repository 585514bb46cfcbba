import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { notNull, type FieldMessages } from '../../shared/field-errors';
import { Decimal, vatOn } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { landedCostType } from './landed-cost.document';
import { LandedCost, LandedCostLine } from './landed-cost.entity';
import type { CreateLandedCostInput, LandedCostListArgs, UpdateLandedCostInput } from './landed-cost.inputs';
import { allocate, asInput, checkHeader, withReceipts, type AllocatedLine } from './landed-cost.lines';
import { checkSupplier } from './stock-lines';


/**
 * Landed cost drafts (LC-YYYY-NNNNNN): an amount from a supplier spread over posted
 * receipt lines, the allocation worked out on every save (landedCostType posts them).
 */
export class LandedCostService extends DocumentService<LandedCost> {
  protected readonly documentType = landedCostType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'supplier.name', 'description', 'method', 'amount'];

  list(ctx: Context, args: LandedCostListArgs): Promise<Page<LandedCost>> {
    const f = args.filter;
    const conditions = documentConditions<LandedCost>(f, ['number', 'description']);
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    if (f?.goodsReceiptId) conditions.push({ lines: { goodsReceiptLine: { goodsReceipt: f.goodsReceiptId } } });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateLandedCostInput): Promise<LandedCost> {
    const fields: FieldMessages = {};
    const header = checkHeader(input, fields);
    await checkSupplier(ctx, input.supplierId, 'supplierId', fields);
    const lines = await allocate(ctx, header, await withReceipts(ctx, input.lines, input.goodsReceiptIds, fields), fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(LandedCost, {
      number: await this.number(ctx, input.date),
      date: input.date,
      supplier: input.supplierId,
      description: input.description.trim(),
      amount: header.amount,
      vatRate: new Decimal(input.vatRate).toFixed(),
      vat: vatOn(header.amount, input.vatRate),
      method: input.method,
      comment: input.comment?.trim() || null,
    });
    this.addLines(ctx.em, doc, lines);
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string, input: UpdateLandedCostInput): Promise<LandedCost> {
    const doc = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, LandedCost, id, input.version);
    const fields: FieldMessages = {};
    for (const key of ['date', 'supplierId', 'description', 'amount', 'vatRate', 'method'] as const) if (input[key] === null) fields[key] = notNull();
    const header = checkHeader(
      { date: input.date ?? doc.date, amount: input.amount ?? doc.amount, method: input.method ?? doc.method, vatRate: input.vatRate ?? doc.vatRate, description: input.description ?? doc.description },
      fields,
    );
    await checkSupplier(ctx, input.supplierId, 'supplierId', fields);
    const replace = input.lines != null || input.goodsReceiptIds != null;
    const existing = await ctx.em.find(LandedCostLine, { landedCost: doc.id }, { orderBy: { lineNo: 'asc' } });
    const sent = replace
      ? await withReceipts(ctx, input.lines ?? [], input.goodsReceiptIds ?? [], fields)
      : asInput(existing);
    const lines = await allocate(ctx, header, sent, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (replace) {
      await this.clearLines(ctx.em, doc);
      this.addLines(ctx.em, doc, lines);
    } else existing.forEach((l, i) => (l.allocated = lines[i].allocated));
    doc.date = header.date;
    doc.amount = header.amount;
    doc.method = header.method;
    if (input.vatRate != null) doc.vatRate = new Decimal(input.vatRate).toFixed();
    doc.vat = vatOn(doc.amount, doc.vatRate);
    if (input.description != null) doc.description = input.description.trim();
    if (input.supplierId) doc.supplier = ctx.em.getReference(Counterparty, input.supplierId, { wrapped: true });
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    doc.updatedAt = new Date();
    await ctx.em.flush();
    return doc;
  }

  private addLines(em: EntityManager, doc: LandedCost, lines: AllocatedLine[]): void {
    lines.forEach((l, i) => em.create(LandedCostLine, { landedCost: doc, lineNo: i + 1, goodsReceiptLine: l.goodsReceiptLineId, weight: l.weight, manualAmount: l.manualAmount, allocated: l.allocated }));
  }
}
