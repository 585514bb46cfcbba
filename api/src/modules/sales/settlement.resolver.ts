import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { AgeingArgs, ClientBalanceView, OpenItemView, ReceivablesAgeing, ReconciliationStatement } from './settlement.types';

/** Settlements with clients as people read them: balance, open items, ageing, reconciliation statement. */
@Resolver()
export class SettlementResolver {
  @Authorized('settlement:read')
  @Query(() => ClientBalanceView, { nullable: true, description: 'What the client owes now and how much of it is overdue; null for a client outside your scope' })
  clientBalance(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: Context) {
    return ctx.services.settlementViews.balance(ctx, clientId);
  }

  @Authorized('settlement:read')
  @Query(() => [OpenItemView], { nullable: true, description: "The client's open documents (debts and advances) on a date, today unless given, the oldest due first" })
  openItems(@Arg('clientId', () => ID) clientId: string, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: Context) {
    return ctx.services.settlementViews.openItems(ctx, clientId, asOf);
  }

  @Authorized('settlement:read')
  @Query(() => ReceivablesAgeing, { description: 'Per client on asOf: not due, 1–30, 31–60, 61–90 and over 90 days past the due date; advances apart' })
  receivablesAgeing(@Args(() => AgeingArgs) args: AgeingArgs, @Ctx() ctx: Context) {
    return ctx.services.settlementViews.ageing(ctx, { asOf: args.asOf, partyId: args.filter?.clientId, ownerId: args.filter?.ownerId, q: args.filter?.q, page: args.page, perPage: args.perPage });
  }

  @Authorized('settlement:read')
  @Query(() => ReconciliationStatement, { nullable: true, description: 'Акт сверки for [from, to]: opening balance, every document with its debit or credit, closing balance' })
  reconciliationStatement(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.settlementViews.reconciliation(ctx, clientId, from, to);
  }
}
