import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { HandOverInput, HandoverPreviewInput, HandoverReport } from './handover.inputs';

@Resolver()
export class HandoverResolver {
  @Authorized('crm:handover')
  @Query(() => HandoverReport, { description: 'What handOver would move, with nothing written (a head of sales: crm:handover)' })
  handoverPreview(@Arg('input') input: HandoverPreviewInput, @Ctx() ctx: Context) {
    return ctx.services.handovers.preview(ctx, input);
  }

  @Authorized('crm:handover')
  @Mutation(() => HandoverReport, {
    description: "Moves a user's clients (and team places), PLANNED activities (with their pending reminders) and open deals to another active user in one transaction; kept in the audit log with the reason. BAD_USER_INPUT on toUserId when inactive (INACTIVE) or the same user (SAME_USER)",
  })
  handOver(@Arg('input') input: HandOverInput, @Ctx() ctx: Context) {
    return ctx.services.handovers.handOver(ctx, input);
  }
}
