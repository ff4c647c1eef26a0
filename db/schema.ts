import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Times are epoch milliseconds (integers); the API writes them as ISO-8601 in the hall's zone.
// Everything that belongs to a hall carries hall_id, so one database can hold several halls.

export interface OpeningHours {
  /** Weekday 0 (Sunday) … 6 (Saturday) → list of [open, close] in minutes since local midnight. */
  [weekday: string]: [number, number][];
}

export interface HallSettings {
  routingPolicy: 'default' | 'oldest-first' | 'service-order' | 'novosga';
  /** At most this many priority calls in a row per counter while others wait. */
  maxPriorityInRow: number;
  /** Keep tickets still waiting when the business day ends (otherwise they are cancelled). */
  carryOverWaiting: boolean;
  digits: 'arab' | 'latn';
  languages: ('ar' | 'en' | 'fr')[];
  ticketFooter: { ar: string; en?: string; fr?: string };
  /** Hijri dates on tickets and screens (absent: Umm al-Qura). */
  hijriCalendar?: 'islamic-umalqura' | 'islamic-civil';
  /** Print the service's "what to bring" list on the ticket (absent: true). */
  printWhatToBring?: boolean;
  /** The address printed in ticket QR codes (e.g. `https://queue.example.org`); absent: this server on the hall's network. */
  publicUrl?: string;
  /** Hall and counter displays; each field optional, defaults in server/realtime/display-info.ts. */
  display?: {
    recentCalls?: number;
    chime?: boolean;
    announceAr?: boolean;
    announceEn?: boolean;
    announceFr?: boolean;
    ticker?: { ar: string; en?: string; fr?: string } | null;
    voice?: 'clips' | 'speechSynthesis';
  };
  /** Refuse tickets outside opening hours (absent: true). The demo hall shows its hours but takes tickets any time. */
  enforceHours?: boolean;
  /** Seconds the kiosk shows a ticket before going back to the menu (absent: 20). */
  kioskReturnSeconds?: number;
  /** With CENTRAL_URL: the kiosk and phone page name another centre whose wait is much shorter (absent: false). */
  suggestOtherCentres?: boolean;
  /** Tickets taken on a phone at /join (QR code at the entrance); absent: off. */
  remoteJoin?: { enabled: boolean; dailyCapPerService: number };
  /** A webhook (SMS or WhatsApp gateway) told when a ticket with a phone number is N-th in line; absent: off. */
  notify?: { enabled: boolean; webhookUrl: string; position: number };
  /** Clerks may call a chosen waiting ticket, not only the next one (absent: false). */
  allowCallSpecific?: boolean;
  /** A called ticket recalled this many times becomes a no-show by itself; null or absent: never. */
  autoNoShowAfterRecalls?: number | null;
  /** Seconds after the call before a clerk may mark a never-recalled ticket no-show without confirming (absent: 60; 0: never asks). */
  noShowMinSeconds?: number;
  /** Supervisors are alerted when a service's queue grows this long (absent: 30). */
  alertQueueLength?: number;
  /** Notes, comments and phone numbers older than this many days are purged; the anonymous figures stay. Null or absent: kept. */
  retentionDays?: number | null;
  /** Booked appointments; each field optional, defaults in server/protocol/admin.ts (HALL_SETTING_DEFAULTS). */
  appointments?: Partial<HallAppointmentSettings>;
}

export interface HallAppointmentSettings {
  /** Check-in opens this many minutes before the slot and closes this many after it. */
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  /** A slot is booked at least this many minutes ahead and at most this many days ahead. */
  minLeadMinutes: number;
  windowDays: number;
  /** At most this share of a service's counter-minutes in any hour is bookable: walk-ins keep the rest. */
  maxBookableShare: number;
  /** While walk-ins of a service are past their target, a counter calls at most one appointment of it in this many calls. */
  appointmentEveryK: number;
}

