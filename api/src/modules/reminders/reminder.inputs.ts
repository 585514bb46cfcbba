import { IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';
import { ReminderStatus } from './reminder.entity';

@InputType()
export class CreateReminderInput {
  @Field({ description: 'What to remember, up to 500 characters' })
  @MaxLength(500)
  title: string;

  @Field(() => GraphQLISODateTime, { description: 'In the future' })
  remindAt: Date;

  @Field(() => ID, { nullable: true, description: 'An activity it reminds of' })
  @IsOptional()
  @IsUUID('all')
  activityId?: string | null;
}

@ArgsType()
export class MyRemindersArgs extends PageArgs {
  @Field(() => ReminderStatus, { nullable: true, description: 'DUE: the unread ones' })
  @IsOptional()
  @IsEnum(ReminderStatus)
  status?: ReminderStatus | null;
}

@ArgsType()
export class SnoozeArgs {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'Remind again in this many minutes, 1…10080 (a week)' })
  @IsInt()
  @Min(1)
  @Max(10080)
  minutes: number;
}

/** What a reminder's user (and whoever stands in for them) receives when it falls due. */
@ObjectType()
export class ReminderDue {
  @Field(() => ID)
  reminderId: string;

  @Field(() => ID, { description: 'Whose reminder it is (a deputy receives the absent user’s too)' })
  userId: string;

  @Field()
  title: string;

  @Field(() => GraphQLISODateTime)
  remindAt: Date;

  @Field(() => ID, { nullable: true })
  activityId: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the server delivered it' })
  deliveredAt: Date;
}
