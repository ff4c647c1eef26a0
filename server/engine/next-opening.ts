import type { WeeklyHours } from './hours.js';

const DAY = 24 * 60;

/**
 * Minutes from now (weekday, minute of the local day) until the hours next open, looking a week
 * ahead; 0 when open now; null when they never open. `closedToday`: today's hours do not count.
 */
export function minutesUntilOpen(hours: WeeklyHours, weekday: number, minuteOfDay: number, closedToday = false): number | null {
  for (let ahead = closedToday ? 1 : 0; ahead <= 7; ahead++) {
    const intervals = hours[String((weekday + ahead) % 7)] ?? [];
    const starts = intervals
      .filter(([, close]) => ahead > 0 || close > minuteOfDay)
      .map(([open]) => Math.max(0, ahead * DAY + open - minuteOfDay));
    if (starts.length > 0) return Math.min(...starts);
  }
  return null;
}
