import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { ProductGroup } from '../catalog/product-group.entity';
import { readConditions } from './discount-rule.conditions';
import { DiscountRule } from './discount-rule.entity';
import { CreateDiscountRuleInput, DiscountBreak, DiscountRuleListArgs, DiscountTier, UpdateDiscountRuleInput } from './discount-rule.inputs';

const DiscountRulePage = PageType(DiscountRule);

/** The typed condition fields are read from `conditions`; a field the kind does not use is null. */
@Resolver(() => DiscountRule)
export class DiscountRuleResolver {
  @Authorized('discountRule:read')
  @Query(() => DiscountRulePage)
  discountRules(@Args() args: DiscountRuleListArgs, @Ctx() ctx: Context) {
    return ctx.services.discountRules.list(ctx, args);
  }

  @Authorized('discountRule:read')
  @Query(() => DiscountRule, { nullable: true })
  discountRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.discountRules.get(ctx, id);
  }

  @Authorized('discountRule:create')
  @Mutation(() => DiscountRule)
  createDiscountRule(@Arg('input') input: CreateDiscountRuleInput, @Ctx() ctx: Context) {
    return ctx.services.discountRules.create(ctx, input);
  }

  @Authorized('discountRule:update')
  @Mutation(() => DiscountRule)
  updateDiscountRule(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateDiscountRuleInput, @Ctx() ctx: Context) {
    return ctx.services.discountRules.update(ctx, id, input);
  }

  @Authorized('discountRule:delete')
  @Mutation(() => DiscountRule)
  deleteDiscountRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.discountRules.delete(ctx, id);
  }

  @FieldResolver(() => [DiscountTier], { nullable: true, description: 'ORDER_AMOUNT_TIER and PURCHASE_HISTORY' })
  tiers(@Root() rule: DiscountRule) {
    return readConditions(rule.kind, rule.conditions).tiers;
  }

  @FieldResolver(() => [DiscountBreak], { nullable: true, description: 'QUANTITY_BREAK' })
  breaks(@Root() rule: DiscountRule) {
    return readConditions(rule.kind, rule.conditions).breaks;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'PURCHASE_HISTORY: purchases over this many last days' })
  days(@Root() rule: DiscountRule) {
    return readConditions(rule.kind, rule.conditions).days;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'CLIENT_SEGMENT' })
  segmentId(@Root() rule: DiscountRule) {
    return readConditions(rule.kind, rule.conditions).segmentId;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'PRODUCT_GROUP' })
  groupId(@Root() rule: DiscountRule) {
    return readConditions(rule.kind, rule.conditions).groupId;
  }

  @FieldResolver(() => ProductGroup, { nullable: true, description: 'PRODUCT_GROUP: the group (null also when it was deleted since)' })
  group(@Root() rule: DiscountRule, @Ctx() ctx: Context) {
    const { groupId } = readConditions(rule.kind, rule.conditions);
    return groupId ? ctx.loaders.byId(ProductGroup).load(groupId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'PROMO_CODE' })
  promoCode(@Root() rule: DiscountRule) {
    return readConditions(rule.kind, rule.conditions).promoCode;
  }
}
