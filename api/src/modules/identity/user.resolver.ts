import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';
import { seesAllCounterparties } from '../crm/counterparty.scope';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserListArgs } from './user.inputs';

const UserPage = PageType(User);

@Resolver(() => User)
export class UserResolver {
  @Authorized('user:read')
  @Query(() => UserPage)
  users(@Args() args: UserListArgs, @Ctx() ctx: Context) {
    return ctx.services.users.list(ctx, args);
  }

  @Authorized('user:read')
  @Query(() => User, { nullable: true })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.users.get(ctx, id);
  }

  @Authorized('user:create')
  @Mutation(() => User)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context) {
    return ctx.services.users.create(ctx, input);
  }

  @Authorized('user:update')
  @Mutation(() => User)
  updateUser(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput, @Ctx() ctx: Context) {
    return ctx.services.users.update(ctx, id, input);
  }

  @Authorized('user:delete')
  @Mutation(() => User)
  deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.users.delete(ctx, id);
  }

  @FieldResolver(() => [String], { description: 'The resource:action permissions the roles grant' })
  permissions(@Root() user: User, @Ctx() ctx: Context): string[] {
    return [...ctx.services.permissions.of(user.roles)].sort();
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'For PARTNER users: the counterparty they act for' })
  counterparty(@Root() user: User, @Ctx() ctx: Context) {
    if (!user.counterparty) return null;
    // the counterparty's record rules hold here too; only narrowed roles pay a lookup per row
    return seesAllCounterparties(ctx.user) ? ctx.loaders.byId(Counterparty).load(user.counterparty.id) : ctx.services.counterparties.get(ctx, user.counterparty.id);
  }
}
