import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { OpenItemView, ReceivablesAgeing, ReconciliationStatement, SupplierAgeingArgs, SupplierBalanceView } from '../sales/settlement.types';

/** Settlements with suppliers as people read them: balance, open items, ageing, reconciliation statement (the clients' views over the suppliers' register). */
@Resolver()
export class SupplierSettlementResolver {
  @Authorized('supplierSettlement:read')
  @Query(() => SupplierBalanceView, { nullable: true, description: 'What we owe the supplier now and how much of it is overdue by its payment terms; null for a counterparty outside your scope' })
  supplierBalance(@Arg('supplierId', () => ID) supplierId: string, @Ctx() ctx: Context) {
    return ctx.services.supplierSettlementViews.balance(ctx, supplierId);
  }

  @Authorized('supplierSettlement:read')
  @Query(() => [OpenItemView], { nullable: true, description: "The supplier's open documents (receipts and landed costs we owe, advances we paid) on a date, today unless given, the oldest due first" })
  supplierOpenItems(@Arg('supplierId', () => ID) supplierId: string, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: Context) {
    return ctx.services.supplierSettlementViews.openItems(ctx, supplierId, asOf);
  }

  @Authorized('supplierSettlement:read')
  @Query(() => ReceivablesAgeing, { description: 'Per supplier on asOf, what we owe: not due, 1–30, 31–60, 61–90 and over 90 days past the due date (a receipt is due its date + the supplier\'s payment terms); advances apart' })
  payablesAgeing(@Args(() => SupplierAgeingArgs) args: SupplierAgeingArgs, @Ctx() ctx: Context) {
    return ctx.services.supplierSettlementViews.ageing(ctx, { asOf: args.asOf, partyId: args.filter?.supplierId, q: args.filter?.q, page: args.page, perPage: args.perPage });
  }

  @Authorized('supplierSettlement:read')
  @Query(() => ReconciliationStatement, { nullable: true, description: "Акт сверки with a supplier for [from, to], by our books: opening balance, every document (our payments debit, the supplier's receipts credit), closing balance (+ in our favour)" })
  supplierReconciliationStatement(
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.supplierSettlementViews.reconciliation(ctx, supplierId, from, to);
  }
}
