import { and, eq, isNull } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { tickets } from '../../db/schema.js';
import { zoneOffsetMinutes } from '../engine/clock.js';
import { BIN_MIN } from '../engine/advisor/forecast.js';
import type { BinnedArrivals } from '../engine/advisor/types.js';

// How many walk-ins came for each service, per 15-minute bin of the local day: the staffing
// advisor's forecast reads the same weekday of earlier weeks and today so far. Appointments are
// not arrivals (they are booked ahead); a ticket taken on a phone is.

const BINS_PER_DAY = (24 * 60) / BIN_MIN;
/** Same weekdays looked back on. */
const HISTORY_WEEKS = 6;

/** One local day's walk-ins (`day`: `YYYY-MM-DD`), read through the tickets' (hall, day) index. */
export function dayArrivals({ db }: Connection, hallId: number, day: string, timeZone: string): Map<number, number[]> {
  const rows = db
    .select({ serviceId: tickets.serviceId, issuedAt: tickets.issuedAt })
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), eq(tickets.day, day), isNull(tickets.slotAt)))
    .all();
  const out = new Map<number, number[]>();
  if (rows.length === 0) return out;
  // A zone changes its offset at night, not in opening hours: the day's noon stands for the day.
  const offsetMs = zoneOffsetMinutes(Date.parse(`${day}T12:00:00Z`), timeZone) * 60_000;
  for (const { serviceId, issuedAt } of rows) {
    let bins = out.get(serviceId);
    if (!bins) out.set(serviceId, (bins = new Array<number>(BINS_PER_DAY).fill(0)));
    const bin = Math.floor(((((issuedAt + offsetMs) % 86_400_000) + 86_400_000) % 86_400_000) / (BIN_MIN * 60_000));
    bins[bin]! += 1;
  }
  return out;
}

/** The day `weeks` weeks before `day`, both `YYYY-MM-DD`. */
const weeksBefore = (day: string, weeks: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10);

const historyCache = new WeakMap<Connection, Map<string, BinnedArrivals[]>>();

/**
 * The same weekday on the last HISTORY_WEEKS weeks, most recent first; days the hall took no
 * walk-in (closed, or before it opened) are left out. Past days do not change: read once per day.
 */
export function arrivalHistory(conn: Connection, hallId: number, today: string, timeZone: string): BinnedArrivals[] {
  let byDay = historyCache.get(conn);
  if (!byDay) historyCache.set(conn, (byDay = new Map()));
  const key = `${hallId}:${today}`;
  let history = byDay.get(key);
  if (!history) {
    history = [];
    for (let week = 1; week <= HISTORY_WEEKS; week++) {
      const arrivals = dayArrivals(conn, hallId, weeksBefore(today, week), timeZone);
      if (arrivals.size > 0) history.push(arrivals);
    }
    byDay.clear(); // yesterday's key is never asked again
    byDay.set(key, history);
  }
  return history;
}
