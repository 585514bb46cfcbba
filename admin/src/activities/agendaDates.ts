/** A LocalDate ("2026-01-31") moved by whole days (negative: back), on the calendar, never by the time zone. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The LocalDate of a moment on the browser's calendar, to group an agenda by day. */
export function localDateOf(moment: string): string {
  const at = new Date(moment);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** The Monday of a LocalDate's ISO week. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return shiftDate(date, -weekday);
}
