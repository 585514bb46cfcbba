import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { ReorderRule } from './reorder-rule.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrdersFromSuggestionsInput, ReorderActionInput, ReorderRuleInput, UpdateReorderRuleInput, ReorderRuleListArgs, ReorderRun, ReorderSuggestion, ReorderSuggestionFilter, ReorderSuggestionGroup } from './reorder.inputs';
import { PurchaseRequisition } from './requisition.entity';

export const ReorderRulePage = PageType(ReorderRule);

/** Min/max settings and reorder suggestions: authorise, call one service. */
@Resolver(() => ReorderRule)
export class ReorderRuleResolver {
  @Authorized('reorder:read')
  @Query(() => ReorderRulePage, { description: 'Reorder rules; filter by warehouse, product; q searches the product SKU and name' })
  reorderRules(@Args(() => ReorderRuleListArgs) args: ReorderRuleListArgs, @Ctx() ctx: Context) {
    return ctx.services.reorderRules.list(ctx, args);
  }

  @Authorized('reorder:update')
  @Mutation(() => ReorderRule, { description: "Sets a warehouse × product's reorder point and level (replacing the pair's rule). BAD_USER_INPUT on minQuantity when above maxQuantity" })
  setReorderRule(@Arg('input', () => ReorderRuleInput) input: ReorderRuleInput, @Ctx() ctx: Context) {
    return ctx.services.reorderRules.set(ctx, input);
  }

  @Authorized('reorder:create')
  @Mutation(() => ReorderRule, { description: 'As setReorderRule (the console creates rules with it)' })
  createReorderRule(@Arg('input', () => ReorderRuleInput) input: ReorderRuleInput, @Ctx() ctx: Context) {
    return ctx.services.reorderRules.set(ctx, input);
  }

  @Authorized('reorder:update')
  @Mutation(() => ReorderRule, { description: "A rule's min and max at the version read: CONFLICT when stale; BAD_USER_INPUT on minQuantity when above maxQuantity" })
  updateReorderRule(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateReorderRuleInput) input: UpdateReorderRuleInput, @Ctx() ctx: Context) {
    return ctx.services.reorderRules.update(ctx, id, input);
  }

  @Authorized('reorder:read')
  @Query(() => ReorderRule, { nullable: true })
  reorderRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.reorderRules.get(ctx, id);
  }

  @Authorized('reorder:delete')
  @Mutation(() => ReorderRule)
  deleteReorderRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.reorderRules.delete(ctx, id);
  }

  @Authorized('reorder:read')
  @Query(() => [ReorderSuggestionGroup], { description: 'What to buy now, grouped by main supplier: where available + onOrder + requested − backordered is at or below the minimum, up to the maximum' })
  async reorderSuggestions(@Arg('filter', () => ReorderSuggestionFilter, { nullable: true }) filter: ReorderSuggestionFilter | null, @Ctx() ctx: Context) {
    return ctx.services.reorderSuggestions.grouped(await ctx.services.reorderSuggestions.suggest(ctx, filter));
  }

  @Authorized('reorder:read')
  @Query(() => ReorderRun, { nullable: true, description: 'What the daily reorder job (05:00 UTC) found; null before its first run' })
  dailyReorderSuggestions(@Arg('filter', () => ReorderSuggestionFilter, { nullable: true }) filter: ReorderSuggestionFilter | null, @Ctx() ctx: Context) {
    return ctx.services.reorderSuggestions.lastRun(ctx, filter);
  }

  @Authorized('reorder:post', 'requisition:create')
  @Mutation(() => [PurchaseRequisition], { description: "One action: the picked suggestions (or all the filter narrows to) as draft requisitions by the caller, one per warehouse, dated today. BAD_USER_INPUT on picks.N when it is no current suggestion" })
  requisitionsFromReorderSuggestions(@Arg('input', () => ReorderActionInput) input: ReorderActionInput, @Ctx() ctx: Context) {
    return ctx.services.reorderSuggestions.requisitionsFrom(ctx, input);
  }

  @Authorized('reorder:post', 'purchaseOrder:create')
  @Mutation(() => [PurchaseOrder], { description: "One action: the picked suggestions (or all the filter narrows to) as draft purchase orders, one per supplier (each product's main supplier, or supplierId for all) × warehouse, priced from the supplier's prices. BAD_USER_INPUT on picks.N (no current suggestion, no main supplier, no price) or filter" })
  purchaseOrdersFromReorderSuggestions(@Arg('input', () => PurchaseOrdersFromSuggestionsInput) input: PurchaseOrdersFromSuggestionsInput, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrderDrafting.fromSuggestions(ctx, input);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() rule: ReorderRule, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(rule.warehouse.id);
  }

  @FieldResolver(() => Product)
  product(@Root() rule: ReorderRule, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(rule.product.id);
  }
}

@Resolver(() => ReorderSuggestion)
export class ReorderSuggestionResolver {
  @FieldResolver(() => Warehouse)
  warehouse(@Root() s: ReorderSuggestion, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(s.warehouseId);
  }

  @FieldResolver(() => Product)
  product(@Root() s: ReorderSuggestion, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(s.productId);
  }
}

@Resolver(() => ReorderSuggestionGroup)
export class ReorderSuggestionGroupResolver {
  @FieldResolver(() => Counterparty, { nullable: true })
  supplier(@Root() g: ReorderSuggestionGroup, @Ctx() ctx: Context) {
    return g.supplierId ? ctx.loaders.byId(Counterparty).load(g.supplierId) : null;
  }
}
