import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { ProductKind } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentStatus } from '../ledger/document-status';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { fromOrderLine, orderForDocument } from './order-documents';
import { salesTotals } from './sales-document-lines';
import { checkClient, checkSalesLines, type CheckedSalesLine } from './sales-lines.check';
import { serviceActType } from './service-act.document';
import { ServiceAct, ServiceActLine } from './service-act.entity';
import type { CreateServiceActInput, SalesDocumentListArgs, UpdateServiceActInput } from './service-act.inputs';

/** Service act drafts: standalone (service lines at the prices given) or from an order's service lines; serviceActType posts them. */
export class ServiceActService extends DocumentService<ServiceAct> {
  protected readonly documentType = serviceActType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'total', 'client.name'];

  list(ctx: Context, args: SalesDocumentListArgs): Promise<Page<ServiceAct>> {
    const f = args.filter;
    const conditions = documentConditions<ServiceAct>(f, ['number']);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.orderId) conditions.push({ orderId: f.orderId });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateServiceActInput): Promise<ServiceAct> {
    const fields: FieldMessages = {};
    await checkClient(ctx, input.clientId, fields);
    const lines = await checkSalesLines(ctx, input.lines, input.vatIncluded, { servicesOnly: true }, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const client = await ctx.em.findOneOrFail(Counterparty, input.clientId);
    const act = ctx.em.create(ServiceAct, {
      number: await this.number(ctx, input.date),
      date: input.date,
      client: client.id,
      contractId: input.contractId ?? null,
      paymentTermsDays: input.paymentTermsDays ?? client.paymentTermsDays,
      vatIncluded: input.vatIncluded,
      comment: input.comment?.trim() || null,
    });
    this.setLines(ctx.em, act, lines);
    await ctx.em.flush();
    return act;
  }

  /**
   * A draft of the order's service lines not yet on another act (drafts and posted acts
   * count), at their frozen prices, due after the order's payment terms; INVALID_STATE
   * when nothing is left to act.
   */
  async createFromOrder(ctx: Context, orderId: string, date: string | null | undefined): Promise<ServiceAct> {
    const { order, lines, vatIncluded } = await orderForDocument(ctx, orderId, 'a service act');
    const facts = await ctx.services.products.facts(ctx.em, lines.map((l) => l.product.id));
    const acted = await this.actedOf(ctx.em, order.id);
    const left = lines
      .filter((l) => facts.get(l.product.id)?.kind === ProductKind.SERVICE)
      .map((l) => ({ line: l, quantity: new Decimal(l.quantity).minus(acted.get(l.product.id) ?? 0) }))
      .filter((l) => l.quantity.gt(0));
    if (!left.length) throw invalidState(`Order ${order.number} has no services left to act`, { reason: 'NOTHING_TO_ACT' });
    const actDate = date ?? localToday();
    const act = ctx.em.create(ServiceAct, {
      number: await this.number(ctx, actDate),
      date: actDate,
      client: order.client.id,
      orderId: order.id,
      contractId: order.contractId ?? null,
      paymentTermsDays: order.paymentTermsDays,
      vatIncluded,
    });
    this.setLines(ctx.em, act, left.map((l) => fromOrderLine(l.line, l.quantity.toFixed(), vatIncluded)));
    await ctx.em.flush();
    return act;
  }

  /** A draft only (INVALID_STATE otherwise); sent lines replace all lines at the prices given. */
  async update(ctx: Context, id: string, input: UpdateServiceActInput): Promise<ServiceAct> {
    const act = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, ServiceAct, id, input.version);
    const vatIncluded = input.vatIncluded ?? act.vatIncluded;
    const fields: FieldMessages = {};
    // the lines sent, or the kept ones priced again when VAT moves in or out of the prices
    const kept = !input.lines && vatIncluded !== act.vatIncluded ? (await ctx.em.find(ServiceActLine, { serviceAct: act.id }, { orderBy: { lineNo: 'asc' } })).map((l) => ({ productId: l.product.id, quantity: l.quantity, price: l.price, vatRate: l.vatRate })) : null;
    const sent = input.lines ?? kept;
    const lines = sent ? await checkSalesLines(ctx, sent, vatIncluded, { servicesOnly: true }, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (lines) {
      act.vatIncluded = vatIncluded;
      await this.clearLines(ctx.em, act);
      this.setLines(ctx.em, act, lines);
      act.updatedAt = new Date();
    }
    if (input.date) act.date = input.date;
    if (input.paymentTermsDays !== undefined && input.paymentTermsDays !== null) act.paymentTermsDays = input.paymentTermsDays;
    if (input.comment !== undefined) act.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return act;
  }

  /** What acts of the order (not cancelled) already hold, per product. */
  private async actedOf(em: EntityManager, orderId: string): Promise<Map<string, string>> {
    const lines = await em.find(ServiceActLine, { serviceAct: { orderId, status: { $ne: DocumentStatus.CANCELLED } } });
    const acted = new Map<string, string>();
    for (const l of lines) acted.set(l.product.id, new Decimal(acted.get(l.product.id) ?? 0).plus(l.quantity).toFixed());
    return acted;
  }

  private setLines(em: EntityManager, act: ServiceAct, lines: readonly CheckedSalesLine[]): void {
    Object.assign(act, salesTotals(lines));
    lines.forEach(({ productId, ...line }, i) => em.create(ServiceActLine, { serviceAct: act, lineNo: i + 1, product: productId, ...line, discount: line.discount ?? '0' }));
  }
}
