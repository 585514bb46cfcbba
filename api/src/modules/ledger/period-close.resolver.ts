import { Arg, Authorized, Ctx, Field, FieldResolver, GraphQLISODateTime, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { requireUser } from '../../server/access';
import { forbidden } from '../../shared/errors';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { User } from '../identity/user.entity';

@ObjectType({ description: 'Documents dated on or before closedThrough can be neither posted nor unposted (PERIOD_CLOSED)' })
export class PeriodClose {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Null: no period is closed' })
  closedThrough: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the date was last set' })
  closedAt: Date | null;

  /** Resolved as `closedBy`. */
  closedById: string | null;
}

@Resolver(() => PeriodClose)
export class PeriodCloseResolver {
  @Query(() => PeriodClose, { description: 'The closed date; staff with stockDocument:read or setting:read' })
  periodClose(@Ctx() ctx: Context) {
    const { user } = requireUser(ctx);
    if (!user.permissions.has('stockDocument:read') && !user.permissions.has('setting:read')) throw forbidden('Your roles do not allow stockDocument:read or setting:read');
    return ctx.services.periodClose.get(ctx);
  }

  @Authorized('setting:update')
  @Mutation(() => PeriodClose, { description: 'Closes the period through a date; an earlier date (or null) reopens; who and when are kept' })
  closePeriod(@Arg('through', () => LocalDateScalar, { nullable: true }) through: string | null, @Ctx() ctx: Context) {
    return ctx.services.periodClose.close(ctx, through ?? null);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who set the date last' })
  closedBy(@Root() state: PeriodClose, @Ctx() ctx: Context) {
    return state.closedById ? ctx.loaders.byId(User).load(state.closedById) : null;
  }
}
