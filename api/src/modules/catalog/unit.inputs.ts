import { IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';

@InputType()
export class CreateUnitInput {
  @Field()
  @MinLength(1)
  @MaxLength(20)
  code: string;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{3,4}$/, { message: 'must be a 3 or 4 digit OKEI code' })
  okeiCode?: string | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(3, { message: 'quantities are stored with at most 3 decimal places' })
  precision: number = 0;
}

@InputType()
export class UpdateUnitInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(20)
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{3,4}$/, { message: 'must be a 3 or 4 digit OKEI code' })
  okeiCode?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3, { message: 'quantities are stored with at most 3 decimal places' })
  precision?: number;
}

@InputType()
export class UnitFilter extends BaseFilter {}

@ArgsType()
export class UnitListArgs extends PageArgs {
  @Field(() => UnitFilter, { nullable: true })
  filter?: UnitFilter;
}
