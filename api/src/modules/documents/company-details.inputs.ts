import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_TEXT_LENGTH } from './company-details.checks';

/** The text details of the company, shared by what is shown and what is sent. */
const TEXT_FIELDS = ['legalName', 'inn', 'kpp', 'ogrn', 'address', 'bankName', 'bik', 'correspondentAccount', 'account', 'director', 'chiefAccountant'] as const;
const IMAGE_FIELDS = ['logo', 'stamp', 'directorSignature', 'chiefAccountantSignature'] as const;
export const COMPANY_FIELDS = [...TEXT_FIELDS, ...IMAGE_FIELDS] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];
export const COMPANY_IMAGE_FIELDS: readonly CompanyField[] = IMAGE_FIELDS;

@ObjectType({ description: 'The company’s own details printed on its documents (stored under the app setting "company")' })
export class CompanyDetails {
  @Field(() => Int, { description: 'Send it back with an update; a stale one fails with CONFLICT' })
  version: number;

  @Field(() => String, { nullable: true, description: 'Full legal name, e.g. ООО «Торговый дом»' })
  legalName: string | null;

  @Field(() => String, { nullable: true, description: 'ИНН: 10 digits (12 for a sole trader), check digits verified' })
  inn: string | null;

  @Field(() => String, { nullable: true, description: 'КПП, 9 characters; a company only' })
  kpp: string | null;

  @Field(() => String, { nullable: true, description: 'ОГРН, 13 digits (ОГРНИП 15), check digit verified' })
  ogrn: string | null;

  @Field(() => String, { nullable: true, description: 'Legal address' })
  address: string | null;

  @Field(() => String, { nullable: true })
  bankName: string | null;

  @Field(() => String, { nullable: true, description: 'БИК, 9 digits' })
  bik: string | null;

  @Field(() => String, { nullable: true, description: 'Correspondent account, 20 digits' })
  correspondentAccount: string | null;

  @Field(() => String, { nullable: true, description: 'Settlement account (расчётный счёт), 20 digits' })
  account: string | null;

  @Field(() => String, { nullable: true, description: 'The director’s name as signed, e.g. Иванов И. И.' })
  director: string | null;

  @Field(() => String, { nullable: true })
  chiefAccountant: string | null;

  @Field(() => String, { nullable: true, description: 'PNG or JPEG as a base64 data URL, at most 256 KB' })
  logo: string | null;

  @Field(() => String, { nullable: true, description: 'The stamp, a PNG or JPEG data URL' })
  stamp: string | null;

  @Field(() => String, { nullable: true })
  directorSignature: string | null;

  @Field(() => String, { nullable: true })
  chiefAccountantSignature: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while they were never set' })
  updatedAt: Date | null;

  /** Who changed them last (resolved as `updatedBy`). */
  updatedById: string | null;
}

/** Only what is sent changes; null clears a detail. Identifiers are checked (INN, KPP, OGRN, BIK, accounts); images are data URLs. */
@InputType()
export class UpdateCompanyDetailsInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT_LENGTH) legalName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(12) inn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(9) kpp?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(15) ogrn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT_LENGTH) address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT_LENGTH) bankName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(9) bik?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20) correspondentAccount?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20) account?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT_LENGTH) director?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_TEXT_LENGTH) chiefAccountant?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() logo?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() stamp?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() directorSignature?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() chiefAccountantSignature?: string | null;
}