/** A service's appointments, as its admin set them; absent fields take the defaults (server/hall/appointments-settings.ts). */
export interface ServiceAppointments {
  enabled: boolean;
  slotMinutes?: number;
  perSlot?: number;
  /** Bookable hours; absent: the service's opening hours. */
  hours?: OpeningHours;
}

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch() * 1000)`);

export const halls = sqliteTable('halls', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nameAr: text('name_ar').notNull(),
  /** null: no English name given (the English pages show the French, else the Arabic). */
  nameEn: text('name_en'),
  nameFr: text('name_fr'),
  timeZone: text('time_zone').notNull().default('Asia/Damascus'),
  openingHours: text('opening_hours', { mode: 'json' }).$type<OpeningHours>().notNull(),
  settings: text('settings', { mode: 'json' }).$type<HallSettings>().notNull(),
  /** The business day the hall's tickets are numbered in; moved on by the rollover. */
  currentDay: text('current_day'),
  createdAt: createdAt(),
});

export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    code: text('code').notNull(),
    nameAr: text('name_ar').notNull(),
    /** null: no English name given (the English pages show the French, else the Arabic). */
    nameEn: text('name_en'),
    nameFr: text('name_fr'),
    targetWaitS: integer('target_wait_s').notNull().default(900),
    /** The admin's estimate of a visit's length, the prior of the learnt duration. */
    avgServiceS: integer('avg_service_s').notNull().default(300),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** At most this many tickets per business day; null: no limit. */
    dailyLimit: integer('daily_limit'),
    /** The service's own opening hours; null: the hall's. */
    hours: text('hours', { mode: 'json' }).$type<OpeningHours>(),
    /** A heading on the kiosk's menu, for halls with many services. */
    categoryAr: text('category_ar'),
    categoryEn: text('category_en'),
    categoryFr: text('category_fr'),
    /** Documents and fees to bring, shown when the service is chosen and on the phone page. */
    whatToBringAr: text('what_to_bring_ar', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** null: none given in English (the French list is shown, else the Arabic). */
    whatToBringEn: text('what_to_bring_en', { mode: 'json' }).$type<string[]>(),
    /** null: none given in French (the English list is shown, else the Arabic). */
    whatToBringFr: text('what_to_bring_fr', { mode: 'json' }).$type<string[]>(),
    /** A supervisor closed it for the rest of this business day (`YYYY-MM-DD`); it reopens the next. */
    closedOnDay: text('closed_on_day'),
    /** Whether and how it takes appointments; null: it does not. */
    appointments: text('appointments', { mode: 'json' }).$type<ServiceAppointments>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('services_hall_code').on(t.hallId, t.code)],
);

export const counters = sqliteTable(
  'counters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    number: integer('number').notNull(),
    name: text('name'),
    zone: text('zone'),
    state: text('state', { enum: ['closed', 'open', 'paused'] }).notNull().default('closed'),
    pauseReason: text('pause_reason'),
    userId: integer('user_id').references(() => users.id),
    priorityStreak: integer('priority_streak').notNull().default(0),
    /** Calls since this counter last called an appointment (the engine's one-in-k rule); null: none yet. */
    sinceAppointment: integer('since_appointment'),
    /** The services its clerk is able to serve, set by the admin: always a superset of what it serves now. */
    qualifiedServiceIds: text('qualified_service_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
    /** When its services last changed (the staffing advisor leaves a counter changed recently alone); null: never. */
    servicesChangedAt: integer('services_changed_at'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('counters_hall_number').on(t.hallId, t.number)],
);

export const counterServices = sqliteTable(
  'counter_services',
  {
    counterId: integer('counter_id').notNull().references(() => counters.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    /** 0 is the counter's first preference. */
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] }), index('counter_services_service').on(t.serviceId)],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  hallId: integer('hall_id').references(() => halls.id),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'supervisor', 'clerk'] }).notNull(),
  displayName: text('display_name'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const devices = sqliteTable('devices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  hallId: integer('hall_id').notNull().references(() => halls.id),
  kind: text('kind', { enum: ['kiosk', 'display', 'printer'] }).notNull(),
  name: text('name').notNull(),
  zone: text('zone'),
  tokenHash: text('token_hash').notNull().unique(),
  revokedAt: integer('revoked_at'),
  lastSeenAt: integer('last_seen_at'),
  createdAt: createdAt(),
});

export const printers = sqliteTable('printers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  hallId: integer('hall_id').notNull().references(() => halls.id),
  name: text('name').notNull(),
  /** `tcp://host:port`, a device file path, or `agent:<printerDeviceId>`. */
  target: text('target').notNull(),
  widthDots: integer('width_dots').notNull().default(576),
  kioskId: integer('kiosk_id').references(() => devices.id),
  status: text('status', { enum: ['unknown', 'online', 'offline', 'paper_out'] }).notNull().default('unknown'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    /** The business day (`YYYY-MM-DD`, hall's zone) the ticket was issued in. */
    day: text('day').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    status: text('status', { enum: ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] }).notNull(),
    priority: integer('priority', { mode: 'boolean' }).notNull().default(false),
    lang: text('lang', { enum: ['ar', 'en', 'fr'] }).notNull().default('ar'),
    issuedAt: integer('issued_at').notNull(),
    calledAt: integer('called_at'),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
    counterId: integer('counter_id').references(() => counters.id),
    targetCounterId: integer('target_counter_id').references(() => counters.id),
    recalls: integer('recalls').notNull().default(0),
    /** The wait promised at issue, in seconds: kept to measure the estimate against reality. */
    estimatedWaitS: integer('estimated_wait_s'),
    trackingCode: text('tracking_code').notNull().unique(),
    deviceId: integer('device_id').references(() => devices.id),
    userId: integer('user_id').references(() => users.id),
    /** Taken on a phone at /join rather than at a kiosk. */
    remote: integer('remote', { mode: 'boolean' }).notNull().default(false),
    /** A checked-in appointment: the start of its booked slot (its wait counts from it); null for a walk-in. */
    slotAt: integer('slot_at'),
    appointmentId: integer('appointment_id'),
  },
  (t) => [
    index('tickets_waiting').on(t.hallId, t.status, t.serviceId, t.issuedAt),
    uniqueIndex('tickets_day_number').on(t.hallId, t.day, t.number),
    index('tickets_counter').on(t.counterId, t.status),
    /** A service's latest completed visits, for the learnt durations (no scan of the whole history). */
    index('tickets_service_ended').on(t.serviceId, t.status, t.endedAt),
  ],
);

