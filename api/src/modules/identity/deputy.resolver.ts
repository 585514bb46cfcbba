import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { localToday } from '../../shared/local-date.scalar';
import { SetDeputyInput } from './deputy.inputs';
import { UserDeputy } from './user-deputy.entity';
import { User } from './user.entity';

@Resolver(() => UserDeputy)
export class DeputyResolver {
  @Authorized('deputy:read')
  @Query(() => [UserDeputy], { description: 'The deputy periods of a user (absent or standing in), the latest start first; a head of sales may ask for anyone, or everyone by leaving userId out' })
  deputies(@Arg('userId', () => ID, { nullable: true }) userId: string | null | undefined, @Ctx() ctx: Context) {
    return ctx.services.deputies.list(ctx, userId);
  }

  @Authorized('deputy:create')
  @Mutation(() => UserDeputy, { description: 'A deputy for oneself, or (deputy:others) for anyone: BAD_USER_INPUT on to before from (NOT_BEFORE), on an inactive deputyId (INACTIVE)' })
  setDeputy(@Arg('input') input: SetDeputyInput, @Ctx() ctx: Context) {
    return ctx.services.deputies.set(ctx, input);
  }

  @Authorized('deputy:update')
  @Mutation(() => UserDeputy, { description: 'Ends the period now: the deputy no longer stands in' })
  endDeputy(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.deputies.end(ctx, id);
  }

  @FieldResolver(() => User, { description: 'The absent user' })
  user(@Root() period: UserDeputy, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(period.user.id);
  }

  @FieldResolver(() => User)
  deputy(@Root() period: UserDeputy, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(period.deputy.id);
  }

  @FieldResolver(() => User)
  createdBy(@Root() period: UserDeputy, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(period.createdBy.id);
  }

  @FieldResolver(() => Boolean, { description: 'Today (the server\'s calendar) is within from..to and it was not ended' })
  inForce(@Root() period: UserDeputy): boolean {
    const today = localToday();
    return !period.endedAt && period.fromDate <= today && today <= period.toDate;
  }
}
