import type { Context } from '../../../server/context';
import { Decimal } from '../../../shared/money';
import { Counterparty } from '../../crm/counterparty.entity';
import { Warehouse } from '../../inventory/warehouse.entity';
import { PriceType } from '../../pricing/price-type.entity';
import { CustomerOrderLine } from '../../sales/order.entity';
import type { PrintLanguage } from '../amount-in-words';
import { pdfForm, type PrintableType, type PrintedPage } from '../print-form';
import { invoiceForPayment } from './invoice-paper';
import { documentReference, salesPaperContext, type SalesPaper, type SalesPaperLine } from './sales-paper';

const SUPPLIER = { seller: { ru: 'Поставщик', en: 'Supplier' }, buyer: { ru: 'Покупатель', en: 'Buyer' } };

/** A line priced as sold (its amount with VAT when the price type includes it) as the forms print it: without VAT, VAT, with VAT. */
export function paperLine(line: { lineNo: number; productId: string; quantity: string; amount: string; vatRate: string; vat: string; total: string }, vatIncluded: boolean): SalesPaperLine {
  const net = vatIncluded ? new Decimal(line.total).minus(line.vat) : new Decimal(line.amount);
  return { lineNo: line.lineNo, productId: line.productId, quantity: line.quantity, price: net.div(line.quantity).toFixed(), amount: net.toFixed(2), vatRate: line.vatRate, vat: new Decimal(line.vat).toFixed(2), total: new Decimal(line.total).toFixed(2) };
}

/** An order as a paper: its client, warehouse and lines (goods and services), the order itself the basis. */
async function orderPaper(ctx: Context, id: string): Promise<SalesPaper | null> {
  const order = await ctx.services.orders.get(ctx, id);
  if (!order) return null;
  const [client, warehouse, lines, priceType] = [
    await ctx.loaders.byId(Counterparty).load(order.client.id),
    await ctx.loaders.byId(Warehouse).load(order.warehouse.id),
    await ctx.loaders.byForeignKey(CustomerOrderLine, 'order', { lineNo: 'asc' }).load(order.id),
    await ctx.loaders.byId(PriceType).load(order.priceType.id),
  ];
  const vatIncluded = priceType?.vatIncluded ?? true;
  return {
    number: order.number,
    date: order.date,
    client: client!,
    warehouse,
    basis: documentReference({ ru: 'Заказ', en: 'Order' }, order.number, order.date),
    lines: lines.map((l) => paperLine({ ...l, productId: l.product.id }, vatIncluded)),
  };
}

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
