import { IsBoolean, IsInt, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';

@InputType()
export class CreateProductGroupInput {
  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The parent group; none for a top-level group' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;
}

@InputType()
export class UpdateProductGroupInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Moves the group; null makes it top-level' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;
}

@InputType()
export class ProductGroupFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Only the direct children of this group' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only top-level groups' })
  @IsOptional()
  @IsBoolean()
  rootsOnly?: boolean | null;
}

@ArgsType()
export class ProductGroupListArgs extends PageArgs {
  @Field(() => ProductGroupFilter, { nullable: true })
  filter?: ProductGroupFilter;
}
