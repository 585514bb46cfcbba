import { addDays, planStanding, plannedDueAt } from './contact-plan-schedule';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('contact plan schedule', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2026-12-30', 7)).toBe('2027-01-06');
  });

  it('is due everyDays after the last contact, overdue from the day after', () => {
    // contacted 2026-03-01 at 18:00, every 7 days → due 2026-03-08
    const last = local(2026, 3, 1, 18);
    expect(planStanding(last, local(2026, 1, 1), 7, '2026-03-08')).toEqual({ dueDate: '2026-03-08', daysOverdue: 0 });
    expect(planStanding(last, local(2026, 1, 1), 7, '2026-03-05')).toEqual({ dueDate: '2026-03-08', daysOverdue: 0 });
    expect(planStanding(last, local(2026, 1, 1), 7, '2026-03-11')).toEqual({ dueDate: '2026-03-08', daysOverdue: 3 });
  });

  it('counts from the plan itself when the client was never contacted', () => {
    expect(planStanding(null, local(2026, 2, 20, 9), 14, '2026-03-10')).toEqual({ dueDate: '2026-03-06', daysOverdue: 4 });
  });

  it('plans for 10:00 today, or the next hour whose reminder is still ahead', () => {
    expect(plannedDueAt(local(2026, 3, 10, 6, 0))).toEqual(local(2026, 3, 10, 10));
    expect(plannedDueAt(local(2026, 3, 10, 9, 29))).toEqual(local(2026, 3, 10, 10));
    // 09:30: a reminder at 09:30 is no longer ahead → 11:00 (reminder 10:30)
    expect(plannedDueAt(local(2026, 3, 10, 9, 30))).toEqual(local(2026, 3, 10, 11));
    expect(plannedDueAt(local(2026, 3, 10, 14, 45))).toEqual(local(2026, 3, 10, 16));
  });
});
