import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { Decimal, sumOf } from '../../shared/money';
import { defineDocumentType } from '../ledger/document-type';
import type { Posting } from '../ledger/posting';
import type { RegisterRow } from '../ledger/register';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import { checkReceipt } from './goods-receipt.lines';
import { requireLines } from './stock-lines';
import { receiveIntoLots } from './stock-lots';
import { StockArrived, StockCostChanged } from './stock.events';
import { purchasesRegister } from '../purchasing/purchase.registers';
import { purchaseVatBookRegister, stockRegister, supplierSettlementRegister } from './stock.registers';

export const GOODS_RECEIPT = 'GoodsReceipt';

/**
 * Posting a goods receipt (RC-YYYY-NNNNNN): one FIFO lot and one stock movement per
 * line at its amount, the payable (the total with VAT, owed to the supplier from the
 * receipt's date, due after the supplier's payment terms; open advances paid to the
 * supplier take it first) and one purchase VAT book row per rate (lines 1, 2, … in ascending
 * rate order), and against its purchase order what it received per order line; the cost of the received products changed (StockCostChanged), and changes
 * back when the receipt is taken back.
 */
export const goodsReceiptType = defineDocumentType<GoodsReceipt>({
  type: GOODS_RECEIPT,
  entity: GoodsReceipt,
  prefix: 'RC',
  label: 'Goods receipt',
  registers: [stockRegister, supplierSettlementRegister, purchaseVatBookRegister, purchasesRegister],
  scopedBy: 'supplier',
  async post(ctx: Context, receipt: GoodsReceipt, posting: Posting) {
    const lines = await ctx.em.find(GoodsReceiptLine, { goodsReceipt: receipt.id }, { orderBy: { lineNo: 'asc' } });
    requireLines(posting, lines);
    // the supplier, warehouse, products and prices may have changed since the draft was written
    const fields: FieldMessages = {};
    await checkReceipt(ctx, receipt.warehouse.id, receipt.supplier.id, lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitCost: l.unitCost, vatRate: l.vatRate })), fields);
    if (Object.keys(fields).length) throw badInput(fields);

    const warehouseId = receipt.warehouse.id;
    await receiveIntoLots(posting, warehouseId, lines.map((l) => ({ line: l.lineNo, productId: l.product.id, quantity: l.quantity, unitCost: l.unitCost, value: l.amount })));
    if (receipt.purchaseOrderId) {
      await ctx.services.purchaseReceipts.recordReceipt(ctx, posting, receipt, lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity, unitCost: l.unitCost, amount: l.amount, orderLine: l.orderLine })));
    }
    const owed = sumOf(lines.flatMap((l) => [l.amount, l.vat])).toFixed();
    await ctx.services.supplierSettlements.recordDebt(ctx, posting, { supplierId: receipt.supplier.id, documentType: GOODS_RECEIPT, documentId: receipt.id, amount: owed });
    const rates = [...new Set(lines.map((l) => new Decimal(l.vatRate).toFixed()))].sort((a, b) => new Decimal(a).cmp(b));
    await posting.write(
      purchaseVatBookRegister,
      rates.map((rate, i): RegisterRow => {
        const of = lines.filter((l) => new Decimal(l.vatRate).eq(rate));
        return { date: receipt.date, line: i + 1, supplierId: receipt.supplier.id, rate, amount: sumOf(of.map((l) => l.amount)).toFixed(), vat: sumOf(of.map((l) => l.vat)).toFixed() };
      }),
    );
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: receipt.date, productIds: [...new Set(lines.map((l) => l.product.id))] });
    await ctx.services.domainEvents.raise(ctx, StockArrived, { warehouseId, productIds: [...new Set(lines.map((l) => l.product.id))] });
  },
  async afterRetract(ctx, receipt) {
    const lines = await ctx.em.find(GoodsReceiptLine, { goodsReceipt: receipt.id });
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: receipt.date, productIds: [...new Set(lines.map((l) => l.product.id))] });
  },
});
