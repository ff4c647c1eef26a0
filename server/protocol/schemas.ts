import { z } from 'zod';
import { ROUTING_POLICIES, TICKET_STATUSES } from '../engine/types.js';

// The shapes of the public contract (../shared/API.md): HTTP bodies and answers, socket events.
// The server validates with them and the UIs import their types; nothing is typed twice.

/** An id in a JSON body: a whole number, never a string or a boolean that looks like one. */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An id in a path or a query string: decimal digits only (no sign, `0x`, exponent or spaces). */
export const IdText = z.string().regex(/^\d+$/, 'must be an id in decimal digits').transform(Number).pipe(Id);
export const IdParams = z.object({ id: IdText });

const Name = z.string().trim().min(1).max(200);
/** A name in Arabic, and in English and French where the hall gives them. */
export const Bilingual = z.object({ ar: Name, en: Name.optional(), fr: Name.optional() });
export type Bilingual = z.infer<typeof Bilingual>;

export const Lang = z.enum(['ar', 'en', 'fr']);
export const TicketStatus = z.enum(TICKET_STATUSES);
/** The Hijri calendar of the hall's tickets and screens: Umm al-Qura (Saudi Arabia's) or the tabular civil one. */
export const HijriCalendar = z.enum(['islamic-umalqura', 'islamic-civil']);
export type HijriCalendar = z.infer<typeof HijriCalendar>;
export const Role = z.enum(['admin', 'supervisor', 'clerk']);
export type Role = z.infer<typeof Role>;
export const RoutingPolicy = z.enum(ROUTING_POLICIES);

const IsoTime = z.string();

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const MinuteOfDay = z.number().int().min(0).max(24 * 60);
/** Weekday "0" (Sunday) … "6" → [open, close) in minutes since local midnight; a missing day is closed. */
export const WeeklyHours = z.partialRecord(
  z.enum(['0', '1', '2', '3', '4', '5', '6']),
  z
    .array(z.tuple([MinuteOfDay, MinuteOfDay]).refine(([open, close]) => open < close, 'must open before it closes'))
    .max(6),
);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** Documents and fees to bring: a short list in each language. */
const Papers = z.array(z.string().trim().min(1).max(120)).max(10);
export const WhatToBring = z.object({ ar: Papers, en: Papers.optional(), fr: Papers.optional() });
export type WhatToBring = z.infer<typeof WhatToBring>;

/**
 * Waiting, and no counter serves the service now: the estimate is the wait from the moment one
 * opens, so the citizen is told that instead. `opensAt` ("08:30", the hall's time) when the
 * service's hours start later today.
 */
export const NotStarted = z.object({ opensAt: z.string().nullable() }).nullable();

/**
 * Around `estimatedWaitMinutes`, in whole minutes (low ≤ estimatedWaitMinutes ≤ high): meant to
 * hold the real wait 80% of the time. Absent when there is no estimate.
 */
export const WaitRange = z.object({ low: z.number().int().nonnegative(), high: z.number().int().nonnegative() });
export type WaitRange = z.infer<typeof WaitRange>;

export const ClosedReason = Bilingual.extend({ code: z.enum(['closed_today', 'outside_hours', 'daily_limit']) });
export type ClosedReason = z.infer<typeof ClosedReason>;

export const Ticket = z.object({
  id: z.number(),
  number: z.string(),
  serviceId: z.number(),
  status: TicketStatus,
  priority: z.boolean(),
  lang: Lang,
  issuedAt: IsoTime,
  calledAt: IsoTime.optional(),
  startedAt: IsoTime.optional(),
  endedAt: IsoTime.optional(),
  counterId: z.number().optional(),
  /** The counter a transfer sent it to: only that counter may call it. */
  targetCounterId: z.number().optional(),
  recalls: z.number(),
  ahead: z.number(),
  estimatedWaitMinutes: z.number().nullable(),
  estimatedWaitRange: WaitRange.optional(),
  notStarted: NotStarted,
  trackingCode: z.string(),
  /** A checked-in appointment: its code and its slot's start. */
  appointment: z.object({ code: z.string(), start: IsoTime }).optional(),
});
export type Ticket = z.infer<typeof Ticket>;

