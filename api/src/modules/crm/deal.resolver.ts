import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import { CustomerOrder } from '../sales/order.entity';
import { Counterparty } from './counterparty.entity';
import { Deal, DealStageChange } from './deal.entity';
import { DealStage } from './deal-stage.entity';
import { CreateDealInput, CreateDealStageInput, DealListArgs, DealStageListArgs, Pipeline, PipelineArgs, UpdateDealInput, UpdateDealStageInput } from './deal.inputs';

const DealPage = PageType(Deal);
const DealStagePage = PageType(DealStage);

@Resolver(() => Deal)
export class DealResolver {
  @Authorized('deal:read')
  @Query(() => DealPage, { description: "Deals of the clients the caller may see (the clients' record rules apply)" })
  deals(@Args() args: DealListArgs, @Ctx() ctx: Context) {
    return ctx.services.deals.list(ctx, args);
  }

  @Authorized('deal:read')
  @Query(() => Deal, { nullable: true, description: "Null when missing or its client is outside the caller's record rules" })
  deal(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.deals.get(ctx, id);
  }

  @Authorized('deal:read')
  @Query(() => Pipeline, { description: "Per active stage in order: the caller's visible deals, Σ amount and the weighted amount; with totals" })
  pipeline(@Args() args: PipelineArgs, @Ctx() ctx: Context) {
    return ctx.services.deals.pipeline(ctx, args);
  }

  @Authorized('deal:create')
  @Mutation(() => Deal)
  createDeal(@Arg('input') input: CreateDealInput, @Ctx() ctx: Context) {
    return ctx.services.deals.create(ctx, input);
  }

  @Authorized('deal:update')
  @Mutation(() => Deal)
  updateDeal(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateDealInput, @Ctx() ctx: Context) {
    return ctx.services.deals.update(ctx, id, input);
  }

  @Authorized('deal:update')
  @Mutation(() => Deal, { description: 'Into another active stage: LOST needs lostReason; WON or LOST closes the deal (closedAt), an OPEN stage reopens it' })
  moveDeal(
    @Arg('id', () => ID) id: string,
    @Arg('stageId', () => ID) stageId: string,
    @Arg('lostReason', () => String, { nullable: true }) lostReason: string | null | undefined,
    @Arg('version', () => Int, { nullable: true }) version: number | null | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.deals.move(ctx, id, stageId, lostReason, version ?? undefined);
  }

  @Authorized('deal:update')
  @Mutation(() => Deal, { description: 'Into the WON stage; with createOrder, a draft customer order for the client (no lines yet, the deal as its comment) from warehouseId, kept as the deal\'s order' })
  winDeal(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null | undefined,
    @Arg('createOrder', () => Boolean, { defaultValue: false }) createOrder: boolean,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.deals.win(ctx, id, version ?? undefined, createOrder, warehouseId);
  }

  @Authorized('deal:delete')
  @Mutation(() => Deal, { description: 'Its owner or a head of sales' })
  deleteDeal(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.deals.delete(ctx, id);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() deal: Deal, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(deal.client.id);
  }

  @FieldResolver(() => DealStage)
  stage(@Root() deal: Deal, @Ctx() ctx: Context) {
    return ctx.loaders.byId(DealStage).load(deal.stage.id);
  }

  @FieldResolver(() => User)
  owner(@Root() deal: Deal, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(deal.owner.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The draft customer order made when it was won' })
  orderId(@Root() deal: Deal) {
    return deal.order?.id ?? null;
  }

  @Authorized('order:read')
  @FieldResolver(() => CustomerOrder, { nullable: true, description: 'Null with FORBIDDEN without order:read' })
  order(@Root() deal: Deal, @Ctx() ctx: Context) {
    return deal.order ? ctx.loaders.byId(CustomerOrder).load(deal.order.id) : null;
  }

  @FieldResolver(() => [DealStageChange], { description: 'Its moves from stage to stage, oldest first (the first from null: where it was created)' })
  stageChanges(@Root() deal: Deal, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(DealStageChange, 'deal', { changedAt: 'asc' }).load(deal.id);
  }
}

@Resolver(() => DealStageChange)
export class DealStageChangeResolver {
  @FieldResolver(() => DealStage, { nullable: true })
  fromStage(@Root() change: DealStageChange, @Ctx() ctx: Context) {
    return change.fromStage ? ctx.loaders.byId(DealStage).load(change.fromStage.id) : null;
  }

  @FieldResolver(() => DealStage)
  toStage(@Root() change: DealStageChange, @Ctx() ctx: Context) {
    return ctx.loaders.byId(DealStage).load(change.toStage.id);
  }

  @FieldResolver(() => User)
  changedBy(@Root() change: DealStageChange, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(change.changedBy.id);
  }
}

@Resolver(() => DealStage)
export class DealStageResolver {
  @Authorized('dealStage:read')
  @Query(() => DealStagePage, { description: 'The pipeline\'s stages, by position' })
  dealStages(@Args() args: DealStageListArgs, @Ctx() ctx: Context) {
    return ctx.services.dealStages.list(ctx, args);
  }

  @Authorized('dealStage:read')
  @Query(() => DealStage, { nullable: true })
  dealStage(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.dealStages.get(ctx, id);
  }

  @Authorized('dealStage:create')
  @Mutation(() => DealStage, { description: 'A second active WON stage is refused (ONE_WON_STAGE on kind)' })
  createDealStage(@Arg('input') input: CreateDealStageInput, @Ctx() ctx: Context) {
    return ctx.services.dealStages.create(ctx, input);
  }

  @Authorized('dealStage:update')
  @Mutation(() => DealStage, { description: 'The active stages keep exactly one WON and at least one LOST stage; a stage with deals keeps its kind' })
  updateDealStage(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateDealStageInput, @Ctx() ctx: Context) {
    return ctx.services.dealStages.update(ctx, id, input);
  }

  @Authorized('dealStage:delete')
  @Mutation(() => DealStage, { description: 'Only a stage without deals, and not the last WON or LOST one' })
  deleteDealStage(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.dealStages.delete(ctx, id);
  }
}

/** A client's deals, newest first. */
@Resolver(() => Counterparty)
export class CounterpartyDealsResolver {
  @Authorized('deal:read')
  @FieldResolver(() => [Deal], { nullable: true, description: 'Its deals, newest first (null with FORBIDDEN without deal:read)' })
  deals(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(Deal, 'client', { createdAt: 'desc' }).load(c.id);
  }
}
