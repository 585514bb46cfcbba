import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Warehouse } from './warehouse.entity';
import { CreateWarehouseInput, UpdateWarehouseInput, WarehouseListArgs } from './warehouse.inputs';

const WarehousePage = PageType(Warehouse);

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @Authorized('warehouse:read')
  @Query(() => WarehousePage)
  warehouses(@Args() args: WarehouseListArgs, @Ctx() ctx: Context) {
    return ctx.services.warehouses.list(ctx, args);
  }

  @Authorized('warehouse:read')
  @Query(() => Warehouse, { nullable: true })
  warehouse(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.warehouses.get(ctx, id);
  }

  @Authorized('warehouse:create')
  @Mutation(() => Warehouse)
  createWarehouse(@Arg('input') input: CreateWarehouseInput, @Ctx() ctx: Context) {
    return ctx.services.warehouses.create(ctx, input);
  }

  @Authorized('warehouse:update')
  @Mutation(() => Warehouse)
  updateWarehouse(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateWarehouseInput, @Ctx() ctx: Context) {
    return ctx.services.warehouses.update(ctx, id, input);
  }

  @Authorized('warehouse:delete')
  @Mutation(() => Warehouse)
  deleteWarehouse(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.warehouses.delete(ctx, id);
  }
}
