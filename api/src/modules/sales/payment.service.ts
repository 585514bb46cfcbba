import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput, notFound } from '../../shared/errors';
import { FieldReason, decimalPlaces, noSuch, notNull, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal, MAX_MONEY, sumOf } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { DocumentStatus } from '../ledger/document-status';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { incomingPaymentType } from './payment.document';
import { IncomingPayment, PaymentAllocation } from './payment.entity';
import type { CreateIncomingPaymentInput, PaymentAllocationInput, PaymentApplication, PaymentListArgs, UpdateIncomingPaymentInput } from './payment.inputs';
import { checkClient } from './sales-lines.check';
import { documentNumbers, INCOMING_PAYMENT } from './client-settlement.service';

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
    if (key) {
      await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`payment:${ctx.user!.id}:${key}`]);
      const first = await ctx.em.findOne(IncomingPayment, { createdById: ctx.user!.id, idempotencyKey: key });
      if (first) {
        if (!(await this.get(ctx, first.id))) throw notFound('IncomingPayment', first.id);
        return first;
      }
    }
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
  async applications(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, PaymentApplication[]>> {
    const rows: { recorder_id: string; document_type: string; document_id: string; amount: string }[] = paymentIds.length
      ? await ctx.em.execute(
          `select recorder_id, document_type, document_id, (-sum(amount))::text as amount from client_settlement
           where recorder_type = ? and recorder_id in (?) and document_id <> recorder_id
           group by recorder_id, document_type, document_id having sum(amount) <> 0`,
          [INCOMING_PAYMENT, [...paymentIds]],
        )
      : [];
    const numbers = await documentNumbers(ctx, rows.map((r) => ({ type: r.document_type, id: r.document_id })));
    const byPayment = new Map<string, PaymentApplication[]>();
    for (const r of rows) byPayment.set(r.recorder_id, [...(byPayment.get(r.recorder_id) ?? []), { documentType: r.document_type, documentId: r.document_id, number: numbers.get(r.document_id) ?? null, amount: r.amount }]);
    for (const list of byPayment.values()) list.sort((a, b) => (a.number ?? a.documentId).localeCompare(b.number ?? b.documentId));
    return byPayment;
  }

  /** What is still open of each payment's advance (later debts consume it). */
  async advances(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { document_id: string; open: string }[] = paymentIds.length
      ? await ctx.em.execute(`select document_id, (-sum(amount))::text as open from client_settlement where document_type = ? and document_id in (?) group by document_id`, [INCOMING_PAYMENT, [...paymentIds]])
      : [];
    return new Map(rows.map((r) => [r.document_id, r.open]));
  }

  private setAllocations(em: EntityManager, payment: IncomingPayment, allocations: readonly PaymentAllocationInput[]): void {
    allocations.forEach((a, i) => em.create(PaymentAllocation, { payment, lineNo: i + 1, documentType: a.documentType, documentId: a.documentId, amount: new Decimal(a.amount).toFixed(2) }));
  }
}

/** An amount of money: greater than 0, to the kopeck, within numeric(19,4). */
function checkAmount(value: string, field: string, fields: FieldMessages): Decimal | null {
  const amount = new Decimal(value);
  if (amount.lte(0)) fields[field] = problem(FieldReason.GREATER_THAN, 'must be greater than 0', { min: 0 });
  else if (amount.decimalPlaces() > 2) fields[field] = decimalPlaces(2, 'must be to the kopeck (at most 2 decimal places)');
  else if (amount.gt(MAX_MONEY)) fields[field] = problem(FieldReason.TOO_LARGE, 'is too large');
  else return amount;
  return null;
}

/** Each allocation > 0 to the kopeck; together at most the payment (what each debt owes is checked when it is posted). */
function checkAllocationInputs(allocations: readonly { amount: string }[], amount: Decimal | null, fields: FieldMessages): void {
  allocations.forEach((a, i) => checkAmount(a.amount, `allocations.${i}.amount`, fields));
  const total = sumOf(allocations.map((a) => a.amount));
  if (amount && allocations.length && total.gt(amount)) fields.allocations = problem(FieldReason.AT_MOST, `the allocations add up to ${total.toFixed(2)}, more than the payment's ${amount.toFixed(2)}`, { max: amount.toFixed(2) });
}
