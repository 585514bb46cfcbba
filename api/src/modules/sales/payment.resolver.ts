import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentResolver } from '../ledger/document.resolver';
import { IncomingPayment, PaymentAllocation } from './payment.entity';
import { CreateIncomingPaymentInput, PaymentApplication, PaymentListArgs, UpdateIncomingPaymentInput } from './payment.inputs';

@Resolver(() => IncomingPayment)
export class PaymentResolver extends DocumentResolver({
  entity: IncomingPayment,
  plural: 'incomingPayments',
  resource: 'payment',
  service: (ctx) => ctx.services.payments,
  listArgs: PaymentListArgs,
  createInput: CreateIncomingPaymentInput,
  updateInput: UpdateIncomingPaymentInput,
  describe: {
    list: "Filter by date range, client, order, method, status; q searches the number. A manager sees their clients' payments, a partner its own",
    create: 'A draft (amount > 0, else BAD_USER_INPUT on amount); the number PM-YYYY-NNNNNN comes from its date. With idempotencyKey, a retry returns the first payment',
    post: "Settles the allocations given (each at most what its document owes, else BAD_USER_INPUT on it), or the client's oldest open debts first; the rest stays as an advance",
    unpost: 'Back to a draft, its settlements deleted; INVALID_STATE while a later document consumed its advance',
    cancel: 'A draft or a posted payment is cancelled; a posted one loses its settlements',
  },
}) {
  @Authorized('payment:post')
  @Mutation(() => IncomingPayment, { description: 'Creates and posts a payment in one transaction. With idempotencyKey, a retry (by the same user) returns the first payment, never a second one' })
  registerPayment(@Arg('input', () => CreateIncomingPaymentInput) input: CreateIncomingPaymentInput, @Ctx() ctx: Context) {
    return ctx.services.payments.register(ctx, input);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() payment: IncomingPayment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(payment.client.id);
  }

  @FieldResolver(() => [PaymentAllocation], { description: 'The debts it was told to settle (none: the oldest first)' })
  allocations(@Root() payment: IncomingPayment, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(PaymentAllocation, 'payment', { lineNo: 'asc' }).load(payment.id);
  }

  @FieldResolver(() => [PaymentApplication], { description: 'What its posting settled (none for a draft)' })
  async applications(@Root() payment: IncomingPayment, @Ctx() ctx: Context): Promise<PaymentApplication[]> {
    const loader = ctx.loaders.custom<string, PaymentApplication[]>('sales:paymentApplications', async (ids) => {
      const found = await ctx.services.payments.applications(ctx, ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    return loader.load(payment.id);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Of the payment, what no debt has taken yet (later debts consume it)' })
  async advance(@Root() payment: IncomingPayment, @Ctx() ctx: Context): Promise<string> {
    const loader = ctx.loaders.custom<string, string>('sales:paymentAdvances', async (ids) => {
      const found = await ctx.services.payments.advances(ctx, ids);
      return ids.map((id) => found.get(id) ?? '0');
    });
    return loader.load(payment.id);
  }
}
