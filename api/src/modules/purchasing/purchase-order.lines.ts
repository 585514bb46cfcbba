import type { Context } from '../../server/context';
import { decimalPlaces, FieldReason, lineProblem, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import { checkReceipt, type ReceiptLine } from '../inventory/goods-receipt.lines';
import type { PurchaseOrderLineInput } from './purchase-order.inputs';

export interface OrderLine {
  productId: string;
  quantity: string;
  price: string;
  vatRate: string;
  amount: string;
  vat: string;
}

/**
 * A purchase order's header and lines, keyed as its input (`lines.<index>.<field>`): the
 * checks of a receipt (warehouse, SUPPLIER, GOODS products, quantities, prices, VAT), and
 * a line without a price takes the supplier's price on the order date (NO_PRICE when
 * there is none). Amount = round2(quantity × price), VAT on top.
 */
export async function checkOrder(ctx: Context, date: string, warehouseId: string | undefined, supplierId: string | undefined, lines: readonly PurchaseOrderLineInput[] | null, fields: FieldMessages): Promise<OrderLine[]> {
  const unpriced = (lines ?? []).filter((l) => l.price == null).map((l) => l.productId);
  const quotes = supplierId && unpriced.length ? await ctx.services.supplierPrices.supplierPrices(ctx, supplierId, unpriced, date) : new Map();
  const own: FieldMessages = {};
  const priced = lines?.map((line, i) => {
    const price = line.price ?? quotes.get(line.productId)?.price;
    if (price == null && supplierId) own[`lines.${i}.price`] = lineProblem(i + 1, FieldReason.NO_PRICE, 'no price given and the supplier has none for the product on the order date');
    return { productId: line.productId, quantity: line.quantity, unitCost: price ?? '0', vatRate: line.vatRate };
  });
  const checked: ReceiptLine[] = await checkReceipt(ctx, warehouseId, supplierId, priced ?? null, fields);
  // a receipt calls the price unitCost; an order's input calls it price
  for (const key of Object.keys(fields)) {
    if (!key.endsWith('.unitCost')) continue;
    fields[key.replace(/\.unitCost$/, '.price')] = fields[key];
    delete fields[key];
  }
  Object.assign(fields, own);
  return checked.map((l) => ({ productId: l.productId, quantity: l.quantity, price: l.unitCost, vatRate: l.vatRate, amount: l.amount, vat: l.vat }));
}

/** An over-receipt tolerance: 0…100 percent with at most 2 places. */
export function checkTolerance(value: string | null | undefined, fields: FieldMessages): void {
  if (value == null) return;
  const t = new Decimal(value);
  if (t.isNegative() || t.gt(100)) fields.receiptTolerancePercent = problem(FieldReason.BETWEEN, 'the tolerance must be between 0 and 100 percent', { min: 0, max: 100 });
  else if (t.decimalPlaces() > 2) fields.receiptTolerancePercent = decimalPlaces(2);
}
