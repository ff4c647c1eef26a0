import type Database from 'better-sqlite3';
import { hallEvents, type OutboxRow } from '../../server/central/events.js';
import type { HallEvent, HallStatus } from '../../server/protocol/city.js';

// A hall's SQLite history read as the events it ships (the outbox's contract), without the outbox:
// ticket events in id order, then counter changes, then ratings, numbered 1, 2, 3… in that order.
// Within each table the order of ids is kept, which is all the city's facts depend on. The rows
// take the outbox's shape, so that the shipper's own mapping (hallEvents) makes the events.

const NONE = { ticketId: null, type: null, fromStatus: null, toStatus: null, serviceId: null, serviceCode: null, counterId: null, userId: null,
  issuedAt: null, priority: null, remote: null, counterNumber: null, state: null, score: null };

export function hallEventsOf(sqlite: Database.Database, hallId = 1): HallEvent[] {
  const tickets = sqlite
    .prepare(
      `SELECT 'ticket' AS kind, e.ticket_id AS ticketId, e.type, e.from_status AS fromStatus, e.to_status AS toStatus, e.at, e.service_id AS serviceId,
              s.code AS serviceCode, e.counter_id AS counterId, e.user_id AS userId, t.issued_at AS issuedAt, t.priority, t.remote
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN services s ON s.id = e.service_id
       WHERE e.hall_id = ? ORDER BY e.id`,
    )
    .all(hallId);
  const counters = sqlite
    .prepare(`SELECT 'counter' AS kind, e.counter_id AS counterId, c.number AS counterNumber, e.state, e.user_id AS userId, e.at FROM counter_events e JOIN counters c ON c.id = e.counter_id WHERE e.hall_id = ? ORDER BY e.id`)
    .all(hallId);
  const ratings = sqlite
    .prepare(`SELECT 'rating' AS kind, r.ticket_id AS ticketId, t.issued_at AS issuedAt, r.score, r.at FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE r.hall_id = ? ORDER BY r.id`)
    .all(hallId);
  return hallEvents([...tickets, ...counters, ...ratings].map((row, i) => ({ ...NONE, ...(row as object), seq: i + 1 }) as OutboxRow));
}

/** The hall's status as its shipper would write it: what matters to reports is its services' targets. */
export function hallStatusOf(sqlite: Database.Database, at: number, hallId = 1): HallStatus {
  const services = sqlite
    .prepare('SELECT id, code, name_ar AS ar, name_en AS en, target_wait_s AS targetWaitS, active FROM services WHERE hall_id = ? ORDER BY id')
    .all(hallId) as { id: number; code: string; ar: string; en: string; targetWaitS: number; active: number }[];
  return {
    at,
    timeZone: 'Asia/Damascus',
    day: '2026-12-02',
    openNow: false,
    waiting: 0,
    longestWaitS: null,
    longestWaitTargetS: null,
    countersOpen: 0,
    issuedToday: 0,
    servedToday: 0,
    services: services.map((s) => ({
      id: s.id, code: s.code, name: { ar: s.ar, en: s.en }, targetWaitS: s.targetWaitS, active: !!s.active, waiting: 0, estimatedWaitMinutes: null,
    })),
  };
}
