import type { EntityClass } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput, notFound } from '../../shared/errors';
import { FieldReason, decimalPlaces, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal, MAX_MONEY, sumOf } from '../../shared/money';
import type { Posting } from '../ledger/posting';
import { allocateOldestFirst, type Applied } from './settlement-allocation';
import type { PartyOpenItem, SettlementEntry, SettlementLedger } from './settlement-ledger';

/** A payment as its settlement needs it: incoming from a client or outgoing to a supplier. */
export interface SettledPayment {
  id: string;
  date: string;
  amount: string;
  partyId: string;
  /** What an allocation to a document with nothing open is told ("the client owes nothing on this document"). */
  nothingOpen: string;
  /** The debts it was told to settle, in line order; none: the oldest first. */
  allocations: readonly { documentType: string; documentId: string; amount: string }[];
  /** A document to settle first when no allocations are given (the receipt a supplier payment pays). */
  first?: { documentType: string; documentId: string } | null;
  /** The order the payment's own rows (its advance) belong to (clients). */
  orderId?: string | null;
}

/**
 * Settles a payment under its party's balance lock: the debts it names, each at most what
 * it still owes, or else the oldest open debts first (its `first` document before them);
 * what is left stays open against the payment itself (an advance) for later debts. A debt
 * dated after the payment is settled on its own date, through the advance, so every "as
 * of" view sees the money when it came and the debt when it arose.
 */
export async function settlePayment(ctx: Context, ledger: SettlementLedger, posting: Posting, payment: SettledPayment): Promise<void> {
  const { partyId } = payment;
  await ledger.lock(posting, [partyId]);
  const debts = (await ledger.openItems(ctx, [partyId])).filter((i) => new Decimal(i.open).gt(0));
  const { applied, left } = payment.allocations.length ? checkAllocations(payment, debts) : allocate(payment, debts);

  const rows: (SettlementEntry & { date?: string })[] = [];
  const own = { partyId, documentType: ledger.book.payment, documentId: payment.id, orderId: payment.orderId ?? null };
  let advance = new Decimal(left);
  for (const { item, amount } of applied) {
    const debt = { partyId, documentType: item.documentType, documentId: item.documentId, orderId: item.orderId };
    if (item.date <= payment.date) rows.push({ ...debt, amount: neg(amount) });
    else {
      advance = advance.plus(amount);
      rows.push({ ...own, amount, date: item.date }, { ...debt, amount: neg(amount), date: item.date });
    }
  }
  if (advance.gt(0)) rows.unshift({ ...own, amount: advance.neg().toFixed() });
  await ledger.write(posting, rows);
}

const neg = (amount: string) => new Decimal(amount).neg().toFixed();

/** The oldest first; the payment's `first` document before all others, up to what it owes. */
function allocate(payment: SettledPayment, debts: readonly PartyOpenItem[]): { applied: Applied<PartyOpenItem>[]; left: string } {
  const first = payment.first ? debts.find((d) => d.documentType === payment.first!.documentType && d.documentId === payment.first!.documentId) : undefined;
  if (!first) return allocateOldestFirst(payment.amount, debts);
  const take = Decimal.min(payment.amount, first.open);
  const rest = allocateOldestFirst(new Decimal(payment.amount).minus(take).toFixed(), debts.filter((d) => d !== first));
  return { applied: [{ item: first, amount: take.toFixed() }, ...rest.applied], left: rest.left };
}

/** The allocations as given: each an open debt of the party, at most what it owes (with the other lines on it), together at most the payment. */
function checkAllocations(payment: SettledPayment, debts: readonly PartyOpenItem[]): { applied: Applied<PartyOpenItem>[]; left: string } {
  const fields: FieldMessages = {};
  const taken = new Map<string, Decimal>();
  const applied: Applied<PartyOpenItem>[] = [];
  payment.allocations.forEach((a, i) => {
    const item = debts.find((d) => d.documentType === a.documentType && d.documentId === a.documentId);
    if (!item) {
      fields[`allocations.${i}.documentId`] = noSuch(a.documentType, `allocation ${i + 1}: ${payment.nothingOpen}`);
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
  const total = sumOf(payment.allocations.map((a) => a.amount));
  if (total.gt(payment.amount)) fields.allocations = problem(FieldReason.AT_MOST, `the allocations add up to ${total.toFixed(2)}, more than the payment's ${new Decimal(payment.amount).toFixed(2)}`, { max: new Decimal(payment.amount).toFixed(2) });
  if (Object.keys(fields).length) throw badInput(fields);
  return { applied, left: new Decimal(payment.amount).minus(total).toFixed() };
}

/** An amount of money: greater than 0, to the kopeck, within numeric(19,4). */
export function checkAmount(value: string, field: string, fields: FieldMessages): Decimal | null {
  const amount = new Decimal(value);
  if (amount.lte(0)) fields[field] = problem(FieldReason.GREATER_THAN, 'must be greater than 0', { min: 0 });
  else if (amount.decimalPlaces() > 2) fields[field] = decimalPlaces(2, 'must be to the kopeck (at most 2 decimal places)');
  else if (amount.gt(MAX_MONEY)) fields[field] = problem(FieldReason.TOO_LARGE, 'is too large');
  else return amount;
  return null;
}

/** Each allocation > 0 to the kopeck; together at most the payment (what each debt owes is checked when it is posted). */
export function checkAllocationInputs(allocations: readonly { amount: string }[], amount: Decimal | null, fields: FieldMessages): void {
  allocations.forEach((a, i) => checkAmount(a.amount, `allocations.${i}.amount`, fields));
  const total = sumOf(allocations.map((a) => a.amount));
  if (amount && allocations.length && total.gt(amount)) fields.allocations = problem(FieldReason.AT_MOST, `the allocations add up to ${total.toFixed(2)}, more than the payment's ${amount.toFixed(2)}`, { max: amount.toFixed(2) });
}

/**
 * With an idempotency key, the payment the caller's first call with it made, or null:
 * retries queue on an advisory lock of the key (held until the first call's transaction
 * ends) and then find what it committed; NOT_FOUND when it is outside the caller's scope.
 */
export async function paymentOfKey<T extends { id: string }>(ctx: Context, entity: EntityClass<T>, key: string | null, get: (id: string) => Promise<T | null>): Promise<T | null> {
  if (!key) return null;
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`${entity.name}:${ctx.user!.id}:${key}`]);
  const first = await ctx.em.findOne(entity, { createdById: ctx.user!.id, idempotencyKey: key } as never);
  if (!first) return null;
  if (!(await get(first.id))) throw notFound(entity.name, first.id);
  return first;
}
