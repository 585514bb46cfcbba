import { ArrayMaxSize, IsInt, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';

@InputType()
export class ReorderRuleInput {
  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => ID, { description: 'A GOODS product' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: 'The reorder point, ≥ 0 and not above maxQuantity' })
  minQuantity: string;

  @Field(() => DecimalScalar, { description: 'The reorder level' })
  maxQuantity: string;
}

@InputType({ description: "A rule's new reorder point and level" })
export class UpdateReorderRuleInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => DecimalScalar)
  minQuantity: string;

  @Field(() => DecimalScalar)
  maxQuantity: string;
}

@InputType()
export class ReorderRuleFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  productId?: string | null;
}

@ArgsType()
export class ReorderRuleListArgs extends PageArgs {
  @Field(() => ReorderRuleFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ReorderRuleFilter | null;
}

@InputType({ description: 'Which suggestions: a warehouse, a supplier (the products whose main supplier it is), or neither for all' })
export class ReorderSuggestionFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;
}

@InputType({ description: 'One suggestion to act on, with the quantity to buy (the suggested one when left out)' })
export class ReorderPick {
  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => ID)
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Greater than 0' })
  quantity?: string | null;
}

@InputType()
export class ReorderActionInput {
  @Field(() => ReorderSuggestionFilter, { nullable: true, description: 'Act on every current suggestion these narrow to (when picks are left out)' })
  @IsOptional()
  @ValidateNested()
  filter?: ReorderSuggestionFilter | null;

  @Field(() => [ReorderPick], { nullable: true, description: 'Act on these only' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  picks?: ReorderPick[] | null;
}

@InputType({ description: 'Suggestions to order from suppliers: one draft purchase order per supplier × warehouse' })
export class PurchaseOrdersFromSuggestionsInput extends ReorderActionInput {
  @Field(() => ID, { nullable: true, description: "The supplier of every line; each product's main supplier when not sent" })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Today when not sent' })
  date?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedDate?: string | null;
}

/** A product a warehouse should buy, with the figures that say why. */
@ObjectType()
export class ReorderSuggestion {
  @Field(() => ID)
  warehouseId: string;

  @Field(() => ID)
  productId: string;

  @Field(() => ID, { nullable: true, description: "The product's main supplier" })
  supplierId: string | null;

  @Field(() => DecimalScalar)
  minQuantity: string;

  @Field(() => DecimalScalar)
  maxQuantity: string;

  @Field(() => DecimalScalar, { description: 'On hand less reserved (as availability)' })
  available: string;

  @Field(() => DecimalScalar, { description: 'On purchase orders, not received yet' })
  onOrder: string;

  @Field(() => DecimalScalar, { description: 'On submitted or approved requisitions for the warehouse not on an order yet, and on draft purchase orders' })
  requested: string;

  @Field(() => DecimalScalar, { description: 'What confirmed customer orders of the warehouse wait for' })
  backordered: string;

  @Field(() => DecimalScalar, { description: 'available + onOrder + requested − backordered' })
  projected: string;

  @Field(() => DecimalScalar, { description: 'What to buy: maxQuantity − projected' })
  quantity: string;
}

@ObjectType({ description: "Suggestions of one main supplier (null: products without one)" })
export class ReorderSuggestionGroup {
  @Field(() => ID, { nullable: true })
  supplierId: string | null;

  @Field(() => [ReorderSuggestion])
  suggestions: ReorderSuggestion[];
}

@ObjectType({ description: 'What the daily job found' })
export class ReorderRun {
  @Field(() => GraphQLISODateTime)
  computedAt: Date;

  @Field(() => [ReorderSuggestionGroup])
  groups: ReorderSuggestionGroup[];
}
