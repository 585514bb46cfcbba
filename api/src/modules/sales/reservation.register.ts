import { emitAfterCommit } from '../../shared/event-bus';
import { MAX_QUANTITY } from '../../shared/money';
import { STOCK_CHANGED } from '../inventory/stock.events';
import { defineRegister } from '../ledger/register';

/**
 * Reservations (DESIGN §4, issue 12): per warehouse × product, + when an order reserves
 * and − when it releases; the balance is the reserved column of the stock balance, so a
 * reservation takes the same row lock, in the same (warehouse, product) order, as every
 * stock posting, and the CHECK on that row refuses more reserved than on hand where
 * negative stock is forbidden. A balance row made by a reservation starts with nothing on
 * hand. Reserving and releasing change what is available: stockChanged after commit.
 */
export const reservationRegister = defineRegister({
  name: 'reservation',
  table: 'stock_reservation',
  kind: 'accumulation',
  dimensions: { warehouseId: 'uuid', productId: 'uuid' },
  resources: { quantity: 'numeric' },
  /** The order the goods are held for (a shipment's rows release its order's reservation). */
  attributes: { orderId: 'uuid' },
  balance: {
    table: 'stock_balance',
    by: ['warehouseId', 'productId'],
    columns: { quantity: 'reserved' },
    onCreate: { on_hand: '0', cost: '0', allows_negative: '(select w.allows_negative_stock from warehouse w where w.id = k.warehouse_id)' },
    limits: { quantity: { max: MAX_QUANTITY.toFixed(), describe: 'reserved quantity of its product in the warehouse' } },
  },
  hooks: {
    changed(ctx, keys) {
      for (const key of keys) emitAfterCommit(ctx, STOCK_CHANGED, { warehouseId: key.warehouseId, productId: key.productId });
    },
  },
});
