import type { Context } from '../../../server/context';
import { Decimal } from '../../../shared/money';
import { Counterparty } from '../../crm/counterparty.entity';
import { Warehouse } from '../../inventory/warehouse.entity';
import { CustomerOrderLine, type CustomerOrder } from '../../sales/order.entity';
import { CustomerReturnLine, ReturnCondition } from '../../sales/customer-return.entity';
import { InvoiceLine } from '../../sales/invoice.entity';
import { ServiceActLine } from '../../sales/service-act.entity';
import { Shipment, ShipmentLine } from '../../sales/shipment.entity';
import type { PrintLanguage } from '../amount-in-words';
import { combinedPage, pdfForm, type PrintableType, type PrintedPage } from '../print-form';
import { goodsWaybill, packingList, returnNote, servicesAct, universalTransferDocument } from './goods-papers';
import { invoiceForPayment } from './invoice-paper';
import { documentReference, salesPaperContext, type SalesPaper, type SalesPaperLine } from './sales-paper';

const SUPPLIER = { seller: { ru: 'Поставщик', en: 'Supplier' }, buyer: { ru: 'Покупатель', en: 'Buyer' } };

/** A line as the forms print it: without VAT (what the client pays less the VAT, whether the prices held VAT or not), VAT, with VAT. */
export function paperLine(line: { lineNo: number; productId: string; quantity: string; vatRate: string; vat: string; total: string; note?: string | null }): SalesPaperLine {
  const net = new Decimal(line.total).minus(line.vat);
  return { note: line.note ?? null, lineNo: line.lineNo, productId: line.productId, quantity: line.quantity, price: net.div(line.quantity).toFixed(), amount: net.toFixed(2), vatRate: line.vatRate, vat: new Decimal(line.vat).toFixed(2), total: new Decimal(line.total).toFixed(2) };
}

/** An order as a paper: its client, warehouse and lines (goods and services), the order itself the basis. */
async function orderPaper(ctx: Context, id: string): Promise<SalesPaper | null> {
  const order = await ctx.services.orders.get(ctx, id);
  if (!order) return null;
  const client = await ctx.loaders.byId(Counterparty).load(order.client.id);
  const warehouse = await ctx.loaders.byId(Warehouse).load(order.warehouse.id);
  const lines = await ctx.loaders.byForeignKey(CustomerOrderLine, 'order', { lineNo: 'asc' }).load(order.id);
  return {
    number: order.number,
    date: order.date,
    client: client!,
    warehouse,
    basis: documentReference({ ru: 'Заказ', en: 'Order' }, order.number, order.date),
    lines: lines.map((l) => paperLine({ ...l, productId: l.product.id })),
  };
}

const ORDER = { ru: 'Заказ', en: 'Order' };
const SELLER = { seller: { ru: 'Продавец', en: 'Seller' }, buyer: { ru: 'Покупатель', en: 'Buyer' } };
const CONTRACTOR = { seller: { ru: 'Исполнитель', en: 'Contractor' }, buyer: { ru: 'Заказчик', en: 'Customer' } };

/** «Заказ OR-… от …» of the order a document was made from, or none. */
async function orderBasis(ctx: Context, orderId: string | null | undefined) {
  if (!orderId) return null;
  const order = await ctx.services.orders.get(ctx, orderId);
  return order ? documentReference(ORDER, order.number, order.date) : null;
}

/** A shipment as a paper: its client, warehouse, order and lines at the prices they were sold at. */
async function shipmentPaper(ctx: Context, id: string): Promise<SalesPaper | null> {
  const shipment = await ctx.services.shipments.get(ctx, id);
  if (!shipment) return null;
  const lines = await ctx.loaders.byForeignKey(ShipmentLine, 'shipment', { lineNo: 'asc' }).load(shipment.id);
  return {
    number: shipment.number,
    date: shipment.date,
    client: (await ctx.loaders.byId(Counterparty).load(shipment.client.id))!,
    warehouse: await ctx.loaders.byId(Warehouse).load(shipment.warehouse.id),
    basis: await orderBasis(ctx, (shipment.order as { id: string } | null | undefined)?.id),
    lines: lines.map((l) => paperLine({ ...l, productId: l.product.id })),
  };
}

const CONDITIONS: Record<ReturnCondition, { ru: string; en: string }> = {
  [ReturnCondition.RESALEABLE]: { ru: 'годен', en: 'resaleable' },
  [ReturnCondition.DEFECTIVE]: { ru: 'брак', en: 'defective' },
};

/** A customer return as a paper: the shipment it returns is its basis; each line says its condition and the return's reason. */
async function returnPaper(ctx: Context, id: string, lang: PrintLanguage): Promise<SalesPaper | null> {
  const doc = await ctx.services.customerReturns.get(ctx, id);
  if (!doc) return null;
  const shipment = await ctx.loaders.byId(Shipment).load(doc.shipment.id);
  const lines = await ctx.loaders.byForeignKey(CustomerReturnLine, 'customerReturn', { lineNo: 'asc' }).load(doc.id);
  // a returned line is taxed as the shipment line it returns
  const rates = new Map((await ctx.loaders.byForeignKey(ShipmentLine, 'shipment', { lineNo: 'asc' }).load(doc.shipment.id)).map((l) => [l.lineNo, l.vatRate]));
  return {
    number: doc.number,
    date: doc.date,
    client: (await ctx.loaders.byId(Counterparty).load(doc.client.id))!,
    warehouse: await ctx.loaders.byId(Warehouse).load(doc.warehouse.id),
    basis: shipment ? documentReference({ ru: 'Отгрузка', en: 'Shipment' }, shipment.number, shipment.date) : null,
    lines: lines.map((l) => paperLine({ ...l, productId: l.product.id, vatRate: rates.get(l.shipmentLineNo) ?? '0', note: `${doc.reason}, ${CONDITIONS[l.condition][lang]}` })),
  };
}

