import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageArgs, PageType } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import { Counterparty } from './counterparty.entity';
import { TimelineEntry, TimelineKind } from './timeline-entry.entity';

const TimelineEntryPage = PageType(TimelineEntry);

@ArgsType()
class TimelineArgs extends PageArgs {
  @Field(() => [TimelineKind], { nullable: true, description: 'Only entries of these kinds' })
  kinds?: TimelineKind[] | null;
}

@ArgsType()
class ClientTimelineArgs extends TimelineArgs {
  @Field(() => ID)
  clientId: string;
}

@Resolver(() => TimelineEntry)
export class TimelineResolver {
  @Authorized('clientTimeline:read')
  @Query(() => TimelineEntryPage, { description: 'A client\'s timeline, newest first (sort is ignored); NOT_FOUND for a client out of sight. A purchase\'s entries need cost:read' })
  clientTimeline(@Args() args: ClientTimelineArgs, @Ctx() ctx: Context) {
    return ctx.services.timeline.ofClient(ctx, args.clientId, args);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who did it; null for the system or an API key' })
  actor(@Root() entry: TimelineEntry, @Ctx() ctx: Context) {
    return entry.actor ? ctx.loaders.byId(User).load(entry.actor.id) : null;
  }
}

@Resolver(() => Counterparty)
export class CounterpartyTimelineResolver {
  @Authorized('clientTimeline:read')
  @FieldResolver(() => TimelineEntryPage, { nullable: true, description: 'Its timeline, newest first (null with FORBIDDEN without clientTimeline:read)' })
  timeline(@Root() c: Counterparty, @Args() args: TimelineArgs, @Ctx() ctx: Context) {
    return ctx.services.timeline.page(ctx, c.id, args);
  }
}
