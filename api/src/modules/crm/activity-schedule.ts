import { isLocalDate } from '../../shared/local-date.scalar';

export enum AgendaPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
}

/** The longest range activityCalendar shows, in calendar days (two months). */
export const MAX_CALENDAR_DAYS = 62;

/** A span of time [from, to): from included, to excluded. */
export interface TimeRange {
  from: Date;
  to: Date;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** The last instant PostgreSQL takes as we write instants (a year of four digits); a range of the last days ends there. */
const LAST_STORABLE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const ending = (to: Date) => (to.getTime() > LAST_STORABLE ? new Date(LAST_STORABLE) : to);

function parts(date: string): [number, number, number] {
  if (!isLocalDate(date)) throw new Error(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y, m - 1, d];
}

/** Midnight starting the calendar day on this server's calendar (its time zone, TZ, as localToday). */
export function startOfLocalDay(date: string, plusDays = 0): Date {
  const [y, m, d] = parts(date);
  const midnight = new Date(2000, 0, 1);
  midnight.setFullYear(y, m, d + plusDays); // carries over months and years and follows DST; setFullYear never reads a year below 100 as 19xx
  return midnight;
}

/**
 * The day, or the ISO week (Monday to Sunday) holding the date, on the server's calendar:
 * from its first midnight up to (not including) the midnight after it.
 */
export function agendaRange(period: AgendaPeriod, date: string): TimeRange {
  if (period === AgendaPeriod.DAY) return { from: startOfLocalDay(date), to: ending(startOfLocalDay(date, 1)) };
  const sinceMonday = (startOfLocalDay(date).getDay() + 6) % 7;
  return { from: startOfLocalDay(date, -sinceMonday), to: ending(startOfLocalDay(date, 7 - sinceMonday)) };
}

/** Calendar days from `from` to `to`, both included (a date's own day is 1); 0 or less when `to` is before `from`. */
export function daysInclusive(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm, td) - Date.UTC(fy, fm, fd)) / MS_PER_DAY) + 1;
}

/** The calendar's dates as a range of time: from the first date's midnight to the midnight after the last. */
export function calendarRange(from: string, to: string): TimeRange {
  return { from: startOfLocalDay(from), to: ending(startOfLocalDay(to, 1)) };
}

/** When to remind of an activity due at `dueAt`, `offsetMinutes` before it. */
export function reminderAt(dueAt: Date, offsetMinutes: number): Date {
  return new Date(dueAt.getTime() - offsetMinutes * 60_000);
}