/** What the citizen's phone sees: nothing personal, nothing about staff. */
export const TrackedTicket = z.object({
  number: z.string(),
  serviceId: z.number(),
  service: Bilingual,
  status: TicketStatus,
  ahead: z.number(),
  estimatedWaitMinutes: z.number().nullable(),
  estimatedWaitRange: WaitRange.optional(),
  notStarted: NotStarted,
  counter: z.object({ number: z.number() }).optional(),
  /** The papers and fees the service asks for. */
  whatToBring: WhatToBring,
  /** Taken on a phone (/join): the citizen must be in the hall when called. */
  remote: z.boolean(),
  calledAt: IsoTime.optional(),
  /** How often the call was repeated: a phone alerts again when it grows. */
  recalls: z.number(),
  /** Done and not rated yet. */
  ratingAllowed: z.boolean(),
  rated: z.boolean(),
  /** Present while waiting in a hall whose notification hook is on: a message comes at this place in line. */
  phoneAlert: z.object({ position: z.number(), subscribed: z.boolean() }).optional(),
});
export type TrackedTicket = z.infer<typeof TrackedTicket>;

/** `POST /api/track/:trackingCode/rating`: three faces, and an optional word. */
export const RatingBody = z.object({
  score: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  comment: z.string().trim().max(500).optional(),
});
export type RatingBody = z.infer<typeof RatingBody>;
/** `POST /api/track/:trackingCode/comment`: the optional word after the tap, once. */
export const CommentBody = z.object({ comment: z.string().trim().min(1).max(500) });

/** `POST /api/track/:trackingCode/phone`: digits with an optional leading + (spaces, dashes and Arabic-Indic digits are accepted). */
export const PhoneBody = z.object({ phone: z.string().min(1).max(40) });

/** The `Idempotency-Key` header of a request that issues a ticket. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
});

/** `POST /api/join`: a ticket taken on a phone, for one service. */
export const JoinBody = z.object({ serviceId: Id, lang: Lang.default('ar') });
export const Joined = z.object({ trackingCode: z.string(), number: z.string() });
export type Joined = z.infer<typeof Joined>;

export const Call = z.object({
  id: z.number(),
  ticket: z.object({ id: z.number(), number: z.string(), serviceId: z.number() }),
  counter: z.object({ id: z.number(), number: z.number() }),
  recall: z.boolean(),
  at: IsoTime,
});
export type Call = z.infer<typeof Call>;

export const WaitingCount = z.object({ serviceId: z.number(), count: z.number() });
export const WaitingCounts = z.array(WaitingCount);
export type WaitingCounts = z.infer<typeof WaitingCounts>;

