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

  /**
   * The page of a client already known to be in sight, for Counterparty.timeline: one
   * statement for all the clients of a list (a window per client), with each one's total.
   */
  page(ctx: Context, clientId: string, { page, perPage, kinds }: TimelinePageArgs): Promise<Page<TimelineEntry>> {
    const cost = seesCost(ctx);
    const kindList = kinds?.length ? [...new Set(kinds)].sort() : null;
    const loader = ctx.loaders.custom<string, Page<TimelineEntry>>(`timeline.page:${page}:${perPage}:${kindList?.join(',') ?? ''}:${cost}`, async (clientIds) => {
      const conditions = ['client_id in (?)', ...(kindList ? ['kind in (?)'] : []), ...(cost ? [] : ['not cost_data'])];
      const rows: Record<string, unknown>[] = await ctx.em.getConnection().execute(
        `select t.* from (select *, row_number() over (partition by client_id order by occurred_at desc, event_id desc) as place, count(*) over (partition by client_id) as all_count
           from timeline_entry where ${conditions.join(' and ')}) t
         where t.place > ? and t.place <= ? order by t.client_id, t.place`,
        [[...clientIds], ...(kindList ? [kindList] : []), (page - 1) * perPage, page * perPage],
      );
      const byClient = new Map<string, Page<TimelineEntry>>(clientIds.map((id) => [id, { items: [], total: 0 }]));
      for (const { place: _place, all_count, ...row } of rows) {
        const entry = byClient.get(row.client_id as string)!;
        entry.total = Number(all_count);
        entry.items.push(ctx.em.map(TimelineEntry, row));
      }
      // a page past the end holds no rows to tell the total: count those clients apart (rare)
      const beyond = clientIds.filter((id) => page > 1 && byClient.get(id)!.items.length === 0);
      if (beyond.length) {
        const counts: { client_id: string; n: string }[] = await ctx.em.getConnection().execute(
          `select client_id, count(*) as n from timeline_entry where ${conditions.join(' and ')} group by client_id`,
          [beyond, ...(kindList ? [kindList] : [])],
        );
        for (const { client_id, n } of counts) byClient.get(client_id)!.total = Number(n);
      }
      return clientIds.map((id) => byClient.get(id)!);
    });
    return loader.load(clientId);
  }
}
