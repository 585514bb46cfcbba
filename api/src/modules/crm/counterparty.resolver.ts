import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import { PriceType } from '../pricing/price-type.entity';
import { Counterparty } from './counterparty.entity';
import { CounterpartyListArgs, CreateCounterpartyInput, UpdateCounterpartyInput } from './counterparty.inputs';

const CounterpartyPage = PageType(Counterparty);

@Resolver(() => Counterparty)
export class CounterpartyResolver {
  @Authorized('counterparty:read')
  @Query(() => CounterpartyPage, { description: 'Clients and suppliers the caller may see (record rules apply)' })
  counterparties(@Args() args: CounterpartyListArgs, @Ctx() ctx: Context) {
    return ctx.services.counterparties.list(ctx, args);
  }

  @Authorized('counterparty:read')
  @Query(() => Counterparty, { nullable: true, description: 'Null when missing or outside the caller\'s record rules' })
  counterparty(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.counterparties.get(ctx, id);
  }

  @Authorized('counterparty:create')
  @Mutation(() => Counterparty)
  createCounterparty(@Arg('input') input: CreateCounterpartyInput, @Ctx() ctx: Context) {
    return ctx.services.counterparties.create(ctx, input);
  }

  @Authorized('counterparty:update')
  @Mutation(() => Counterparty)
  updateCounterparty(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCounterpartyInput, @Ctx() ctx: Context) {
    return ctx.services.counterparties.update(ctx, id, input);
  }

  @Authorized('counterparty:delete')
  @Mutation(() => Counterparty)
  deleteCounterparty(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.counterparties.delete(ctx, id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The manager responsible for the counterparty' })
  owner(@Root() counterparty: Counterparty, @Ctx() ctx: Context) {
    return counterparty.owner ? ctx.loaders.byId(User).load(counterparty.owner.id) : null;
  }

  @FieldResolver(() => PriceType, { nullable: true, description: 'The client\'s own price type; null means it gets the default price type' })
  priceType(@Root() counterparty: Counterparty, @Ctx() ctx: Context) {
    return counterparty.priceType ? ctx.loaders.byId(PriceType).load(counterparty.priceType.id) : null;
  }

  @FieldResolver(() => [User], { description: 'Users who work with the counterparty besides the owner' })
  teamMembers(@Root() counterparty: Counterparty, @Ctx() ctx: Context) {
    return ctx.loaders.manyToMany(Counterparty, 'teamMembers', User).load(counterparty.id);
  }
}
