import { z } from 'zod';
import { Summary } from './reports.js';
import { Bilingual, Id, Lang, WaitRange } from './schemas.js';

// The contract between a hall server and the city server (../shared/API.md, "Many halls"): what a
// hall ships, what the city answers, and the catalogue it publishes. Both sides import this one
// module, so the SQLite side and the PostgreSQL side cannot drift apart.
//
// Nothing personal crosses: no phone numbers, tracking codes, ticket numbers, comments or notes.

/** A hall's events are numbered 1, 2, 3… without a gap (its outbox); the city keys them (hall, seq). */
export const Seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const EpochMs = z.number().int().nonnegative().max(8.64e15);

export const TICKET_EVENT_TYPES = ['issue', 'call', 'recall', 'start', 'complete', 'no_show', 'transfer', 'requeue', 'move', 'cancel'] as const;

/** One row of the hall's ticket_events: who did what to which ticket, and when. */
export const TicketEventOut = z.object({
  seq: Seq,
  kind: z.literal('ticket'),
  at: EpochMs,
  /** The hall's own ids: stable within a hall, meaningless across halls. */
  ticketId: Id,
  type: z.enum(TICKET_EVENT_TYPES),
  fromStatus: z.string().max(20).nullable(),
  toStatus: z.string().max(20),
  serviceId: Id,
  serviceCode: z.string().min(1).max(8),
  counterId: Id.nullable(),
  userId: Id.nullable(),
  /** When the ticket was issued: reports file every event under its ticket's local day. */
  issuedAt: EpochMs,
  priority: z.boolean(),
  remote: z.boolean(),
});

/** A counter opened, paused or closed. */
export const CounterEventOut = z.object({
  seq: Seq,
  kind: z.literal('counter'),
  at: EpochMs,
  counterId: Id,
  counterNumber: z.number().int().positive(),
  state: z.enum(['closed', 'open', 'paused']),
  userId: Id.nullable(),
});

/** A citizen's one-tap rating: the score only, never the comment. */
export const RatingOut = z.object({
  seq: Seq,
  kind: z.literal('rating'),
  at: EpochMs,
  ticketId: Id,
  issuedAt: EpochMs,
  score: z.number().int().min(1).max(3),
});

export const HallEvent = z.discriminatedUnion('kind', [TicketEventOut, CounterEventOut, RatingOut]);
export type HallEvent = z.infer<typeof HallEvent>;
export type TicketEventOut = z.infer<typeof TicketEventOut>;
export type CounterEventOut = z.infer<typeof CounterEventOut>;
export type RatingOut = z.infer<typeof RatingOut>;

/** A service as the hall has it now: the city names report rows and checks targets with it. */
export const HallServiceInfo = z.object({
  id: Id,
  code: z.string().min(1).max(8),
  name: Bilingual,
  targetWaitS: z.number().int().nonnegative(),
  active: z.boolean(),
  /** Live figures, for the board and for citizens choosing a centre. */
  waiting: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
  /** The range the hall shows around its estimate, when it has one. */
  estimatedWaitRange: WaitRange.optional(),
});

/** The hall's state when it wrote the batch (its own clock): the board's figures. */
export const HallStatus = z.object({
  at: EpochMs,
  timeZone: z.string().min(1).max(64),
  /** The business day (YYYY-MM-DD, hall's zone) the "today" figures are for. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  openNow: z.boolean(),
  /** When closed: when its hours next open (ISO, the hall's local time), if within a week. */
  nextOpening: z.string().max(40).optional(),
  waiting: z.number().int().nonnegative(),
  /** The longest current wait, and that ticket's service target; null when nobody waits. */
  longestWaitS: z.number().int().nonnegative().nullable(),
  longestWaitTargetS: z.number().int().nonnegative().nullable(),
  countersOpen: z.number().int().nonnegative(),
  issuedToday: z.number().int().nonnegative(),
  servedToday: z.number().int().nonnegative(),
  services: z.array(HallServiceInfo).max(200),
  /** The hall's page where a citizen takes a ticket from the phone, when it takes remote tickets. */
  joinUrl: z.string().url().max(500).optional(),
});
export type HallStatus = z.infer<typeof HallStatus>;

export const MAX_BATCH = 1000;

/**
 * POST /api/city/hall/events (hall token): events oldest first (may be empty: a heartbeat, or the
 * shipper asking where to resume), the hall's status, and the configuration version it runs.
 */
export const EventBatch = z.object({
  events: z.array(HallEvent).max(MAX_BATCH),
  status: HallStatus,
  configVersion: z.number().int().nonnegative(),
  /** The hall server's version, for the city's hall list. */
  software: z.string().max(40).optional(),
});
export type EventBatch = z.infer<typeof EventBatch>;

export const BatchAck = z.object({
  /** The highest seq such that the city holds every seq from 1 to it: the shipper resumes after it. */
  ackedSeq: z.number().int().nonnegative(),
  /** The newest catalogue the city has published: the hall pulls it when it runs an older one. */
  configVersion: z.number().int().nonnegative(),
});
export type BatchAck = z.infer<typeof BatchAck>;

const CityPapers = z.array(z.string().min(1).max(200)).max(20);

