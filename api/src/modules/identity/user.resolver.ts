import { Arg, Args, Authorized, Ctx, FieldResolver, GraphQLISODateTime, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actingAs, type Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';
import { seesAllCounterparties } from '../crm/counterparty.scope';
import { Role } from './permissions';
import { User } from './user.entity';
import { viewerOf } from './viewer';
import { CreateUserInput, UpdateUserInput, UserListArgs } from './user.inputs';

const UserPage = PageType(User);

/**
 * Of another user, a caller without user:read (a partner, warehouse staff) sees only who
 * they are and how to reach them — the name and email of a client's manager — never
 * their roles, permissions, team, status, partner link or login times (DESIGN §8).
 */
export function seesUserDetails(ctx: Context, user: User): boolean {
  const viewer = viewerOf(ctx);
  return !!viewer && (viewer.id === user.id || viewer.permissions.has('user:read'));
}
const ONLY_WITH_USER_READ = 'null for another user unless you have user:read';

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

  @FieldResolver(() => [Role], { nullable: true, description: ONLY_WITH_USER_READ })
  roles(@Root() user: User, @Ctx() ctx: Context): Role[] | null {
    return seesUserDetails(ctx, user) ? user.roles : null;
  }

  @FieldResolver(() => [String], { nullable: true, description: `The resource:action permissions the roles grant; ${ONLY_WITH_USER_READ}` })
  permissions(@Root() user: User, @Ctx() ctx: Context): string[] | null {
    return seesUserDetails(ctx, user) ? [...ctx.services.permissions.of(user.roles)].sort() : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: ONLY_WITH_USER_READ })
  active(@Root() user: User, @Ctx() ctx: Context): boolean | null {
    return seesUserDetails(ctx, user) ? user.active : null;
  }

  @FieldResolver(() => String, { nullable: true, description: `The sales team the user belongs to; ${ONLY_WITH_USER_READ}` })
  team(@Root() user: User, @Ctx() ctx: Context): string | null {
    return seesUserDetails(ctx, user) ? (user.team ?? null) : null;
  }

  @FieldResolver(() => GraphQLISODateTime, { nullable: true, description: ONLY_WITH_USER_READ })
  lastLoginAt(@Root() user: User, @Ctx() ctx: Context): Date | null {
    return seesUserDetails(ctx, user) ? (user.lastLoginAt ?? null) : null;
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: `For PARTNER users: the counterparty they act for; ${ONLY_WITH_USER_READ}` })
  counterparty(@Root() user: User, @Ctx() ctx: Context) {
    if (!user.counterparty || !seesUserDetails(ctx, user)) return null;
    // the counterparty's record rules hold here too (for the viewer: in a login's answer, the user who signed in); only narrowed roles pay a lookup per row
    const viewer = viewerOf(ctx);
    if (seesAllCounterparties(viewer)) return ctx.loaders.byId(Counterparty).load(user.counterparty.id);
    return ctx.services.counterparties.get(viewer === ctx.user ? ctx : actingAs(ctx, viewer), user.counterparty.id);
  }
}
