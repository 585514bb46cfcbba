import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { Warehouse } from '../inventory/warehouse.entity';
import { AvailabilityArgs, SalesSettings, SalesSettingsInput, StockAvailability } from './order.inputs';

@Resolver(() => StockAvailability)
export class AvailabilityResolver {
  @Authorized('availability:read')
  @Query(() => [StockAvailability], {
    description:
      'Per product (in the order asked) and warehouse (by code): on hand, reserved, available now, backordered and on order (from purchase orders). warehouseIds: a row for each you may see; left out: where the product has something on hand or reserved. Partners see only warehouses that ship to partners, and onHand/reserved need stock:read',
  })
  availability(@Args(() => AvailabilityArgs) args: AvailabilityArgs, @Ctx() ctx: Context) {
    return ctx.services.availability.availability(ctx, args.productIds, args.warehouseIds ?? null);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() row: StockAvailability, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(row.warehouseId);
  }
}

@Resolver(() => SalesSettings)
export class SalesSettingsResolver {
  @Authorized('salesSettings:read')
  @Query(() => SalesSettings)
  salesSettings(@Ctx() ctx: Context) {
    return ctx.services.salesSettings.get(ctx);
  }

  @Authorized('salesSettings:update')
  @Mutation(() => SalesSettings, { description: 'Where orders reserve from after their own warehouse, in priority order' })
  updateSalesSettings(@Arg('input', () => SalesSettingsInput) input: SalesSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.salesSettings.update(ctx, input);
  }
}
