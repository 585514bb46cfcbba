import { MaxLength, MinLength } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Extensions, Field, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { OUTSIDE_TRANSACTION } from '../../server/mutation-transaction';
import { FieldPermission, guardedFields } from './field-permissions';
import { MIN_PASSWORD_LENGTH } from './password';
import { User } from './user.entity';
import { LoginResult } from './user.inputs';

@ArgsType()
class ChangePasswordArgs {
  @Field()
  currentPassword: string;

  @Field()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  newPassword: string;
}

@ArgsType()
class LoginArgs {
  // an address longer than any valid one is refused before the limiter keys anything by it
  @Field()
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email: string;

  @Field()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  password: string;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginResult, { description: 'Public. Returns a JWT; failed attempts are limited per email and per IP' })
  @Extensions({ [OUTSIDE_TRANSACTION]: true }) // its writes (attempt counts, last login) are single statements
  login(@Args() { email, password }: LoginArgs, @Ctx() ctx: Context): Promise<LoginResult> {
    return ctx.services.auth.login(ctx, email, password);
  }

  @Authorized()
  @Query(() => User, { description: 'The signed-in user (FORBIDDEN for an API key, which is no person)' })
  me(@Ctx() ctx: Context): Promise<User> {
    return ctx.services.auth.me(ctx);
  }

  @Authorized()
  @Query(() => [FieldPermission], { description: 'The fields that need permissions of their own, so a client asks only for those its user may read' })
  fieldPermissions(): FieldPermission[] {
    return guardedFields();
  }

  @Authorized()
  @Mutation(() => User)
  changePassword(@Args() { currentPassword, newPassword }: ChangePasswordArgs, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.auth.changePassword(ctx, currentPassword, newPassword);
  }

  @Query(() => String, { description: 'Public. "ok" when the API and its database answer' })
  async health(@Ctx() ctx: Context): Promise<string> {
    await ctx.em.execute('select 1');
    return 'ok';
  }
}
