import type { Connection } from '../../db/connection.js';
import { businessDay } from '../engine/clock.js';
import type { Arrivals, Histograms } from '../protocol/reports.js';
import { figuresByDay, reportContext } from './days.js';
import { emptyFigures, issuedOf, mergeFigures, SERVICE_BUCKET_S, WAIT_BUCKET_S } from './figures.js';
import { nextDay } from './zone.js';

// The reports' charts, from the same stored days as the table: the distributions of waits and
// service times, and arrivals by local weekday and hour.

type Bucket = Histograms['wait'][number];

/** Counts by bucket index → every bucket from 0 to the last one used, empty ones included. */
function buckets(counts: Map<number, number>, sizeS: number): Bucket[] {
  const last = Math.max(-1, ...counts.keys());
  return Array.from({ length: last + 1 }, (_, b) => ({ fromS: b * sizeS, toS: (b + 1) * sizeS, count: counts.get(b) ?? 0 }));
}

/** Waits (first call − issue, in whole seconds) in 2-minute buckets; service times in 3-minute buckets. */
export async function histograms(
  conn: Connection,
  hallId: number,
  q: { from: string; to: string; serviceId?: number },
  now: number,
): Promise<Histograms> {
  const ctx = reportContext(conn, hallId);
  const all = emptyFigures();
  for (const rows of (await figuresByDay(conn, ctx, 'service', q.from, q.to, now)).values()) {
    for (const [serviceId, f] of rows) if (q.serviceId === undefined || serviceId === q.serviceId) mergeFigures(all, f);
  }
  const waits = new Map<number, number>();
  for (const [s, n] of all.waitHist) {
    const b = Math.floor(s / WAIT_BUCKET_S);
    waits.set(b, (waits.get(b) ?? 0) + n);
  }
  return { from: q.from, to: q.to, serviceId: q.serviceId ?? null, wait: buckets(waits, WAIT_BUCKET_S), service: buckets(all.serviceHist, SERVICE_BUCKET_S) };
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Tickets issued by local weekday (0 = Sunday) × local hour, and how many of each weekday the range holds. */
export async function arrivals(conn: Connection, hallId: number, q: { from: string; to: string }, now: number): Promise<Arrivals> {
  const ctx = reportContext(conn, hallId);
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const days = Array<number>(7).fill(0);
  const today = businessDay(now, ctx.timeZone);
  for (let day = q.from; day <= q.to && day <= today; day = nextDay(day)) days[weekdayOf(day)]!++;
  for (const [day, rows] of await figuresByDay(conn, ctx, 'hour', q.from, q.to, now)) {
    for (const [hour, f] of rows) cells[weekdayOf(day)]![hour as number]! += issuedOf(f);
  }
  return { from: q.from, to: q.to, cells, days };
}
