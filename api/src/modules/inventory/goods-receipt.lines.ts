import type { Context } from '../../server/context';
import { Decimal, MAX_MONEY, roundMoney, vatOn } from '../../shared/money';
import { decimalPlaces, FieldReason, lineProblem, negative, onLine, type FieldMessages } from '../../shared/field-errors';
import { isVatRate, VAT_RATES } from '../catalog/vat-rates';
import type { GoodsReceiptLineInput } from './goods-receipt.inputs';
import { checkLines, checkSupplier, checkWarehouse } from './stock-lines';

export interface ReceiptLine {
  productId: string;
  quantity: string;
  unitCost: string;
  vatRate: string;
  amount: string;
  vat: string;
}

/**
 * A receipt's header and lines, keyed `lines.<index>.<field>` (index from 0, messages
 * count from 1): the warehouse, a SUPPLIER, the product and quantity as every stock line
 * (checkLines), unit cost ≥ 0 with ≤ 4 places, a known VAT rate (the product's when not
 * sent). Computes amount (round2(quantity × unit cost)) and VAT.
 */
export async function checkReceipt(ctx: Context, warehouseId: string | undefined, supplierId: string | undefined, lines: readonly GoodsReceiptLineInput[] | null, fields: FieldMessages): Promise<ReceiptLine[]> {
  await checkWarehouse(ctx.em, warehouseId, 'warehouseId', fields);
  await checkSupplier(ctx, supplierId, 'supplierId', fields);
  if (!lines) return [];
  const checked = await checkLines(ctx, lines, fields);
  let payable = new Decimal(0);
  return lines.map((line, i) => {
    const n = i + 1;
    const quantity = new Decimal(line.quantity);
    const unitCost = new Decimal(line.unitCost);
    if (unitCost.isNegative()) fields[`lines.${i}.unitCost`] = onLine(n, negative('the unit cost must not be negative'));
    else if (unitCost.decimalPlaces() > 4) fields[`lines.${i}.unitCost`] = onLine(n, decimalPlaces(4, 'the unit cost must have at most 4 decimal places'));
    const rate = line.vatRate ?? checked[i].productVatRate ?? '0';
    if (!isVatRate(String(rate))) fields[`lines.${i}.vatRate`] = lineProblem(n, FieldReason.NOT_ONE_OF, 'the VAT rate must be 0, 10 or 22', { values: [...VAT_RATES] });
    const amount = roundMoney(quantity.mul(unitCost));
    if (new Decimal(amount).gt(MAX_MONEY)) fields[`lines.${i}.unitCost`] = lineProblem(n, FieldReason.TOO_LARGE, 'the amount is too large');
    const vat = isVatRate(String(rate)) ? vatOn(amount, rate) : '0.00';
    // the payable is one register row: the total with VAT must fit numeric(19,4) too
    payable = payable.plus(amount).plus(vat);
    if (payable.gt(MAX_MONEY) && !fields[`lines.${i}.unitCost`]) fields[`lines.${i}.unitCost`] = lineProblem(n, FieldReason.TOO_LARGE, "the receipt's total with VAT would be too large");
    return { productId: line.productId, quantity: quantity.toFixed(), unitCost: unitCost.toFixed(), vatRate: new Decimal(rate).toFixed(), amount, vat };
  });
}
