import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { PriceType } from './price-type.entity';
import { CreatePriceTypeInput, PriceTypeListArgs, RecomputePriceTypeArgs, UpdatePriceTypeInput } from './price-type.inputs';
import { PriceRecomputation } from './price-recompute.types';

const PriceTypePage = PageType(PriceType);

@Resolver(() => PriceType)
export class PriceTypeResolver {
  @Authorized('priceType:read')
  @Query(() => PriceTypePage)
  priceTypes(@Args() args: PriceTypeListArgs, @Ctx() ctx: Context) {
    return ctx.services.priceTypes.list(ctx, args);
  }

  @Authorized('priceType:read')
  @Query(() => PriceType, { nullable: true })
  priceType(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.priceTypes.get(ctx, id);
  }

  @Authorized('priceType:create')
  @Mutation(() => PriceType)
  createPriceType(@Arg('input') input: CreatePriceTypeInput, @Ctx() ctx: Context) {
    return ctx.services.priceTypes.create(ctx, input);
  }

  @Authorized('priceType:update')
  @Mutation(() => PriceType)
  updatePriceType(@Arg('id', () => ID) id: string, @Arg('input') input: UpdatePriceTypeInput, @Ctx() ctx: Context) {
    return ctx.services.priceTypes.update(ctx, id, input);
  }

  @Authorized('priceType:update')
  @Mutation(() => PriceRecomputation, {
    description:
      'Recomputes a FROM_PRICE_TYPE type from its base prices in effect on validFrom (and the base lists dated later), or a FROM_COST type from the current average cost, as DERIVED lists from validFrom; the types derived from it follow. Earlier lists stay. INVALID_STATE for a type set by hand (NOT_DERIVED), an inactive one or nothing to price',
  })
  recomputePriceType(@Args() args: RecomputePriceTypeArgs, @Ctx() ctx: Context) {
    return ctx.services.priceRecompute.recomputePriceType(ctx, args.id, args.validFrom);
  }

  @Authorized('priceType:delete')
  @Mutation(() => PriceType, { description: 'Refused with CONFLICT while price lists, derived types or clients use it' })
  deletePriceType(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.priceTypes.delete(ctx, id);
  }

  @Authorized('priceType:read')
  @FieldResolver(() => PriceType, { nullable: true, description: 'For FROM_PRICE_TYPE: the type the prices are computed from' })
  basePriceType(@Root() type: PriceType, @Ctx() ctx: Context) {
    return type.basePriceType ? ctx.loaders.byId(PriceType).load(type.basePriceType.id) : null;
  }
}
