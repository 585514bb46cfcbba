import { IsBoolean, IsInt, IsOptional, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';

@InputType()
export class CreateWarehouseInput {
  @Field()
  @MinLength(1)
  @MaxLength(20)
  code: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field({ defaultValue: false, description: 'Let stock here go below zero; off by default' })
  @IsBoolean()
  allowsNegativeStock: boolean = false;

  @Field({ defaultValue: false, description: 'Partners may order from here (their product availability shows it); off by default' })
  @IsBoolean()
  partnerShipping: boolean = false;

  @Field({ defaultValue: true })
  @IsBoolean()
  active: boolean = true;
}

@InputType()
export class UpdateWarehouseInput {
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
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  allowsNegativeStock?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  partnerShipping?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class WarehouseFilter extends BaseFilter {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the warehouses partners may (true) or may not (false) order from' })
  @IsOptional()
  partnerShipping?: boolean | null;
}

@ArgsType()
export class WarehouseListArgs extends PageArgs {
  @Field(() => WarehouseFilter, { nullable: true })
  filter?: WarehouseFilter;
}
