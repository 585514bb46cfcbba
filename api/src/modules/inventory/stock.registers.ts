import { emitAfterCommit } from '../../shared/event-bus';
import { MAX_MONEY, MAX_QUANTITY } from '../../shared/money';
import { defineRegister } from '../ledger/register';
import { settledGuard } from '../sales/settlement-guard';
import { assertNotAdjusted } from './cost-adjustment';
import { STOCK_CHANGED } from './stock.events';
import { deleteLotsOf, refuseWhileLotsConsumed, restoreConsumedLots } from './stock-lots';

/**
 * The stock register (DESIGN §4): per warehouse × product × lot, ± quantity and ± cost;
 * balances per warehouse × product (on hand, cost; reserved is the reservations' column)
 * and month totals. A balance row follows its warehouse's negative-stock policy: the
 * CHECK on it refuses on hand below zero or reserved above on hand where that is
 * forbidden. Around a recorder's rows the register keeps the FIFO lots: unposting is
 * refused while other documents took from the recorder's lots or a landed cost adjusted
 * what it took; then its source lots get back exactly what it took, and its own lots go.
 */
export const stockRegister = defineRegister({
  name: 'stock',
  table: 'stock_movement',
  kind: 'accumulation',
  dimensions: { warehouseId: 'uuid', productId: 'uuid', lotId: 'uuid' },
  resources: { quantity: 'numeric', cost: 'numeric' },
  balance: {
    table: 'stock_balance',
    by: ['warehouseId', 'productId'],
    columns: { quantity: 'on_hand' },
    onCreate: { allows_negative: '(select w.allows_negative_stock from warehouse w where w.id = k.warehouse_id)' },
    limits: {
      quantity: { max: MAX_QUANTITY.toFixed(), describe: 'stock of its product in the warehouse' },
      cost: { max: MAX_MONEY.toFixed(), describe: 'stock value of its product in the warehouse' },
    },
  },
  periodTotals: { table: 'stock_month_total' },
  hooks: {
    async guardRetract(ctx, recorder, name) {
      await assertNotAdjusted(ctx, recorder, name);
      await refuseWhileLotsConsumed(ctx, recorder, name);
    },
    beforeRetract: (ctx, recorder) => restoreConsumedLots(ctx.em, recorder),
    afterRetract: (ctx, recorder) => deleteLotsOf(ctx.em, recorder),
    changed(ctx, keys) {
      for (const key of keys) emitAfterCommit(ctx, STOCK_CHANGED, { warehouseId: key.warehouseId, productId: key.productId });
    },
  },
});

/** Expenses (+) and income (−) from stock: write-offs by reason, count shortages and surpluses, landed costs of goods already gone. */
export const expenseRegister = defineRegister({
  name: 'expense',
  table: 'expense_register',
  kind: 'accumulation',
  dimensions: { warehouseId: 'uuid', productId: 'uuid', reason: 'text' },
  resources: { amount: 'numeric' },
});

/**
 * What we owe suppliers (issue 14 §7): + when a goods receipt or a landed cost makes a
 * debt, − when an outgoing payment settles it. Like the clients' settlements, each row
 * names the document the amount is open against (a debt, or a payment's advance while no
 * receipt has taken it), a debt's due date travels with its rows, the balance per
 * supplier is the lock that orders its settlements and month totals keep the
 * reconciliation statement's opening balance O(1).
 */
export const supplierSettlementRegister = defineRegister({
  name: 'supplierSettlement',
  table: 'supplier_settlement',
  kind: 'accumulation',
  dimensions: { supplierId: 'uuid', documentType: 'text', documentId: 'uuid' },
  resources: { amount: 'numeric' },
  attributes: { dueDate: 'date' },
  balance: {
    table: 'supplier_balance',
    by: ['supplierId'],
    limits: { amount: { max: MAX_MONEY.toFixed(), describe: "supplier's balance" } },
  },
  periodTotals: { table: 'supplier_settlement_month_total' },
  hooks: { guardRetract: settledGuard('supplier_settlement', 'OutgoingPayment') },
});

/** The purchase VAT book: per document and VAT rate, the amount without VAT and the VAT. */
export const purchaseVatBookRegister = defineRegister({
  name: 'purchaseVatBook',
  table: 'purchase_vat_book',
  kind: 'accumulation',
  dimensions: { supplierId: 'uuid', rate: 'numeric' },
  resources: { amount: 'numeric', vat: 'numeric' },
});
