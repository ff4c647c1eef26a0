import { eq } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { halls } from '../../db/schema.js';
import { getHall } from '../hall/state.js';
import { prepared } from './sql.js';

// Retention: after the hall's `retentionDays`, what could name or describe a person goes (notes
// and comments in the event log, rating comments, phone numbers) and the anonymous figures stay:
// events keep their times, outcome codes and reasons; ratings keep their scores.

const DAY_MS = 86_400_000;
/** The log is swept a week at a time, so that a first purge of years never blocks the hall. */
const WINDOW_MS = 7 * DAY_MS;

const PERSONAL_KEYS = `'$.note', '$.comment', '$.phone'`;
const EVENTS_SQL = `
UPDATE ticket_events
SET details = CASE WHEN json_remove(details, ${PERSONAL_KEYS}) = '{}' THEN NULL ELSE json_remove(details, ${PERSONAL_KEYS}) END
WHERE hall_id = :hall AND at >= :from AND at < :to AND details IS NOT NULL
  AND (json_type(details, '$.note') IS NOT NULL OR json_type(details, '$.comment') IS NOT NULL OR json_type(details, '$.phone') IS NOT NULL)`;
const RATINGS_SQL = 'UPDATE ratings SET comment = NULL WHERE hall_id = :hall AND at < :to AND comment IS NOT NULL';
const CONTACTS_SQL = 'DELETE FROM ticket_contacts WHERE hall_id = :hall AND created_at < :to';

export function getRetention(conn: Connection, hallId: number): { retentionDays: number | null } {
  return { retentionDays: getHall(conn, hallId).settings.retentionDays ?? null };
}

export function setRetention(conn: Connection, hallId: number, retentionDays: number | null): { retentionDays: number | null } {
  inTransaction(conn, () => {
    const hall = getHall(conn, hallId);
    conn.db.update(halls).set({ settings: { ...hall.settings, retentionDays } }).where(eq(halls.id, hallId)).run();
  });
  return { retentionDays };
}

export interface Purged {
  events: number;
  ratings: number;
  contacts: number;
}

/** Where each hall's sweep of the log has got to (this process): nothing before it is left to purge. */
const sweptUntil = new WeakMap<Connection, Map<number, number>>();

function sweepMark(conn: Connection): Map<number, number> {
  let marks = sweptUntil.get(conn);
  if (!marks) sweptUntil.set(conn, (marks = new Map()));
  return marks;
}

/**
 * Purges what is older than the hall's retention; nothing when it keeps everything. Each window
 * is one transaction; between windows the event loop turns.
 */
export async function purgeExpired(conn: Connection, hallId: number, now: number): Promise<Purged> {
  const purged: Purged = { events: 0, ratings: 0, contacts: 0 };
  const days = getHall(conn, hallId).settings.retentionDays;
  if (!days) return purged;
  const cutoff = now - days * DAY_MS;
  const oldest = prepared(conn.sqlite, 'SELECT min(at) FROM ticket_events WHERE hall_id = ?').pluck().get(hallId) as number | null;
  const marks = sweepMark(conn);
  let from = marks.get(hallId) ?? Math.min(oldest ?? cutoff, cutoff);
  while (from < cutoff) {
    const to = Math.min(from + WINDOW_MS, cutoff);
    const window = { hall: hallId, from, to };
    purged.events += inTransaction(conn, () => prepared(conn.sqlite, EVENTS_SQL).run(window).changes);
    from = to;
    marks.set(hallId, from);
    if (from < cutoff) await new Promise((resolve) => setImmediate(resolve));
  }
  // Ratings and contacts are few: swept whole each time.
  inTransaction(conn, () => {
    purged.ratings += prepared(conn.sqlite, RATINGS_SQL).run({ hall: hallId, to: cutoff }).changes;
    purged.contacts += prepared(conn.sqlite, CONTACTS_SQL).run({ hall: hallId, to: cutoff }).changes;
  });
  return purged;
}
