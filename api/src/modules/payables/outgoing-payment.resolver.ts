import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentResolver } from '../ledger/document.resolver';
import { PaymentApplication } from '../sales/payment.inputs';
import { OutgoingPayment, OutgoingPaymentAllocation } from './outgoing-payment.entity';
import { CreateOutgoingPaymentInput, OutgoingPaymentListArgs, UpdateOutgoingPaymentInput } from './outgoing-payment.inputs';

@Resolver(() => OutgoingPayment)
export class OutgoingPaymentResolver extends DocumentResolver({
  entity: OutgoingPayment,
  plural: 'outgoingPayments',
  resource: 'supplierPayment',
  service: (ctx) => ctx.services.outgoingPayments,
  listArgs: OutgoingPaymentListArgs,
  createInput: CreateOutgoingPaymentInput,
  updateInput: UpdateOutgoingPaymentInput,
  describe: {
    list: 'Filter by date range, supplier, receipt, method, status; q searches the number',
    create: 'A draft (amount > 0, else BAD_USER_INPUT on amount; a counterparty without the SUPPLIER role: on supplierId); the number SP-YYYY-NNNNNN comes from its date. With idempotencyKey, a retry returns the first payment',
    post: "Settles the allocations given (each at most what its document is owed, else BAD_USER_INPUT on it), or the receipt it pays and then the supplier's oldest open debts; the rest stays as an advance later receipts take",
    unpost: 'Back to a draft, its settlements deleted; INVALID_STATE while a later receipt consumed its advance',
    cancel: 'A draft or a posted payment is cancelled; a posted one loses its settlements',
  },
}) {
  @Authorized('supplierPayment:post')
  @Mutation(() => OutgoingPayment, { description: 'Creates and posts a supplier payment in one transaction. With idempotencyKey, a retry (by the same user) returns the first payment, never a second one' })
  paySupplier(@Arg('input', () => CreateOutgoingPaymentInput) input: CreateOutgoingPaymentInput, @Ctx() ctx: Context) {
    return ctx.services.outgoingPayments.register(ctx, input);
  }

  @FieldResolver(() => Counterparty)
  supplier(@Root() payment: OutgoingPayment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(payment.supplier.id);
  }

  @FieldResolver(() => [OutgoingPaymentAllocation], { description: 'The debts it was told to settle (none: the receipt it pays, then the oldest first)' })
  allocations(@Root() payment: OutgoingPayment, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(OutgoingPaymentAllocation, 'payment', { lineNo: 'asc' }).load(payment.id);
  }

  @FieldResolver(() => [PaymentApplication], { description: 'What its posting settled (none for a draft)' })
  applications(@Root() payment: OutgoingPayment, @Ctx() ctx: Context): Promise<PaymentApplication[]> {
    const loader = ctx.loaders.custom<string, PaymentApplication[]>('payables:paymentApplications', async (ids) => {
      const found = await ctx.services.outgoingPayments.applications(ctx, ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    return loader.load(payment.id);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Of the payment, what no receipt has taken yet (later receipts consume it)' })
  advance(@Root() payment: OutgoingPayment, @Ctx() ctx: Context): Promise<string> {
    const loader = ctx.loaders.custom<string, string>('payables:paymentAdvances', async (ids) => {
      const found = await ctx.services.outgoingPayments.advances(ctx, ids);
      return ids.map((id) => found.get(id) ?? '0');
    });
    return loader.load(payment.id);
  }
}
