import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Decimal } from '../../shared/money';
import { PageType } from '../../shared/pagination';
import { Product } from '../catalog/product.entity';
import { User } from '../identity/user.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { PurchaseRequisition, PurchaseRequisitionLine } from './requisition.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { CreatePurchaseRequisitionInput, PurchaseOrdersFromRequisitionsInput, PurchaseRequisitionListArgs, RequisitionLineOrdering, UpdatePurchaseRequisitionInput } from './requisition.inputs';

export const PurchaseRequisitionPage = PageType(PurchaseRequisition);

/** A resolver per verb: authorise, call the requisition service. */
@Resolver(() => PurchaseRequisition)
export class RequisitionResolver {
  @Authorized('requisition:read')
  @Query(() => PurchaseRequisitionPage, { description: "Filter by status, warehouse, requester, date range; q searches the number and comment. A requester sees their own; purchasing (requisition:approve) everyone's once submitted" })
  purchaseRequisitions(@Args(() => PurchaseRequisitionListArgs) args: PurchaseRequisitionListArgs, @Ctx() ctx: Context) {
    return ctx.services.requisitions.list(ctx, args);
  }

  @Authorized('requisition:read')
  @Query(() => PurchaseRequisition, { nullable: true })
  purchaseRequisition(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.requisitions.get(ctx, id);
  }

  @Authorized('requisition:create')
  @Mutation(() => PurchaseRequisition, { description: 'A draft by the caller; the number PR-YYYY-NNNNNN comes from its date. BAD_USER_INPUT on lines.N.quantity (≤ 0, too fine for the unit), lines.N.productId (not GOODS), lines.N.neededBy (before the date), warehouseId' })
  createPurchaseRequisition(@Arg('input', () => CreatePurchaseRequisitionInput) input: CreatePurchaseRequisitionInput, @Ctx() ctx: Context) {
    return ctx.services.requisitions.create(ctx, input);
  }

  @Authorized('requisition:update')
  @Mutation(() => PurchaseRequisition, { description: 'A draft only: INVALID_STATE otherwise' })
  updatePurchaseRequisition(@Arg('id', () => ID) id: string, @Arg('input', () => UpdatePurchaseRequisitionInput) input: UpdatePurchaseRequisitionInput, @Ctx() ctx: Context) {
    return ctx.services.requisitions.update(ctx, id, input);
  }

  @Authorized('requisition:delete')
  @Mutation(() => PurchaseRequisition, { description: 'A draft only: INVALID_STATE otherwise' })
  deletePurchaseRequisition(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.requisitions.delete(ctx, id);
  }

  @Authorized('requisition:update')
  @Mutation(() => PurchaseRequisition, { description: 'DRAFT → SUBMITTED: purchasing sees it and decides. INVALID_STATE otherwise' })
  submitPurchaseRequisition(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.requisitions.submit(ctx, id);
  }

  @Authorized('requisition:approve')
  @Mutation(() => PurchaseRequisition, { description: 'SUBMITTED → APPROVED (PURCHASING, ADMIN): its lines may be ordered. INVALID_STATE otherwise (a draft is submitted first)' })
  approvePurchaseRequisition(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.requisitions.approve(ctx, id);
  }

  @Authorized('requisition:approve')
  @Mutation(() => PurchaseRequisition, { description: 'SUBMITTED or APPROVED (nothing ordered yet) → REJECTED with the reason: BAD_USER_INPUT on reason when blank; INVALID_STATE otherwise' })
  rejectPurchaseRequisition(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return ctx.services.requisitions.reject(ctx, id, reason);
  }

  @Authorized('requisition:approve')
  @Mutation(() => PurchaseRequisition, { description: 'APPROVED, PARTLY_ORDERED or ORDERED → CLOSED: nothing more will be ordered of it' })
  closePurchaseRequisition(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.requisitions.close(ctx, id);
  }

  @Authorized('purchaseOrder:create', 'requisition:approve')
  @Mutation(() => [PurchaseOrder], {
    description:
      "Draft purchase orders from approved requisitions: one per supplier × warehouse, one line per product taking every requisition's line for it (what each requisition line still has to order), priced from the supplier's prices; the requisitions become PARTLY_ORDERED or ORDERED. BAD_USER_INPUT on requisitionIds.N (missing, not APPROVED/PARTLY_ORDERED, a product without a main supplier or a price), on supplierId",
  })
  createPurchaseOrdersFromRequisitions(@Arg('input', () => PurchaseOrdersFromRequisitionsInput) input: PurchaseOrdersFromRequisitionsInput, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrderDrafting.fromRequisitions(ctx, input);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() requisition: PurchaseRequisition, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(requisition.warehouse.id);
  }

  @FieldResolver(() => User, { nullable: true })
  requestedBy(@Root() requisition: PurchaseRequisition, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(requisition.requestedBy.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who approved or rejected it' })
  decidedBy(@Root() requisition: PurchaseRequisition, @Ctx() ctx: Context) {
    return requisition.decidedBy ? ctx.loaders.byId(User).load(requisition.decidedBy.id) : null;
  }

  @FieldResolver(() => [PurchaseRequisitionLine])
  lines(@Root() requisition: PurchaseRequisition, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(PurchaseRequisitionLine, 'requisition', { lineNo: 'asc' }).load(requisition.id);
  }
}

@Resolver(() => PurchaseRequisitionLine)
export class RequisitionLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: PurchaseRequisitionLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }

  @FieldResolver(() => [RequisitionLineOrdering], { description: 'What became of it: the purchase order lines that took it, how much and its share of what they received' })
  orders(@Root() line: PurchaseRequisitionLine, @Ctx() ctx: Context) {
    return orderingsLoader(ctx).load(line.id);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Σ orders.quantity' })
  async ordered(@Root() line: PurchaseRequisitionLine, @Ctx() ctx: Context): Promise<string> {
    return sum((await orderingsLoader(ctx).load(line.id)).map((o) => o.quantity));
  }

  @FieldResolver(() => DecimalScalar, { description: 'quantity − ordered, never below 0' })
  async remaining(@Root() line: PurchaseRequisitionLine, @Ctx() ctx: Context): Promise<string> {
    return Decimal.max(new Decimal(line.quantity).minus(sum((await orderingsLoader(ctx).load(line.id)).map((o) => o.quantity))), 0).toFixed();
  }

  @FieldResolver(() => DecimalScalar, { description: 'Σ orders.received' })
  async received(@Root() line: PurchaseRequisitionLine, @Ctx() ctx: Context): Promise<string> {
    return sum((await orderingsLoader(ctx).load(line.id)).map((o) => o.received));
  }
}

const sum = (values: readonly string[]) => values.reduce((total, v) => total.plus(v), new Decimal(0)).toFixed();

/** The orderings of the requisition lines of a request, in two statements for all of them. */
const orderingsLoader = (ctx: Context) =>
  ctx.loaders.custom<string, RequisitionLineOrdering[]>('purchasing:requisition-orderings', async (ids) => {
    const found = await ctx.services.requisitionOrdering.orderingsOf(ctx, ids);
    return ids.map((id) => found.get(id) ?? []);
  });
