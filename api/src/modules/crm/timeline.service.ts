import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { notFound } from '../../shared/errors';
import type { Page } from '../../shared/pagination';
import { seesCost } from '../inventory/stock.service';
import { TimelineEntry, type TimelineKind } from './timeline-entry.entity';

export interface TimelinePageArgs {
  page: number;
  perPage: number;
  kinds?: TimelineKind[] | null;
}

/**
 * A client's timeline (issue 13 §9): what its events left, newest first. Only for a client
 * the caller sees (NOT_FOUND otherwise); a purchase's entries (cost) only with cost:read.
 */
export class TimelineService {
  async ofClient(ctx: Context, clientId: string, args: TimelinePageArgs): Promise<Page<TimelineEntry>> {
    if (!(await ctx.services.counterparties.get(ctx, clientId))) throw notFound('Counterparty', clientId);
    return this.page(ctx, clientId, args);
  }

  /** The page of a client already known to be in sight. */
  async page(ctx: Context, clientId: string, { page, perPage, kinds }: TimelinePageArgs): Promise<Page<TimelineEntry>> {
    const where: FilterQuery<TimelineEntry> = { client: clientId };
    if (kinds?.length) where.kind = { $in: kinds };
    if (!seesCost(ctx)) where.costData = false;
    const [items, total] = await ctx.em.findAndCount(TimelineEntry, where, { orderBy: [{ occurredAt: 'desc' }, { eventId: 'desc' }], limit: perPage, offset: (page - 1) * perPage });
    return { items, total };
  }
}
