import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { CatalogueService, HallStatus } from '../../server/protocol/city.js';
import type { StoredRows } from '../../server/reports/day.js';

// The city's PostgreSQL: the halls, what they shipped (hall_events, keyed (hall_id, seq) so that a
// batch sent twice is stored once), the catalogue it publishes, and its own staff. Times the halls
// wrote are epoch ms, as on a hall; times the city wrote are its own clock's epoch ms too.

const epochMs = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const halls = pgTable('halls', {
  id: serial('id').primaryKey(),
  nameAr: text('name_ar').notNull(),
  /** null: none given (English pages show the French, else the Arabic). */
  nameEn: text('name_en'),
  nameFr: text('name_fr'),
  timeZone: text('time_zone').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** Every seq from 1 to this is held. */
  ackedSeq: bigint('acked_seq', { mode: 'number' }).notNull().default(0),
  lastHeardAt: epochMs('last_heard_at'),
  configVersion: integer('config_version').notNull().default(0),
  /** The status of the hall's last batch (services as it last reported them). */
  status: jsonb('status').$type<HallStatus>(),
  software: text('software'),
  createdAt: epochMs('created_at').notNull(),
  /** Where the hall stands (degrees), set by the city admin: citizens' phones order centres by distance. */
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
});

export const hallEvents = pgTable(
  'hall_events',
  {
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    at: epochMs('at').notNull(),
    ticketId: integer('ticket_id'),
    issuedAt: epochMs('issued_at'),
    /** The whole event as the contract (server/protocol/city.ts) has it. */
    body: jsonb('body').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hallId, t.seq] }),
    index('hall_events_issued').on(t.hallId, t.issuedAt),
    index('hall_events_kind_at').on(t.hallId, t.kind, t.at),
  ],
);

/**
 * City reports' cache: a hall's past local day, its figures by service and by hour as stored
 * (server/reports/day.ts storeRows), and the service targets they were computed with. Ingest
 * drops the days a batch touches; other targets make a row useless (server/city/reports.ts).
 */
export const reportDays = pgTable(
  'report_days',
  {
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    day: date('day', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<{ service: StoredRows; hour: StoredRows }>().notNull(),
    /** [serviceId, targetWaitS] of the hall's services, by id. */
    targets: jsonb('targets').$type<[number, number][]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.day] })],
);

export const configVersions = pgTable('config_versions', {
  version: serial('version').primaryKey(),
  services: jsonb('services').$type<CatalogueService[]>().notNull(),
  publishedAt: epochMs('published_at').notNull(),
  publishedBy: integer('published_by'),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'supervisor', 'clerk'] }).notNull(),
  displayName: text('display_name'),
  active: boolean('active').notNull().default(true),
  createdAt: epochMs('created_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** City admin changes: who changed what, when (never a password or a token). */
export const audit = pgTable('audit', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: epochMs('at').notNull(),
  userId: integer('user_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: integer('entity_id'),
  details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
});

/** @socket.io/postgres-adapter's payloads too large for a NOTIFY (its README's table). */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  payload: bytea('payload'),
});