/** A service of the city's catalogue (PUT /api/city/services): names and papers in Arabic, English and French where given. */
export const CatalogueService = z.object({
  code: z
    .string()
    .regex(/^[A-Z]{1,3}$/, 'must be 1 to 3 capital Latin letters'),
  name: Bilingual,
  targetWaitMinutes: z.number().int().min(1).max(600),
  whatToBring: z.object({ ar: CityPapers, en: CityPapers.optional(), fr: CityPapers.optional() }).optional(),
});
export type CatalogueService = z.infer<typeof CatalogueService>;

export const Catalogue = z.array(CatalogueService).max(100).superRefine((services, ctx) => {
  const seen = new Set<string>();
  services.forEach((s, i) => {
    if (seen.has(s.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${s.code} is listed twice` });
    seen.add(s.code);
  });
});
export type Catalogue = z.infer<typeof Catalogue>;

/** GET /api/city/hall/config?since=<version> (hall token): 200 with this, or 204 when `since` is the newest. */
export const ConfigDocument = z.object({
  version: z.number().int().positive(),
  publishedAt: z.string(),
  services: Catalogue,
});
export type ConfigDocument = z.infer<typeof ConfigDocument>;

/** Where a hall stands (WGS 84 degrees), set by the city admin: citizens' phones order the centres by distance. */
export const HallLocation = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export type HallLocation = z.infer<typeof HallLocation>;

/** A hall as the city lists it (GET /api/city/halls). */
export const CityHall = z.object({
  id: Id,
  name: Bilingual,
  timeZone: z.string(),
  lastHeardAt: z.string().nullable(),
  /** The catalogue version the hall last said it runs (0: none yet). */
  configVersion: z.number().int().nonnegative(),
  /** The highest seq the city holds without a gap. */
  ackedSeq: z.number().int().nonnegative(),
  location: HallLocation.optional(),
});
export type CityHall = z.infer<typeof CityHall>;

/** POST /api/city/halls answer: the hall and its token, shown once. */
export const CreatedHall = CityHall.pick({ id: true, name: true, timeZone: true }).extend({ token: z.string() });

export const NewHall = z.object({
  name: Bilingual,
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Damascus'),
});

/** A row of the city board (GET /api/city/board, socket.io /city `hall`). A stale hall's figures are null. */
export const BoardRow = z.object({
  id: Id,
  name: Bilingual,
  lastHeardAt: z.string().nullable(),
  stale: z.boolean(),
  waiting: z.number().int().nullable(),
  longestWaitS: z.number().int().nullable(),
  longestWaitTargetS: z.number().int().nullable(),
  countersOpen: z.number().int().nullable(),
  issuedToday: z.number().int().nullable(),
  servedToday: z.number().int().nullable(),
  configVersion: z.number().int().nonnegative(),
});
export type BoardRow = z.infer<typeof BoardRow>;
export const Board = z.object({ halls: z.array(BoardRow) });

/** How long without a word from a hall before the board greys it out. */
export const STALE_AFTER_MS = 60_000;

export const CITY_GROUPINGS = ['hall', 'service', 'day'] as const;

// Added by the city server: its report query and answer, and the citizens' waits.

const LocalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

const HallIdText = z.string().regex(/^\d+$/, 'must be an id in decimal digits').transform(Number).pipe(Id);

function checkRange({ from, to }: { from: string; to: string }, ctx: z.RefinementCtx) {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (days > 366) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at most 366 days after from' });
}

/** GET /api/city/reports/summary: as a hall's, grouped by hall, service code or day, over all halls or one. */
export const CitySummaryQuery = z
  .object({
    from: LocalDay,
    to: LocalDay,
    groupBy: z.enum(CITY_GROUPINGS).default('hall'),
    hallId: HallIdText.optional(),
    format: z.enum(['json', 'csv']).default('json'),
    lang: Lang.default('ar'),
  })
  .superRefine(checkRange);

/** GET /api/city/reports/histograms: the hall's Histograms, one service of the catalogue (its code) in every hall, or all. */
export const CityHistogramsQuery = z
  .object({ from: LocalDay, to: LocalDay, serviceCode: z.string().min(1).max(8).optional(), hallId: HallIdText.optional() })
  .superRefine(checkRange);

/** GET /api/city/reports/arrivals: the hall's Arrivals, each hall by its own local weekday and hour. */
export const CityArrivalsQuery = z.object({ from: LocalDay, to: LocalDay, hallId: HallIdText.optional() }).superRefine(checkRange);

export const CitySummary = Summary.extend({ groupBy: z.enum(CITY_GROUPINGS) });
export type CitySummary = z.infer<typeof CitySummary>;

/**
 * GET /api/city/waits (anyone): what a citizen needs to choose a centre; a stale hall's figures
 * are null. Beyond API.md: the range, the next opening and the hall's location, when known.
 */
export const CityWaits = z.object({
  halls: z.array(
    z.object({
      id: Id,
      name: Bilingual,
      stale: z.boolean(),
      openNow: z.boolean().nullable(),
      nextOpening: z.string().optional(),
      location: HallLocation.optional(),
      services: z.array(
        z.object({
          code: z.string(),
          name: Bilingual,
          waiting: z.number().int().nullable(),
          estimatedWaitMinutes: z.number().int().nullable(),
          estimatedWaitRange: WaitRange.optional(),
        }),
      ),
      joinUrl: z.string().optional(),
    }),
  ),
});
export type CityWaits = z.infer<typeof CityWaits>;
export type CityWaitsHall = CityWaits['halls'][number];
