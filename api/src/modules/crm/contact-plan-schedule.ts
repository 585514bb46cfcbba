import { localToday } from '../../shared/local-date.scalar';
import { daysInclusive, startOfLocalDay } from './activity-schedule';

/** Where a client stands with its contact plan, on the server's calendar. */
export interface PlanStanding {
  /** The day the next contact is due: the last contact's day (or the plan's, when never contacted) + everyDays. */
  dueDate: string;
  /** Whole days past dueDate; 0 on it and before it. */
  daysOverdue: number;
}

/** A date plus some days, YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return localToday(startOfLocalDay(date, days));
}

/** The next contact's due date and how late it is today. */
export function planStanding(lastContactAt: Date | null, planCreatedAt: Date, everyDays: number, today: string): PlanStanding {
  const dueDate = addDays(localToday(lastContactAt ?? planCreatedAt), everyDays);
  return { dueDate, daysOverdue: Math.max(0, daysInclusive(dueDate, today) - 1) };
}

/** The hour of the day (server calendar) an activity the daily job plans is due. */
export const PLANNED_HOUR = 10;
/** Its reminder, this many minutes ahead. */
export const PLANNED_REMINDER_MINUTES = 30;

/**
 * When a planned contact is due: today at PLANNED_HOUR, or, when that reminder would already
 * be past (the job ran late), the next full hour whose reminder is still ahead.
 */
export function plannedDueAt(now: Date, hour = PLANNED_HOUR, reminderMinutes = PLANNED_REMINDER_MINUTES): Date {
  const due = startOfLocalDay(localToday(now));
  due.setHours(hour);
  if (due.getTime() - reminderMinutes * 60_000 > now.getTime()) return due;
  const next = new Date(now.getTime() + (reminderMinutes + 1) * 60_000);
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  return next;
}