export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    type: text('type', {
      enum: ['issue', 'call', 'recall', 'start', 'complete', 'no_show', 'transfer', 'requeue', 'move', 'cancel'],
    }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: integer('at').notNull(),
    serviceId: integer('service_id').notNull().references(() => services.id),
    counterId: integer('counter_id').references(() => counters.id),
    userId: integer('user_id').references(() => users.id),
    deviceId: integer('device_id').references(() => devices.id),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index('ticket_events_ticket').on(t.ticketId),
    index('ticket_events_hall_at').on(t.hallId, t.at),
    index('ticket_events_hall_type_at').on(t.hallId, t.type, t.at),
    /** Reports: a ticket's events by type, in ticket order (the report reads event ids from it). */
    index('ticket_events_report').on(t.hallId, t.ticketId, t.type),
  ],
);

export const counterEvents = sqliteTable(
  'counter_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    counterId: integer('counter_id').notNull().references(() => counters.id),
    state: text('state', { enum: ['closed', 'open', 'paused'] }).notNull(),
    reason: text('reason'),
    userId: integer('user_id').references(() => users.id),
    at: integer('at').notNull(),
  },
  (t) => [index('counter_events_hall_at').on(t.hallId, t.at), index('counter_events_counter_at').on(t.hallId, t.counterId, t.at)],
);

