import { and, asc, eq, inArray } from 'drizzle-orm';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Connection } from '../../db/connection.js';
import { counters, services, tickets, type HallSettings } from '../../db/schema.js';
import { counterServiceIds, type HallRow } from '../hall/state.js';
import { hijriCalendarOf } from '../protocol/admin.js';
import type { DisplayCounter, DisplaySettings, DisplaySnapshot, MediaItem } from '../protocol/schemas.js';
import { namesOf } from '../hall/names.js';

// What a display needs besides calls and counts: the hall (name, zone, digits, display
// settings), its services and counters, and the admin's media files.

export const DISPLAY_DEFAULTS: DisplaySettings = {
  recentCalls: 6,
  chime: true,
  announceAr: true,
  announceEn: true,
  announceFr: true,
  ticker: null,
  voice: 'clips',
};

export function displaySettings(settings: HallSettings): DisplaySettings {
  const own = settings.display ?? {};
  const pick = <K extends keyof DisplaySettings>(key: K, ok: (v: unknown) => boolean): DisplaySettings[K] =>
    ok(own[key]) ? (own[key] as DisplaySettings[K]) : DISPLAY_DEFAULTS[key];
  const bool = (v: unknown) => typeof v === 'boolean';
  return {
    recentCalls: pick('recentCalls', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 20),
    chime: pick('chime', bool),
    announceAr: pick('announceAr', bool),
    announceEn: pick('announceEn', bool),
    announceFr: pick('announceFr', bool),
    ticker: pick('ticker', (v) => typeof v === 'object' && v !== null && 'ar' in v),
    voice: pick('voice', (v) => v === 'clips' || v === 'speechSynthesis'),
  };
}

export function hallInfo(hall: HallRow): DisplaySnapshot['hall'] {
  return {
    name: namesOf(hall),
    timeZone: hall.timeZone,
    digits: hall.settings.digits,
    languages: hall.settings.languages,
    hijriCalendar: hijriCalendarOf(hall.settings),
    display: displaySettings(hall.settings),
  };
}

/** The hall's services; `closedToday`: a supervisor closed it for the business day `today`. */
export function displayServices({ db }: Connection, hallId: number, today: string): DisplaySnapshot['services'] {
  return db
    .select({ id: services.id, code: services.code, nameAr: services.nameAr, nameEn: services.nameEn, nameFr: services.nameFr, closedOnDay: services.closedOnDay })
    .from(services)
    .where(and(eq(services.hallId, hallId), eq(services.active, true)))
    .orderBy(asc(services.sortOrder), asc(services.id))
    .all()
    .map((s) => ({ id: s.id, code: s.code, name: namesOf(s), closedToday: s.closedOnDay === today }));
}

/** Active counters of the hall (of one zone, or the given ids), by number, with their ticket. */
export function displayCounters(conn: Connection, hallId: number, which: { zone?: string | null; ids?: number[] } = {}): DisplayCounter[] {
  const rows = conn.db
    .select()
    .from(counters)
    .where(
      and(
        eq(counters.hallId, hallId),
        eq(counters.active, true),
        which.zone != null ? eq(counters.zone, which.zone) : undefined,
        which.ids ? inArray(counters.id, which.ids) : undefined,
      ),
    )
    .orderBy(asc(counters.number))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((c) => c.id);
  const current = new Map(
    conn.db
      .select({ id: tickets.id, number: tickets.number, serviceId: tickets.serviceId, status: tickets.status, counterId: tickets.counterId })
      .from(tickets)
      .where(and(inArray(tickets.counterId, ids), inArray(tickets.status, ['called', 'serving'])))
      .all()
      .map((t) => [t.counterId!, { id: t.id, number: t.number, serviceId: t.serviceId, status: t.status as 'called' | 'serving' }]),
  );
  const servicesOf = counterServiceIds(conn, ids);
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    name: c.name,
    zone: c.zone,
    serviceIds: servicesOf.get(c.id) ?? [],
    state: c.state,
    pauseReason: c.pauseReason,
    ticket: current.get(c.id) ?? null,
  }));
}

const MEDIA_KINDS: Record<string, MediaItem['kind']> = {
  '.jpg': 'image', '.jpeg': 'image', '.png': 'image', '.webp': 'image', '.gif': 'image', '.svg': 'image',
  '.mp4': 'video', '.webm': 'video', '.ogv': 'video', '.m4v': 'video',
};

export const mediaKind = (file: string): MediaItem['kind'] | undefined => MEDIA_KINDS[extname(file).toLowerCase()];

/** The folder of the hall's media: DATA_DIR/media, beside the database. */
export const mediaDir = (conn: Connection) => join(dirname(conn.sqlite.name), 'media');

/** Images and videos the admin put in DATA_DIR/media, by name. */
export function listMedia(conn: Connection): MediaItem[] {
  const dir = mediaDir(conn);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && mediaKind(f) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => ({ url: `/media/${encodeURIComponent(f)}`, kind: mediaKind(f)! }));
}
