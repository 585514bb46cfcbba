import { agendaRange, AgendaPeriod, calendarRange, daysInclusive, reminderAt } from './activity-schedule';

// wall-clock times on the server's calendar (its TZ): the helpers work in local time, as localToday does
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('agendaRange', () => {
  it.each([
    // period, date, from, to
    ['a day', AgendaPeriod.DAY, '2026-01-07', local(2026, 1, 7), local(2026, 1, 8)],
    ['the last day of a year', AgendaPeriod.DAY, '2026-12-31', local(2026, 12, 31), local(2027, 1, 1)],
    ['the week of a Wednesday', AgendaPeriod.WEEK, '2026-01-07', local(2026, 1, 5), local(2026, 1, 12)],
    ['the week of a Monday starts on it', AgendaPeriod.WEEK, '2026-01-05', local(2026, 1, 5), local(2026, 1, 12)],
    ['the week of a Sunday ends after it', AgendaPeriod.WEEK, '2026-01-11', local(2026, 1, 5), local(2026, 1, 12)],
    ['a week across a year end (ISO week 1 of 2026)', AgendaPeriod.WEEK, '2026-01-01', local(2025, 12, 29), local(2026, 1, 5)],
    ['a week across a month end, in a leap year', AgendaPeriod.WEEK, '2028-03-01', local(2028, 2, 28), local(2028, 3, 6)],
    // the midnight after it is past what PostgreSQL stores east of Greenwich and west of it alike
    ['the last day there is ends by the last storable instant', AgendaPeriod.DAY, '9999-12-31', local(9999, 12, 31), new Date(Math.min(local(10000, 1, 1).getTime(), Date.UTC(9999, 11, 31, 23, 59, 59, 999)))],
  ])('%s', (_case, period, date, from, to) => {
    expect(agendaRange(period, date)).toEqual({ from, to });
  });
});

describe('daysInclusive', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 1],
    ['2026-01-01', '2026-03-03', 62],
    ['2026-01-01', '2026-03-04', 63],
    ['2028-02-01', '2028-03-01', 30],
    ['2026-01-02', '2026-01-01', 0],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysInclusive(from, to)).toBe(days);
  });
});

describe('calendarRange', () => {
  it('runs from the first date\'s midnight to the midnight after the last', () => {
    expect(calendarRange('2026-01-30', '2026-02-02')).toEqual({ from: local(2026, 1, 30), to: local(2026, 2, 3) });
  });
});

describe('reminderAt', () => {
  it.each([
    [local(2026, 1, 5, 10, 0), 0, local(2026, 1, 5, 10, 0)],
    [local(2026, 1, 5, 10, 0), 15, local(2026, 1, 5, 9, 45)],
    [local(2026, 1, 5, 10, 0), 24 * 60 + 30, local(2026, 1, 4, 9, 30)],
  ])('%s less %i minutes', (dueAt, offset, at) => {
    expect(reminderAt(dueAt, offset)).toEqual(at);
  });
});
