import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { DecimalScalar, MoneyScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { DealStage, DealStageKind } from './deal-stage.entity';

@InputType()
export class CreateDealStageInput {
  @Field()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => Int, { nullable: true, description: 'Left out: after the last stage' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number | null;

  @Field(() => Int, { description: 'Percent, 0 to 100' })
  @IsInt()
  @Min(0)
  @Max(100)
  probability: number;

  @Field(() => DealStageKind, { defaultValue: DealStageKind.OPEN })
  @IsEnum(DealStageKind)
  kind: DealStageKind = DealStageKind.OPEN;
}

@InputType()
export class UpdateDealStageInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  probability?: number;

  @Field(() => DealStageKind, { nullable: true, description: 'Only while no deal is in the stage' })
  @IsOptional()
  @IsEnum(DealStageKind)
  kind?: DealStageKind;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class CreateDealInput {
  @Field(() => ID, { description: 'A client the caller may see (a counterparty with the CLIENT role)' })
  @IsUUID('all')
  clientId: string;

  @Field()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @Field(() => ID, { nullable: true, description: 'An active stage; left out: the first active OPEN stage' })
  @IsOptional()
  @IsUUID('all')
  stageId?: string | null;

  @Field(() => DecimalScalar, { description: 'Not negative, to the kopeck' })
  amount: string;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedCloseDate?: string | null;

  @Field(() => ID, { nullable: true, description: "Left out: the client's owner, else the caller. Only a head of sales names another owner than themselves" })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when the stage is LOST' })
  @IsOptional()
  @MaxLength(2000)
  lostReason?: string | null;
}

@InputType({ description: 'Fields left out stay; a new stage follows the rules of moveDeal' })
export class UpdateDealInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(300)
  title?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  stageId?: string;

  @Field(() => DecimalScalar, { nullable: true })
  amount?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  expectedCloseDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only a head of sales gives a deal to someone else' })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  lostReason?: string | null;
}

@InputType()
export class DealFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  stageId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: in OPEN stages; false: won or lost' })
  @IsOptional()
  @IsBoolean()
  open?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected to close on or after' })
  expectedCloseFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected to close on or before' })
  expectedCloseTo?: string | null;
}

@ArgsType()
export class DealListArgs extends PageArgs {
  @Field(() => DealFilter, { nullable: true })
  filter?: DealFilter;
}

@InputType()
export class DealStageFilter extends BaseFilter {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => DealStageKind, { nullable: true })
  @IsOptional()
  @IsEnum(DealStageKind)
  kind?: DealStageKind | null;
}

@ArgsType()
export class DealStageListArgs extends PageArgs {
  @Field(() => DealStageFilter, { nullable: true })
  filter?: DealStageFilter;
}

@ArgsType()
export class PipelineArgs {
  @Field(() => ID, { nullable: true, description: "Only this owner's deals" })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Deals expected to close on or after (deals without a date are left out once a range is given)' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Deals expected to close on or before' })
  to?: string | null;
}

@ObjectType({ description: 'One column of the pipeline' })
export class PipelineStage {
  @Field(() => DealStage)
  stage: DealStage;

  @Field(() => Int)
  count: number;

  @Field(() => MoneyScalar, { description: 'Σ amount' })
  amount: string;

  @Field(() => MoneyScalar, { description: 'Σ amount × probability / 100, rounded to the kopeck' })
  weightedAmount: string;
}

@ObjectType({ description: 'Per active stage in order: deals, their amount and weighted amount; and the totals of those columns' })
export class Pipeline {
  @Field(() => [PipelineStage])
  stages: PipelineStage[];

  @Field(() => Int)
  count: number;

  @Field(() => MoneyScalar)
  amount: string;

  @Field(() => MoneyScalar)
  weightedAmount: string;
}