/** A hall's display settings (halls.settings.display), defaults applied. */
export const DisplaySettings = z.object({
  /** How many earlier calls the hall display lists. */
  recentCalls: z.number().int().min(0).max(20),
  chime: z.boolean(),
  announceAr: z.boolean(),
  announceEn: z.boolean(),
  /** Spoken only in a hall whose languages include French. */
  announceFr: z.boolean(),
  ticker: Bilingual.nullable(),
  /** `clips`: the voice pack; `speechSynthesis`: the browser's own voice, for TVs with a good one. */
  voice: z.enum(['clips', 'speechSynthesis']),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

export const Counter = z.object({
  id: z.number(),
  number: z.number(),
  name: z.string().nullable(),
  zone: z.string().nullable(),
  serviceIds: z.array(z.number()),
  /** What its clerk is able to serve (set by the admin): always includes serviceIds. */
  qualifiedServiceIds: z.array(z.number()),
  state: z.enum(['closed', 'open', 'paused']),
  pauseReason: z.string().nullable(),
  userId: z.number().nullable(),
  active: z.boolean(),
});
export type Counter = z.infer<typeof Counter>;

/** What a display shows of one counter; a counter display hears it as `counter` on every change. */
export const DisplayCounter = Counter.omit({ userId: true, active: true, qualifiedServiceIds: true }).extend({
  /** The ticket called to or served at this counter. */
  ticket: z.object({ id: z.number(), number: z.string(), serviceId: z.number(), status: z.enum(['called', 'serving']) }).nullable(),
});
export type DisplayCounter = z.infer<typeof DisplayCounter>;

export const MediaItem = z.object({ url: z.string(), kind: z.enum(['image', 'video']) });
export type MediaItem = z.infer<typeof MediaItem>;

export const DisplaySnapshot = z.object({
  calls: z.array(Call),
  waiting: WaitingCounts,
  version: z.string(),
  serverTime: IsoTime,
  hall: z.object({
    name: Bilingual,
    timeZone: z.string(),
    digits: z.enum(['arab', 'latn']),
    languages: z.array(Lang),
    hijriCalendar: HijriCalendar,
    display: DisplaySettings,
  }),
  /** The display's zone; null shows every counter. */
  zone: z.string().nullable(),
  services: z.array(z.object({ id: z.number(), code: z.string(), name: Bilingual, closedToday: z.boolean() })),
  /** The counters this display shows, by number. */
  counters: z.array(DisplayCounter),
  /** The followed counter of a counter display (`auth.counterId`). */
  counter: DisplayCounter.optional(),
  /** Images and videos of DATA_DIR/media, served at /media/. */
  media: z.array(MediaItem),
});
export type DisplaySnapshot = z.infer<typeof DisplaySnapshot>;

/** `/display` client → server `heartbeat`, answered through its acknowledgement. */
export const DisplayHeartbeat = z.object({ version: z.string(), serverTime: IsoTime });
export type DisplayHeartbeat = z.infer<typeof DisplayHeartbeat>;

export const Service = z.object({
  id: z.number(),
  code: z.string(),
  name: Bilingual,
  targetWaitMinutes: z.number(),
  averageServiceMinutes: z.number(),
  active: z.boolean(),
  waiting: z.number(),
  estimatedWaitMinutes: z.number().nullable(),
  estimatedWaitRange: WaitRange.optional(),
  /** A ticket taken now: no counter serves the service yet. */
  notStarted: NotStarted,
  /** Takes tickets now: within its opening hours and under its daily limit. */
  open: z.boolean(),
  closedReason: ClosedReason.optional(),
  category: Bilingual.optional(),
  whatToBring: WhatToBring,
  /** Tickets per business day; null: no limit. */
  dailyLimit: z.number().nullable(),
  /** The service's own hours; null: the hall's. */
  hours: WeeklyHours.nullable(),
  /** Set when an admin has set its appointments (absent fields: the defaults). */
  appointments: z.object({ enabled: z.boolean(), slotMinutes: z.number().optional(), perSlot: z.number().optional(), hours: WeeklyHours.optional() }).optional(),
});
export type Service = z.infer<typeof Service>;

/** A local day (`YYYY-MM-DD`) the admin closed the whole hall, and why (Arabic first, English and French optional). */
export const Closure = z.object({ date: z.string(), reason: Bilingual.nullable() });
export type Closure = z.infer<typeof Closure>;

/** `GET /api/hall`: what a kiosk or display needs to present the hall. */
export const HallInfo = z.object({
  name: Bilingual,
  timeZone: z.string(),
  digits: z.enum(['arab', 'latn']),
  languages: z.array(Lang),
  hijriCalendar: HijriCalendar,
  /** Takes tickets now, as far as the hall's opening hours and closures go. */
  open: z.boolean(),
  /** Only on a day the admin closed the whole hall (GET /api/admin/closures). */
  closure: Closure.optional(),
  ticketFooter: Bilingual,
  kioskReturnSeconds: z.number(),
  /** The address phones reach the hall at (the setting `publicUrl`), for tracking links; null: the page's own. */
  publicUrl: z.string().nullable(),
  serverTime: IsoTime,
});
export type HallInfo = z.infer<typeof HallInfo>;

export const User = z.object({
  id: z.number(),
  username: z.string(),
  role: Role,
  displayName: z.string().nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof User>;

/** `/staff` on connect. */
export const StaffSnapshot = z.object({
  waiting: WaitingCounts,
  counters: z.array(Counter),
  /** Tickets waiting, called or being served. */
  tickets: z.array(Ticket),
});

/** `/printer`: a job for the agent (data: base64 ESC/POS bytes), and its answer. */
export const PrintJobMessage = z.object({ id: z.number().int().positive(), data: z.string() });
export const JobDone = z.object({
  id: z.number().int().positive(),
  ok: z.boolean(),
  error: z.string().max(1000).optional(),
});

// `/kiosk` namespace (kiosk device token): what a kiosk hears about its printer and its tickets.
export const PrinterStatus = z.enum(['unknown', 'online', 'offline', 'paper_out']);
export type PrinterStatus = z.infer<typeof PrinterStatus>;
/** The printer bound to this kiosk, or null when it has none. Sent on connect and on change. */
export const KioskPrinter = z.object({ printerId: z.number(), name: z.string(), status: PrinterStatus }).nullable();
export type KioskPrinter = z.infer<typeof KioskPrinter>;
/** A print job's fate, for the ticket it prints. */
export const PrintJobStatus = z.enum(['queued', 'sent', 'printed', 'failed', 'expired', 'cancelled']);
export const PrintResult = z.object({
  ticketId: z.number(),
  jobId: z.number(),
  status: PrintJobStatus,
  error: z.string().optional(),
});
export type PrintResult = z.infer<typeof PrintResult>;

// The staff app (/clerk/): what clerks and supervisors read beyond the public contract.

/** `GET /api/staff/settings`: the hall's settings that shape the clerk's and supervisor's screens. */
export const StaffSettings = z.object({
  allowCallSpecific: z.boolean(),
  /** A recall past this many marks the ticket no-show; null: never. */
  autoNoShowAfterRecalls: z.number().nullable(),
  /** A no-show this soon after the call, before any recall, must be confirmed (0: never). */
  noShowMinSeconds: z.number(),
  /** Supervisors are alerted when a service has more than this many waiting. */
  alertQueueLength: z.number(),
});
export type StaffSettings = z.infer<typeof StaffSettings>;

/** `GET /api/me/stats`: the caller's own work in the hall's current business day. */
export const MyStats = z.object({ day: z.string(), servedToday: z.number(), noShowToday: z.number() });
export type MyStats = z.infer<typeof MyStats>;

/** `/staff` `display`: a hall or counter display connected or went away. */
export const DisplayPresence = z.object({
  id: z.number(),
  name: z.string(),
  zone: z.string().nullable(),
  connected: z.boolean(),
  lastSeenAt: IsoTime.nullable(),
});
export type DisplayPresence = z.infer<typeof DisplayPresence>;

export const BoardTicket = z.object({
  id: z.number(),
  number: z.string(),
  serviceId: z.number(),
  status: z.enum(['called', 'serving']),
  priority: z.boolean(),
  issuedAt: IsoTime,
  calledAt: IsoTime.optional(),
  startedAt: IsoTime.optional(),
});

/** A ticket marked no-show today: a supervisor may still return it to its place in line. */
export const BoardNoShow = z.object({
  id: z.number(),
  number: z.string(),
  serviceId: z.number(),
  calledAt: IsoTime,
  markedAt: IsoTime,
  counterNumber: z.number().nullable(),
  /** Who marked it (the clerk whose recalls ran out, for an automatic one). */
  clerkName: z.string().nullable(),
});

/** `GET /api/supervisor/board`: the hall at a glance; `/staff` events keep it current. */
export const SupervisorBoard = z.object({
  serverTime: IsoTime,
  settings: StaffSettings,
  counters: z.array(
    Counter.extend({
      clerkName: z.string().nullable(),
      ticket: BoardTicket.nullable(),
      /** Since when the current ticket is at the counter: started, else called. */
      servingSince: IsoTime.nullable(),
    }),
  ),
  services: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: Bilingual,
      waiting: z.number(),
      /** The oldest waiting ticket's wait so far; 0 when none waits. */
      longestWaitS: z.number(),
      targetWaitS: z.number(),
      estimatedWaitMinutes: z.number().nullable(),
      open: z.boolean(),
      closedReason: ClosedReason.optional(),
      closedToday: z.boolean(),
    }),
  ),
  printers: z.array(z.object({ id: z.number(), name: z.string(), status: PrinterStatus })),
  displays: z.array(DisplayPresence),
  /** Today's no-shows, the latest first. */
  noShows: z.array(BoardNoShow),
});
export type SupervisorBoard = z.infer<typeof SupervisorBoard>;
