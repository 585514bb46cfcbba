import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { noSuch, notNull, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { DocumentStatus } from '../ledger/document-status';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { incomingPaymentType } from './payment.document';
import { checkAllocationInputs, checkAmount, paymentOfKey } from './payment-settlement';
import { IncomingPayment, PaymentAllocation } from './payment.entity';
import type { CreateIncomingPaymentInput, PaymentAllocationInput, PaymentApplication, PaymentListArgs, UpdateIncomingPaymentInput } from './payment.inputs';
import { checkClient } from './sales-lines.check';

/**
 * Incoming payments: a draft (createIncomingPayment, then post) or registered and posted
 * at once (registerPayment). With an idempotency key, a retry by the same user returns
 * the first payment: retries queue on an advisory lock of the key and find what the
 * first committed; the unique (user, key) constraint is the database's last word.
 */
export class PaymentService extends DocumentService<IncomingPayment> {
  protected readonly documentType = incomingPaymentType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'amount', 'method', 'client.name'];

  list(ctx: Context, args: PaymentListArgs): Promise<Page<IncomingPayment>> {
    const f = args.filter;
    const conditions = documentConditions<IncomingPayment>(f, ['number']);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.orderId) conditions.push({ orderId: f.orderId });
    if (f?.method) conditions.push({ method: f.method });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateIncomingPaymentInput): Promise<IncomingPayment> {
    const key = input.idempotencyKey?.trim() || null;
    const first = await paymentOfKey(ctx, IncomingPayment, key, (id) => this.get(ctx, id));
    if (first) return first;
    const fields: FieldMessages = {};
    const amount = checkAmount(input.amount, 'amount', fields);
    await checkClient(ctx, input.clientId, fields);
    let orderId = input.orderId ?? null;
    if (input.invoiceId) {
      const invoice = await ctx.services.invoices.get(ctx, input.invoiceId);
      if (!invoice || invoice.client.id !== input.clientId) fields.invoiceId = noSuch('Invoice', "no such invoice of the client");
      else orderId ??= invoice.orderId ?? null;
    }
    if (input.orderId) {
      const order = await ctx.services.orders.get(ctx, input.orderId);
      if (!order || order.client.id !== input.clientId) fields.orderId = noSuch('Order', 'no such order of the client');
    }
    checkAllocationInputs(input.allocations, amount, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const payment = ctx.em.create(IncomingPayment, {
      number: await this.number(ctx, input.date),
      date: input.date,
      client: input.clientId,
      amount: amount!.toFixed(2),
      method: input.method,
      orderId,
      invoiceId: input.invoiceId ?? null,
      comment: input.comment?.trim() || null,
      createdById: ctx.user!.id,
      idempotencyKey: key,
    });
    this.setAllocations(ctx.em, payment, input.allocations);
    await ctx.em.flush();
    return payment;
  }

  /** Creates and posts in one transaction; a retry of the key returns the first payment as it is. */
  async register(ctx: Context, input: CreateIncomingPaymentInput): Promise<IncomingPayment> {
    const payment = await this.create(ctx, input);
    return payment.status === DocumentStatus.DRAFT ? this.post(ctx, payment.id) : payment;
  }

  async update(ctx: Context, id: string, input: UpdateIncomingPaymentInput): Promise<IncomingPayment> {
    const payment = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, IncomingPayment, id, input.version);
    const fields: FieldMessages = {};
    if (input.amount === null) fields.amount = notNull();
    const amount = input.amount ? checkAmount(input.amount, 'amount', fields) : new Decimal(payment.amount);
    const allocations = input.allocations ?? (await ctx.em.find(PaymentAllocation, { payment: payment.id }, { orderBy: { lineNo: 'asc' } }));
    checkAllocationInputs(allocations, amount, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (amount) payment.amount = amount.toFixed(2);
    if (input.method) payment.method = input.method;
    if (input.date) payment.date = input.date;
    if (input.comment !== undefined) payment.comment = input.comment?.trim() || null;
    if (input.allocations) {
      await this.clearLines(ctx.em, payment);
      this.setAllocations(ctx.em, payment, input.allocations);
    }
    await ctx.em.flush();
    return payment;
  }

  /** What each posted payment settled (debts, not its own advance), by document number, in one statement for all of them. */
  applications(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, PaymentApplication[]>> {
    return ctx.services.clientSettlements.applications(ctx, paymentIds);
  }

  /** What is still open of each payment's advance (later debts consume it). */
  advances(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, string>> {
    return ctx.services.clientSettlements.advances(ctx, paymentIds);
  }

  private setAllocations(em: EntityManager, payment: IncomingPayment, allocations: readonly PaymentAllocationInput[]): void {
    allocations.forEach((a, i) => em.create(PaymentAllocation, { payment, lineNo: i + 1, documentType: a.documentType, documentId: a.documentId, amount: new Decimal(a.amount).toFixed(2) }));
  }
}
