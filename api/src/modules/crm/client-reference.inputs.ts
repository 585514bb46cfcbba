import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';
import { ClientReferenceKind } from './client-reference.entity';

@InputType()
export class CreateClientReferenceInput {
  @Field(() => ClientReferenceKind)
  @IsEnum(ClientReferenceKind)
  kind: ClientReferenceKind;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'SEGMENT only: the price type its clients without their own get' })
  @IsOptional()
  @IsUUID('all')
  defaultPriceTypeId?: string | null;
}

@InputType()
export class UpdateClientReferenceInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  defaultPriceTypeId?: string | null;

  @Field({ nullable: true, description: 'An inactive entry stays on the clients that have it but cannot be chosen again' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class ClientReferenceFilter extends BaseFilter {
  @Field(() => ClientReferenceKind, { nullable: true })
  @IsOptional()
  @IsEnum(ClientReferenceKind)
  kind?: ClientReferenceKind | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@ArgsType()
export class ClientReferenceListArgs extends PageArgs {
  @Field(() => ClientReferenceFilter, { nullable: true })
  filter?: ClientReferenceFilter;
}
