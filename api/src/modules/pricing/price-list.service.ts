import type { Context } from '../../server/context';
import { findById, findForChange } from '../../shared/crud';
import { badInput, invalidState } from '../../shared/errors';
import type { Page } from '../../shared/pagination';
import { ProductGroup } from '../catalog/product-group.entity';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { priceListType } from './price-list.document';
import { postCostPrices } from './computed-price-lists';
import { PriceList, PriceListLine, PriceListSource } from './price-list.entity';
import type { CreatePriceListInput, PriceListListArgs, RecalculateCostPricesArgs, UpdatePriceListInput } from './price-list.inputs';
import { addLines, checkGroup, checkLines, checkManualPriceType, createDraftPriceList, inactivePriceType } from './price-list.lines';
import { DocumentStatus } from '../ledger/document-status';
import { FieldReason, noSuch, notNull, problem, type FieldMessages } from '../../shared/field-errors';
import { PriceDerivation, PriceType } from './price-type.entity';


/**
 * Price lists: dated documents setting prices of one price type, optionally for one
 * product group (and the groups below it). Only a draft can be edited or deleted;
 * posting, unposting and cancelling are the ledger engine's (priceListType).
 */
export class PriceListService extends DocumentService<PriceList> {
  protected readonly documentType = priceListType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'source', 'priceType.code', 'group.name'];

  list(ctx: Context, args: PriceListListArgs): Promise<Page<PriceList>> {
    const f = args.filter;
    const conditions = documentConditions<PriceList>(f, ['number', 'comment']);
    if (f?.priceTypeId) conditions.push({ priceType: f.priceTypeId });
    if (f?.source) conditions.push({ source: f.source });
    if (f?.number) conditions.push({ number: f.number.trim() });
    if (f?.productId) conditions.push({ lines: { $some: { product: f.productId } } });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreatePriceListInput): Promise<PriceList> {
    const fields: FieldMessages = {};
    const type = await checkManualPriceType(ctx.em, input.priceTypeId, fields);
    await checkGroup(ctx.em, input.groupId, fields);
    await checkLines(ctx, input.lines, input.groupId ?? null, type, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    return createDraftPriceList(ctx, { ...input, source: PriceListSource.MANUAL });
  }

  /** A draft only (INVALID_STATE otherwise); sent lines replace all lines. */
  async update(ctx: Context, id: string, input: UpdatePriceListInput): Promise<PriceList> {
    const list = await findForChange(ctx.em, PriceList, id, input.version);
    if (list.status !== DocumentStatus.DRAFT) throw invalidState(`Price list ${list.number} is ${list.status}; only a draft can be edited`, { status: list.status });
    const fields: FieldMessages = {};
    for (const key of ['priceTypeId', 'date'] as const) {
      if (input[key] === null) fields[key] = notNull();
    }
    const type = input.priceTypeId ? await checkManualPriceType(ctx.em, input.priceTypeId, fields) : await ctx.em.findOne(PriceType, { id: list.priceType.id });
    await checkGroup(ctx.em, input.groupId, fields);
    const groupId = input.groupId !== undefined ? input.groupId : (list.group?.id ?? null);
    if (input.lines) await checkLines(ctx, input.lines, groupId, type, fields);
    else if (input.groupId || input.priceTypeId) {
      // a narrower scope must still hold every line already there, and another type's rounding fit their prices
      const lines = await ctx.em.find(PriceListLine, { priceList: list.id }, { orderBy: { lineNo: 'asc' } });
      await checkLines(ctx, lines.map((line) => ({ productId: line.product.id, price: line.price })), groupId, type, fields);
    }
    if (Object.keys(fields).length) throw badInput(fields);

    if (input.lines) {
      // the old lines go first: a product may come back on another line (unique per list)
      await this.clearLines(ctx.em, list);
      addLines(ctx.em, list, input.lines);
      list.updatedAt = new Date(); // the lines are part of the document: its version goes up
    }
    if (input.priceTypeId) list.priceType = ctx.em.getReference(PriceType, input.priceTypeId, { wrapped: true });
    if (input.date) list.date = input.date;
    if (input.groupId !== undefined) list.group = input.groupId ? ctx.em.getReference(ProductGroup, input.groupId, { wrapped: true }) : null;
    if (input.comment !== undefined) list.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return list;
  }

  /**
   * A posted cost list (DERIVED, no base list) of a FROM_COST type dated validFrom: the
   * average cost of every product with stock plus the markup, rounded (postCostPrices).
   * BAD_USER_INPUT for another derivation, INVALID_STATE when nothing is in stock.
   */
  async recalculateCostPrices(ctx: Context, args: RecalculateCostPricesArgs): Promise<PriceList> {
    const type = await findById(ctx.em, PriceType, args.priceTypeId);
    if (!type) throw badInput({ priceTypeId: noSuch('PriceType', 'no such price type') });
    if (type.derivation !== PriceDerivation.FROM_COST) {
      throw badInput({
        priceTypeId: problem(FieldReason.NOT_FROM_COST, `${type.code} is not computed from cost (${type.derivation}); only a FROM_COST price type is recalculated`, { code: type.code, derivation: type.derivation }),
      });
    }
    if (!type.active) throw badInput({ priceTypeId: inactivePriceType(type.code) });
    const [list] = await postCostPrices(ctx, type, args.validFrom, await ctx.services.stock.averageCosts(ctx, null));
    if (!list) throw invalidState(`No product is in stock: there is no cost to compute ${type.code} prices from`, { reason: 'NO_STOCK' });
    return list;
  }
}
