import type { Connection } from '../../db/connection.js';
import { STORED_GROUPINGS, storeRows, type DayFigures, type StoredGrouping, type StoredRows } from './day.js';
import { prepared } from './sql.js';

// Past days' figures are kept in report_days, so that a year's report adds up stored days instead
// of reading a year of events. The log is append-only, so a stored day goes stale only when one of
// its tickets gets a new event or a rating: before each report, the events and ratings written
// since the last look (ids above the watermarks) name their tickets, and the days holding them
// are dropped. Another time zone or service target drops everything; so does a smaller log (a
// restored backup).

interface State {
  eventsThrough: number;
  ratingsThrough: number;
  config: string;
}

const STATE_SQL = `SELECT events_through AS eventsThrough, ratings_through AS ratingsThrough, config
  FROM report_cache_state WHERE hall_id = ?`;
const SAVE_STATE_SQL = `INSERT INTO report_cache_state (hall_id, events_through, ratings_through, config) VALUES (?, ?, ?, ?)
  ON CONFLICT (hall_id) DO UPDATE SET events_through = excluded.events_through,
    ratings_through = excluded.ratings_through, config = excluded.config`;
const TOUCHED_SQL = `
  SELECT DISTINCT ticket_id FROM ticket_events WHERE id > :events AND id <= :eventsNow AND hall_id = :hall AND ticket_id <= :hi
  UNION
  SELECT ticket_id FROM ratings WHERE id > :ratings AND id <= :ratingsNow AND hall_id = :hall AND ticket_id <= :hi`;

/** Drops the stored days that new events or ratings changed; call before reading any. */
export function syncCache({ sqlite }: Connection, hallId: number, config: string): void {
  const state = prepared(sqlite, STATE_SQL).get(hallId) as State | undefined;
  const eventsNow = prepared(sqlite, 'SELECT ifnull(max(id), 0) FROM ticket_events').pluck().get() as number;
  const ratingsNow = prepared(sqlite, 'SELECT ifnull(max(id), 0) FROM ratings').pluck().get() as number;
  const save = () => prepared(sqlite, SAVE_STATE_SQL).run(hallId, eventsNow, ratingsNow, config);
  if (!state || state.config !== config || eventsNow < state.eventsThrough || ratingsNow < state.ratingsThrough) {
    prepared(sqlite, 'DELETE FROM report_days WHERE hall_id = ?').run(hallId);
    save();
    return;
  }
  if (eventsNow === state.eventsThrough && ratingsNow === state.ratingsThrough) return;
  const hi = prepared(sqlite, 'SELECT max(hi) FROM report_days WHERE hall_id = ?').pluck().get(hallId) as number | null;
  if (hi !== null) {
    const touched = prepared(sqlite, TOUCHED_SQL)
      .pluck()
      .all({ hall: hallId, hi, events: state.eventsThrough, eventsNow, ratings: state.ratingsThrough, ratingsNow }) as number[];
    const drop = prepared(sqlite, 'DELETE FROM report_days WHERE hall_id = ? AND hi >= ? AND lo <= ?');
    for (const ticketId of touched) drop.run(hallId, ticketId, ticketId);
  }
  save();
}

/** The stored days of one grouping in [from, to]: day → rows. */
export function storedDays({ sqlite }: Connection, hallId: number, grouping: StoredGrouping, from: string, to: string): Map<string, StoredRows> {
  const rows = prepared(sqlite, 'SELECT day, data FROM report_days WHERE hall_id = ? AND grouping = ? AND day BETWEEN ? AND ?').all(
    hallId,
    grouping,
    from,
    to,
  ) as { day: string; data: string }[];
  return new Map(rows.map((r) => [r.day, JSON.parse(r.data) as StoredRows]));
}

/** Keeps a past day's figures; `range` is its tickets' ids (null: it had none). */
export function storeDay(
  { sqlite }: Connection,
  hallId: number,
  day: string,
  range: { lo: number; hi: number } | null,
  figures: DayFigures,
): void {
  const put = prepared(sqlite, 'INSERT OR REPLACE INTO report_days (hall_id, day, grouping, lo, hi, data) VALUES (?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const g of STORED_GROUPINGS) put.run(hallId, day, g, range?.lo ?? 1, range?.hi ?? 0, JSON.stringify(storeRows(figures[g])));
  })();
}
