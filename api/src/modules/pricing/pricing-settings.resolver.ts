import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { User } from '../identity/user.entity';
import { PricingSettings, UpdatePricingSettingsInput } from './pricing-settings.inputs';

@Resolver(() => PricingSettings)
export class PricingSettingsResolver {
  @Authorized('priceList:read') // staff only: caps and who changed them are internal
  @Query(() => PricingSettings, { description: 'Manual discount caps per role and who may sell below cost' })
  pricingSettings(@Ctx() ctx: Context) {
    return ctx.services.pricingSettings.get(ctx);
  }

  @Authorized('setting:update')
  @Mutation(() => PricingSettings)
  updatePricingSettings(@Arg('input') input: UpdatePricingSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.pricingSettings.update(ctx, input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who changed them last' })
  updatedBy(@Root() settings: PricingSettings, @Ctx() ctx: Context) {
    return settings.updatedById ? ctx.loaders.byId(User).load(settings.updatedById) : null;
  }
}
