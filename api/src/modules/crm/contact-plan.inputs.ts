import { ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';
import { ActivityType } from './activity.entity';
import { MAX_PLAN_DAYS } from './contact-plan.entity';

/** A client's own plan or a segment's default: exactly one of clientId and segmentId. The plan of that client or segment is replaced. */
@InputType()
export class SetContactPlanInput {
  @Field(() => ID, { nullable: true, description: 'The client whose own plan this is' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The segment whose default plan this is (its clients without a plan of their own)' })
  @IsOptional()
  @IsUUID('all')
  segmentId?: string | null;

  @Field(() => Int, { description: `1 to ${MAX_PLAN_DAYS}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PLAN_DAYS)
  everyDays: number;

  @Field(() => [ActivityType], { description: 'At least one; the first is what the daily job plans' })
  @ArrayMinSize(1)
  @IsEnum(ActivityType, { each: true })
  activityTypes: ActivityType[];

  @Field(() => Boolean, { nullable: true, description: 'true when not sent' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@InputType()
export class ContactPlanFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  segmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the segment defaults only; false: the clients\' own plans only' })
  @IsOptional()
  @IsBoolean()
  segmentDefaults?: boolean | null;
}

@ArgsType()
export class ContactPlanListArgs extends PageArgs {
  @Field(() => ContactPlanFilter, { nullable: true })
  filter?: ContactPlanFilter;
}
