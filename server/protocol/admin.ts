import { z } from 'zod';
import type { HallSettings } from '../../db/schema.js';
import { isValidTimeZone } from '../engine/clock.js';
import { DEFAULT_APPOINTMENT_EVERY_K } from '../engine/types.js';
import { Bilingual, DisplaySettings, HijriCalendar, IdText, Lang, RoutingPolicy, WeeklyHours } from './schemas.js';

// The admin's API beyond protocol/schemas.ts: the hall's settings, media files, the audit log,
// and the per-field errors the admin's forms show next to each field. The UI imports the types.

/** One field's problem: `path` into the body (`name.ar`), a `code` the UI translates, and the server's words. */
export const FieldIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  /** The bound broken by too_short / too_long / too_small / too_big. */
  limit: z.number().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

// ---- the hall ----

/** A refinement failure the UI can translate: zod keeps `params` on custom issues. */
const because = (code: string, message: string) => ({ message, params: { code } });

/** Each day's intervals in order and apart: [[480, 720], [780, 900]]. */
export const OpeningHoursInput = WeeklyHours.superRefine((week, ctx) => {
  for (const [day, intervals] of Object.entries(week)) {
    intervals?.forEach((interval, i) => {
      const before = intervals[i - 1];
      if (before && interval[0] < before[1]) {
        ctx.addIssue({ code: 'custom', path: [day, i], ...because('overlap', 'must start after the interval before it ends') });
      }
    });
  }
});

export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, because('unknown_time_zone', 'is not a known IANA time zone'));


export const DisplaySettingsInput = DisplaySettings.extend({ recentCalls: z.number().int().min(1).max(20) }).partial();

/** An http(s) address: the hall's public address, a webhook. */
const HttpUrl = z.url({ protocol: /^https?$/ }).max(200);

/** Tickets taken on phones at /join; each field optional in a PATCH, merged with the stored. */
export const RemoteJoinInput = z.object({ enabled: z.boolean(), dailyCapPerService: z.number().int().min(1).max(1000) }).partial();

/** The webhook told when a ticket is N-th in line; on only with a webhook (checked after merging). */
export const NotifyInput = z
  .object({ enabled: z.boolean(), webhookUrl: HttpUrl.nullable(), position: z.number().int().min(1).max(20) })
  .partial();

/** Appointments: the check-in and booking windows, and the share of counter time bookable; each optional in a PATCH. */
export const AppointmentSettingsInput = z
  .object({
    checkInEarlyMinutes: z.number().int().min(0).max(240),
    checkInLateMinutes: z.number().int().min(0).max(120),
    minLeadMinutes: z.number().int().min(0).max(7 * 24 * 60),
    windowDays: z.number().int().min(1).max(365),
    maxBookableShare: z.number().min(0).max(1),
    appointmentEveryK: z.number().int().min(1).max(20),
  })
  .partial();

/** Every setting the admin edits, all optional in a PATCH. */
export const HallSettingsInput = z.object({
  routingPolicy: RoutingPolicy,
  maxPriorityInRow: z.number().int().min(1).max(10),
  allowCallSpecific: z.boolean(),
  autoNoShowAfterRecalls: z.number().int().min(1).max(10).nullable(),
  noShowMinSeconds: z.number().int().min(0).max(600),
  carryOverWaiting: z.boolean(),
  enforceHours: z.boolean(),
  kioskReturnSeconds: z.number().int().min(5).max(120),
  alertQueueLength: z.number().int().min(1).max(500),
  digits: z.enum(['arab', 'latn']),
  languages: z
    .array(Lang)
    .min(1)
    .max(3)
    .refine((l) => new Set(l).size === l.length, because('repeated', 'must not name a language twice'))
    .refine((l) => l[0] === 'ar', because('arabic_first', 'must start with Arabic ("ar")')),
  hijriCalendar: HijriCalendar,
  ticketFooter: Bilingual,
  printWhatToBring: z.boolean(),
  publicUrl: HttpUrl.nullable(),
  remoteJoin: RemoteJoinInput,
  suggestOtherCentres: z.boolean(),
  notify: NotifyInput,
  /** Days before notes, comments and phone numbers are purged; null: kept. */
  retentionDays: z.number().int().min(7).max(3650).nullable(),
  display: DisplaySettingsInput,
  appointments: AppointmentSettingsInput,
});

export const HallPatch = z.object({
  name: Bilingual.optional(),
  timeZone: TimeZone.optional(),
  openingHours: OpeningHoursInput.optional(),
  settings: HallSettingsInput.partial().optional(),
});
export type HallPatch = z.infer<typeof HallPatch>;

export const HallSettingsView = HallSettingsInput.extend({
  display: DisplaySettings,
  remoteJoin: z.object({ enabled: z.boolean(), dailyCapPerService: z.number().int() }),
  notify: z.object({ enabled: z.boolean(), webhookUrl: z.string().nullable(), position: z.number().int() }),
  // Answered as stored, bounds or not: never a 500 for a value an older version let in.
  publicUrl: z.string().nullable(),
  retentionDays: z.number().int().nullable(),
  appointments: AppointmentSettingsInput.required(),
});
export type HallSettingsView = z.infer<typeof HallSettingsView>;

