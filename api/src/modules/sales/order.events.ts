import { registerEnumType } from 'type-graphql';
import type { Context } from '../../server/context';
import { emitAfterCommit } from '../../shared/event-bus';
import { actorOf } from '../crm/client.events';
import type { OrderStatus } from './order-status';

/** After commit, per order whose status or reservation changed (the orderStatusChanged subscription). */
export const ORDER_STATUS_CHANGED = 'ORDER_STATUS_CHANGED';

/** What happened to the order. */
export enum OrderChange {
  CONFIRMED = 'CONFIRMED',
  /** A confirmed order's lines or header were edited (its reservation follows the lines). */
  UPDATED = 'UPDATED',
  RESERVED = 'RESERVED',
  RELEASED = 'RELEASED',
  CANCELLED = 'CANCELLED',
  /** Closed by hand: nothing more will be shipped; what it still held was released. */
  CLOSED = 'CLOSED',
  /** Goods arrived and what the order waited for was reserved. */
  BACKORDER_RESERVED = 'BACKORDER_RESERVED',
  /** The prepayment did not come in time: the reservation was released. */
  RESERVATION_EXPIRED = 'RESERVATION_EXPIRED',
  /** Shipping moved the order on (PARTIALLY_SHIPPED, SHIPPED, CLOSED). */
  STATUS_CHANGED = 'STATUS_CHANGED',
}
registerEnumType(OrderChange, { name: 'OrderChange', description: 'Why orderStatusChanged fired' });

export interface OrderStatusChange extends Record<string, unknown> {
  orderId: string;
  clientId: string;
  number: string;
  status: OrderStatus;
  change: OrderChange;
  /** What the client pays (the client's timeline shows it). */
  total: string;
  /** Who did it: null for the system (a job) and an API key. */
  actorId: string | null;
  occurredAt: string;
}

/** Tells the order's subscribers after commit; events of one order keep their order (aggregate). */
export function emitOrderChanged(ctx: Context, order: { id: string; number: string; status: OrderStatus; total: string; client: { id: string } }, change: OrderChange): void {
  const payload: OrderStatusChange = { orderId: order.id, clientId: order.client.id, number: order.number, status: order.status, change, total: order.total, actorId: actorOf(ctx), occurredAt: new Date().toISOString() };
  emitAfterCommit(ctx, ORDER_STATUS_CHANGED, payload, `order:${order.id}`);
}
