import type { Context } from '../../../server/context';
import { Counterparty } from '../../crm/counterparty.entity';
import { InvoiceLine } from '../../sales/invoice.entity';
import { ServiceActLine } from '../../sales/service-act.entity';
import type { SalesDocument } from '../../sales/sales-document.entity';
import type { PrintLanguage } from '../amount-in-words';
import { pdfForm, type PrintableType, type PrintedPage } from '../print-form';
import { servicesAct } from './goods-papers';
import { invoiceForPayment } from './invoice-paper';
import { documentReference, salesPaperContext, type SalesPaper } from './sales-paper';
import { paperLine } from './sales-documents.forms';

const PARTIES = {
  act: { seller: { ru: 'Исполнитель', en: 'Contractor' }, buyer: { ru: 'Заказчик', en: 'Customer' } },
  invoice: { seller: { ru: 'Поставщик', en: 'Supplier' }, buyer: { ru: 'Покупатель', en: 'Buyer' } },
};

/** A service act or an invoice as a paper: its client and priced lines, the order it came from the basis. */
async function paperOf(ctx: Context, doc: SalesDocument, lines: readonly (ServiceActLine | InvoiceLine)[]): Promise<SalesPaper> {
  const client = await ctx.loaders.byId(Counterparty).load(doc.client.id);
  const order = doc.orderId ? await ctx.services.orders.get(ctx, doc.orderId) : null;
  return {
    number: doc.number,
    date: doc.date,
    client: client!,
    basis: order ? documentReference({ ru: 'Заказ', en: 'Order' }, order.number, order.date) : null,
    lines: lines.map((l) => paperLine({ ...l, productId: l.product.id }, doc.vatIncluded)),
  };
}

async function actPage(ctx: Context, { id, lang }: { id: string; lang: PrintLanguage }): Promise<PrintedPage | null> {
  const act = await ctx.services.serviceActs.get(ctx, id);
  if (!act) return null;
  const lines = await ctx.loaders.byForeignKey(ServiceActLine, 'serviceAct', { lineNo: 'asc' }).load(act.id);
  return servicesAct(await salesPaperContext(ctx, await paperOf(ctx, act, lines), lang, PARTIES.act));
}

async function invoicePage(ctx: Context, { id, lang }: { id: string; lang: PrintLanguage }): Promise<PrintedPage | null> {
  const invoice = await ctx.services.invoices.get(ctx, id);
  if (!invoice) return null;
  const lines = await ctx.loaders.byForeignKey(InvoiceLine, 'invoice', { lineNo: 'asc' }).load(invoice.id);
  return invoiceForPayment(await salesPaperContext(ctx, await paperOf(ctx, invoice, lines), lang, PARTIES.invoice));
}

/** Акт выполненных работ: /print/service-act/<id>.pdf?form=act. */
export const serviceActPrintable: PrintableType = {
  documentType: 'service-act',
  permission: 'serviceAct:read',
  forms: [pdfForm({ name: 'act', label: { ru: 'Акт выполненных работ', en: 'Act of services rendered' }, page: actPage })],
};

/** Счёт на оплату: /print/invoice/<id>.pdf?form=invoice. */
export const invoicePrintable: PrintableType = {
  documentType: 'invoice',
  permission: 'invoice:read',
  forms: [pdfForm({ name: 'invoice', label: { ru: 'Счёт на оплату', en: 'Invoice for payment' }, page: invoicePage })],
};