export const HallAdmin = z.object({
  name: Bilingual,
  timeZone: z.string(),
  openingHours: WeeklyHours,
  settings: HallSettingsView,
});
export type HallAdmin = z.infer<typeof HallAdmin>;

/** What an absent setting means. The clerk's and supervisor's screens read these too. */
export const HALL_SETTING_DEFAULTS = {
  allowCallSpecific: false,
  autoNoShowAfterRecalls: null,
  noShowMinSeconds: 60,
  enforceHours: true,
  kioskReturnSeconds: 20,
  alertQueueLength: 15,
  printWhatToBring: true,
  hijriCalendar: 'islamic-umalqura',
  publicUrl: null,
  remoteJoin: { enabled: false, dailyCapPerService: 50 },
  suggestOtherCentres: false,
  notify: { enabled: false, webhookUrl: null, position: 3 },
  retentionDays: null,
  appointments: { checkInEarlyMinutes: 60, checkInLateMinutes: 15, minLeadMinutes: 30, windowDays: 30, maxBookableShare: 0.4, appointmentEveryK: DEFAULT_APPOINTMENT_EVERY_K },
} as const satisfies Partial<HallSettingsView>;

export const hijriCalendarOf = (s: HallSettings) => s.hijriCalendar ?? HALL_SETTING_DEFAULTS.hijriCalendar;

export function hallSettingsView(s: HallSettings, display: DisplaySettings): HallSettingsView {
  const d = HALL_SETTING_DEFAULTS;
  return {
    routingPolicy: s.routingPolicy,
    maxPriorityInRow: s.maxPriorityInRow,
    allowCallSpecific: s.allowCallSpecific ?? d.allowCallSpecific,
    autoNoShowAfterRecalls: s.autoNoShowAfterRecalls ?? d.autoNoShowAfterRecalls,
    noShowMinSeconds: s.noShowMinSeconds ?? d.noShowMinSeconds,
    carryOverWaiting: s.carryOverWaiting,
    enforceHours: s.enforceHours ?? d.enforceHours,
    kioskReturnSeconds: s.kioskReturnSeconds ?? d.kioskReturnSeconds,
    alertQueueLength: s.alertQueueLength ?? d.alertQueueLength,
    digits: s.digits,
    languages: s.languages,
    hijriCalendar: hijriCalendarOf(s),
    ticketFooter: s.ticketFooter,
    printWhatToBring: s.printWhatToBring ?? d.printWhatToBring,
    publicUrl: s.publicUrl ?? d.publicUrl,
    remoteJoin: { ...d.remoteJoin, ...s.remoteJoin },
    suggestOtherCentres: s.suggestOtherCentres ?? d.suggestOtherCentres,
    notify: { ...d.notify, ...s.notify, webhookUrl: s.notify?.webhookUrl || d.notify.webhookUrl },
    retentionDays: s.retentionDays ?? d.retentionDays,
    appointments: { ...d.appointments, ...s.appointments },
    display,
  };
}

// ---- devices and media ----

export const DevicePatch = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  zone: z.string().trim().min(1).max(50).nullish(),
});

export const MediaFile = z.object({
  name: z.string(),
  url: z.string(),
  kind: z.enum(['image', 'video']),
  size: z.number(),
  modifiedAt: z.string(),
});
export type MediaFile = z.infer<typeof MediaFile>;

// ---- the audit log ----

export const AuditQuery = z.object({
  /** `YYYY-MM-DD` (the start of that day in the hall's zone) or an ISO-8601 time. */
  from: z.string().max(40).optional(),
  /** `YYYY-MM-DD` (the whole of that day) or an ISO-8601 time (exclusive). */
  to: z.string().max(40).optional(),
  source: z.enum(['admin', 'ticket']).optional(),
  userId: IdText.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,15}-[at]-\d{1,15}$/, 'is not a cursor from an earlier page')
    .optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

const Ref = z.object({ id: z.number(), name: z.string() });

export const AuditEntry = z.object({
  /** `a-<id>` for admin changes, `t-<id>` for ticket events. */
  id: z.string(),
  source: z.enum(['admin', 'ticket']),
  at: z.string(),
  user: Ref.nullable(),
  device: Ref.nullable(),
  /** Admin: create, update, revoke…; ticket: issue, call, recall, start, complete, no_show, transfer, cancel. */
  action: z.string(),
  /** Admin: hall, service…; ticket: `ticket`. */
  entity: z.string(),
  entityId: z.string().nullable(),
  ticket: z.object({ id: z.number(), number: z.string() }).nullable(),
  counter: z.object({ id: z.number(), number: z.number() }).nullable(),
  service: z.object({ id: z.number(), code: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

