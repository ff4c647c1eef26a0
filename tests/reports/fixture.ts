import type Database from 'better-sqlite3';

// Events written straight into ticket_events at known instants, as the server writes them, so
// that every figure of a report can be worked out by hand.

export interface EventSpec {
  type: 'call' | 'recall' | 'start' | 'complete' | 'no_show' | 'transfer' | 'cancel';
  /** Local wall-clock `YYYY-MM-DDTHH:MM:SS` in the hall's zone (see `offset`). */
  at: string;
  counter?: number | null;
  user?: number | null;
  /** The ticket's service after this event (a transfer's new service); default: unchanged. */
  service?: number;
  details?: Record<string, unknown>;
}

export interface TicketSpec {
  id: number;
  service: number;
  issued: string;
  events: EventSpec[];
  /** The user who issued it (null: a kiosk). */
  by?: number | null;
}

const TO_STATUS: Record<EventSpec['type'], string> = {
  call: 'called', recall: 'called', start: 'serving', complete: 'done', no_show: 'no_show', transfer: 'waiting', cancel: 'cancelled',
};

/** Writes the tickets and their events; `offset` is the zone's offset, e.g. `+03:00`. */
export function writeTickets(sqlite: Database.Database, tickets: TicketSpec[], offset: string | ((local: string) => string)): void {
  const ms = (local: string) => Date.parse(local + (typeof offset === 'string' ? offset : offset(local)));
  const addTicket = sqlite.prepare(`INSERT INTO tickets (id, hall_id, service_id, day, sequence, number, status, issued_at, tracking_code)
    VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`);
  const addEvent = sqlite.prepare(`INSERT INTO ticket_events (hall_id, ticket_id, type, from_status, to_status, at, service_id, counter_id, user_id, details)
    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (const t of tickets) {
      const last = t.events[t.events.length - 1];
      addTicket.run(t.id, t.service, t.issued.slice(0, 10), t.id, `X${String(t.id).padStart(3, '0')}`, last ? TO_STATUS[last.type] : 'waiting', ms(t.issued), `fixture${t.id}`);
      addEvent.run(t.id, 'issue', null, 'waiting', ms(t.issued), t.service, null, t.by ?? null, null);
      let status = 'waiting';
      let service = t.service;
      for (const e of t.events) {
        service = e.service ?? service;
        const d = e.details ? JSON.stringify(e.details) : null;
        addEvent.run(t.id, e.type, status, TO_STATUS[e.type], ms(e.at), service, e.counter ?? null, e.user ?? null, d);
        status = TO_STATUS[e.type];
      }
    }
  })();
}

export function writeCounterEvents(
  sqlite: Database.Database,
  events: { counter: number; state: 'open' | 'paused' | 'closed'; at: string; user?: number | null }[],
  offset: string,
): void {
  const add = sqlite.prepare('INSERT INTO counter_events (hall_id, counter_id, state, user_id, at) VALUES (1, ?, ?, ?, ?)');
  for (const e of events) add.run(e.counter, e.state, e.user ?? null, Date.parse(e.at + offset));
}

export function writeRatings(sqlite: Database.Database, ratings: { ticket: number; service: number; counter: number; score: number; comment?: string; at: string }[], offset: string): void {
  const add = sqlite.prepare('INSERT INTO ratings (hall_id, ticket_id, service_id, counter_id, score, comment, at) VALUES (1, ?, ?, ?, ?, ?, ?)');
  for (const r of ratings) add.run(r.ticket, r.service, r.counter, r.score, r.comment ?? null, Date.parse(r.at + offset));
}
