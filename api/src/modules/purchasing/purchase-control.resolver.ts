import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { PurchaseControlArgs, PurchaseLineChain, PurchaseLineControl, SupplierScorecard, SupplierScorecardArgs } from './purchase-control.types';

@Resolver(() => PurchaseLineControl)
export class PurchaseControlResolver {
  @Authorized('purchaseOrder:read')
  @Query(() => [PurchaseLineControl], { description: 'Per line of posted orders (by order date and number, at most 2,000): ordered, received, remaining, overdue as of a date, in full / on time, delay, price variance' })
  purchaseControl(@Args(() => PurchaseControlArgs) args: PurchaseControlArgs, @Ctx() ctx: Context) {
    return ctx.services.purchaseControl.lines(ctx, args);
  }

  @Authorized('purchaseOrder:read')
  @Query(() => PurchaseLineChain, { description: 'The chain of an order line: requisitions → order → receipts → landed costs; NOT_FOUND without such a line' })
  purchaseLineChain(@Arg('orderId', () => ID) orderId: string, @Arg('lineNo', () => Int) lineNo: number, @Ctx() ctx: Context) {
    return ctx.services.purchaseControl.chain(ctx, orderId, lineNo);
  }

  @FieldResolver(() => Product)
  product(@Root() line: PurchaseLineControl, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.productId);
  }
}

@Resolver(() => SupplierScorecard)
export class SupplierScorecardResolver {
  @Authorized('purchaseOrder:read')
  @Query(() => [SupplierScorecard], { description: 'Per supplier, its posted orders dated in the period: orders, lines, on time in full (OTIF %), average delay in days, price variance against the orders' })
  supplierScorecard(@Args(() => SupplierScorecardArgs) args: SupplierScorecardArgs, @Ctx() ctx: Context) {
    return ctx.services.purchaseControl.scorecards(ctx, args);
  }

  @FieldResolver(() => Counterparty)
  supplier(@Root() row: SupplierScorecard, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(row.supplierId);
  }
}
