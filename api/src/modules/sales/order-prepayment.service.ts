import type { Context } from '../../server/context';
import { AppError, ErrorCode } from '../../shared/errors';
import { defineJob } from '../../shared/jobs';
import { Decimal } from '../../shared/money';
import { OrderStatus } from './order-status';
import { emitOrderChanged, OrderChange } from './order.events';
import type { CustomerOrder } from './order.entity';

declare module '../../shared/jobs' {
  interface JobPayloads {
    'sales.prepayment.expire': { orderId: string; expiresAt: string };
  }
}

/**
 * Orders confirmed awaiting prepayment (issue 12, item 2): reserving starts a clock of
 * salesSettings.prepaymentReservationHours, a pg-boss job created in the reserving
 * transaction (so it exists exactly when the reservation does). When it runs, the order —
 * locked — gives its reservation back unless it was paid (prepaidAt), shipped, cancelled
 * or reserved again meanwhile (a new reservation starts a new clock: the job names the
 * moment it was set for, and only that moment's job acts).
 */
export class OrderPrepaymentService {
  /** Starts (or restarts) the order's clock in the caller's transaction; nothing for an order that needs no prepayment or has it. */
  async startClock(ctx: Context, order: CustomerOrder): Promise<void> {
    if (!order.awaitingPrepayment || order.prepaidAt) {
      order.reservationExpiresAt = null;
      return;
    }
    const { prepaymentReservationHours } = await ctx.services.salesSettings.get(ctx);
    const expiresAt = new Date(Date.now() + new Decimal(prepaymentReservationHours).mul(3_600_000).round().toNumber());
    order.reservationExpiresAt = expiresAt;
    await ctx.services.jobs.enqueue(ctx, 'sales.prepayment.expire', { orderId: order.id, expiresAt: expiresAt.toISOString() }, { startAfter: expiresAt });
  }

  /** The prepayment came (payments call this in their transaction): the order keeps its goods. */
  async recordPrepayment(ctx: Context, orderId: string, at: Date = new Date()): Promise<CustomerOrder> {
    const order = await ctx.services.orders.lock(ctx, orderId);
    order.prepaidAt ??= at;
    order.reservationExpiresAt = null;
    await ctx.em.flush();
    return order;
  }

  /** The job: releases the reservation when the clock it was set for is still running out on an unpaid confirmed order. */
  async expire(ctx: Context, orderId: string, expiresAt: string): Promise<boolean> {
    // an order deleted meanwhile has nothing to release; any other failure fails the job (retried)
    const order = await ctx.services.orders.lock(ctx, orderId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    });
    if (!order || order.status !== OrderStatus.CONFIRMED || !order.awaitingPrepayment || order.prepaidAt) return false;
    if (order.reservationExpiresAt?.toISOString() !== expiresAt) return false;
    await ctx.services.orders.releaseLocked(ctx, order);
    order.reservationExpiresAt = null;
    await ctx.em.flush();
    emitOrderChanged(ctx, order, OrderChange.RESERVATION_EXPIRED);
    return true;
  }
}

export const prepaymentJobs = [
  defineJob('sales.prepayment.expire', async (ctx, { orderId, expiresAt }) => void (await ctx.services.orderPrepayments.expire(ctx, orderId, expiresAt)), { retryDelaySeconds: 5 }),
];
