import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { baseConditions, isUuid, listPage } from '../../shared/crud';
import { badInput, conflict, invalidState, notFound } from '../../shared/errors';
import { FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { actsOnlyAsPartner } from '../identity/permissions';
import { User } from '../identity/user.entity';
import { nextDocumentNumber } from '../ledger/document-number';
import { PriceType } from '../pricing/price-type.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { priceOrder, type PricedOrder } from './order-lines';
import { OrderStatus } from './order-status';
import { emitOrderChanged, OrderChange } from './order.events';
import { CustomerOrder, CustomerOrderLine } from './order.entity';
import type { CreateOrderInput, OrderListArgs, UpdateOrderInput } from './order.inputs';
import type { CreditOverrideInput } from './credit-control.inputs';

export const ORDER_PREFIX = 'OR';
const SORTABLE = ['number', 'date', 'status', 'promisedDate', 'total', 'createdAt', 'updatedAt', 'client.name', 'warehouse.code'] as const;

/**
 * Customer orders (issue 12): drafts priced through `quote` as they are edited; confirm
 * freezes the prices and reserves (OrderReservationService); a confirmed order's edit
 * re-prices only changed lines and re-reserves only the difference; cancel releases
 * everything. Record rules: a manager sees their clients' orders, a partner its own; an
 * order outside them is NOT_FOUND.
 */
export class OrderService {
  /** The record rule as a condition on orders (null: every order). */
  scope(ctx: Context): FilterQuery<CustomerOrder> | null {
    const clients = ctx.services.counterparties.scope(ctx.user);
    return clients ? ({ client: clients } as FilterQuery<CustomerOrder>) : null;
  }

  get(ctx: Context, id: string): Promise<CustomerOrder | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const scope = this.scope(ctx);
    return ctx.em.findOne(CustomerOrder, scope ? { $and: [{ id }, scope] } : { id });
  }

  list(ctx: Context, args: OrderListArgs): Promise<Page<CustomerOrder>> {
    const f = args.filter;
    const conditions = baseConditions<CustomerOrder>(f, ['number']);
    if (f?.status) conditions.push({ status: f.status });
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.dateFrom) conditions.push({ date: { $gte: f.dateFrom } });
    if (f?.dateTo) conditions.push({ date: { $lte: f.dateTo } });
    const scope = this.scope(ctx);
    if (scope) conditions.push(scope);
    return listPage(ctx.em, CustomerOrder, conditions, args, SORTABLE, 'number');
  }

  /** The order, read afresh and locked until the transaction ends; NOT_FOUND when missing or out of scope. */
  async lock(ctx: Context, id: string): Promise<CustomerOrder> {
    const scope = this.scope(ctx);
    const order = isUuid(id) ? await ctx.em.findOne(CustomerOrder, scope ? { $and: [{ id }, scope] } : { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!order) throw notFound('Order', id);
    return order;
  }

  async create(ctx: Context, input: CreateOrderInput): Promise<CustomerOrder> {
    const key = input.idempotencyKey?.trim() || null;
    if (key) {
      // retries of one key queue here; each then finds what the first committed
      await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`order:${ctx.user!.id}:${key}`]);
      const first = await ctx.em.findOne(CustomerOrder, { createdById: ctx.user!.id, idempotencyKey: key });
      if (first) {
        if (!(await this.get(ctx, first.id))) throw notFound('Order', first.id);
        return first;
      }
    }
    const fields: FieldMessages = {};
    await this.checkHeader(ctx, { warehouseId: input.warehouseId, managerId: input.managerId, promisedDate: input.promisedDate }, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const priced = await priceOrder(ctx, { clientId: input.clientId, date: input.date, promoCode: input.promoCode }, input.lines);
    const order = ctx.em.create(CustomerOrder, {
      number: await nextDocumentNumber(ctx.em, ORDER_PREFIX, input.date),
      date: input.date,
      client: priced.client,
      manager: input.managerId ?? priced.client.owner?.id ?? null,
      warehouse: input.warehouseId,
      priceType: priced.priceType,
      contractId: input.contractId ?? null,
      promisedDate: input.promisedDate ?? null,
      paymentTermsDays: input.paymentTermsDays ?? priced.client.paymentTermsDays,
      promoCode: input.promoCode?.trim() || null,
      comment: input.comment?.trim() || null,
      createdById: ctx.user!.id,
      idempotencyKey: key,
    });
    this.setLines(ctx.em, order, priced);
    await ctx.em.flush();
    return order;
  }

  /**
   * A draft: everything. A confirmed order: manager, contract, promised date, payment
   * terms, comment and lines — the lines re-priced where they changed and the
   * reservations moved by the difference; its date, warehouse and promo code stay.
   */
  async update(ctx: Context, id: string, input: UpdateOrderInput): Promise<CustomerOrder> {
    const order = await this.lock(ctx, id);
    if (order.version !== input.version) {
      throw conflict(`Order ${order.number} was changed by someone else (version ${order.version}, yours ${input.version}); reload it`, { reason: 'STALE_VERSION', currentVersion: order.version });
    }
    const confirmed = order.status === OrderStatus.CONFIRMED;
    // a shipped line's price is on its shipments: an order that began shipping is no longer edited
    if (order.status !== OrderStatus.DRAFT && !confirmed) throw invalidState(`Order ${order.number} is ${order.status}; only a draft or a confirmed order can be edited`, { status: order.status });
    const fields: FieldMessages = {};
    if (confirmed) {
      for (const field of ['date', 'warehouseId', 'promoCode'] as const) {
        if (input[field] !== undefined && input[field] !== null) fields[field] = problem(FieldReason.INVALID, 'cannot change once the order is confirmed');
      }
    }
    await this.checkHeader(ctx, { warehouseId: input.warehouseId ?? undefined, managerId: input.managerId, promisedDate: input.promisedDate }, fields);
    if (Object.keys(fields).length) throw badInput(fields);

    if (input.date) order.date = input.date;
    if (input.warehouseId) order.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.promoCode !== undefined) order.promoCode = input.promoCode?.trim() || null;
    if (input.managerId !== undefined) order.manager = input.managerId ? ctx.em.getReference(User, input.managerId, { wrapped: true }) : null;
    if (input.contractId !== undefined) order.contractId = input.contractId;
    if (input.promisedDate !== undefined) order.promisedDate = input.promisedDate;
    if (input.paymentTermsDays !== undefined && input.paymentTermsDays !== null) order.paymentTermsDays = input.paymentTermsDays;
    if (input.comment !== undefined) order.comment = input.comment?.trim() || null;

    const old = await ctx.em.find(CustomerOrderLine, { order: order.id }, { orderBy: { lineNo: 'asc' } });
    if (input.lines || input.date || input.promoCode !== undefined) {
      const lines = input.lines ?? old.map((l) => ({ productId: l.product.id, quantity: l.quantity, manualDiscountPercent: l.manualDiscountPercent }));
      const priced = await priceOrder(ctx, { clientId: order.client.id, date: order.date, promoCode: order.promoCode }, lines, confirmed ? old : []);
      for (const line of old) ctx.em.remove(line);
      await ctx.em.flush();
      const fresh = this.setLines(ctx.em, order, priced);
      order.updatedAt = new Date();
      await ctx.em.flush();
      if (confirmed) await ctx.services.orderReservations.reconcile(ctx, order, fresh, quantities(fresh), order.allowBackorder);
    }
    await ctx.em.flush();
    if (confirmed) emitOrderChanged(ctx, order, OrderChange.UPDATED);
    return order;
  }

  async delete(ctx: Context, id: string): Promise<CustomerOrder> {
    const order = await this.lock(ctx, id);
    if (order.status !== OrderStatus.DRAFT) throw invalidState(`Order ${order.number} is ${order.status}; only a draft can be deleted`, { status: order.status });
    await order.lines.init();
    ctx.em.remove(order);
    await ctx.em.flush();
    return order;
  }

  /**
   * Freezes the prices and reserves every line (INSUFFICIENT_STOCK for what stock cannot
   * cover, unless allowBackorder), within the client's credit (CREDIT_LIMIT_EXCEEDED unless
   * a head overrides it). Awaiting prepayment, the reservation is held for
   * salesSettings.prepaymentReservationHours (OrderPrepaymentService).
   */
  async confirm(ctx: Context, id: string, allowBackorder: boolean, awaitingPrepayment = false, creditOverride: CreditOverrideInput | null = null): Promise<CustomerOrder> {
    const order = await this.lock(ctx, id);
    if (order.status !== OrderStatus.DRAFT) throw invalidState(`Order ${order.number} is ${order.status}; only a draft can be confirmed`, { status: order.status });
    const lines = await this.linesOf(ctx, order);
    const fields: FieldMessages = {};
    // a draft made by winning a deal starts without lines
    if (!lines.length) fields.lines = problem(FieldReason.TOO_FEW, `order ${order.number} has no lines; add at least one before confirming`, { min: 1 });
    // what the draft names may have changed since it was saved
    await this.checkHeader(ctx, { warehouseId: order.warehouse.id, promisedDate: order.promisedDate }, fields);
    const facts = await ctx.services.products.facts(ctx.em, lines.map((l) => l.product.id));
    lines.forEach((line, i) => {
      const product = facts.get(line.product.id);
      if (product && !product.active) fields[`lines.${i}.productId`] = problem(FieldReason.INACTIVE, `line ${i + 1}: ${product.sku} is not active`, { entity: 'Product', name: product.sku });
    });
    if (Object.keys(fields).length) throw badInput(fields);
    await ctx.services.creditControl.checkConfirmation(ctx, order, creditOverride);
    order.status = OrderStatus.CONFIRMED;
    order.confirmedAt = new Date();
    order.allowBackorder = allowBackorder;
    order.awaitingPrepayment = awaitingPrepayment;
    await ctx.em.flush();
    await ctx.services.orderReservations.reconcile(ctx, order, lines, quantities(lines), allowBackorder);
    await ctx.services.orderPrepayments.startClock(ctx, order);
    await ctx.em.flush();
    emitOrderChanged(ctx, order, OrderChange.CONFIRMED);
    return order;
  }

  /** A confirmed order reserves again what its lines do not hold (after a release, or for backorders once goods came). */
  async reserve(ctx: Context, id: string, allowBackorder: boolean | null | undefined): Promise<CustomerOrder> {
    const order = await this.lockConfirmed(ctx, id, 'reserved');
    if (allowBackorder !== null && allowBackorder !== undefined) order.allowBackorder = allowBackorder;
    const lines = await this.linesOf(ctx, order);
    // a partially shipped order holds what is left to ship
    const shipping = await ctx.services.shipmentControl.shippingOf(ctx, [order.id]);
    const left = new Map(lines.map((l) => [l.product.id, Decimal.max(0, new Decimal(l.quantity).minus(shipping.get(l.id)?.shipped ?? 0)).toFixed()]));
    await ctx.services.orderReservations.reconcile(ctx, order, lines, left, order.allowBackorder);
    // reserving again gives an unpaid order a new clock
    await ctx.services.orderPrepayments.startClock(ctx, order);
    await ctx.em.flush();
    emitOrderChanged(ctx, order, OrderChange.RESERVED);
    return order;
  }

  /**
   * Goods arrived (OrderBackorderService's job, as the system): a confirmed order waiting
   * for them reserves what its lines lack, backorders still allowed; its prepayment clock
   * runs on. False when the order is no longer confirmed (it was cancelled meanwhile).
   */
  async reserveBackorders(ctx: Context, id: string): Promise<boolean> {
    const order = await this.lock(ctx, id);
    if (order.status !== OrderStatus.CONFIRMED) return false;
    const lines = await this.linesOf(ctx, order);
    const before = lines.map((l) => l.backordered);
    await ctx.services.orderReservations.reconcile(ctx, order, lines, quantities(lines), true);
    if (lines.some((l, i) => !new Decimal(l.backordered).eq(before[i]))) emitOrderChanged(ctx, order, OrderChange.BACKORDER_RESERVED);
    return true;
  }

  /** A confirmed order gives back everything it holds reserved and waits for nothing; it stays confirmed. */
  async release(ctx: Context, id: string): Promise<CustomerOrder> {
    const order = await this.lockConfirmed(ctx, id, 'released');
    await this.releaseLocked(ctx, order);
    order.reservationExpiresAt = null;
    await ctx.em.flush();
    emitOrderChanged(ctx, order, OrderChange.RELEASED);
    return order;
  }

  /** Releases everything an order the caller has locked holds (release, and the prepayment clock running out). */
  async releaseLocked(ctx: Context, order: CustomerOrder): Promise<void> {
    await ctx.services.orderReservations.reconcile(ctx, order, await this.linesOf(ctx, order), new Map(), true);
  }

  async cancel(ctx: Context, id: string): Promise<CustomerOrder> {
    const order = await this.lock(ctx, id);
    if (order.status === OrderStatus.CANCELLED) throw invalidState(`Order ${order.number} is already CANCELLED`, { status: order.status });
    if (order.status === OrderStatus.SHIPPED || order.status === OrderStatus.CLOSED) throw invalidState(`Order ${order.number} is ${order.status}; nothing is left to cancel`, { status: order.status });
    // a partially shipped order keeps what it shipped and gives back what it still holds
    if (order.status === OrderStatus.CONFIRMED || order.status === OrderStatus.PARTIALLY_SHIPPED) await ctx.services.orderReservations.releaseAll(ctx, order, await this.linesOf(ctx, order));
    order.status = OrderStatus.CANCELLED;
    order.reservationExpiresAt = null;
    await ctx.em.flush();
    emitOrderChanged(ctx, order, OrderChange.CANCELLED);
    return order;
  }

  /**
   * Nothing more will be shipped: a shipped order is closed, or a partially shipped one whose
   * rest the client no longer wants — what it still holds is released and it waits for
   * nothing. Its shipments stay (and may no longer be unposted); an order that shipped
   * nothing is cancelled instead (INVALID_STATE).
   */
  async close(ctx: Context, id: string): Promise<CustomerOrder> {
    const order = await this.lock(ctx, id);
    if (order.status !== OrderStatus.SHIPPED && order.status !== OrderStatus.PARTIALLY_SHIPPED) {
      throw invalidState(`Order ${order.number} is ${order.status}; only a shipped or partially shipped order can be closed${order.status === OrderStatus.CONFIRMED ? ' (cancel it instead)' : ''}`, { status: order.status });
    }
    if (order.status === OrderStatus.PARTIALLY_SHIPPED) await ctx.services.orderReservations.releaseAll(ctx, order, await this.linesOf(ctx, order));
    order.status = OrderStatus.CLOSED;
    order.reservationExpiresAt = null;
    await ctx.em.flush();
    emitOrderChanged(ctx, order, OrderChange.CLOSED);
    return order;
  }

  /** A confirmed or partially shipped order, locked: what it reserves and releases is what is left to ship. */
  private async lockConfirmed(ctx: Context, id: string, verb: string): Promise<CustomerOrder> {
    const order = await this.lock(ctx, id);
    if (order.status !== OrderStatus.CONFIRMED && order.status !== OrderStatus.PARTIALLY_SHIPPED) throw invalidState(`Order ${order.number} is ${order.status}; only a confirmed or partially shipped order can be ${verb}`, { status: order.status });
    return order;
  }

  private linesOf(ctx: Context, order: CustomerOrder): Promise<CustomerOrderLine[]> {
    return ctx.em.find(CustomerOrderLine, { order: order.id }, { orderBy: { lineNo: 'asc' } });
  }

  /** The warehouse (active; for a partner, one that ships to partners), the manager (a user; a partner's order takes its client's owner) and a promised date not in the past. */
  private async checkHeader(ctx: Context, header: { warehouseId?: string; managerId?: string | null; promisedDate?: string | null }, fields: FieldMessages): Promise<void> {
    if (header.warehouseId) {
      const warehouse = await ctx.services.warehouses.get(ctx, header.warehouseId);
      const partner = actsOnlyAsPartner(ctx.user);
      if (!warehouse || (partner && !warehouse.partnerShipping)) fields.warehouseId = noSuch('Warehouse', 'no such warehouse');
      else if (!warehouse.active) fields.warehouseId = problem(FieldReason.INACTIVE, `${warehouse.code} is inactive`, { entity: 'Warehouse', name: warehouse.name });
    }
    if (header.managerId) {
      if (actsOnlyAsPartner(ctx.user)) fields.managerId = problem(FieldReason.INVALID, "a partner's order is managed by its client's owner");
      else if (!(await ctx.services.users.get(ctx, header.managerId))) fields.managerId = noSuch('User', 'no such user');
    }
    const today = localToday();
    if (header.promisedDate && header.promisedDate < today) fields.promisedDate = problem(FieldReason.NOT_BEFORE, `must not be in the past (today is ${today})`, { field: 'today', value: today });
  }

  private setLines(em: EntityManager, order: CustomerOrder, priced: PricedOrder): CustomerOrderLine[] {
    order.priceType = em.getReference(PriceType, priced.priceType.id, { wrapped: true });
    order.amount = priced.amount;
    order.vat = priced.vat;
    order.total = priced.total;
    return priced.lines.map(({ productId, ...line }, i) => em.create(CustomerOrderLine, { ...line, order, lineNo: i + 1, product: productId }));
  }
}

const quantities = (lines: readonly CustomerOrderLine[]) => new Map(lines.map((l) => [l.product.id, l.quantity]));
