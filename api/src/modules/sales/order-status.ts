import { registerEnumType } from 'type-graphql';

/**
 * A customer order's life (issue 12): a DRAFT is priced as it is edited; confirming it
 * freezes its prices and reserves its goods; CANCELLED releases everything. Shipments
 * (a later slice) take it on to PARTIALLY_SHIPPED, SHIPPED and CLOSED.
 */
export enum OrderStatus {
  DRAFT = 'DRAFT',
  CONFIRMED = 'CONFIRMED',
  /** Some goods have gone, some are still to ship. */
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  /** Everything ordered has been shipped (or acted, for services). */
  SHIPPED = 'SHIPPED',
  /** Shipped and settled, or closed by hand with nothing more to ship. */
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });
