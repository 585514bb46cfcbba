import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';
import { ClientStatus, CounterpartyKind, CounterpartyRole } from './counterparty.entity';

/** Bank details; on update only the fields sent change (null clears one). */
@InputType()
export class BankDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  bankName?: string | null;

  // the digits of BIK and accounts are checked with the INN and KPP (counterparty.service), so all come back at once
  @Field(() => String, { nullable: true, description: 'BIK, 9 digits' })
  bik?: string | null;

  @Field(() => String, { nullable: true, description: 'Settlement account (расчётный счёт), 20 digits' })
  account?: string | null;

  @Field(() => String, { nullable: true, description: 'Correspondent account, 20 digits' })
  correspondentAccount?: string | null;
}

/** The details a create and an update share: all optional, null clears. */
@InputType()
export class CounterpartyDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  fullName?: string | null;

  // INN and KPP are checked by the service against the kind, with the bank details
  @Field(() => String, { nullable: true, description: '10 digits for a company, 12 for a person; the check digits are verified' })
  inn?: string | null;

  @Field(() => String, { nullable: true, description: 'Companies only, 9 characters' })
  kpp?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  legalAddress?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  actualAddress?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => BankDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  bank?: BankDetailsInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  comment?: string | null;

  @Field(() => ID, { nullable: true, description: 'The client\'s price type; null (none) means the default price type' })
  @IsOptional()
  @IsUUID('all')
  priceTypeId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Not negative, to the kopeck; null: no limit. Needs credit:update (a head of sales, an accountant)' })
  creditLimit?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days to pay after a shipment or act, 0 to 3650' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @Field(() => ClientStatus, { nullable: true, description: 'LOST needs lostReason and is set only by the owner or a head of sales' })
  @IsOptional()
  @IsEnum(ClientStatus)
  status?: ClientStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  lostReason?: string | null;

  @Field(() => ID, { nullable: true, description: 'A REGION entry of the reference lists' })
  @IsOptional()
  @IsUUID('all')
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An INDUSTRY entry' })
  @IsOptional()
  @IsUUID('all')
  industryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A SEGMENT entry (its default price type applies to the client without its own)' })
  @IsOptional()
  @IsUUID('all')
  segmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A LEAD_SOURCE entry' })
  @IsOptional()
  @IsUUID('all')
  leadSourceId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the tags; each trimmed, kept once' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(50, { each: true })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A web address; https:// is added when no scheme is given' })
  @IsOptional()
  @MaxLength(300)
  website?: string | null;
}

@InputType()
export class CreateCounterpartyInput extends CounterpartyDetailsInput {
  @Field(() => CounterpartyKind, { defaultValue: CounterpartyKind.COMPANY })
  @IsEnum(CounterpartyKind)
  kind: CounterpartyKind = CounterpartyKind.COMPANY;

  @Field(() => [CounterpartyRole], { defaultValue: [CounterpartyRole.CLIENT] })
  @ArrayMinSize(1, { message: 'give the counterparty at least one role: CLIENT or SUPPLIER' })
  @IsEnum(CounterpartyRole, { each: true })
  roles: CounterpartyRole[];

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The responsible manager; the creator when not sent. A sales manager always owns what they create.' })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Users who work with the client besides the owner' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  teamMemberIds?: string[] | null;

  @Field({ defaultValue: true })
  @IsBoolean()
  active: boolean = true;

  @Field({ defaultValue: false, description: 'Create it even though a counterparty with the same INN, phone or email exists (a deliberate duplicate: a branch, a second legal entity)' })
  @IsBoolean()
  allowDuplicate: boolean = false;
}

@InputType()
export class UpdateCounterpartyInput extends CounterpartyDetailsInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => CounterpartyKind, { nullable: true })
  @IsOptional()
  @IsEnum(CounterpartyKind)
  kind?: CounterpartyKind;

  @Field(() => [CounterpartyRole], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'give the counterparty at least one role: CLIENT or SUPPLIER' })
  @IsEnum(CounterpartyRole, { each: true })
  roles?: CounterpartyRole[];

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Reassigns the owner (not for sales managers); null leaves it unowned' })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the whole team' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  teamMemberIds?: string[] | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class CounterpartyFilter extends BaseFilter {
  @Field(() => CounterpartyKind, { nullable: true })
  @IsOptional()
  kind?: CounterpartyKind | null;

  @Field(() => CounterpartyRole, { nullable: true })
  @IsOptional()
  role?: CounterpartyRole | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean | null;

  @Field(() => ClientStatus, { nullable: true })
  @IsOptional()
  status?: ClientStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  industryId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  segmentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Clients carrying this tag (case-insensitive)' })
  @IsOptional()
  @MaxLength(50)
  tag?: string | null;
}

@ArgsType()
export class CounterpartyListArgs extends PageArgs {
  @Field(() => CounterpartyFilter, { nullable: true })
  filter?: CounterpartyFilter;
}
