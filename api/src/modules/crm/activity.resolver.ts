import { Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context';
import { forbidden } from '../../shared/errors';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageType } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import { AgendaPeriod, reminderAt } from './activity-schedule';
import { Activity, ActivityStatus, ActivityType } from './activity.entity';
import { ACTIVITY_ASSIGNED, type ActivityAssignment } from './activity.events';
import { ActivityCalendarArgs, ActivityListArgs, CreateActivityInput, UpdateActivityInput } from './activity.inputs';
import { Contact } from './contact.entity';
import { Counterparty } from './counterparty.entity';

registerEnumType(AgendaPeriod, { name: 'AgendaPeriod', description: 'A day, or the ISO week (Monday to Sunday) holding the date' });

const ActivityPage = PageType(Activity);

/** The most activities Counterparty.activities gives at once. */
const MAX_CLIENT_ACTIVITIES = 100;

@Resolver(() => Activity)
export class ActivityResolver {
  @Authorized('activity:read')
  @Query(() => ActivityPage, { description: 'The activities the caller wrote or is assigned, and those of the clients they may see' })
  activities(@Args() args: ActivityListArgs, @Ctx() ctx: Context) {
    return ctx.services.activities.list(ctx, args);
  }

  @Authorized('activity:read')
  @Query(() => Activity, { nullable: true, description: 'Null when missing or out of the caller\'s sight' })
  activity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.activities.get(ctx, id);
  }

  @Authorized('activity:read')
  @Query(() => [Activity], { description: 'The caller\'s PLANNED and DONE activities of the day or ISO week holding the date (the server\'s calendar), by due time; a deputy\'s include those of the absent' })
  myAgenda(@Arg('period', () => AgendaPeriod) period: AgendaPeriod, @Arg('date', () => LocalDateScalar) date: string, @Ctx() ctx: Context) {
    return ctx.services.activities.myAgenda(ctx, period, date);
  }

  @Authorized('activity:read')
  @Query(() => [Activity], { description: 'PLANNED and DONE activities of the people asked for, due on the dates from..to, by due time. A sales manager may ask only for themselves and whom they stand in for' })
  activityCalendar(@Args() args: ActivityCalendarArgs, @Ctx() ctx: Context) {
    return ctx.services.activities.calendar(ctx, args);
  }

  @Authorized('activity:read')
  @Query(() => [Activity], { description: 'PLANNED activities past due, the oldest first: the caller\'s, or a head of sales may name anyone' })
  overdueActivities(@Arg('assigneeId', () => ID, { nullable: true }) assigneeId: string | null | undefined, @Ctx() ctx: Context) {
    return ctx.services.activities.overdue(ctx, assigneeId);
  }

  @Authorized('activity:create')
  @Mutation(() => Activity, { description: 'Given to someone else, it reaches them through activityAssigned' })
  createActivity(@Arg('input') input: CreateActivityInput, @Ctx() ctx: Context) {
    return ctx.services.activities.create(ctx, input);
  }

  @Authorized('activity:update')
  @Mutation(() => Activity, { description: 'PLANNED only (INVALID_STATE otherwise)' })
  updateActivity(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateActivityInput, @Ctx() ctx: Context) {
    return ctx.services.activities.update(ctx, id, input);
  }

  @Authorized('activity:update')
  @Mutation(() => Activity, { description: 'A PLANNED activity becomes DONE with what came of it' })
  completeActivity(@Arg('id', () => ID) id: string, @Arg('result', () => String, { nullable: true }) result: string | null | undefined, @Ctx() ctx: Context) {
    return ctx.services.activities.complete(ctx, id, result);
  }

  @Authorized('activity:update')
  @Mutation(() => Activity, { description: 'A PLANNED activity becomes CANCELLED' })
  cancelActivity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.activities.cancel(ctx, id);
  }

  @Authorized('activity:delete')
  @Mutation(() => Activity, { description: 'Its author only (or a head of sales)' })
  deleteActivity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.activities.delete(ctx, id);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() activity: Activity, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(activity.client.id);
  }

  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() activity: Activity, @Ctx() ctx: Context) {
    return activity.contact ? ctx.loaders.byId(Contact).load(activity.contact.id) : null;
  }

  @FieldResolver(() => User, { description: 'Who does it' })
  assignee(@Root() activity: Activity, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(activity.assignee.id);
  }

  @FieldResolver(() => User, { description: 'Who planned it' })
  author(@Root() activity: Activity, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(activity.author.id);
  }

  @FieldResolver(() => GraphQLISODateTime, { nullable: true, description: 'dueAt less reminderOffsetMinutes' })
  reminderAt(@Root() activity: Activity) {
    return activity.reminderOffsetMinutes === null || activity.reminderOffsetMinutes === undefined ? null : reminderAt(activity.dueAt, activity.reminderOffsetMinutes);
  }

  @FieldResolver(() => Boolean, { description: 'PLANNED and due before now' })
  overdue(@Root() activity: Activity) {
    return activity.status === ActivityStatus.PLANNED && activity.dueAt.getTime() < Date.now();
  }
}

@ArgsType()
class ClientActivitiesArgs {
  @Field(() => Int, { defaultValue: 20, description: `The newest due first, at most ${MAX_CLIENT_ACTIVITIES}` })
  @Min(1)
  @Max(MAX_CLIENT_ACTIVITIES)
  limit: number = 20;
}

@Resolver(() => Counterparty)
export class CounterpartyActivitiesResolver {
  @Authorized('activity:read')
  @FieldResolver(() => [Activity], { nullable: true, description: 'Its latest activities, the newest due first (null with FORBIDDEN without activity:read)' })
  activities(@Root() c: Counterparty, @Args() args: ClientActivitiesArgs, @Ctx() ctx: Context) {
    return ctx.services.activities.latestOfClient(ctx, c.id, args.limit);
  }
}

@ObjectType({ description: 'An activity given to you by someone else (created for you or reassigned to you)' })
export class ActivityAssigned {
  @Field(() => ID)
  activityId: string;

  @Field(() => ActivityType)
  type: ActivityType;

  @Field()
  subject: string;

  @Field(() => GraphQLISODateTime)
  dueAt: Date;

  @Field(() => ID)
  clientId: string;

  @Field()
  clientName: string;

  @Field(() => ID)
  assignedById: string;

  @Field({ description: 'The name of who gave it' })
  assignedByName: string;
}

/** Tells a user, on whichever instance they are connected, that a colleague gave them an activity (DESIGN §9). */
@Resolver()
export class ActivityAssignedResolver {
  @Subscription(() => ActivityAssigned, {
    description: 'Activities given to the caller by someone else (or to whom the caller stands in for as a deputy); each user receives only their own',
    subscribe: ({ context }) => {
      const ctx = context as Context;
      if (!ctx.user?.permissions.has('activity:read')) throw forbidden('Your roles do not allow activity:read');
      const me = ctx.user.id;
      return ctx.services.events.subscribe<ActivityAssignment>(ACTIVITY_ASSIGNED, (assignment) => (assignment.recipients ?? [assignment.assigneeId]).includes(me));
    },
  })
  activityAssigned(@Root() assignment: ActivityAssignment): ActivityAssigned {
    const { activityId, type, subject, clientId, clientName, assignedById, assignedByName } = assignment;
    return { activityId, type, subject, dueAt: new Date(assignment.dueAt), clientId, clientName, assignedById, assignedByName };
  }
}
