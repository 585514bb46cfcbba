import { MAX_MONEY, MAX_QUANTITY } from '../../shared/money';
import { defineRegister } from '../ledger/register';

/**
 * The purchases register (DESIGN §4): per purchase order line, what was ordered (the
 * order's posting, + quantity and amount) and what came (receipts against it, + received
 * quantity and amount). On order = ordered − received, per line and summed per
 * warehouse × product; the balance row of an order line is the lock every receipt
 * against it takes before it checks what is left.
 */
export const purchasesRegister = defineRegister({
  name: 'purchases',
  table: 'purchase_register',
  kind: 'accumulation',
  dimensions: { orderId: 'uuid', orderLine: 'int', warehouseId: 'uuid', productId: 'uuid', supplierId: 'uuid' },
  resources: { ordered: 'numeric', orderedAmount: 'numeric', received: 'numeric', receivedAmount: 'numeric' },
  balance: {
    table: 'purchase_order_balance',
    by: ['orderId', 'orderLine', 'warehouseId', 'productId'],
    limits: {
      received: { max: MAX_QUANTITY.toFixed(), describe: 'quantity received against the order line' },
      receivedAmount: { max: MAX_MONEY.toFixed(), describe: 'amount received against the order line' },
    },
  },
});
