import { documentConditions } from '../ledger/document.filter';
import type { Context } from '../../server/context';
import { findById, findForChange, listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { ProductGroup } from '../catalog/product-group.entity';
import { DocumentStatus } from '../ledger/document-status';
import { emitAfterCommit } from '../../shared/event-bus';
import { invalidState } from '../../shared/errors';
import type { PriceChange, PriceListPosting } from './price-list-posting.service';

export const PRICES_CHANGED = 'PRICES_CHANGED';
import { PriceList, PriceListLine, PriceListSource } from './price-list.entity';
import type { CreatePriceListInput, PriceListListArgs, RecalculateCostPricesArgs, UpdatePriceListInput } from './price-list.inputs';
import { addLines, checkGroup, checkLines, checkManualPriceType, createDraftPriceList, invalidBadInput } from './price-list.lines';
import { PriceDerivation, PriceType } from './price-type.entity';

const SORTABLE = ['number', 'date', 'status', 'source', 'postedAt', 'createdAt', 'updatedAt'] as const;

/**
 * Price lists: dated documents setting prices of one price type, optionally for one
 * product group (and the groups below it). Only a draft can be edited or deleted;
 * posting, unposting and cancelling are PriceListPosting's.
 */
export class PriceListService {
  constructor(private readonly posting: PriceListPosting) {}

  list(ctx: Context, args: PriceListListArgs): Promise<Page<PriceList>> {
    const f = args.filter;
    const conditions = documentConditions<PriceList>(f, ['number', 'comment']);
    if (f?.priceTypeId) conditions.push({ priceType: f.priceTypeId });
    if (f?.source) conditions.push({ source: f.source });
    if (f?.number) conditions.push({ number: f.number.trim() });
    if (f?.productId) conditions.push({ lines: { $some: { product: f.productId } } });
    return listPage(ctx.em, PriceList, conditions, args, SORTABLE, 'number');
  }

  get(ctx: Context, id: string): Promise<PriceList | null> {
    return findById(ctx.em, PriceList, id);
  }

  async create(ctx: Context, input: CreatePriceListInput): Promise<PriceList> {
    const fields: Record<string, string> = {};
    await checkManualPriceType(ctx.em, input.priceTypeId, fields);
    await checkGroup(ctx.em, input.groupId, fields);
    await checkLines(ctx.em, input.lines, input.groupId ?? null, fields);
    if (Object.keys(fields).length) throw invalidBadInput(fields);
    return createDraftPriceList(ctx.em, { ...input, source: PriceListSource.MANUAL });
  }

  /** A draft only (INVALID_STATE otherwise); sent lines replace all lines. */
  async update(ctx: Context, id: string, input: UpdatePriceListInput): Promise<PriceList> {
    const list = await findForChange(ctx.em, PriceList, id, input.version);
    if (list.status !== DocumentStatus.DRAFT) throw invalidState(`Price list ${list.number} is ${list.status}; only a draft can be edited`, { status: list.status });
    const fields: Record<string, string> = {};
    for (const key of ['priceTypeId', 'date'] as const) {
      if (input[key] === null) fields[key] = 'must not be null';
    }
    if (input.priceTypeId) await checkManualPriceType(ctx.em, input.priceTypeId, fields);
    await checkGroup(ctx.em, input.groupId, fields);
    const groupId = input.groupId !== undefined ? input.groupId : (list.group?.id ?? null);
    if (input.lines) await checkLines(ctx.em, input.lines, groupId, fields);
    else if (input.groupId) {
      // a narrower scope must still hold every line already there
      const lines = await ctx.em.find(PriceListLine, { priceList: list.id }, { orderBy: { lineNo: 'asc' } });
      await checkLines(ctx.em, lines.map((line) => ({ productId: line.product.id, price: line.price })), groupId, fields);
    }
    if (Object.keys(fields).length) throw invalidBadInput(fields);

    if (input.lines) {
      // the old lines go first: a product may come back on another line (unique per list)
      await list.lines.init();
      list.lines.removeAll();
      await ctx.em.flush();
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

  /** A draft only (INVALID_STATE otherwise): a posted list is unposted or cancelled, never deleted. */
  async delete(ctx: Context, id: string): Promise<PriceList> {
    const list = await findForChange(ctx.em, PriceList, id);
    if (list.status !== DocumentStatus.DRAFT) throw invalidState(`Price list ${list.number} is ${list.status}; only a draft can be deleted`, { status: list.status });
    await list.lines.init();
    ctx.em.remove(list);
    await ctx.em.flush();
    return list;
  }

  post(ctx: Context, id: string): Promise<PriceList> {
    return this.announcing(ctx, (changes) => this.posting.post(ctx.em, id, changes));
  }

  unpost(ctx: Context, id: string): Promise<PriceList> {
    return this.announcing(ctx, (changes) => this.posting.unpost(ctx.em, id, changes));
  }

  cancel(ctx: Context, id: string): Promise<PriceList> {
    return this.announcing(ctx, (changes) => this.posting.cancel(ctx.em, id, changes));
  }

  /**
   * A posted cost list (DERIVED, no base list) of a FROM_COST type dated validFrom: the
   * average cost of every product with stock plus the markup, rounded
   * (PriceListPosting.postCostPrices). BAD_USER_INPUT for another derivation, INVALID_STATE
   * when nothing is in stock.
   */
  async recalculateCostPrices(ctx: Context, args: RecalculateCostPricesArgs): Promise<PriceList> {
    const type = await findById(ctx.em, PriceType, args.priceTypeId);
    if (!type) throw invalidBadInput({ priceTypeId: 'no such price type' });
    if (type.derivation !== PriceDerivation.FROM_COST) throw invalidBadInput({ priceTypeId: `${type.code} is not computed from cost (${type.derivation}); only a FROM_COST price type is recalculated` });
    if (!type.active) throw invalidBadInput({ priceTypeId: `${type.code} is inactive` });
    return this.announcing(ctx, async (changes) => {
      const list = await this.posting.postCostPrices(ctx.em, type, args.validFrom, null, changes);
      if (!list) throw invalidState(`No product is in stock: there is no cost to compute ${type.code} prices from`, { reason: 'NO_STOCK' });
      return list;
    });
  }

  /** Runs a verb and queues a PRICES_CHANGED event per affected list, sent after commit. */
  private async announcing(ctx: Context, verb: (changes: PriceChange[]) => Promise<PriceList>): Promise<PriceList> {
    const changes: PriceChange[] = [];
    const list = await verb(changes);
    for (const change of changes) emitAfterCommit(ctx, PRICES_CHANGED, change);
    return list;
  }
}
