import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { User } from '../identity/user.entity';
import { ActivityType } from './activity.entity';
import type { ActivityReportFigures } from './activity-report';

@ObjectType({ description: 'One activity type of a manager\'s period' })
export class ActivityTypeCount {
  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => Int, { description: 'Due in the period and not cancelled' })
  planned: number;

  @Field(() => Int, { description: 'Completed in the period' })
  done: number;

  @Field(() => Int, { description: 'Due in the period, still PLANNED and past due now' })
  overdue: number;
}

@ObjectType({ description: 'A manager\'s period: activities, new clients, deals closed, orders shipped and revenue without VAT' })
export class ActivityReportRow {
  @Field(() => ID)
  ownerId: string;

  @Field(() => [ActivityTypeCount], { description: 'Every activity type, in the order of ActivityType' })
  activities: ActivityTypeCount[];

  @Field(() => Int)
  planned: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int, { description: 'Counterparties created in the period with this owner' })
  newClients: number;

  @Field(() => Int, { description: 'Deals of this owner closed won in the period' })
  dealsWon: number;

  @Field(() => MoneyScalar)
  dealsWonAmount: string;

  @Field(() => Int)
  dealsLost: number;

  @Field(() => MoneyScalar)
  dealsLostAmount: string;

  @Field(() => Int, { description: 'Orders of this manager with something shipped (or a service act) dated in the period' })
  orders: number;

  @Field(() => MoneyScalar, { description: 'Σ revenue without VAT of the sales register dated in the period, less returns' })
  revenue: string;
}

@ArgsType()
export class ActivityReportArgs {
  @Field(() => LocalDateScalar)
  from: string;

  @Field(() => LocalDateScalar, { description: 'Included; at most 400 days from from' })
  to: string;

  @Field(() => [ID], { nullable: true, description: 'Whose; the caller when not sent (a head of sales: every active sales manager and head). A manager may ask only for themselves' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  ownerIds?: string[] | null;
}

@Resolver(() => ActivityReportRow)
export class ActivityReportResolver {
  @Authorized('activity:read')
  @Query(() => [ActivityReportRow], { description: 'Activity control (issue 13 §11): per manager over the dates from..to' })
  activityReport(@Args() args: ActivityReportArgs, @Ctx() ctx: Context): Promise<ActivityReportFigures[]> {
    return ctx.services.activityReports.report(ctx, args.from, args.to, args.ownerIds);
  }

  @FieldResolver(() => User)
  owner(@Root() row: ActivityReportFigures, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(row.ownerId);
  }
}
