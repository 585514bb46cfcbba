import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Unit } from './unit.entity';
import { CreateUnitInput, UnitListArgs, UpdateUnitInput } from './unit.inputs';

const UnitPage = PageType(Unit);

@Resolver(() => Unit)
export class UnitResolver {
  @Authorized('unit:read')
  @Query(() => UnitPage)
  units(@Args() args: UnitListArgs, @Ctx() ctx: Context) {
    return ctx.services.units.list(ctx, args);
  }

  @Authorized('unit:read')
  @Query(() => Unit, { nullable: true })
  unit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.units.get(ctx, id);
  }

  @Authorized('unit:create')
  @Mutation(() => Unit)
  createUnit(@Arg('input') input: CreateUnitInput, @Ctx() ctx: Context) {
    return ctx.services.units.create(ctx, input);
  }

  @Authorized('unit:update')
  @Mutation(() => Unit)
  updateUnit(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUnitInput, @Ctx() ctx: Context) {
    return ctx.services.units.update(ctx, id, input);
  }

  @Authorized('unit:delete')
  @Mutation(() => Unit)
  deleteUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.units.delete(ctx, id);
  }
}
