import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { ChannelType } from './contact-channel-value';

@InputType()
export class ContactChannelInput {
  @Field(() => ChannelType)
  @IsEnum(ChannelType)
  type: ChannelType;

  @Field({ description: 'Phones as typed (kept in E.164, numbers without a country code read as Russian), an email, @telegram_name' })
  @MaxLength(300)
  value: string;

  @Field({ defaultValue: false, description: 'At most one primary per type; the first of a type is primary when none is marked' })
  @IsBoolean()
  primary: boolean = false;
}

/** What a create and an update share; on update what is not sent stays, and channels sent replace them all. */
@InputType()
export class ContactDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  position?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  birthday?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  notes?: string | null;

  @Field(() => [ContactChannelInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  channels?: ContactChannelInput[] | null;
}

@InputType()
export class CreateContactInput extends ContactDetailsInput {
  @Field(() => ID, { description: 'The client (or supplier) the person works at' })
  @IsUUID('all')
  counterpartyId: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

@InputType()
export class UpdateContactInput extends ContactDetailsInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class ContactFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  counterpartyId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@ArgsType()
export class ContactListArgs extends PageArgs {
  @Field(() => ContactFilter, { nullable: true })
  filter?: ContactFilter;
}