export const dailySequences = sqliteTable(
  'daily_sequences',
  {
    hallId: integer('hall_id').notNull().references(() => halls.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.serviceId, t.day] })],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    hallId: integer('hall_id').notNull().references(() => halls.id),
    /** Who sent the key: `device:<id>` or `user:<id>`, so two kiosks never collide. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    printerId: integer('printer_id').notNull().references(() => printers.id),
    ticketId: integer('ticket_id').references(() => tickets.id),
    /**
     * queued → sent → printed; failed when it cannot print at all; expired when too old to print;
     * cancelled when the kiosk told its citizen to photograph the ticket instead.
     */
    status: text('status', { enum: ['queued', 'sent', 'printed', 'failed', 'expired', 'cancelled'] }).notNull().default('queued'),
    /** The ESC/POS bytes of a test page; empty for a ticket's job, whose receipt the print queue draws from the ticket. */
    data: blob('data', { mode: 'buffer' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** A queued job is not tried before this (retry back-off); null: at once. */
    nextAttemptAt: integer('next_attempt_at'),
    printedAt: integer('printed_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('print_jobs_printer_status').on(t.printerId, t.status)],
);

/** Every change an admin makes (hall, services, counters, users, devices, printers, media): who, what, when. */
export const adminEvents = sqliteTable(
  'admin_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    userId: integer('user_id').references(() => users.id),
    at: integer('at').notNull(),
    /** create, update, revoke, upload, delete, test_print… */
    action: text('action').notNull(),
    /** hall, service, counter, user, device, printer, media */
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    /** What changed (never a password or a token), and a label to read it by (a code, a name). */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('admin_events_hall_at').on(t.hallId, t.at)],
);

/** The citizen's one-tap rating of a finished visit: anonymous, one per ticket. */
export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    ticketId: integer('ticket_id').notNull().unique().references(() => tickets.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    counterId: integer('counter_id').references(() => counters.id),
    /** 1 unhappy, 2 okay, 3 happy. */
    score: integer('score').notNull(),
    /** Free text the citizen typed; purged by the hall's retention setting. */
    comment: text('comment'),
    at: integer('at').notNull(),
  },
  (t) => [index('ratings_hall_at').on(t.hallId, t.at)],
);

/** A phone number a citizen gave for the notification hook: deleted when the ticket ends or the day does. */
export const ticketContacts = sqliteTable(
  'ticket_contacts',
  {
    ticketId: integer('ticket_id').primaryKey().references(() => tickets.id),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    /** Null once the citizen took it back: the row still remembers the ticket's message and numbers. */
    phone: text('phone'),
    /** When the webhook was told (once per ticket, whatever number it had then); null: not yet. */
    notifiedAt: integer('notified_at'),
    /** How many numbers were saved for the ticket (capped: each new number could mean a new message). */
    numbersSaved: integer('numbers_saved').notNull().default(1),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ticket_contacts_hall').on(t.hallId)],
);

/** A booked slot: anonymous (a code, no name, no ID number); a ticket once checked in. */
export const appointments = sqliteTable(
  'appointments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    /** 8 random digits, typed at the kiosk; never reused (unique over all time). */
    code: text('code').notNull().unique(),
    startAt: integer('start_at').notNull(),
    /** The hall's local day of the slot (`YYYY-MM-DD`). */
    day: text('day').notNull(),
    status: text('status', { enum: ['booked', 'checked_in', 'cancelled', 'no_show', 'done'] }).notNull(),
    ticketId: integer('ticket_id').references(() => tickets.id),
    lang: text('lang', { enum: ['ar', 'en', 'fr'] }).notNull().default('ar'),
    /** Booked by staff for a citizen (at the counter or on the phone); null: by the citizen. */
    userId: integer('user_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    cancelledAt: integer('cancelled_at'),
    checkedInAt: integer('checked_in_at'),
  },
  (t) => [index('appointments_slot').on(t.hallId, t.serviceId, t.startAt, t.status), index('appointments_day').on(t.hallId, t.day)],
);

/** A slot held while the citizen confirms it (15 minutes): it counts against the slot's capacity. */
export const appointmentHolds = sqliteTable(
  'appointment_holds',
  {
    id: text('id').primaryKey(),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    startAt: integer('start_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('appointment_holds_slot').on(t.hallId, t.serviceId, t.startAt)],
);

/**
 * The phone number an appointment's citizen left for reminders, apart from the appointment;
 * deleted at the end of the appointment's day. `phoneDay`: one booking per number, service and day.
 */
export const appointmentContacts = sqliteTable(
  'appointment_contacts',
  {
    appointmentId: integer('appointment_id').primaryKey().references(() => appointments.id),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    phone: text('phone').notNull(),
    /** When the day-before and two-hours-before reminders went; null: not yet. */
    remindedDayBeforeAt: integer('reminded_day_before_at'),
    remindedSoonAt: integer('reminded_soon_at'),
  },
  (t) => [index('appointment_contacts_phone').on(t.hallId, t.phone)],
);

/** Days the whole hall is closed (a public holiday, a power cut announced): no tickets, no bookings. */
export const hallClosures = sqliteTable(
  'hall_closures',
  {
    hallId: integer('hall_id').notNull().references(() => halls.id),
    /** The hall's local day, `YYYY-MM-DD`. */
    day: text('day').notNull(),
    reasonAr: text('reason_ar'),
    reasonEn: text('reason_en'),
    reasonFr: text('reason_fr'),
    userId: integer('user_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.day] })],
);

/**
 * Reports: one local day's figures per grouping, computed from ticket_events (server/reports). A
 * cache: any row may be deleted; rows whose tickets get new events or ratings are.
 */
export const reportDays = sqliteTable(
  'report_days',
  {
    hallId: integer('hall_id').notNull().references(() => halls.id),
    day: text('day').notNull(),
    grouping: text('grouping').notNull(),
    /** The day's tickets are those with ids lo…hi issued that day. */
    lo: integer('lo').notNull(),
    hi: integer('hi').notNull(),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.day, t.grouping] }), index('report_days_hi').on(t.hallId, t.hi)],
);

/** Reports: how far the cache has looked at ticket_events and ratings, and what it was computed with. */
export const reportCacheState = sqliteTable('report_cache_state', {
  hallId: integer('hall_id').primaryKey().references(() => halls.id),
  eventsThrough: integer('events_through').notNull(),
  ratingsThrough: integer('ratings_through').notNull(),
  /** Time zone and service targets the rows were computed with; another: the rows are dropped. */
  config: text('config').notNull(),
});

/**
 * What the hall ships to its city server, numbered 1, 2, 3… without a gap (AUTOINCREMENT never
 * reuses a number, even after rows the city acknowledged are pruned). Filled by triggers on
 * ticket_events, counter_events and ratings: in the same transaction as the change, always.
 */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['ticket', 'counter', 'rating'] }).notNull(),
  /** The id of the row in ticket_events, counter_events or ratings. */
  refId: integer('ref_id').notNull(),
});

