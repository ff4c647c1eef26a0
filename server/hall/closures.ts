import { and, asc, eq, gte } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { hallClosures } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import type { Closure } from '../protocol/schemas.js';
import { duplicate, invalidField } from './admin/fields.js';
import { recordAdminChange, type ChangeBy } from './admin/record.js';
import { cancelDayBookings, type AppointmentMessage } from './appointments-sweep.js';
import { HallError, notFound } from './errors.js';
import { namesOf } from './names.js';
import { statements } from './prepared.js';
import { getHall, type HallRow } from './state.js';
import { inScriptOf, labelled, pick, type Lang, type Phrase } from '../../ui-kit/i18n.js';

// Days the whole hall is closed (a public holiday, Eid, a power cut announced): the admin adds
// them ahead of time or on the day. A closed day offers no slots and takes no booking and, on the
// day itself, no ticket. Closing a day cancels its bookings; reopening it does not restore them.

type ClosureRow = typeof hallClosures.$inferSelect;

const closureView = (row: ClosureRow): Closure => ({
  date: row.day,
  reason: row.reasonAr === null ? null : namesOf({ nameAr: row.reasonAr, nameEn: row.reasonEn, nameFr: row.reasonFr }),
});

/** The hall's closure on a local day, if it has one. */
export function closureOn(conn: Connection, hallId: number, day: string): Closure | null {
  const row = statements(conn).closure.get({ hallId, day });
  return row ? closureView(row) : null;
}

/** The hall's closure today (its business day at `now`). */
export const closureToday = (conn: Connection, hall: HallRow, now: number) => closureOn(conn, hall.id, businessDay(now, hall.timeZone));

const CLOSED_TODAY: Phrase = { ar: 'المركز مغلق اليوم', en: 'The centre is closed today', fr: 'Le centre est fermé aujourd’hui' };

/** The sentence in one language, with the reason in it, or in the other Latin-script one: never Arabic inside English or French. */
function closedTodayIn(lang: Lang, reason: Closure['reason']): string {
  const why = reason && inScriptOf(reason, lang);
  return why ? labelled(CLOSED_TODAY[lang], lang) + why : CLOSED_TODAY[lang];
}

/** Why nothing is open today, as a service's `closedReason` says it. */
export const hallClosedText = (closure: Closure) => ({
  code: 'closed_today' as const,
  ar: closedTodayIn('ar', closure.reason),
  en: closedTodayIn('en', closure.reason),
  fr: closedTodayIn('fr', closure.reason),
});

/** Refuses what a closed day does not take: `409 hall_closed`, with the reason. */
export function refuseIfClosed(conn: Connection, hallId: number, day: string): void {
  const closure = closureOn(conn, hallId, day);
  if (!closure) return;
  const why = closure.reason ? `: ${pick(closure.reason, 'en')}` : '';
  throw new HallError('hall_closed', `the hall is closed on ${day}${why}`);
}

/** `GET /api/admin/closures`: today's and the days to come, in date order. */
export function listClosures(conn: Connection, hallId: number, now: number): Closure[] {
  const today = businessDay(now, getHall(conn, hallId).timeZone);
  return conn.db
    .select()
    .from(hallClosures)
    .where(and(eq(hallClosures.hallId, hallId), gte(hallClosures.day, today)))
    .orderBy(asc(hallClosures.day))
    .all()
    .map(closureView);
}

/**
 * `POST /api/admin/closures`: the day is closed, its bookings cancelled, in one transaction.
 * Answers the messages to tell those who left a number (`base`: where phones reach the hall).
 */
export function addClosure(conn: Connection, by: ChangeBy, closure: Closure, base: string): { closure: Closure; notices: AppointmentMessage[] } {
  return inTransaction(conn, () => {
    const hall = getHall(conn, by.hallId);
    const today = businessDay(by.at, hall.timeZone);
    if (closure.date < today) throw invalidField('date', 'past', `${closure.date} is past: today is ${today} in the hall`);
    if (closureOn(conn, hall.id, closure.date)) throw duplicate('date', `${closure.date} is closed already`);
    const row = conn.db
      .insert(hallClosures)
      .values({
        hallId: hall.id,
        day: closure.date,
        reasonAr: closure.reason?.ar ?? null,
        reasonEn: closure.reason?.en ?? null,
        reasonFr: closure.reason?.fr ?? null,
        userId: by.userId,
        createdAt: by.at,
      })
      .returning()
      .get();
    const notices = cancelDayBookings(conn, hall, null, closure.date, by.at, base);
    recordAdminChange(conn, { ...by, action: 'create', entity: 'closure', entityId: closure.date, details: { label: closure.date, reason: closure.reason ?? undefined } });
    return { closure: closureView(row), notices };
  });
}

/** `DELETE /api/admin/closures/:date`: the day is open again (its cancelled bookings stay cancelled). */
export function removeClosure(conn: Connection, by: ChangeBy, date: string): void {
  inTransaction(conn, () => {
    const mine = and(eq(hallClosures.hallId, by.hallId), eq(hallClosures.day, date));
    if (conn.db.delete(hallClosures).where(mine).run().changes === 0) throw notFound('closure', date);
    recordAdminChange(conn, { ...by, action: 'delete', entity: 'closure', entityId: date, details: { label: date } });
  });
}
