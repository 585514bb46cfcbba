import { localDateOf, mondayOf, shiftDate } from './agendaDates';

describe('shiftDate', () => {
  it.each([
    ['2026-01-07', 1, '2026-01-08'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2028-02-26', 7, '2028-03-04'],
    ['2026-03-01', -7, '2026-02-22'],
  ])('%s %+i days is %s', (date, days, expected) => {
    expect(shiftDate(date, days)).toBe(expected);
  });
});

describe('localDateOf', () => {
  it('is the day of the moment on the local calendar', () => {
    expect(localDateOf(new Date(2026, 0, 5, 23, 59).toISOString())).toBe('2026-01-05');
    expect(localDateOf(new Date(2026, 0, 6, 0, 0).toISOString())).toBe('2026-01-06');
  });
});

describe('mondayOf', () => {
  it.each([
    // Wednesday 2 December 2026 → Monday 30 November (across the month)
    ['2026-12-02', '2026-11-30'],
    ['2026-11-30', '2026-11-30'],
    // Sunday stays in the week that began six days before
    ['2026-12-06', '2026-11-30'],
    // across the year: Friday 1 January 2027 → Monday 28 December 2026
    ['2027-01-01', '2026-12-28'],
  ])('%s → %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });
});