/** The hall's link to its city server: one row. */
export const centralState = sqliteTable('central_state', {
  id: integer('id').primaryKey(),
  /** The highest seq the city said it holds without a gap. */
  ackedSeq: integer('acked_seq').notNull().default(0),
  /** Outbox rows up to this seq have been pruned: the hall cannot send them again. */
  prunedThrough: integer('pruned_through').notNull().default(0),
  /** The version of the city's service catalogue the hall runs (0: none yet). */
  configVersion: integer('config_version').notNull().default(0),
});

/** The staffing advisor's recommendations (server/hall/advice.ts): each one shown, and what became of it. */
export const adviceLog = sqliteTable(
  'advice_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull().references(() => halls.id),
    kind: text('kind', { enum: ['add-service', 'drop-service', 'open-counter'] }).notNull(),
    /** Null: an open-counter advice for one more clerk, at no counter in particular. */
    counterId: integer('counter_id').references(() => counters.id),
    /** The service added or dropped; for open-counter, those the extra clerk should take. */
    serviceIds: text('service_ids', { mode: 'json' }).$type<number[]>().notNull(),
    forMinutes: integer('for_minutes'),
    /** The predicted effect (AdviceEffect). */
    effect: text('effect', { mode: 'json' }).$type<{ serviceId: number; waitBeforeS: number; waitAfterS: number; othersDeltaS: number }>().notNull(),
    status: text('status', { enum: ['shown', 'applied', 'dismissed', 'expired'] }).notNull().default('shown'),
    shownAt: integer('shown_at').notNull(),
    decidedAt: integer('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    /** What followed: the helped service's mean wait (s) of the tickets called in the advice's window; null: not measured yet. */
    followedWaitS: integer('followed_wait_s'),
    followedCalls: integer('followed_calls'),
  },
  (t) => [index('advice_log_hall_shown').on(t.hallId, t.shownAt)],
);
