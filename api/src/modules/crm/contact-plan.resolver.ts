import { Arg, Args, Authorized, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageType } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import { ClientReference } from './client-reference.entity';
import { ContactPlan } from './contact-plan.entity';
import { ContactPlanListArgs, SetContactPlanInput } from './contact-plan.inputs';
import type { ContactPlanStanding } from './contact-plan.service';
import { Counterparty } from './counterparty.entity';

const ContactPlanPage = PageType(ContactPlan);

@ObjectType({ description: 'Where a client stands with its effective contact plan (its own, else its segment\'s default)' })
export class ContactPlanStatus {
  @Field(() => ID)
  clientId: string;

  @Field()
  clientName: string;

  @Field(() => ID, { nullable: true })
  ownerId: string | null;

  @Field(() => ContactPlan)
  plan: ContactPlan;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The latest completedAt of a DONE activity of one of the plan\'s types' })
  lastContactAt: Date | null;

  @Field(() => LocalDateScalar, { description: 'The last contact\'s day (or the plan\'s creation, never contacted) + everyDays' })
  dueDate: string;

  @Field(() => Int, { description: 'Days past dueDate (0 on it and before)' })
  daysOverdue: number;
}

@Resolver(() => ContactPlan)
export class ContactPlanResolver {
  @Authorized('contactPlan:read')
  @Query(() => ContactPlanPage, { description: 'Segment defaults and the own plans of the clients the caller sees' })
  contactPlans(@Args() args: ContactPlanListArgs, @Ctx() ctx: Context) {
    return ctx.services.contactPlans.list(ctx, args);
  }

  @Authorized('contactPlan:read')
  @Query(() => ContactPlan, { nullable: true })
  contactPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contactPlans.get(ctx, id);
  }

  @Authorized('contactPlan:read')
  @Query(() => ContactPlanStatus, { nullable: true, description: 'Null when the client has no active plan (NOT_FOUND out of sight)' })
  contactPlanStatus(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: Context): Promise<ContactPlanStanding | null> {
    return ctx.services.contactPlans.status(ctx, clientId);
  }

  @Authorized('contactPlan:read')
  @Query(() => [ContactPlanStatus], { description: 'Clients late with their plan, the latest first: the caller\'s; a head of sales names any owner, or none for all' })
  overdueContactPlans(@Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null | undefined, @Ctx() ctx: Context): Promise<ContactPlanStanding[]> {
    return ctx.services.contactPlans.overdue(ctx, ownerId);
  }

  @Authorized('contactPlan:update')
  @Mutation(() => ContactPlan, { description: 'Sets (creates or replaces) the plan of a client (its owner or a head) or a segment (a head)' })
  setContactPlan(@Arg('input') input: SetContactPlanInput, @Ctx() ctx: Context) {
    return ctx.services.contactPlans.set(ctx, input);
  }

  @Authorized('contactPlan:delete')
  @Mutation(() => ContactPlan)
  deleteContactPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contactPlans.delete(ctx, id);
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The client of an own plan' })
  client(@Root() plan: ContactPlan, @Ctx() ctx: Context) {
    return plan.client ? ctx.loaders.byId(Counterparty).load(plan.client.id) : null;
  }

  @FieldResolver(() => ClientReference, { nullable: true, description: 'The segment of a default plan' })
  segment(@Root() plan: ContactPlan, @Ctx() ctx: Context) {
    return plan.segment ? ctx.loaders.byId(ClientReference).load(plan.segment.id) : null;
  }
}

@Resolver(() => ContactPlanStatus)
export class ContactPlanStatusResolver {
  @FieldResolver(() => User, { nullable: true })
  owner(@Root() status: ContactPlanStanding, @Ctx() ctx: Context) {
    return status.ownerId ? ctx.loaders.byId(User).load(status.ownerId) : null;
  }
}