/** A service act or an invoice as a paper: its client, the order it came from, its lines. */
async function salesDocumentPaper(ctx: Context, doc: { number: string; date: string; client: { id: string }; orderId?: string | null } | null, lines: readonly { lineNo: number; product: { id: string }; quantity: string; vatRate: string; vat: string; total: string }[]): Promise<SalesPaper | null> {
  if (!doc) return null;
  return {
    number: doc.number,
    date: doc.date,
    client: (await ctx.loaders.byId(Counterparty).load(doc.client.id))!,
    basis: await orderBasis(ctx, doc.orderId),
    lines: lines.map((l) => paperLine({ ...l, productId: l.product.id })),
  };
}

type Page = (ctx: Context, request: { id: string; lang: PrintLanguage }) => Promise<PrintedPage | null>;

/** A form of a paper: the paper read under the caller's scope (null: missing or out of it), laid out with its parties. */
const form = (read: (ctx: Context, id: string, lang: PrintLanguage) => Promise<SalesPaper | null>, labels: typeof SELLER, layout: (sc: Awaited<ReturnType<typeof salesPaperContext>>) => PrintedPage): Page =>
  async (ctx, { id, lang }) => {
    const paper = await read(ctx, id, lang);
    return paper && layout(await salesPaperContext(ctx, paper, lang, labels));
  };

const shipmentForm = (layout: Parameters<typeof form>[2], labels = SELLER) => form((ctx, id) => shipmentPaper(ctx, id), labels, layout);

/** Everything that travels with a shipment, in one PDF: the invoice for payment, the УПД (status 1) and the packing list. */
const shippingSet: Page = async (ctx, request) => {
  const pages = [await shipmentForm(invoiceForPayment, SUPPLIER)(ctx, request), await shipmentForm((sc) => universalTransferDocument(sc, 1))(ctx, request), await shipmentForm(packingList)(ctx, request)];
  if (pages.some((p) => !p)) return null;
  const [first] = pages as PrintedPage[];
  return { baseName: `${first.baseName}-set`, page: combinedPage((pages as PrintedPage[]).map((p) => p.page), first.baseName) };
};

export const shipmentPrintable: PrintableType = {
  documentType: 'shipment',
  permission: 'shipment:read',
  forms: [
    pdfForm({ name: 'torg-12', label: { ru: 'Товарная накладная (ТОРГ-12)', en: 'Goods waybill (TORG-12)' }, page: shipmentForm(goodsWaybill) }),
    pdfForm({ name: 'upd-1', label: { ru: 'УПД, статус 1', en: 'Universal transfer document, status 1' }, page: shipmentForm((sc) => universalTransferDocument(sc, 1)) }),
    pdfForm({ name: 'upd-2', label: { ru: 'УПД, статус 2', en: 'Universal transfer document, status 2' }, page: shipmentForm((sc) => universalTransferDocument(sc, 2)) }),
    pdfForm({ name: 'packing-list', label: { ru: 'Упаковочный лист', en: 'Packing list' }, page: shipmentForm(packingList) }),
    pdfForm({ name: 'invoice', label: { ru: 'Счёт на оплату', en: 'Invoice for payment' }, page: shipmentForm(invoiceForPayment, SUPPLIER) }),
    pdfForm({ name: 'shipping-set', label: { ru: 'Комплект документов (счёт, УПД, упаковочный лист)', en: 'Shipping documents (invoice, UTD, packing list)' }, page: shippingSet }),
  ],
};

export const customerReturnPrintable: PrintableType = {
  documentType: 'customer-return',
  permission: 'customerReturn:read',
  forms: [pdfForm({ name: 'return-note', label: { ru: 'Возвратная накладная', en: 'Return note' }, page: form(returnPaper, SELLER, returnNote) })],
};

export const serviceActPrintable: PrintableType = {
  documentType: 'service-act',
  permission: 'serviceAct:read',
  forms: [
    pdfForm({
      name: 'act',
      label: { ru: 'Акт выполненных работ', en: 'Act of services rendered' },
      page: form(async (ctx, id) => salesDocumentPaper(ctx, await ctx.services.serviceActs.get(ctx, id), await ctx.loaders.byForeignKey(ServiceActLine, 'serviceAct', { lineNo: 'asc' }).load(id)), CONTRACTOR, servicesAct),
    }),
  ],
};

export const invoicePrintable: PrintableType = {
  documentType: 'invoice',
  permission: 'invoice:read',
  forms: [
    pdfForm({
      name: 'invoice',
      label: { ru: 'Счёт на оплату', en: 'Invoice for payment' },
      page: form(async (ctx, id) => salesDocumentPaper(ctx, await ctx.services.invoices.get(ctx, id), await ctx.loaders.byForeignKey(InvoiceLine, 'invoice', { lineNo: 'asc' }).load(id)), SUPPLIER, invoiceForPayment),
    }),
  ],
};

/** Счёт на оплату straight from an order (as 1C prints one from a customer order). */
async function orderInvoice(ctx: Context, { id, lang }: { id: string; lang: PrintLanguage }): Promise<PrintedPage | null> {
  const paper = await orderPaper(ctx, id);
  return paper && invoiceForPayment(await salesPaperContext(ctx, paper, lang, SUPPLIER));
}

export const orderPrintable: PrintableType = {
  documentType: 'order',
  permission: 'order:read',
  forms: [pdfForm({ name: 'invoice', label: { ru: 'Счёт на оплату', en: 'Invoice for payment' }, page: orderInvoice })],
};
