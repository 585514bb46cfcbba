import type { Context } from '../../server/context';
import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { defineDocumentType } from '../ledger/document-type';
import type { Posting } from '../ledger/posting';
import { requireLines } from '../inventory/stock-lines';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity';
import { checkOrder } from './purchase-order.lines';
import { purchasesRegister } from './purchase.registers';

export const PURCHASE_ORDER = 'PurchaseOrder';

/** The register lines of closing an order: past every order line (each order line n closes on line CLOSING_LINE + n). */
export const CLOSING_LINE = 1_000_000;

/**
 * Posting a purchase order (PO-YYYY-NNNNNN): one purchases register row per line, the
 * ordered quantity and amount, which puts the quantity on order in the order's warehouse.
 * Taking it back (unpost, cancel) is refused while posted receipts stand on it.
 */
export const purchaseOrderType = defineDocumentType<PurchaseOrder>({
  type: PURCHASE_ORDER,
  entity: PurchaseOrder,
  prefix: 'PO',
  label: 'Purchase order',
  registers: [purchasesRegister],
  scopedBy: 'supplier',
  async post(ctx: Context, order: PurchaseOrder, posting: Posting) {
    const lines = await ctx.em.find(PurchaseOrderLine, { purchaseOrder: order.id }, { orderBy: { lineNo: 'asc' } });
    requireLines(posting, lines);
    // the supplier, warehouse and products may have changed since the draft was written
    const fields: FieldMessages = {};
    await checkOrder(ctx, order.date, order.warehouse.id, order.supplier.id, lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, price: l.price, vatRate: l.vatRate })), fields);
    if (Object.keys(fields).length) throw badInput(fields);
    order.closedAt = null;
    await posting.write(
      purchasesRegister,
      lines.map((l) => ({ date: order.date, line: l.lineNo, orderId: order.id, orderLine: l.lineNo, warehouseId: order.warehouse.id, productId: l.product.id, supplierId: order.supplier.id, ordered: l.quantity, orderedAmount: l.amount, received: '0', receivedAmount: '0' })),
    );
  },
  async guardRetract(ctx, order, posting) {
    const receipts = await ctx.services.purchaseReceipts.postedReceiptNumbers(ctx, order.id);
    if (receipts.length) throw invalidState(`${posting.name} has posted receipts against it (${receipts.join(', ')}); unpost them first`, { reason: 'RECEIVED', receipts });
  },
  async afterRetract(ctx, order) {
    order.closedAt = null;
  },
});
