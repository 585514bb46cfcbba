import { domainEvent } from '../../shared/domain-events';

/** After commit, per warehouse × product whose stock moved (the stockChanged subscription). */
export const STOCK_CHANGED = 'STOCK_CHANGED';

/**
 * In the posting transaction: the cost of these products' stock changed from `date` on
 * (a receipt, a landed cost). Pricing reprices its cost-based price types on it, so
 * inventory never calls pricing.
 */
export const StockCostChanged = domainEvent<{ date: string; productIds: string[] }>('StockCostChanged');
