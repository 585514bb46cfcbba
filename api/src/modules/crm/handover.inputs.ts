import { IsBoolean, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'What a handover would move from one user to another' })
export class HandoverPreviewInput {
  @Field(() => ID, { description: 'Who gives their work away (a manager who leaves)' })
  @IsUUID()
  fromUserId: string;

  @Field(() => ID, { description: 'An active user other than fromUserId' })
  @IsUUID()
  toUserId: string;

  @Field({ defaultValue: true, description: 'The clients they own, and their places in client teams' })
  @IsBoolean()
  clients: boolean = true;

  @Field({ defaultValue: true, description: 'Their PLANNED activities, with the pending reminders' })
  @IsBoolean()
  activities: boolean = true;

  @Field({ defaultValue: true, description: 'Their open deals (in an OPEN stage)' })
  @IsBoolean()
  deals: boolean = true;
}

@InputType()
export class HandOverInput extends HandoverPreviewInput {
  @Field({ description: 'Why (kept in the audit log)' })
  @MaxLength(2000)
  reason: string;
}

/** What moved (or, previewed, would move): the counts and what was in them. */
@ObjectType({ description: 'What a handover moved (or, previewed, would move)' })
export class HandoverReport {
  @Field(() => ID, { nullable: true, description: 'The handover kept in the log; null for a preview' })
  id: string | null;

  @Field(() => ID)
  fromUserId: string;

  @Field()
  fromUserName: string;

  @Field(() => ID)
  toUserId: string;

  @Field()
  toUserName: string;

  @Field(() => Int, { description: 'Clients owned by fromUser' })
  clients: number;

  @Field(() => [String], { description: 'Their names, alphabetically' })
  clientNames: string[];

  @Field(() => Int, { description: 'Client teams fromUser was a member of (toUser takes the place)' })
  teamMemberships: number;

  @Field(() => Int, { description: 'PLANNED activities assigned to fromUser' })
  activities: number;

  @Field(() => [String], { description: 'Their subjects, by due time' })
  activitySubjects: string[];

  @Field(() => Int, { description: 'Pending reminders of those activities' })
  reminders: number;

  @Field(() => Int, { description: 'Open deals owned by fromUser' })
  deals: number;

  @Field(() => [String], { description: 'Their titles, alphabetically' })
  dealTitles: string[];
}
