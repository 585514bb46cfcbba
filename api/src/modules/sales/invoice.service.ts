import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import type { Page } from '../../shared/pagination';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { invoiceType } from './invoice.document';
import { Invoice, InvoiceLine } from './invoice.entity';
import type { CreateInvoiceInput, UpdateInvoiceInput } from './invoice.inputs';
import { fromOrderLine, orderForDocument } from './order-documents';
import { addDays, salesTotals } from './sales-document-lines';
import { checkClient, checkSalesLines, type CheckedSalesLine } from './sales-lines.check';
import type { SalesDocumentListArgs } from './service-act.inputs';

/** Invoices for payment: standalone, or a copy of an order's lines and totals (its own number). */
export class InvoiceService extends DocumentService<Invoice> {
  protected readonly documentType = invoiceType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'total', 'client.name'];

  list(ctx: Context, args: SalesDocumentListArgs): Promise<Page<Invoice>> {
    const f = args.filter;
    const conditions = documentConditions<Invoice>(f, ['number']);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.orderId) conditions.push({ orderId: f.orderId });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateInvoiceInput): Promise<Invoice> {
    const fields: FieldMessages = {};
    await checkClient(ctx, input.clientId, fields);
    const lines = await checkSalesLines(ctx, input.lines, input.vatIncluded, { servicesOnly: false }, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const invoice = ctx.em.create(Invoice, {
      number: await this.number(ctx, input.date),
      date: input.date,
      client: input.clientId,
      payUntil: input.payUntil ?? null,
      vatIncluded: input.vatIncluded,
      comment: input.comment?.trim() || null,
    });
    this.setLines(ctx.em, invoice, lines);
    await ctx.em.flush();
    return invoice;
  }

  /** A draft with every line of the order at its frozen price and the order's totals; pay by the date + the order's payment terms. */
  async createFromOrder(ctx: Context, orderId: string, date: string | null | undefined): Promise<Invoice> {
    const { order, lines, vatIncluded } = await orderForDocument(ctx, orderId, 'an invoice');
    const invoiceDate = date ?? localToday();
    const invoice = ctx.em.create(Invoice, {
      number: await this.number(ctx, invoiceDate),
      date: invoiceDate,
      client: order.client.id,
      orderId: order.id,
      payUntil: addDays(invoiceDate, order.paymentTermsDays),
      vatIncluded,
    });
    this.setLines(ctx.em, invoice, lines.map((l) => fromOrderLine(l, l.quantity, vatIncluded)));
    await ctx.em.flush();
    return invoice;
  }

  async update(ctx: Context, id: string, input: UpdateInvoiceInput): Promise<Invoice> {
    const invoice = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, Invoice, id, input.version);
    const fields: FieldMessages = {};
    const lines = input.lines ? await checkSalesLines(ctx, input.lines, invoice.vatIncluded, { servicesOnly: false }, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (lines) {
      await this.clearLines(ctx.em, invoice);
      this.setLines(ctx.em, invoice, lines);
      invoice.updatedAt = new Date();
    }
    if (input.date) invoice.date = input.date;
    if (input.payUntil !== undefined) invoice.payUntil = input.payUntil;
    if (input.comment !== undefined) invoice.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return invoice;
  }

  private setLines(em: EntityManager, invoice: Invoice, lines: readonly CheckedSalesLine[]): void {
    Object.assign(invoice, salesTotals(lines));
    lines.forEach(({ discount: _discount, productId, ...line }, i) => em.create(InvoiceLine, { invoice, lineNo: i + 1, product: productId, ...line }));
  }
}
