import { domainEvent } from '../../shared/domain-events';

/** After commit, per warehouse × product whose stock moved (the stockChanged subscription). */
export const STOCK_CHANGED = 'STOCK_CHANGED';

/**
 * In the posting transaction: the average cost of these products' stock changed from
 * `date` on (a receipt, a landed cost, a write-off, a stock count with a difference, and
 * taking a receipt, write-off or count back; a transfer moves cost between warehouses and
 * changes no average). Pricing reprices its cost-based price types on it, so inventory
 * never calls pricing.
 */
export const StockCostChanged = domainEvent<{ date: string; productIds: string[] }>('StockCostChanged');

/**
 * In the posting transaction: goods came into a warehouse (a goods receipt or a transfer
 * was posted). Sales re-reserves the orders waiting for them on it, so inventory never
 * calls sales.
 */
export const StockArrived = domainEvent<{ warehouseId: string; productIds: string[] }>('StockArrived');
