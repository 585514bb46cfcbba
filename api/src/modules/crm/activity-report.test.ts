import { ActivityType } from './activity.entity';
import { activityReportFigures } from './activity-report';

describe('activity report figures', () => {
  it('fills every type with zeros, totals the activities and rounds money to the kopeck', () => {
    const rows = activityReportFigures(
      ['ann', 'bob'],
      [
        { ownerId: 'ann', type: ActivityType.CALL, planned: 3, done: 2, overdue: 1 },
        { ownerId: 'ann', type: ActivityType.MEETING, planned: 1, done: 0, overdue: 1 },
      ],
      new Map([['ann', { newClients: 2, dealsWon: 1, dealsWonAmount: '1500.0000', dealsLost: 2, dealsLostAmount: '300.5050', orders: 1, revenue: '833.3333' }]]),
    );
    expect(rows[0]).toEqual({
      ownerId: 'ann',
      activities: [
        { type: 'CALL', planned: 3, done: 2, overdue: 1 },
        { type: 'MEETING', planned: 1, done: 0, overdue: 1 },
        { type: 'TASK', planned: 0, done: 0, overdue: 0 },
        { type: 'EMAIL', planned: 0, done: 0, overdue: 0 },
      ],
      planned: 4,
      done: 2,
      overdue: 2,
      newClients: 2,
      dealsWon: 1,
      dealsWonAmount: '1500.00',
      dealsLost: 2,
      dealsLostAmount: '300.51',
      orders: 1,
      revenue: '833.33',
    });
    expect(rows[1]).toMatchObject({ ownerId: 'bob', planned: 0, done: 0, overdue: 0, newClients: 0, dealsWon: 0, dealsWonAmount: '0.00', dealsLostAmount: '0.00', orders: 0, revenue: '0.00' });
  });
});
