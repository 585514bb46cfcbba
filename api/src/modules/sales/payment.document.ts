import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal, sumOf } from '../../shared/money';
import { defineDocumentType } from '../ledger/document-type';
import type { Posting } from '../ledger/posting';
import { INCOMING_PAYMENT, type ClientOpenItem, type SettlementEntry } from './client-settlement.service';
import { IncomingPayment, PaymentAllocation } from './payment.entity';
import { allocateOldestFirst, type Applied } from './settlement-allocation';
import { clientSettlementRegister } from './sales.registers';

/**
 * Posting an incoming payment (PM-YYYY-NNNNNN) marks the order it names prepaid (it keeps
 * its reservation), then, under the client's balance lock, settles the debts it names,
 * each at most what it still owes, or else the oldest open debts first; what is left
 * stays open against the payment itself (an advance) for later debts. A
 * debt dated after the payment is settled on its own date, through the advance, so every
 * "as of" view sees the money when it came and the debt when it arose.
 */
export const incomingPaymentType = defineDocumentType<IncomingPayment>({
  type: INCOMING_PAYMENT,
  entity: IncomingPayment,
  prefix: 'PM',
  label: 'Payment',
  registers: [clientSettlementRegister],
  scopedBy: 'client',
  async post(ctx: Context, payment: IncomingPayment, posting: Posting) {
    const clientId = payment.client.id;
    // the order it names is prepaid and keeps its reservation; its lock comes before the client's balance, as a shipment takes them
    if (payment.orderId) await ctx.services.orderPrepayments.recordPrepayment(ctx, payment.orderId);
    await ctx.services.clientSettlements.lock(posting, [clientId]);
    const debts = (await ctx.services.clientSettlements.openItems(ctx, [clientId])).filter((i) => new Decimal(i.open).gt(0));
    const allocations = await ctx.em.find(PaymentAllocation, { payment: payment.id }, { orderBy: { lineNo: 'asc' } });
    const { applied, left } = allocations.length ? checkAllocations(payment, allocations, debts) : allocateOldestFirst(payment.amount, debts);

    const rows: (SettlementEntry & { date?: string })[] = [];
    const own = { clientId, documentType: INCOMING_PAYMENT, documentId: payment.id, orderId: payment.orderId ?? null };
    let advance = new Decimal(left);
    for (const { item, amount } of applied) {
      const debt = { clientId, documentType: item.documentType, documentId: item.documentId, orderId: item.orderId };
      if (item.date <= payment.date) rows.push({ ...debt, amount: neg(amount) });
      else {
        advance = advance.plus(amount);
        rows.push({ ...own, amount, date: item.date }, { ...debt, amount: neg(amount), date: item.date });
      }
    }
    if (advance.gt(0)) rows.unshift({ ...own, amount: advance.neg().toFixed() });
    await ctx.services.clientSettlements.write(posting, rows);
  },
});

const neg = (amount: string) => new Decimal(amount).neg().toFixed();

/** The allocations as given: each an open debt of the client, at most what it owes (with the other lines on it), together at most the payment. */
function checkAllocations(payment: IncomingPayment, allocations: readonly PaymentAllocation[], debts: readonly ClientOpenItem[]): { applied: Applied<ClientOpenItem>[]; left: string } {
  const fields: FieldMessages = {};
  const taken = new Map<string, Decimal>();
  const applied: Applied<ClientOpenItem>[] = [];
  allocations.forEach((a, i) => {
    const item = debts.find((d) => d.documentType === a.documentType && d.documentId === a.documentId);
    if (!item) {
      fields[`allocations.${i}.documentId`] = noSuch(a.documentType, `allocation ${i + 1}: the client owes nothing on this document`);
      return;
    }
    const before = taken.get(item.documentId) ?? new Decimal(0);
    const still = new Decimal(item.open).minus(before);
    if (new Decimal(a.amount).gt(still)) {
      fields[`allocations.${i}.amount`] = problem(FieldReason.AT_MOST, `allocation ${i + 1}: ${item.number} owes ${still.toFixed(2)}, less than ${new Decimal(a.amount).toFixed(2)}`, { max: still.toFixed(2), number: item.number });
      return;
    }
    taken.set(item.documentId, before.plus(a.amount));
    applied.push({ item, amount: new Decimal(a.amount).toFixed() });
  });
  const total = sumOf(allocations.map((a) => a.amount));
  if (total.gt(payment.amount)) fields.allocations = problem(FieldReason.AT_MOST, `the allocations add up to ${total.toFixed(2)}, more than the payment's ${new Decimal(payment.amount).toFixed(2)}`, { max: new Decimal(payment.amount).toFixed(2) });
  if (Object.keys(fields).length) throw badInput(fields);
  return { applied, left: new Decimal(payment.amount).minus(total).toFixed() };
}
