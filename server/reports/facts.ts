import type { Connection } from '../../db/connection.js';
import { prepared } from './sql.js';

// What one local day's tickets did, read from ticket_events in SQL. Event ids follow the order
// things happened in (the log is append-only), so "a ticket's first call" is its smallest call
// id: the index ticket_events_report (hall_id, ticket_id, type) finds those ids without reading
// the table, and only the few events a report needs are then read by id.

/** One ticket issued in the day: its issue, first call, end, and when its last service began. */
export interface TicketFact {
  id: number;
  issueAt: number;
  issueService: number;
  issueCounter: number | null;
  issueUser: number | null;
  /** The first call, which ends the wait (null: never called). */
  callAt: number | null;
  callCounter: number | null;
  callUser: number | null;
  /**
   * How it ended; null: not yet. A ticket counts once, as what it finally was: a no-show returned
   * to the line (requeue) has not ended, and may end again.
   */
  endType: 'complete' | 'no_show' | 'cancel' | null;
  endAt: number | null;
  endService: number | null;
  endCounter: number | null;
  endUser: number | null;
  /** For a served ticket: its last Start, or its last call when Start was skipped. */
  serviceFrom: number | null;
}

/** A transfer and the wait it caused: from the transfer to the next call. */
export interface TransferLeg {
  ticketId: number;
  at: number;
  counterId: number | null;
  userId: number | null;
  /** When the transferring counter began serving it (Start, or the call). */
  servedFrom: number | null;
  callAt: number | null;
  callService: number | null;
  callCounter: number | null;
  callUser: number | null;
}

export interface CounterChange {
  counterId: number;
  state: 'open' | 'paused' | 'closed';
  userId: number | null;
  at: number;
}

const FACTS_SQL = `
WITH per_ticket AS (
  SELECT ticket_id,
         min(id) FILTER (WHERE type = 'issue') AS issue_id,
         min(id) FILTER (WHERE type = 'call') AS call_id,
         max(id) FILTER (WHERE type IN ('complete', 'no_show', 'cancel')) AS end_id,
         max(id) FILTER (WHERE type = 'requeue') AS requeue_id,
         max(id) FILTER (WHERE type IN ('call', 'start')) AS from_id
  FROM ticket_events
  WHERE hall_id = :hall AND ticket_id BETWEEN :lo AND :hi
  GROUP BY ticket_id
)
SELECT p.ticket_id AS id,
       i.at AS issueAt, i.service_id AS issueService, i.counter_id AS issueCounter, i.user_id AS issueUser,
       c.at AS callAt, c.counter_id AS callCounter, c.user_id AS callUser,
       e.type AS endType, e.at AS endAt, e.service_id AS endService, e.counter_id AS endCounter, e.user_id AS endUser,
       f.at AS serviceFrom
FROM per_ticket p
JOIN ticket_events i ON i.id = p.issue_id
LEFT JOIN ticket_events c ON c.id = p.call_id
LEFT JOIN ticket_events e ON e.id = p.end_id AND (p.requeue_id IS NULL OR p.requeue_id < p.end_id)
LEFT JOIN ticket_events f ON f.id = p.from_id AND e.type = 'complete'
WHERE i.at >= :start AND i.at < :end`;

const TRANSFERS_SQL = `
WITH legs AS (
  SELECT t.ticket_id, t.at, t.counter_id, t.user_id,
         (SELECT max(p.id) FROM ticket_events p
           WHERE p.hall_id = t.hall_id AND p.ticket_id = t.ticket_id AND p.type IN ('call', 'start') AND p.id < t.id) AS from_id,
         (SELECT min(n.id) FROM ticket_events n
           WHERE n.hall_id = t.hall_id AND n.ticket_id = t.ticket_id AND n.type = 'call' AND n.id > t.id) AS call_id
  FROM ticket_events t
  WHERE t.hall_id = :hall AND t.ticket_id BETWEEN :lo AND :hi AND t.type = 'transfer'
)
SELECT l.ticket_id AS ticketId, l.at, l.counter_id AS counterId, l.user_id AS userId, f.at AS servedFrom,
       c.at AS callAt, c.service_id AS callService, c.counter_id AS callCounter, c.user_id AS callUser
FROM legs l
LEFT JOIN ticket_events f ON f.id = l.from_id
LEFT JOIN ticket_events c ON c.id = l.call_id`;

// Each counter's state when the day began (its last change before), then its changes that day.
const COUNTER_CHANGES_SQL = `
SELECT e.counter_id AS counterId, e.state, e.user_id AS userId, e.at
FROM counters k
JOIN counter_events e ON e.id = (
  SELECT q.id FROM counter_events q
  WHERE q.hall_id = :hall AND q.counter_id = k.id AND q.at < :start
  ORDER BY q.at DESC, q.id DESC LIMIT 1)
WHERE k.hall_id = :hall
UNION ALL
SELECT counter_id, state, user_id, at FROM counter_events
WHERE hall_id = :hall AND at >= :start AND at < :end`;

const RATINGS_SQL = 'SELECT ticket_id AS ticketId, score FROM ratings WHERE hall_id = :hall AND ticket_id BETWEEN :lo AND :hi';

// The day's tickets: the smallest and largest ids issued that day bound them (the facts keep only
// those issued that day, so the bounds may be loose).
const TICKET_RANGE_SQL = `SELECT min(ticket_id) AS lo, max(ticket_id) AS hi FROM ticket_events
  WHERE hall_id = :hall AND type = 'issue' AND at >= :start AND at < :end`;

export interface DayScope {
  hall: number;
  /** The local day is [start, end). */
  start: number;
  end: number;
}

/** The ids of the tickets issued in the day, lo…hi; null when none was. */
export function dayTicketRange({ sqlite }: Connection, scope: DayScope): { lo: number; hi: number } | null {
  const range = prepared(sqlite, TICKET_RANGE_SQL).get(scope) as { lo: number | null; hi: number | null };
  return range.lo === null ? null : { lo: range.lo, hi: range.hi! };
}

export interface DayFacts {
  tickets: TicketFact[];
  transfers: TransferLeg[];
  counters: CounterChange[];
  ratings: { ticketId: number; score: number }[];
}

export function readDayFacts({ sqlite }: Connection, scope: DayScope, range: { lo: number; hi: number } | null): DayFacts {
  const counters = prepared(sqlite, COUNTER_CHANGES_SQL).all(scope) as CounterChange[];
  if (!range) return { tickets: [], transfers: [], counters, ratings: [] };
  const params = { ...scope, ...range };
  return {
    tickets: prepared(sqlite, FACTS_SQL).all(params) as TicketFact[],
    transfers: prepared(sqlite, TRANSFERS_SQL).all({ hall: scope.hall, lo: range.lo, hi: range.hi }) as TransferLeg[],
    counters,
    ratings: prepared(sqlite, RATINGS_SQL).all({ hall: scope.hall, lo: range.lo, hi: range.hi }) as DayFacts['ratings'],
  };
}
