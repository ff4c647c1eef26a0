// Whether a service takes tickets now: its opening hours (or the hall's) at the local weekday and
// minute, and today's issued count against its daily limit. Pure: the caller reads the clock.

/** Weekday 0 (Sunday) … 6 (Saturday) → [open, close) intervals in minutes since local midnight. */
export type WeeklyHours = Record<string, [number, number][]>;

export type ClosedReason = 'closed_today' | 'outside_hours' | 'daily_limit';

export type Availability = { open: true } | { open: false; reason: ClosedReason };

export interface AvailabilityInput {
  /** The service's own hours, else the hall's. */
  hours: WeeklyHours;
  /** False: the hours are shown but not enforced (the demo hall). */
  enforceHours: boolean;
  weekday: number;
  minuteOfDay: number;
  issuedToday: number;
  dailyLimit: number | null;
  /** A supervisor closed the service for the rest of the business day. */
  closedToday?: boolean;
}

/** What a citizen reads when a service is closed. */
export const CLOSED_REASON_TEXT: Record<ClosedReason, { ar: string; en: string; fr: string }> = {
  closed_today: { ar: 'أُغلقت الخدمة لبقية اليوم', en: 'Closed for the rest of the day', fr: 'Fermé pour le reste de la journée' },
  outside_hours: { ar: 'خارج أوقات الدوام', en: 'Outside opening hours', fr: 'En dehors des heures d’ouverture' },
  daily_limit: { ar: 'اكتمل عدد الأدوار لهذا اليوم', en: "Today's tickets are all taken", fr: 'Tous les tickets du jour sont déjà pris' },
};

export function isWithinHours(hours: WeeklyHours, weekday: number, minuteOfDay: number): boolean {
  return (hours[String(weekday)] ?? []).some(([open, close]) => minuteOfDay >= open && minuteOfDay < close);
}

export function serviceAvailability(input: AvailabilityInput): Availability {
  if (input.closedToday) return { open: false, reason: 'closed_today' };
  if (input.enforceHours && !isWithinHours(input.hours, input.weekday, input.minuteOfDay)) {
    return { open: false, reason: 'outside_hours' };
  }
  if (input.dailyLimit != null && input.issuedToday >= input.dailyLimit) return { open: false, reason: 'daily_limit' };
  return { open: true };
}

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
