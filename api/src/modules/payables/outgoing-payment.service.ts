import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { noSuch, notNull, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { checkSupplier } from '../inventory/stock-lines';
import { DocumentStatus } from '../ledger/document-status';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { checkAllocationInputs, checkAmount, paymentOfKey } from '../sales/payment-settlement';
import type { PaymentAllocationInput, PaymentApplication } from '../sales/payment.inputs';
import { outgoingPaymentType } from './outgoing-payment.document';
import { OutgoingPayment, OutgoingPaymentAllocation } from './outgoing-payment.entity';
import type { CreateOutgoingPaymentInput, OutgoingPaymentListArgs, UpdateOutgoingPaymentInput } from './outgoing-payment.inputs';

/**
 * Outgoing payments to suppliers: a draft (createOutgoingPayment, then post) or
 * registered and posted at once (paySupplier). With an idempotency key, a retry by the
 * same user returns the first payment (paymentOfKey, as for incoming payments).
 */
export class OutgoingPaymentService extends DocumentService<OutgoingPayment> {
  protected readonly documentType = outgoingPaymentType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'amount', 'method', 'supplier.name'];

  list(ctx: Context, args: OutgoingPaymentListArgs): Promise<Page<OutgoingPayment>> {
    const f = args.filter;
    const conditions = documentConditions<OutgoingPayment>(f, ['number']);
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    if (f?.receiptId) conditions.push({ receiptId: f.receiptId });
    if (f?.method) conditions.push({ method: f.method });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateOutgoingPaymentInput): Promise<OutgoingPayment> {
    const key = input.idempotencyKey?.trim() || null;
    const first = await paymentOfKey(ctx, OutgoingPayment, key, (id) => this.get(ctx, id));
    if (first) return first;
    const fields: FieldMessages = {};
    const amount = checkAmount(input.amount, 'amount', fields);
    if (!(await ctx.services.counterparties.get(ctx, input.supplierId))) fields.supplierId = noSuch('Counterparty', 'no such supplier');
    else await checkSupplier(ctx, input.supplierId, 'supplierId', fields);
    if (input.receiptId) {
      const receipt = await ctx.services.goodsReceipts.get(ctx, input.receiptId);
      if (!receipt || receipt.supplier.id !== input.supplierId) fields.receiptId = noSuch('GoodsReceipt', 'no such goods receipt of the supplier');
    }
    checkAllocationInputs(input.allocations, amount, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const payment = ctx.em.create(OutgoingPayment, {
      number: await this.number(ctx, input.date),
      date: input.date,
      supplier: input.supplierId,
      amount: amount!.toFixed(2),
      method: input.method,
      receiptId: input.receiptId ?? null,
      comment: input.comment?.trim() || null,
      createdById: ctx.user!.id,
      idempotencyKey: key,
    });
    this.setAllocations(ctx.em, payment, input.allocations);
    await ctx.em.flush();
    return payment;
  }

  /** Creates and posts in one transaction; a retry of the key returns the first payment as it is. */
  async register(ctx: Context, input: CreateOutgoingPaymentInput): Promise<OutgoingPayment> {
    const payment = await this.create(ctx, input);
    return payment.status === DocumentStatus.DRAFT ? this.post(ctx, payment.id) : payment;
  }

  async update(ctx: Context, id: string, input: UpdateOutgoingPaymentInput): Promise<OutgoingPayment> {
    const payment = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, OutgoingPayment, id, input.version);
    const fields: FieldMessages = {};
    if (input.amount === null) fields.amount = notNull();
    const amount = input.amount ? checkAmount(input.amount, 'amount', fields) : new Decimal(payment.amount);
    const allocations = input.allocations ?? (await ctx.em.find(OutgoingPaymentAllocation, { payment: payment.id }, { orderBy: { lineNo: 'asc' } }));
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

  /** What each posted payment settled (receipts and landed costs, not its own advance), in one statement for all of them. */
  applications(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, PaymentApplication[]>> {
    return ctx.services.supplierSettlements.applications(ctx, paymentIds);
  }

  /** What is still open of each payment's advance (later receipts consume it). */
  advances(ctx: Context, paymentIds: readonly string[]): Promise<Map<string, string>> {
    return ctx.services.supplierSettlements.advances(ctx, paymentIds);
  }

  private setAllocations(em: EntityManager, payment: OutgoingPayment, allocations: readonly PaymentAllocationInput[]): void {
    allocations.forEach((a, i) => em.create(OutgoingPaymentAllocation, { payment, lineNo: i + 1, documentType: a.documentType, documentId: a.documentId, amount: new Decimal(a.amount).toFixed(2) }));
  }
}
