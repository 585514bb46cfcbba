import { ArrayMinSize, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';
import { MIN_PASSWORD_LENGTH } from './password';
import { Role } from './permissions';
import { User } from './user.entity';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'give the user at least one role' })
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  team?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for PARTNER users: the counterparty they act for' })
  @IsOptional()
  @IsUUID('all')
  counterpartyId?: string | null;

  @Field({ defaultValue: true })
  @IsBoolean()
  active: boolean = true;
}

@InputType()
export class UpdateUserInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true, description: 'Sets a new password (admin reset)' })
  @IsOptional()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  password?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'give the user at least one role' })
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  team?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  counterpartyId?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class UserFilter extends BaseFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  role?: Role | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  team?: string | null;
}

@ArgsType()
export class UserListArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true })
  filter?: UserFilter;
}

@ObjectType()
export class LoginResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>", or as connectionParams.token over WebSocket' })
  token: string;

  @Field(() => User)
  user: User;
}
