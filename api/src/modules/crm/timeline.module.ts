import { defineModule, type ModuleDefinition } from '../../server/module';
import { READ, Role } from '../identity/permissions';
import { TimelineEntry } from './timeline-entry.entity';
import { timelineHandlers } from './timeline.handlers';
import { CounterpartyTimelineResolver, TimelineResolver } from './timeline.resolver';
import { TimelineService } from './timeline.service';

export interface TimelineServices {
  timeline: TimelineService;
}

/**
 * A client's timeline (issue 13 §9): its notes, status changes, activities, deals, orders and
 * documents, each put there by a durable handler of the domain event that told of it.
 */
export const timelineModule: ModuleDefinition<TimelineServices> = defineModule({
  name: 'timeline',
  entities: [TimelineEntry],
  resolvers: [TimelineResolver, CounterpartyTimelineResolver],
  services: () => ({ timeline: new TimelineService() }),
  jobs: timelineHandlers,
  permissions: {
    // clientTimeline: the history of a client (its partners and the warehouse do not read it)
    resources: ['clientTimeline'],
    grants: {
      [Role.SALES_HEAD]: { resources: { clientTimeline: READ } },
      [Role.SALES_MANAGER]: { resources: { clientTimeline: READ } },
      [Role.MARKETING]: { resources: { clientTimeline: READ } },
      [Role.SERVICE]: { resources: { clientTimeline: READ } },
      [Role.ACCOUNTANT]: { resources: { clientTimeline: READ } },
      [Role.PURCHASING]: { resources: { clientTimeline: READ } },
    },
  },
});
