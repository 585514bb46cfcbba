import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditListArgs } from './audit.service';
import { User } from './user.entity';

const AuditEntryPage = PageType(AuditEntry);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized('audit:read')
  @Query(() => AuditEntryPage, { description: 'The audit log, newest first by default' })
  auditEntries(@Args() args: AuditListArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.list(ctx, args);
  }

  @FieldResolver(() => User, { nullable: true })
  user(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return entry.userId ? ctx.loaders.byId(User).load(entry.userId) : null;
  }
}
