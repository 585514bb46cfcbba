import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { ActivityStatus, ActivityType, MAX_DURATION_MINUTES, MAX_SUBJECT_LENGTH } from './activity.entity';

/** What a create and an update share; on update what is not sent stays (null clears the optional ones). */
@InputType()
export class ActivityDetailsInput {
  @Field(() => ID, { nullable: true, description: 'A contact person of the client' })
  @IsOptional()
  @IsUUID('all')
  contactId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Any active user; yourself when not sent' })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string | null;

  @Field(() => Int, { nullable: true, description: `0 to ${MAX_DURATION_MINUTES} minutes` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  location?: string | null;

  @Field(() => Int, { nullable: true, description: 'Remind this many minutes before dueAt; the reminder must not fall in the past' })
  @IsOptional()
  @IsInt()
  @Min(0)
  reminderOffsetMinutes?: number | null;
}

@InputType()
export class CreateActivityInput extends ActivityDetailsInput {
  @Field(() => ActivityType)
  @IsEnum(ActivityType)
  type: ActivityType;

  @Field({ description: `Trimmed; 1 to ${MAX_SUBJECT_LENGTH} characters` })
  @MaxLength(MAX_SUBJECT_LENGTH)
  subject: string;

  @Field(() => ID, { description: 'The client it is with (one the caller may see)' })
  @IsUUID('all')
  clientId: string;

  @Field(() => GraphQLISODateTime)
  dueAt: Date;
}

@InputType()
export class UpdateActivityInput extends ActivityDetailsInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => ActivityType, { nullable: true })
  @IsOptional()
  @IsEnum(ActivityType)
  type?: ActivityType;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(MAX_SUBJECT_LENGTH)
  subject?: string;

  @Field(() => ID, { nullable: true, description: 'Moving it to another client drops a contact of the old one unless a contact is sent' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  dueAt?: Date;
}

@InputType()
export class ActivityFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string | null;

  @Field(() => ActivityStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ActivityStatus)
  status?: ActivityStatus | null;

  @Field(() => ActivityType, { nullable: true })
  @IsOptional()
  @IsEnum(ActivityType)
  type?: ActivityType | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Due at or after this moment' })
  @IsOptional()
  dueFrom?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Due before this moment' })
  @IsOptional()
  dueTo?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'true: PLANNED and due before now; false: all but those' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
}

@ArgsType()
export class ActivityListArgs extends PageArgs {
  @Field(() => ActivityFilter, { nullable: true })
  filter?: ActivityFilter;
}

@ArgsType()
export class ActivityCalendarArgs {
  @Field(() => LocalDateScalar, { description: 'The first day shown' })
  from: string;

  @Field(() => LocalDateScalar, { description: 'The last day shown: from and to span at most 62 days, both counted' })
  to: string;

  @Field(() => [ID], { nullable: true, description: 'Whose activities; yourself when not sent. A sales manager may ask only for themselves' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  assigneeIds?: string[] | null;
}
