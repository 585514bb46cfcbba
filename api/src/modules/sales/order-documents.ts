import type { Context } from '../../server/context';
import { invalidState, notFound } from '../../shared/errors';
import { Decimal, roundMoney } from '../../shared/money';
import { OrderStatus } from './order-status';
import { CustomerOrder, CustomerOrderLine } from './order.entity';
import type { CheckedSalesLine } from './sales-lines.check';
import { priceSalesLine } from './sales-document-lines';

/** An order a sales document is made from: visible to the caller, and confirmed (DRAFT and CANCELLED orders bill nothing). */
export async function orderForDocument(ctx: Context, orderId: string, what: string): Promise<{ order: CustomerOrder; lines: CustomerOrderLine[]; vatIncluded: boolean }> {
  const order = await ctx.services.orders.get(ctx, orderId);
  if (!order) throw notFound('Order', orderId);
  if (order.status === OrderStatus.DRAFT || order.status === OrderStatus.CANCELLED) {
    throw invalidState(`Order ${order.number} is ${order.status}; ${what} is made from a confirmed order`, { status: order.status });
  }
  const lines = await ctx.em.find(CustomerOrderLine, { order: order.id }, { orderBy: { lineNo: 'asc' } });
  const priceType = await ctx.services.priceTypes.get(ctx, order.priceType.id);
  return { order, lines, vatIncluded: priceType?.vatIncluded ?? false };
}

/**
 * An order line (or `quantity` of it) as a sales document line at its frozen price: the
 * whole line keeps its own amount, VAT and total; a part is priced anew at the final unit
 * price. The discount is what the rules and the manager took off the base price, without VAT.
 */
export function fromOrderLine(line: CustomerOrderLine, quantity: string, vatIncluded: boolean): CheckedSalesLine {
  const whole = new Decimal(quantity).eq(line.quantity);
  const figures = whole ? { amount: roundMoney(line.amount), vat: roundMoney(line.vat), total: roundMoney(line.total) } : priceSalesLine(quantity, line.finalUnitPrice, line.vatRate, vatIncluded);
  const off = new Decimal(roundMoney(new Decimal(line.basePrice).mul(quantity))).minus(figures.amount);
  const discount = vatIncluded ? roundMoney(off.mul(100).div(new Decimal(line.vatRate).plus(100))) : roundMoney(off);
  return { productId: line.product.id, quantity: new Decimal(quantity).toFixed(), price: new Decimal(line.finalUnitPrice).toFixed(), vatRate: new Decimal(line.vatRate).toFixed(), discount: Decimal.max(discount, 0).toFixed(2), ...figures };
}
