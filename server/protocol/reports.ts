import { z } from 'zod';
import { IdText, Lang } from './schemas.js';

// The reports API (/api/reports): queries and answers, shared with the staff app.

export const GROUPINGS = ['service', 'counter', 'clerk', 'hour', 'day'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Longest range a report covers, in days (a leap year). */
export const MAX_REPORT_DAYS = 366;

const LocalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

const spanDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** from ≤ to, at most MAX_REPORT_DAYS days, both in the hall's local calendar. */
function checkRange({ from, to }: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (spanDays(from, to) > MAX_REPORT_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_REPORT_DAYS} days after from` });
  }
}

export const SummaryQuery = z
  .object({
    from: LocalDay,
    to: LocalDay,
    groupBy: z.enum(GROUPINGS).default('service'),
    format: z.enum(['json', 'csv']).default('json'),
    /** Language of the CSV's headings and labels. */
    lang: Lang.default('ar'),
  })
  .superRefine(checkRange);

export const HistogramsQuery = z
  .object({ from: LocalDay, to: LocalDay, serviceId: IdText.optional() })
  .superRefine(checkRange);
export const ArrivalsQuery = z.object({ from: LocalDay, to: LocalDay }).superRefine(checkRange);

const Label = z.object({ ar: z.string(), en: z.string(), fr: z.string().optional() });
const Seconds = z.number().int().nullable();

export const ReportRow = z.object({
  /** service: its code; counter: its number; clerk: the username; hour: `HH`; day: `YYYY-MM-DD`; null: none (a kiosk). */
  key: z.string().nullable(),
  /** The service's, counter's or user's id; null by hour and by day. */
  id: z.number().nullable(),
  label: Label,
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  /** First waits (first call − issue) of called tickets. */
  called: z.number().int(),
  avgWaitS: Seconds,
  p90WaitS: Seconds,
  maxWaitS: Seconds,
  avgServiceS: Seconds,
  maxServiceS: Seconds,
  withinTarget: z.number().int(),
  /** withinTarget ÷ called, in percent with one decimal. */
  withinTargetPct: z.number().nullable(),
  avgRating: z.number().nullable(),
  ratings: z.number().int(),
  transferWaits: z.object({ count: z.number().int(), avgWaitS: Seconds }),
  /** By counter and by clerk: time open, time serving, and open − serving; null otherwise. */
  openS: Seconds,
  busyS: Seconds,
  idleS: Seconds,
});
export type ReportRow = z.infer<typeof ReportRow>;

export const Summary = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(GROUPINGS),
  timeZone: z.string(),
  rows: z.array(ReportRow),
  total: ReportRow,
});
export type Summary = z.infer<typeof Summary>;

const Bucket = z.object({ fromS: z.number().int(), toS: z.number().int(), count: z.number().int() });
export const Histograms = z.object({
  from: z.string(),
  to: z.string(),
  serviceId: z.number().nullable(),
  /** First waits in 2-minute buckets, from 0 to the longest. */
  wait: z.array(Bucket),
  /** Service times in 3-minute buckets. */
  service: z.array(Bucket),
});
export type Histograms = z.infer<typeof Histograms>;

export const Arrivals = z.object({
  from: z.string(),
  to: z.string(),
  /** cells[weekday][hour]: tickets issued, weekday 0 = Sunday, local hours. */
  cells: z.array(z.array(z.number().int())),
  /** How many of each weekday the range holds (up to today), to make averages. */
  days: z.array(z.number().int()),
});
export type Arrivals = z.infer<typeof Arrivals>;

export const Retention = z.object({
  /** Notes, comments and phone numbers older than this many days are purged; null: kept. */
  retentionDays: z.number().int().min(7).max(3650).nullable(),
});
export type Retention = z.infer<typeof Retention>;

/** `GET /api/reports/appointments`: bookings per service and local day. */
export const AppointmentsReportQuery = z
  .object({ from: LocalDay, to: LocalDay, format: z.enum(['json', 'csv']).default('json'), lang: Lang.default('ar') })
  .superRefine(checkRange);

export const AppointmentsReportRow = z.object({
  day: z.string(),
  serviceId: z.number(),
  service: Label,
  booked: z.number(),
  checkedIn: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  /** Checked in and called. */
  called: z.number(),
  /** % of those called no later than 5 minutes after their slot's start; null: none called. */
  punctualPct: z.number().nullable(),
});
export type AppointmentsReportRow = z.infer<typeof AppointmentsReportRow>;
export const AppointmentsReport = z.object({ from: z.string(), to: z.string(), rows: z.array(AppointmentsReportRow) });
export type AppointmentsReport = z.infer<typeof AppointmentsReport>;
