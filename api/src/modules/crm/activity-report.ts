import { roundMoney } from '../../shared/money';
import { ActivityType } from './activity.entity';

/** Per owner and activity type: how many were planned, done and are overdue in the period. */
export interface ActivityCountRow {
  ownerId: string;
  type: ActivityType;
  planned: number;
  done: number;
  overdue: number;
}

/** Per owner: new clients, deals won and lost, orders and revenue, as the database sums them (any row may be missing). */
export interface OwnerSums {
  newClients?: number;
  dealsWon?: number;
  dealsWonAmount?: string;
  dealsLost?: number;
  dealsLostAmount?: string;
  orders?: number;
  revenue?: string;
}

export interface ActivityTypeFigures {
  type: ActivityType;
  planned: number;
  done: number;
  overdue: number;
}

export interface ActivityReportFigures {
  ownerId: string;
  activities: ActivityTypeFigures[];
  planned: number;
  done: number;
  overdue: number;
  newClients: number;
  dealsWon: number;
  dealsWonAmount: string;
  dealsLost: number;
  dealsLostAmount: string;
  orders: number;
  revenue: string;
}

const TYPES = Object.values(ActivityType);

/**
 * The activity report's rows, one per owner in the order asked, every activity type on each
 * (zeros where nothing happened), activity totals per owner, money rounded to the kopeck.
 */
export function activityReportFigures(ownerIds: readonly string[], counts: readonly ActivityCountRow[], sums: ReadonlyMap<string, OwnerSums>): ActivityReportFigures[] {
  return ownerIds.map((ownerId) => {
    const activities = TYPES.map((type) => {
      const row = counts.find((c) => c.ownerId === ownerId && c.type === type);
      return { type, planned: row?.planned ?? 0, done: row?.done ?? 0, overdue: row?.overdue ?? 0 };
    });
    const s = sums.get(ownerId) ?? {};
    const total = (key: 'planned' | 'done' | 'overdue') => activities.reduce((n, a) => n + a[key], 0);
    return {
      ownerId,
      activities,
      planned: total('planned'),
      done: total('done'),
      overdue: total('overdue'),
      newClients: s.newClients ?? 0,
      dealsWon: s.dealsWon ?? 0,
      dealsWonAmount: roundMoney(s.dealsWonAmount ?? 0),
      dealsLost: s.dealsLost ?? 0,
      dealsLostAmount: roundMoney(s.dealsLostAmount ?? 0),
      orders: s.orders ?? 0,
      revenue: roundMoney(s.revenue ?? 0),
    };
  });
}
